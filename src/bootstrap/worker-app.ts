import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { WorkerModule } from '../worker.module';

/** The worker: BullMQ processors and schedulers in a Nest application context, no HTTP. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  context.useLogger(context.get(Logger));
  await context.init();
  return context;
}
