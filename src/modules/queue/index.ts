// Public surface of the queue module.
export { QueueModule } from './queue.module';
