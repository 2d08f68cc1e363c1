import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { notFound } from '../../common/errors/domain-error';
import { decodeCursor, toPage } from '../../common/paging/cursor';
import { CourseAccess } from '../courses';
import {
  interpretDiscrimination,
  interpretFacility,
  questionSnippet,
} from './domain/item-analysis';
import { ScorableOption } from './domain/scoring';
import {
  ItemAnalysisPageView,
  ItemAnalysisQueryDto,
  ItemAnalysisRowView,
} from './dto/item-analysis.dto';

/**
 * One statement per page. The attempts counted are the graded ones: with `first`, each learner's
 * first finished attempt (one still waiting for an essay mark is left out until graded, never
 * replaced by a later one). x is the mark on the question (0 when unanswered), X the attempt's
 * score; F = 100 · avg(x / x_max) and D = 100 · corr(x, X − x), PostgreSQL's Pearson correlation,
 * which is null when either side has no spread. `domain/item-analysis.ts` is the reference.
 */
const ITEM_ANALYSIS_SQL = `
  WITH counted AS MATERIALIZED (
    SELECT f.id, f.score_hundredths, f.questions
      FROM (SELECT DISTINCT ON (CASE WHEN $2 THEN a.id ELSE a.user_id END)
                   a.id, a.status, a.score_hundredths, a.questions
              FROM quiz_attempts a
             WHERE a.quiz_id = $1 AND a.status IN ('needs_grading', 'graded')
             ORDER BY CASE WHEN $2 THEN a.id ELSE a.user_id END, a.attempt_no) f
     WHERE f.status = 'graded'
  ), items AS MATERIALIZED (
    SELECT c.id AS attempt_id, c.score_hundredths AS total,
           (e.item->>'q')::uuid AS question_id, v.id AS version_id,
           v.default_mark_hundredths AS max_mark
      FROM counted c
      CROSS JOIN LATERAL jsonb_array_elements(c.questions) e(item)
      JOIN question_versions v ON v.id = (e.item->>'v')::uuid
     WHERE v.default_mark_hundredths > 0
  ), page AS (
    SELECT q.id, q.seq, q.current_version_id
      FROM questions q
     WHERE q.id IN (SELECT DISTINCT question_id FROM items)
       AND ($3::int IS NULL OR (q.seq, q.id) > ($3::int, $4::uuid))
     ORDER BY q.seq, q.id
     LIMIT $5
  ), scored AS (
    SELECT i.question_id, i.max_mark, i.total, coalesce(x.mark_hundredths, 0) AS mark,
           CASE WHEN x.mark_hundredths IS NOT NULL THEN x.response END AS response
      FROM items i
      JOIN page p ON p.id = i.question_id
      LEFT JOIN quiz_attempt_answers x
        ON x.attempt_id = i.attempt_id AND x.question_version_id = i.version_id
  ), stats AS (
    SELECT question_id, count(*)::int AS attempts,
           100 * avg(mark::float8 / max_mark) AS facility,
           100 * corr(mark, total - mark) AS discrimination
      FROM scored GROUP BY question_id
  ), chosen AS (
    SELECT s.question_id, o.option_id, count(*)::int AS n
      FROM scored s
      CROSS JOIN LATERAL (
        SELECT s.response->>'optionId' WHERE s.response->>'type' = 'single_choice'
        UNION ALL
        SELECT jsonb_array_elements_text(s.response->'optionIds')
         WHERE s.response->>'type' = 'multiple_choice'
           AND jsonb_typeof(s.response->'optionIds') = 'array'
        UNION ALL
        SELECT s.response->>'answer' WHERE s.response->>'type' = 'true_false'
      ) o(option_id)
     WHERE o.option_id IS NOT NULL
     GROUP BY s.question_id, o.option_id
  )
  SELECT p.id, p.seq, v.type, v.text, v.spec->'options' AS options, v.spec->'correctAnswer' AS correct_answer,
         st.attempts, st.facility, st.discrimination,
         (SELECT coalesce(json_object_agg(c.option_id, c.n), '{}')
            FROM chosen c WHERE c.question_id = p.id) AS chosen,
         (SELECT count(*)::int FROM counted) AS attempt_count
    FROM page p
    JOIN question_versions v ON v.id = p.current_version_id
    JOIN stats st ON st.question_id = p.id
   ORDER BY p.seq, p.id`;

interface AnalysisRow {
  id: string;
  seq: number;
  type: string;
  text: string;
  options: ScorableOption[] | null;
  correct_answer: boolean | null;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
  chosen: Record<string, number>;
  attempt_count: number;
}

const COUNTED_SQL = `
  SELECT count(*)::int AS n
    FROM (SELECT DISTINCT ON (CASE WHEN $2 THEN a.id ELSE a.user_id END) a.status
            FROM quiz_attempts a
           WHERE a.quiz_id = $1 AND a.status IN ('needs_grading', 'graded')
           ORDER BY CASE WHEN $2 THEN a.id ELSE a.user_id END, a.attempt_no) f
   WHERE f.status = 'graded'`;

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The quiz statistics report of Moodle (facility, discrimination, option choices) per question. */
@Injectable()
export class ItemAnalysisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
  ) {}

  async analyse(
    quizId: string,
    query: ItemAnalysisQueryDto,
    actor: AuthUser,
  ): Promise<ItemAnalysisPageView> {
    const [quiz]: { course_id: string }[] = await this.dataSource.query(
      'SELECT course_id FROM quizzes WHERE id = $1',
      [quizId],
    );
    if (!quiz || !(await this.access.isStaff(actor, quiz.course_id))) throw notFound('Quiz');
    const after = decodeCursor(query.cursor, ['int', 'uuid']);
    const all = query.attempts === 'all';
    const rows: AnalysisRow[] = await this.dataSource.query(ITEM_ANALYSIS_SQL, [
      quizId,
      all,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    ]);
    const attemptCount =
      rows[0]?.attempt_count ??
      ((await this.dataSource.query(COUNTED_SQL, [quizId, all])) as { n: number }[])[0].n;
    const page = toPage(rows, query.limit, (r) => [r.seq, r.id]);
    return {
      analysedAttempts: query.attempts,
      attemptCount,
      items: page.items.map(toRowView),
      nextCursor: page.nextCursor,
    };
  }
}

function toRowView(row: AnalysisRow): ItemAnalysisRowView {
  const facility = round2(row.facility);
  const discrimination = round2(row.discrimination);
  const view: ItemAnalysisRowView = {
    questionId: row.id,
    position: row.seq,
    type: row.type,
    snippet: questionSnippet(row.text),
    attempts: row.attempts,
    facility,
    facilityLevel: interpretFacility(facility),
    discrimination,
    discriminationLevel: interpretDiscrimination(discrimination),
  };
  const share = (count: number) => round2((100 * count) / row.attempts) ?? 0;
  if (row.type === 'single_choice' || row.type === 'multiple_choice') {
    view.options = (row.options ?? []).map((o) => ({
      id: o.id,
      text: o.text,
      correct: o.fraction > 0,
      count: row.chosen[o.id] ?? 0,
      percent: share(row.chosen[o.id] ?? 0),
    }));
  } else if (row.type === 'true_false') {
    view.options = [true, false].map((value) => ({
      id: String(value),
      text: String(value),
      correct: row.correct_answer === value,
      count: row.chosen[String(value)] ?? 0,
      percent: share(row.chosen[String(value)] ?? 0),
    }));
  }
  return view;
}
