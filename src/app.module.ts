import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessControlModule } from './common/auth/access-control.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { pinoOptions } from './bootstrap/logging';
import { AdminAuditModule } from './modules/admin-audit';
import { AuditModule } from './modules/audit';
import { AccessStateModule, AuthModule } from './modules/auth';
import { ComplianceModule } from './modules/compliance';
import { CoursesModule } from './modules/courses';
import { EnrollmentsModule } from './modules/enrollments';
import { HealthModule } from './modules/health';
import { MarkdownModule } from './modules/markdown';
import { MetricsHttpModule, MetricsModule } from './modules/metrics';
import { NotificationsModule } from './modules/notifications';
import { OnboardingModule } from './modules/onboarding';
import { OrganizationsModule } from './modules/organizations';
import { QueueModule } from './modules/queue';
import { RedisModule } from './modules/redis';
import { StorageModule } from './modules/storage';
import { CertificatesModule } from './modules/certificates';
import { UsersModule } from './modules/users';
import { QuizzesModule } from './modules/quizzes';

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
  MetricsHttpModule,
  CoursesModule,
  EnrollmentsModule,
  NotificationsModule,
  OnboardingModule,
  CertificatesModule,
  QuizzesModule,
  ComplianceModule,
  AdminAuditModule,
  MarkdownModule,
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
