import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from './after-commit';
import { dataSourceOptions } from './data-source-options';
import { ReportingReader } from './reporting-reader';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(
          config.databaseUrl,
          config.databasePool.size,
          config.databasePool.acquireTimeoutMs,
          config.databaseReadUrl,
        ),
        migrationsRun: false,
      }),
    }),
  ],
  providers: [AfterCommit, ReportingReader],
  exports: [AfterCommit, ReportingReader],
})
export class DatabaseModule {}
