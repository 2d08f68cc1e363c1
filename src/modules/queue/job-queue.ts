import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue, RepeatOptions } from 'bullmq';
import { JOB_QUEUE, type JobName, type JobPayloads } from '@app/queue';

/** Longest an enqueue may hold its caller (BullMQ waits for Redis indefinitely otherwise). */
export const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * The one way to put jobs on a queue. Every job's state lives in PostgreSQL first and a
 * sweeper re-enqueues what is pending, so an enqueue is best effort: it never throws and never
 * waits longer than ENQUEUE_TIMEOUT_MS; a failure or timeout is logged and answers `false`.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The BullMQ queue that carries `name`, for reads (getJob, state). */
  queueOf(name: JobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
  }

  async enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    opts: JobsOptions = {},
  ): Promise<boolean> {
    return this.bounded(name, opts.jobId ?? '', this.queueOf(name).add(name, data, opts));
  }

  /** Many jobs of one name in one round trip. */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: readonly { data: JobPayloads[N]; opts?: JobsOptions }[],
  ): Promise<boolean> {
    if (jobs.length === 0) return true;
    const add = this.queueOf(name).addBulk(jobs.map((job) => ({ name, ...job })));
    return this.bounded(name, `${jobs.length} job(s)`, add);
  }

  /**
   * (Re)declares the repeatable job `name`; the scheduler id is the job name. Idempotent, so
   * every worker upserts at boot. Same policy as `enqueue`.
   */
  async schedule<N extends JobName>(
    name: N,
    repeat: Omit<RepeatOptions, 'key'>,
    template: {
      data?: JobPayloads[N];
      opts?: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'>;
    } = {},
  ): Promise<boolean> {
    const queue = this.queueOf(name);
    const upsert = queue.upsertJobScheduler(name, repeat, {
      name,
      data: template.data,
      opts: template.opts,
    });
    return this.bounded(`${name} schedule`, '', upsert);
  }

  /** Removes a scheduler declared under an older id. */
  async unschedule(name: JobName, schedulerId: string): Promise<boolean> {
    return this.bounded(
      `${schedulerId} schedule removal`,
      '',
      this.queueOf(name).removeJobScheduler(schedulerId),
    );
  }

  private async bounded(what: string, id: string, work: Promise<unknown>): Promise<boolean> {
    work.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS);
    });
    const label = id ? `${what} ${id}` : what;
    try {
      if ((await Promise.race([work, timeout])) === 'timeout') {
        this.logger.warn(`${label}: no answer from Redis within ${ENQUEUE_TIMEOUT_MS} ms`);
        return false;
      }
      return true;
    } catch (e) {
      this.logger.warn(`${label} failed: ${(e as Error).message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
