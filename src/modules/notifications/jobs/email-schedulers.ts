import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { JobName } from '@app/queue';
import { AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../queue';

/** Scheduler ids before they were spelled as the job name; removed so they do not run twice. */
const LEGACY_SCHEDULER_IDS: [JobName, string][] = [
  ['reminders.scan', 'reminders-scan'],
  ['reminders.hr-digest', 'reminders-hr-digest'],
  ['email.sweep', 'email-sweep'],
];

/** Repeatable jobs of the e-mail queue, (re)declared by every worker at start (upsert is idempotent). */
@Injectable()
export class EmailSchedulers implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.notifications;
    for (const [name, id] of LEGACY_SCHEDULER_IDS) await this.jobs.unschedule(name, id);
    await this.jobs.schedule(
      'reminders.scan',
      { every: settings.reminderScanEverySeconds * 1000 },
      { data: {}, opts: { attempts: 3 } },
    );
    await this.jobs.schedule(
      'reminders.hr-digest',
      { pattern: settings.hrDigestCron, tz: this.config.timeZone },
      { data: {}, opts: { attempts: 3 } },
    );
    await this.jobs.schedule(
      'email.sweep',
      { every: settings.sweepEverySeconds * 1000 },
      { data: {}, opts: { attempts: 1 } },
    );
  }
}
