import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobPayloads, QueueName, WORKER_METRICS } from '@app/queue';
import { JobHandler, JobRegistry } from '../../queue';
import { GradingService } from '../grading.service';

@Processor(QueueName.Quizzes, { concurrency: 4, metrics: WORKER_METRICS })
export class QuizzesProcessor extends WorkerHost {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly grading: GradingService,
  ) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return this.jobs.run(QueueName.Quizzes, job, token);
  }

  @JobHandler('quiz.auto-submit')
  autoSubmit({ attemptId }: JobPayloads['quiz.auto-submit']) {
    if (typeof attemptId !== 'string') throw new Error('attemptId missing');
    return this.grading.autoSubmit(attemptId);
  }

  @JobHandler('quiz.sweep')
  sweep() {
    return this.grading.sweepExpired();
  }
}
