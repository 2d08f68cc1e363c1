// Public surface of the queue module.
export { QueueModule } from './queue.module';
export { QueueJobsModule } from './jobs.module';
export { JobQueue, ENQUEUE_TIMEOUT_MS } from './job-queue';
export { JobHandler } from './job-handler';
export { JobRegistry } from './job-registry';
