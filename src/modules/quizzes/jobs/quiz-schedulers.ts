import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../queue';

/** Every minute: submit open attempts whose deadline passed and whose job was lost. */
@Injectable()
export class QuizSchedulers implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('quiz.sweep', { every: 60_000 });
  }
}
