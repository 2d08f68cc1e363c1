import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobPayloads, QueueName, WORKER_METRICS } from '@app/queue';
import { GradingService } from '../grading.service';

@Processor(QueueName.Quizzes, { concurrency: 4, metrics: WORKER_METRICS })
export class QuizzesProcessor extends WorkerHost {
  constructor(private readonly grading: GradingService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'quiz.auto-submit': {
        const { attemptId } = job.data as JobPayloads['quiz.auto-submit'];
        if (typeof attemptId !== 'string') throw new Error('attemptId missing');
        return this.grading.autoSubmit(attemptId);
      }
      case 'quiz.sweep':
        return this.grading.sweepExpired();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
