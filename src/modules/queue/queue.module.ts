import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ALL_QUEUE_NAMES, DEFAULT_JOB_OPTIONS, redisOptionsFromUrl } from '@app/queue';
import { AppConfig } from '../../config/app-config';
import { QueueErrorLogger } from './queue-error-logger';

/** BullMQ connection + every queue, registered once; producers inject queues by name. */
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
  providers: [QueueErrorLogger],
  exports: [BullModule],
})
export class QueueModule {}
