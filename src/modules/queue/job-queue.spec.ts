import { getQueueToken } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { QueueName } from '@app/queue';
import { ENQUEUE_TIMEOUT_MS, JobQueue } from './job-queue';

/** Stands in for Redis at the BullMQ boundary: each call answers what the test says. */
function queues(answer: () => Promise<unknown>) {
  const calls: { queue: string; method: string; args: unknown[] }[] = [];
  const queueFor = (queue: string) =>
    new Proxy(
      {},
      {
        get:
          (_, method: string) =>
          (...args: unknown[]) => {
            calls.push({ queue, method, args });
            return answer();
          },
      },
    );
  const moduleRef = {
    get: (token: string) => queueFor(token),
  } as unknown as ModuleRef;
  return { jobs: new JobQueue(moduleRef), calls };
}

describe('JobQueue: one enqueue policy', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('adds the job to the queue that carries its name and answers true', async () => {
    const { jobs, calls } = queues(async () => ({}));
    await expect(
      jobs.enqueue('certificate.render', { certificateId: 'c1' }, { jobId: 'c1' }),
    ).resolves.toBe(true);
    await expect(
      jobs.enqueueMany('email.send', [{ data: { outboxId: 'o1' }, opts: { jobId: 'o1' } }]),
    ).resolves.toBe(true);
    await expect(jobs.schedule('quiz.sweep', { every: 60_000 })).resolves.toBe(true);
    expect(calls).toEqual([
      {
        queue: getQueueToken(QueueName.Certificates),
        method: 'add',
        args: ['certificate.render', { certificateId: 'c1' }, { jobId: 'c1' }],
      },
      {
        queue: getQueueToken(QueueName.Email),
        method: 'addBulk',
        args: [[{ name: 'email.send', data: { outboxId: 'o1' }, opts: { jobId: 'o1' } }]],
      },
      {
        queue: getQueueToken(QueueName.Quizzes),
        method: 'upsertJobScheduler',
        args: [
          'quiz.sweep',
          { every: 60_000 },
          { name: 'quiz.sweep', data: undefined, opts: undefined },
        ],
      },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('never throws: a failed enqueue is logged and answers false', async () => {
    const { jobs } = queues(() => Promise.reject(new Error('READONLY')));
    await expect(
      jobs.enqueue('quiz.auto-submit', { attemptId: 'a1' }, { jobId: 'j1' }),
    ).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith('quiz.auto-submit j1 failed: READONLY');
  });

  it('gives up after ENQUEUE_TIMEOUT_MS when Redis does not answer', async () => {
    jest.useFakeTimers();
    const { jobs } = queues(() => new Promise(() => undefined));
    const result = jobs.enqueue('certificate.render', { certificateId: 'c2' }, { jobId: 'c2' });
    await jest.advanceTimersByTimeAsync(ENQUEUE_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith(
      `certificate.render c2: no answer from Redis within ${ENQUEUE_TIMEOUT_MS} ms`,
    );
  });
});
