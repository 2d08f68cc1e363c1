export * from './blob-storage';
export * from './magic-bytes';
