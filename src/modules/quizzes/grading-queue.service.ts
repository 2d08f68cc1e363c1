import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { decodeCursor, toPage } from '../../common/paging/cursor';
import { CourseAccess } from '../courses';
import {
  GradingQueueItemView,
  GradingQueuePageView,
  GradingQueueQueryDto,
} from './dto/grading-queue.dto';

interface QueueRow {
  attempt_id: string;
  question_version_id: string;
  attempt_no: number;
  submitted_at: Date;
  submitted_key: string;
  course_id: string;
  title_id: string;
  title_en: string;
  quiz_id: string;
  quiz_title: string;
  learner_id: string;
  learner_name: string;
  question_text: string;
  answer_text: string | null;
  max_mark_hundredths: number;
  mark_hundredths: number | null;
  grader_comment: string | null;
}

/**
 * Essay items of submitted attempts, one row per (attempt, essay shown). Built from the attempt's
 * question snapshot, not from the answers: a learner who never typed in the essay has no answer
 * row (and a blank one is scored 0 automatically), yet the essay still needs a teacher's mark.
 * "Marked" means an instructor graded it (graded_by_id). Reads the learner's name and the course
 * version's title like the enrollment read model does, one statement per page.
 * Keyset on (submitted_at, attempt id, question version id): unique, as a blank essay has no
 * answer id to page on.
 */
const queueSql = (graded: boolean) => {
  const after = graded ? '<' : '>';
  const order = graded ? 'DESC' : 'ASC';
  return `
  SELECT a.id AS attempt_id, v.id AS question_version_id, a.attempt_no, a.submitted_at,
         to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_key,
         z.course_id, cv.title_id, cv.title_en, z.id AS quiz_id, z.title AS quiz_title,
         u.id AS learner_id, u.name AS learner_name, v.text AS question_text,
         x.response->>'text' AS answer_text, v.default_mark_hundredths AS max_mark_hundredths,
         x.mark_hundredths, x.grader_comment
    FROM quiz_attempts a
    JOIN quizzes z ON z.id = a.quiz_id
    CROSS JOIN LATERAL jsonb_array_elements(a.questions) e(item)
    JOIN question_versions v ON v.id = (e.item->>'v')::uuid
    LEFT JOIN quiz_attempt_answers x ON x.attempt_id = a.id AND x.question_version_id = v.id
    JOIN users u ON u.id = a.user_id
    JOIN enrollments en ON en.id = a.enrollment_id
    JOIN course_versions cv ON cv.id = en.course_version_id
   WHERE a.status IN ('needs_grading', 'graded')
     AND e.item->>'t' = 'essay'
     AND x.graded_by_id IS ${graded ? 'NOT NULL' : 'NULL'}
     AND ($1::uuid[] IS NULL OR z.course_id = ANY($1::uuid[]))
     AND ($2::uuid IS NULL OR z.course_id = $2::uuid)
     AND ($3::timestamptz IS NULL
          OR (a.submitted_at, a.id, v.id) ${after} ($3::timestamptz, $4::uuid, $5::uuid))
   ORDER BY a.submitted_at ${order}, a.id ${order}, v.id ${order}
   LIMIT $6`;
};

/** Per course in scope with essays to grade or graded: how many still wait, for the filter. */
const COURSE_COUNTS_SQL = `
  SELECT z.course_id AS id,
         (array_agg(cv.title_id ORDER BY cv.version_no DESC))[1] AS title_id,
         (array_agg(cv.title_en ORDER BY cv.version_no DESC))[1] AS title_en,
         count(*) FILTER (WHERE x.graded_by_id IS NULL)::int AS waiting
    FROM quiz_attempts a
    JOIN quizzes z ON z.id = a.quiz_id
    CROSS JOIN LATERAL jsonb_array_elements(a.questions) e(item)
    LEFT JOIN quiz_attempt_answers x
      ON x.attempt_id = a.id AND x.question_version_id = (e.item->>'v')::uuid
    JOIN enrollments en ON en.id = a.enrollment_id
    JOIN course_versions cv ON cv.id = en.course_version_id
   WHERE a.status IN ('needs_grading', 'graded')
     AND e.item->>'t' = 'essay'
     AND ($1::uuid[] IS NULL OR z.course_id = ANY($1::uuid[]))
   GROUP BY z.course_id
   ORDER BY 2, 1`;

/** The one list of essays waiting for a mark across the courses an instructor staffs. */
@Injectable()
export class GradingQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
  ) {}

  async list(query: GradingQueueQueryDto, actor: AuthUser): Promise<GradingQueuePageView> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid', 'uuid']);
    if (query.courseId) await this.access.assertStaff(actor, query.courseId);
    const courseIds = await this.access.staffedCourseIds(actor);
    const rows: QueueRow[] = await this.dataSource.query(queueSql(query.state === 'graded'), [
      courseIds,
      query.courseId ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      query.limit + 1,
    ]);
    const page = toPage(rows, query.limit, (r) => [
      r.submitted_key,
      r.attempt_id,
      r.question_version_id,
    ]);
    const courses: { id: string; title_id: string; title_en: string; waiting: number }[] =
      await this.dataSource.query(COURSE_COUNTS_SQL, [courseIds]);
    return {
      items: page.items.map(toItem),
      nextCursor: page.nextCursor,
      courses: courses.map((c) => ({
        id: c.id,
        titleId: c.title_id,
        titleEn: c.title_en,
        waiting: c.waiting,
      })),
    };
  }
}

function toItem(r: QueueRow): GradingQueueItemView {
  return {
    attemptId: r.attempt_id,
    questionId: r.question_version_id,
    attemptNo: r.attempt_no,
    submittedAt: r.submitted_at,
    course: { id: r.course_id, titleId: r.title_id, titleEn: r.title_en },
    quiz: { id: r.quiz_id, title: r.quiz_title },
    learner: { id: r.learner_id, name: r.learner_name },
    questionText: r.question_text,
    answerText: r.answer_text ?? '',
    maxMark: r.max_mark_hundredths / 100,
    mark: r.mark_hundredths === null ? null : r.mark_hundredths / 100,
    comment: r.grader_comment,
  };
}
