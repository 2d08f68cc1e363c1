import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, PageQueryDto, toPage } from '../../common/paging/cursor';
import { CourseCatalog } from '../courses';
import { displayStatus } from './domain/progress-rules';
import { PinnedLearnersPageView } from './dto/pinned-learners.dto';

// Active enrollments on a version older than the course's newest: publishing the draft (or
// having published it) leaves them where they are, since an enrollment never changes version.
// Reads course_versions and users like the statements of enrollment-queries.ts.
const PINNED_WHERE = `e.course_id = $1 AND e.status IN ('not_started', 'in_progress')
   AND v.version_no < (SELECT max(n.version_no) FROM course_versions n WHERE n.course_id = $1)`;

/** Who stays on an older version of a course: the publish preview's second half. */
@Injectable()
export class PinnedLearnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CourseCatalog,
  ) {}

  async page(courseId: string, query: PageQueryDto): Promise<PinnedLearnersPageView> {
    await this.courses.assertCourseExists(courseId);
    const counts: { version_no: number; count: string }[] = await this.dataSource.query(
      `SELECT v.version_no, count(*) AS count
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE ${PINNED_WHERE}
        GROUP BY v.version_no ORDER BY v.version_no`,
      [courseId],
    );
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [courseId, query.limit + 1];
    if (after) params.push(after[0], after[1]);
    const rows: {
      id: string;
      user_id: string;
      name: string;
      email: string;
      version_no: number;
      status: 'not_started' | 'in_progress';
      due_at: Date | null;
      percent: number;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.user_id, u.name, u.email, v.version_no, e.status, e.due_at, e.percent,
              e.created_at
         FROM enrollments e
         JOIN course_versions v ON v.id = e.course_version_id
         JOIN users u ON u.id = e.user_id
        WHERE ${PINNED_WHERE} ${after ? 'AND (e.created_at, e.id) < ($3, $4)' : ''}
        ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
    const now = new Date();
    const byVersion = counts.map((c) => ({ versionNo: c.version_no, count: Number(c.count) }));
    return {
      total: byVersion.reduce((sum, c) => sum + c.count, 0),
      byVersion,
      items: page.items.map((r) => ({
        enrollmentId: r.id,
        userId: r.user_id,
        name: r.name,
        email: r.email,
        versionNo: r.version_no,
        status: displayStatus(r.status, r.due_at, now),
        percent: r.percent,
        enrolledAt: r.created_at,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
