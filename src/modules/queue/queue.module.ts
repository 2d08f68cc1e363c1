import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Cluster } from 'ioredis';
import { ALL_QUEUE_NAMES, bullConnection, DEFAULT_JOB_OPTIONS } from '@app/queue';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from './job-queue';
import { QueueErrorLogger } from './queue-error-logger';

const BULL_CONNECTION = Symbol('BULL_CONNECTION');
type BullConnection = ReturnType<typeof bullConnection>;

/** A Redis Cluster client is ours to close (BullMQ closes only the clients it made itself). */
@Injectable()
class BullConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(BULL_CONNECTION) private readonly connection: BullConnection) {}
  async onApplicationShutdown(): Promise<void> {
    const connection = this.connection;
    if (connection instanceof Cluster) {
      await connection.quit().catch(() => connection.disconnect());
    }
  }
}

@Module({
  providers: [
    {
      provide: BULL_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig): BullConnection =>
        bullConnection(config.redisUrl, config.redisClusterNodes),
    },
    BullConnectionCloser,
  ],
  exports: [BULL_CONNECTION],
})
class BullConnectionModule {}

/** BullMQ connection + every queue, registered once; producers enqueue through JobQueue. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [BullConnectionModule],
      inject: [AppConfig, BULL_CONNECTION],
      useFactory: (config: AppConfig, connection: BullConnection) => ({
        connection,
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
