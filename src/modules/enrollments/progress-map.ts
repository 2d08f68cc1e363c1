import type { EntityManager } from 'typeorm';
import { prepared, queryPrepared } from '../../database/raw';
import type { LessonState } from './domain/progress-rules';

const PROGRESS_OF_ENROLLMENT = prepared(
  'SELECT lesson_id, status, time_spent_seconds FROM lesson_progress WHERE enrollment_id = $1',
);

export async function loadProgressMap(
  manager: EntityManager,
  enrollmentId: string,
): Promise<Map<string, LessonState>> {
  const rows = await queryPrepared<{
    lesson_id: string;
    status: LessonState['status'];
    time_spent_seconds: number;
  }>(manager, PROGRESS_OF_ENROLLMENT, [enrollmentId]);
  return new Map(
    rows.map((r) => [r.lesson_id, { status: r.status, timeSpentSeconds: r.time_spent_seconds }]),
  );
}
