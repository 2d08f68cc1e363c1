import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DEFAULT_DECLARED_JOBS, JobRegistry } from './job-registry';

/** Worker only: the job name -> handler registry the queue processors route through. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobRegistry, DEFAULT_DECLARED_JOBS],
  exports: [JobRegistry],
})
export class QueueJobsModule {}
