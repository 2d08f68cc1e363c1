import { Module } from '@nestjs/common';
import {
  AdminEmailController,
  CourseNotificationSettingsController,
  MyNotificationPreferencesController,
  UnsubscribeController,
} from './notifications.controller';
import { CoursesModule } from '../courses';
import { NotificationsCoreModule } from './notifications-core.module';
import { OutboxMetrics } from './outbox-metrics';
import { SuppressionsAdminService } from './suppressions-admin.service';

/** API side of notifications: preferences, unsubscribe, admin outbox, course settings. */
@Module({
  imports: [NotificationsCoreModule, CoursesModule],
  controllers: [
    MyNotificationPreferencesController,
    UnsubscribeController,
    AdminEmailController,
    CourseNotificationSettingsController,
  ],
  providers: [OutboxMetrics, SuppressionsAdminService],
  exports: [NotificationsCoreModule],
})
export class NotificationsModule {}
