import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@app/queue';

export const JOB_HANDLER = 'k3:job-handler';

export type JobHandlerMethod<N extends JobName> = (
  data: JobPayloads[N],
  job: Job<JobPayloads[N]>,
  token?: string,
) => unknown;

/**
 * Marks the method that runs job `name`. The worker collects these at boot (JobRegistry) and
 * refuses to start while a job declared in `@app/queue` has no handler or more than one.
 */
export function JobHandler<N extends JobName>(name: N) {
  return <M extends JobHandlerMethod<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(JOB_HANDLER, name)(target, key, descriptor);
  };
}
