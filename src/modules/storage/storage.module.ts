import { Global, Inject, Module } from '@nestjs/common';
import { LocalDirectoryStorage } from '@app/storage';
import { AppConfig } from '../../config/app-config';

export const BLOB_STORAGE = Symbol('BLOB_STORAGE');
export const InjectBlobStorage = () => Inject(BLOB_STORAGE);

/** The blob store every module writes files to (a local directory today). */
@Global()
@Module({
  providers: [
    {
      provide: BLOB_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDirectoryStorage(config.storageDir),
    },
  ],
  exports: [BLOB_STORAGE],
})
export class StorageModule {}
