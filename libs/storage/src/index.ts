export * from './blob-storage';
export * from './magic-bytes';
export * from './s3-storage';
