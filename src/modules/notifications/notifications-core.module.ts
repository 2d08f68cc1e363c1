import { Module } from '@nestjs/common';
import { EnrollmentsCoreModule } from '../enrollments';
import { CourseSettingsService } from './course-settings.service';
import { NotificationSubscriptions } from './notification-subscriptions';
import { NotificationsService } from './notifications.service';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxDispatcher } from './outbox-dispatcher';
import { PreferencesService } from './preferences.service';

/** Services shared by the API and the worker (no controllers, no processors). */
@Module({
  imports: [EnrollmentsCoreModule],
  providers: [
    OutboxDispatcher,
    NotificationsService,
    PreferencesService,
    OutboxAdminService,
    CourseSettingsService,
    NotificationSubscriptions,
  ],
  exports: [
    OutboxDispatcher,
    NotificationsService,
    PreferencesService,
    OutboxAdminService,
    CourseSettingsService,
  ],
})
export class NotificationsCoreModule {}
