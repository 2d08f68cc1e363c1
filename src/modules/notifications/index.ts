// Public surface of the notifications module: other modules import only from here.
export { NotificationsCoreModule } from './notifications-core.module';
export { NotificationsJobsModule } from './notifications-jobs.module';
export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export type { EnqueueEmailInput, EnqueueResult } from './notifications.service';
