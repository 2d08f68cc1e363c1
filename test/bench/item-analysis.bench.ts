/**
 * Quiz item analysis at scale: 10,000 graded first attempts × 20 single-choice questions
 * (200,000 answers), seeded with bulk SQL; the report is read through the real API by a course
 * staff instructor. Prints the latency of the first page (5 questions) and of the full report
 * (all 20 on one page), for first and for all attempts, and the machine's load average.
 * Target: ≤ 500 ms. Figures only, no pass/fail. BENCH_ATTEMPTS overrides the
 * attempt count.
 */
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Role } from '../../src/common/auth/roles';
import { NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 10_000);
const QUESTIONS = 20;
const RUNS = 15;
const TARGET_MS = 500;

async function seedQuiz(db: import('typeorm').DataSource, textLessonId: string) {
  const [lesson] = await db.query(
    `SELECT l.course_version_id, l.module_id, v.course_id FROM lessons l
       JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
    [textLessonId],
  );
  const [bank] = await db.query('INSERT INTO question_banks (course_id) VALUES ($1) RETURNING id', [
    lesson.course_id,
  ]);
  // 20 questions with four options each, the first one correct. (An UPDATE cannot see rows a
  // sibling CTE inserted, so the current version is set in a second statement.)
  await db.query(
    `WITH q AS (
       INSERT INTO questions (bank_id, tags)
       SELECT $1::uuid, '{}' FROM generate_series(1, $2::int) RETURNING id
     )
     INSERT INTO question_versions (question_id, version_no, type, text, default_mark_hundredths, spec)
     SELECT q.id, 1, 'single_choice', 'Soal beban ' || row_number() OVER (ORDER BY q.id), 100,
            jsonb_build_object('options', (SELECT jsonb_agg(jsonb_build_object(
              'id', gen_random_uuid(), 'text', 'Jawaban ' || k, 'fraction', CASE WHEN k = 1 THEN 1 ELSE 0 END)
              ORDER BY k) FROM generate_series(1, 4) k))
       FROM q`,
    [bank.id, QUESTIONS],
  );
  await db.query(
    `UPDATE questions q SET current_version_id = v.id
       FROM question_versions v WHERE v.question_id = q.id AND q.bank_id = $1`,
    [bank.id],
  );
  const questions: { id: string; v: string; options: string[] }[] = await db.query(
    `SELECT q.id, v.id AS v, ARRAY(SELECT o->>'id' FROM jsonb_array_elements(v.spec->'options') o) AS options
       FROM questions q JOIN question_versions v ON v.id = q.current_version_id
      WHERE q.bank_id = $1 ORDER BY q.seq`,
    [bank.id],
  );
  const [quizLesson] = await db.query(
    `INSERT INTO lessons (course_version_id, module_id, position, type, title_id, title_en,
       required, min_seconds, content)
     VALUES ($1, $2, 3, 'quiz', 'Kuis', 'Quiz', true, 0, '{}') RETURNING id`,
    [lesson.course_version_id, lesson.module_id],
  );
  const none = { score: false, responses: false, correctAnswers: false, feedback: false };
  const [quiz] = await db.query(
    `INSERT INTO quizzes (lesson_id, course_id, title, time_limit_seconds, attempts_allowed,
       passing_percent, grading_method, options)
     VALUES ($1, $2, 'Ujian', 3600, NULL, 70, 'highest', $3) RETURNING id`,
    [
      quizLesson.id,
      lesson.course_id,
      JSON.stringify({
        selection: { mode: 'fixed', questionIds: questions.map((q) => q.id) },
        shuffleQuestions: false,
        shuffleAnswers: false,
        review: { afterSubmit: none, afterClose: none },
      }),
    ],
  );
  const snapshot = questions.map((q) => ({ v: q.v, q: q.id, t: 'single_choice', o: q.options }));
  // One graded attempt per learner. Each learner has an ability in [0, 1); question n is harder
  // as n grows, so the marks correlate with the rest of the quiz as real ones do.
  await db.query(
    `INSERT INTO quiz_attempts (quiz_id, user_id, enrollment_id, attempt_no, status, questions,
       started_at, submitted_at, max_score_hundredths)
     SELECT $1::uuid, e.user_id, e.id, 1, 'graded', $2::jsonb, now() - interval '1 hour', now(), $4::int
       FROM enrollments e WHERE e.course_id = $3::uuid ORDER BY e.id LIMIT $5::int`,
    [quiz.id, JSON.stringify(snapshot), lesson.course_id, QUESTIONS * 100, ATTEMPTS],
  );
  await db.query(
    `INSERT INTO quiz_attempt_answers (attempt_id, question_version_id, response, mark_hundredths)
     SELECT a.id, p.v, jsonb_build_object('type', 'single_choice', 'optionId', p.options[p.pick]),
            CASE WHEN p.pick = 1 THEN 100 ELSE 0 END
       FROM quiz_attempts a
       CROSS JOIN LATERAL (
         SELECT (i.item->>'v')::uuid AS v,
                ARRAY(SELECT jsonb_array_elements_text(i.item->'o')) AS options,
                CASE WHEN random() < 0.15 + 0.8 * ((abs(hashtext(a.id::text)) % 1000) / 1000.0)
                                            * (1 - i.n / ($2::int + 1.0))
                     THEN 1 ELSE 2 + floor(random() * 3)::int END AS pick
           FROM jsonb_array_elements(a.questions) WITH ORDINALITY i(item, n)
       ) p
      WHERE a.quiz_id = $1::uuid`,
    [quiz.id, QUESTIONS],
  );
  await db.query(
    `UPDATE quiz_attempts a SET score_hundredths = s.total,
            percent_hundredths = s.total * 10000 / $1::int, passed = s.total * 100 >= 70 * $1::int
       FROM (SELECT attempt_id, sum(mark_hundredths)::int AS total
               FROM quiz_attempt_answers GROUP BY attempt_id) s
      WHERE s.attempt_id = a.id`,
    [QUESTIONS * 100],
  );
  const [author] = await db.query(`SELECT id FROM users WHERE email = 'author@bench.test'`);
  await db.query(
    `INSERT INTO course_staff (course_id, user_id, role, added_by_id) VALUES ($1, $2, 'owner', $2) ON CONFLICT DO NOTHING`,
    [lesson.course_id, author.id],
  );
  await db.query('ANALYZE');
  return { quizId: quiz.id as string, authorId: author.id as string };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `median ${pick(0.5).toFixed(0)} ms, p90 ${pick(0.9).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function main() {
  const bench = await startBenchApp('item_analysis');
  try {
    const t0 = performance.now();
    const seeded = await seedCourseWithLearners(bench.db, ATTEMPTS);
    const { quizId, authorId } = await seedQuiz(bench.db, seeded.lessonId);
    const [{ attempts, answers }] = await bench.db.query(
      `SELECT (SELECT count(*) FROM quiz_attempts WHERE quiz_id = $1)::int AS attempts,
              (SELECT count(*) FROM quiz_attempt_answers)::int AS answers`,
      [quizId],
    );
    console.log(
      `seeded ${attempts} graded attempts × ${QUESTIONS} questions (${answers} answers) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${NOTE}`,
    );
    const [token] = await bench.sign([
      { id: authorId, role: Role.Instructor, organizationId: null },
    ]);
    const get = async (query: string) => {
      const started = performance.now();
      const res = await fetch(`${bench.baseUrl}/api/v1/quizzes/${quizId}/item-analysis?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { items: { facility: number; discrimination: number }[] };
      if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };
    for (let i = 0; i < 3; i++) await get('limit=20'); // warm-up: JIT, pools, plan cache
    const cases = [
      ['first page (5 questions), first attempts', 'limit=5'],
      ['full report (20 questions), first attempts', 'limit=20'],
      ['full report (20 questions), all attempts', 'limit=20&attempts=all'],
    ] as const;
    for (const [label, query] of cases) {
      const samples: number[] = [];
      let items = 0;
      for (let i = 0; i < RUNS; i++) {
        const { ms, body } = await get(query);
        samples.push(ms);
        items = body.items.length;
      }
      console.log(
        `${label}: ${items} rows, ${stats(samples)} over ${RUNS} requests (target ≤ ${TARGET_MS} ms)`,
      );
    }
    const { body } = await get('limit=20');
    const f = body.items.map((r) => r.facility);
    const d = body.items.map((r) => r.discrimination);
    console.log(
      `sanity: facility ${Math.max(...f).toFixed(1)} → ${Math.min(...f).toFixed(1)}, discrimination ${Math.min(...d).toFixed(1)} – ${Math.max(...d).toFixed(1)}`,
    );
    console.log(`load: ${execSync('uptime').toString().trim()}`);
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
