import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { notFound } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { COURSE_EXISTS_SQL } from './mail-queries';

export interface CourseNotificationSettingsView {
  courseId: string;
  /** The course's own value; null means the global default applies. */
  inactivityDays: number | null;
  effectiveInactivityDays: number;
}

@Injectable()
export class CourseSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async get(courseId: string): Promise<CourseNotificationSettingsView> {
    await this.assertCourseExists(courseId);
    const [row] = (await this.dataSource.query(
      'SELECT inactivity_days FROM course_notification_settings WHERE course_id = $1',
      [courseId],
    )) as { inactivity_days: number | null }[];
    return this.view(courseId, row?.inactivity_days ?? null);
  }

  async set(
    courseId: string,
    inactivityDays: number | null,
    actor: AuthUser,
  ): Promise<CourseNotificationSettingsView> {
    await this.assertCourseExists(courseId);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO course_notification_settings (course_id, inactivity_days) VALUES ($1, $2)
         ON CONFLICT (course_id) DO UPDATE SET inactivity_days = EXCLUDED.inactivity_days, updated_at = now()`,
        [courseId, inactivityDays],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'course.notification_settings_changed',
          entityType: 'course',
          entityId: courseId,
          data: { inactivityDays },
        },
        tx,
      );
    });
    return this.view(courseId, inactivityDays);
  }

  private view(courseId: string, inactivityDays: number | null): CourseNotificationSettingsView {
    return {
      courseId,
      inactivityDays,
      effectiveInactivityDays: inactivityDays ?? this.config.notifications.inactivityDaysDefault,
    };
  }

  private async assertCourseExists(courseId: string): Promise<void> {
    const [row] = (await this.dataSource.query(COURSE_EXISTS_SQL, [courseId])) as unknown[];
    if (!row) throw notFound('Course');
  }
}
