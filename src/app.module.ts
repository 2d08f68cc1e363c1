import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessControlModule } from './common/auth/access-control.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { pinoOptions } from './bootstrap/logging';
import { AuditModule } from './modules/audit/audit.module';
import { AccessStateModule } from './modules/auth/access-state.module';
import { AuthModule } from './modules/auth/auth.module';
import { CoursesModule } from './modules/courses/courses.module';
import { EnrollmentsModule } from './modules/enrollments/enrollments.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { QueueModule } from './modules/queue/queue.module';
import { RedisModule } from './modules/redis/redis.module';
import { StorageModule } from './modules/storage/storage.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { UsersModule } from './modules/users/users.module';
import { QuizzesModule } from './modules/quizzes/quizzes.module';

/** Infrastructure shared by the API and the worker process. */
export function coreImports(config: AppConfig) {
  return [
    ConfigModule.forRoot(config),
    LoggerModule.forRoot(pinoOptions(config)),
    DatabaseModule,
    RedisModule,
    QueueModule,
    AuditModule,
    MetricsModule,
    StorageModule,
  ];
}

/** The feature modules (services + controllers). Processors live in WorkerModule. */
export const FEATURE_MODULES = [
  OrganizationsModule,
  UsersModule,
  AuthModule,
  HealthModule,
  CoursesModule,
  EnrollmentsModule,
  NotificationsModule,
  CertificatesModule,
  QuizzesModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreImports(config),
        AccessControlModule.forRoot(AccessStateModule),
        ...FEATURE_MODULES,
      ],
    };
  }
}
