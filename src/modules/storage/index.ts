// Public surface of the storage module: other modules import only from here.
export { BLOB_STORAGE, InjectBlobStorage, StorageModule } from './storage.module';
export { StorageJobsModule } from './storage-jobs.module';
