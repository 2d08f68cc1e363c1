import type { EntityManager } from 'typeorm';
import type { LessonState } from './domain/progress-rules';

export async function loadProgressMap(
  manager: EntityManager,
  enrollmentId: string,
): Promise<Map<string, LessonState>> {
  const rows: { lesson_id: string; status: LessonState['status']; time_spent_seconds: number }[] =
    await manager.query(
      'SELECT lesson_id, status, time_spent_seconds FROM lesson_progress WHERE enrollment_id = $1',
      [enrollmentId],
    );
  return new Map(
    rows.map((r) => [r.lesson_id, { status: r.status, timeSpentSeconds: r.time_spent_seconds }]),
  );
}
