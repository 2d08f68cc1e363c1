import { Module } from '@nestjs/common';
import {
  AdminEmailController,
  CourseNotificationSettingsController,
  MyNotificationPreferencesController,
  UnsubscribeController,
} from './notifications.controller';
import { CoursesModule } from '../courses/courses.module';
import { NotificationsCoreModule } from './notifications-core.module';
import { OutboxMetrics } from './outbox-metrics';
import './notifications.errors';

/** API side of notifications: preferences, unsubscribe, admin outbox, course settings. */
@Module({
  imports: [NotificationsCoreModule, CoursesModule],
  controllers: [
    MyNotificationPreferencesController,
    UnsubscribeController,
    AdminEmailController,
    CourseNotificationSettingsController,
  ],
  providers: [OutboxMetrics],
  exports: [NotificationsCoreModule],
})
export class NotificationsModule {}
