import { DynamicModule, Module } from '@nestjs/common';
import { coreImports } from './app.module';
import { AccessControlModule } from './common/auth/access-control.module';
import { AppConfig } from './config/app-config';
import { CertificatesJobsModule } from './modules/certificates/certificates-jobs.module';
import { NotificationsJobsModule } from './modules/notifications/notifications-jobs.module';
import { QuizzesJobsModule } from './modules/quizzes/quizzes-jobs.module';
import { StorageJobsModule } from './modules/storage/storage-jobs.module';

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
      imports: [...coreImports(config), AccessControlModule, ...(JOB_MODULES ?? [])],
    };
  }
}
