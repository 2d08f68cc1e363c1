import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ALL_QUEUE_NAMES, DEFAULT_JOB_OPTIONS, redisOptionsFromUrl } from '@app/queue';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from './job-queue';
import { QueueErrorLogger } from './queue-error-logger';

/** BullMQ connection + every queue, registered once; producers enqueue through JobQueue. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [QueueErrorLogger, JobQueue],
  exports: [BullModule, JobQueue],
})
export class QueueModule {}
