export * from './queue-names';
export * from './connection';
