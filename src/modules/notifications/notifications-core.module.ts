import { Module } from '@nestjs/common';
import { AfterCommit } from './after-commit';
import { CourseSettingsService } from './course-settings.service';
import { NotificationSubscriptions } from './notification-subscriptions';
import { NotificationsService } from './notifications.service';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxDispatcher } from './outbox-dispatcher';
import { PreferencesService } from './preferences.service';

/** Services shared by the API and the worker (no controllers, no processors). */
@Module({
  providers: [
    AfterCommit,
    OutboxDispatcher,
    NotificationsService,
    PreferencesService,
    OutboxAdminService,
    CourseSettingsService,
    NotificationSubscriptions,
  ],
  exports: [
    AfterCommit,
    OutboxDispatcher,
    NotificationsService,
    PreferencesService,
    OutboxAdminService,
    CourseSettingsService,
  ],
})
export class NotificationsCoreModule {}
