import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { AppConfig } from '../../../config/app-config';

/** Repeatable jobs of the e-mail queue, (re)declared by every worker at start (upsert is idempotent). */
@Injectable()
export class EmailSchedulers implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.notifications;
    await this.queue.upsertJobScheduler(
      'reminders-scan',
      { every: settings.reminderScanEverySeconds * 1000 },
      { name: 'reminders.scan', data: {}, opts: { attempts: 3 } },
    );
    await this.queue.upsertJobScheduler(
      'reminders-hr-digest',
      { pattern: settings.hrDigestCron, tz: this.config.timeZone },
      { name: 'reminders.hr-digest', data: {}, opts: { attempts: 3 } },
    );
    await this.queue.upsertJobScheduler(
      'email-sweep',
      { every: settings.sweepEverySeconds * 1000 },
      { name: 'email.sweep', data: {}, opts: { attempts: 1 } },
    );
  }
}
