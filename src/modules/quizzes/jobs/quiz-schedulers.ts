import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';

/** Every minute: submit open attempts whose deadline passed and whose job was lost. */
@Injectable()
export class QuizSchedulers implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Quizzes) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('quiz.sweep', { every: 60_000 }, { name: 'quiz.sweep' });
  }
}
