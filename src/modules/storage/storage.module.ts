import { Global, Inject, Module } from '@nestjs/common';
import { type BlobStorage, LocalDirectoryStorage, S3Storage } from '@app/storage';
import { AppConfig } from '../../config/app-config';

export const BLOB_STORAGE = Symbol('BLOB_STORAGE');
export const InjectBlobStorage = () => Inject(BLOB_STORAGE);

function blobStorageFor(config: AppConfig): BlobStorage {
  const settings = config.storage;
  if (settings.driver === 'local') return new LocalDirectoryStorage(settings.dir);
  const { driver: _driver, ...s3 } = settings;
  return new S3Storage(s3);
}

/** The blob store every module writes files to: STORAGE_DRIVER picks a local directory or S3. */
@Global()
@Module({
  providers: [
    {
      provide: BLOB_STORAGE,
      inject: [AppConfig],
      useFactory: blobStorageFor,
    },
  ],
  exports: [BLOB_STORAGE],
})
export class StorageModule {}
