import { DynamicModule, Module } from '@nestjs/common';
import { coreImports } from './app.module';
import { AppConfig } from './config/app-config';
import { CertificatesJobsModule } from './modules/certificates';
import { NotificationsJobsModule } from './modules/notifications';
import { QueueJobsModule } from './modules/queue';
import { QuizzesJobsModule } from './modules/quizzes';
import { StorageJobsModule } from './modules/storage';

/** Queue processors and job schedulers; no HTTP. Feature job modules are added here. */
export const JOB_MODULES: DynamicModule['imports'] = [
  NotificationsJobsModule,
  CertificatesJobsModule,
  QuizzesJobsModule,
  StorageJobsModule,
];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...coreImports(config), QueueJobsModule, ...(JOB_MODULES ?? [])],
    };
  }
}
