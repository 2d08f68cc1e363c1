import { Module } from '@nestjs/common';
import { CertificatesJobsModule } from '../certificates';
import { EmailRateLimiter } from './email-rate-limiter';
import { EmailSenderService } from './email-sender.service';
import { HrDigestService } from './hr-digest.service';
import { EmailSchedulers } from './jobs/email-schedulers';
import { EmailProcessor } from './jobs/email.processor';
import { CertificateIssuedSubscription } from './notification-subscriptions';
import { NotificationsCoreModule } from './notifications-core.module';
import { OutboxSweeper } from './outbox-sweeper.service';
import { RemindersService } from './reminders.service';

/** Worker side: the e-mail queue processor, the sender, the scans and their schedulers. */
@Module({
  imports: [NotificationsCoreModule, CertificatesJobsModule],
  providers: [
    EmailRateLimiter,
    EmailSenderService,
    OutboxSweeper,
    RemindersService,
    HrDigestService,
    EmailProcessor,
    EmailSchedulers,
    CertificateIssuedSubscription,
  ],
  exports: [RemindersService, HrDigestService, OutboxSweeper, EmailSenderService],
})
export class NotificationsJobsModule {}
