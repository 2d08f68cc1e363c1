/**
 * Exam-start surge against one API process (load generator on the same 2 cores).
 * (a) 1,000 seeded learners start a 20-question attempt, arrivals uniform over 10 s (open loop,
 *     100/s); each then saves one answer every 3 s and submits after the 20th save.
 *     Targets: start p99 < 300 ms, save/submit p99 < 100 ms, 0 errors, every attempt graded.
 * (b) Start capacity: closed loop, 50 connections starting attempts for fresh learners.
 * Prints figures only; bounded to roughly 90 s.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from '@app/queue';
import { Role } from '../../src/common/auth/roles';
import { formatApiDiagnostics } from './api-diagnostics';
import { mb, NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const SURGE_LEARNERS = Number(process.env.QUIZ_BENCH_LEARNERS ?? 1000);
const CAPACITY_LEARNERS = 3000;
const QUESTIONS = 20;
const ARRIVAL_WINDOW_MS = 10_000;
const SAVE_EVERY_MS = 3000;
const CAPACITY_SECONDS = 10;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  readonly errorSamples: string[] = [];
  async time(run: () => Promise<Response>): Promise<Response | null> {
    const t0 = performance.now();
    try {
      const res = await run();
      this.latencies.push(performance.now() - t0);
      if (!res.ok) {
        this.errors++;
        if (this.errorSamples.length < 3)
          this.errorSamples.push(`${res.status} ${await res.text()}`);
        return null;
      }
      return res;
    } catch (e) {
      this.errors++;
      if (this.errorSamples.length < 3) this.errorSamples.push((e as Error).message);
      return null;
    }
  }
  summary(label: string, seconds: number): string {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pick = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return `${label.padEnd(7)} n=${sorted.length} p50=${pick(0.5).toFixed(1)}ms p99=${pick(0.99).toFixed(1)}ms max=${(sorted.at(-1) ?? 0).toFixed(1)}ms ${(sorted.length / seconds).toFixed(0)}/s errors=${this.errors}${this.errorSamples.length ? ` e.g. ${this.errorSamples.join(' | ').slice(0, 300)}` : ''}`;
  }
}

async function main() {
  const bench = await startBenchApp('quiz');
  let firstAttemptId: string | null = null;
  try {
    const seeded = await seedCourseWithLearners(bench.db, SURGE_LEARNERS + CAPACITY_LEARNERS);
    const quizId = await seedQuiz(bench.db, seeded.lessonId);
    const tokens = await bench.sign(
      seeded.users.map((u) => ({
        id: u.id,
        role: Role.Learner,
        organizationId: seeded.organizationId,
      })),
    );
    const auth = tokens.map((t) => `Bearer ${t}`);
    console.log(
      `seeded ${seeded.users.length} enrolled learners, quiz of ${QUESTIONS} questions; ${NOTE}`,
    );
    const base = bench.baseUrl;
    const startAttempt = (i: number) =>
      fetch(`${base}/api/v1/quizzes/${quizId}/attempts`, {
        method: 'POST',
        headers: { authorization: auth[i] },
      });

    // warm-up on learners from the capacity pool (JIT, pools, version cache)
    for (
      let i = SURGE_LEARNERS + CAPACITY_LEARNERS - 20;
      i < SURGE_LEARNERS + CAPACITY_LEARNERS;
      i++
    ) {
      await startAttempt(i);
    }

    const starts = new Recorder();
    const saves = new Recorder();
    const submits = new Recorder();
    bench.resetPeakRss();
    bench.resetDiagnostics();
    const stopWaitSampling = bench.sampleWaitEvents();
    const surgeCpu = bench.cpuMs();
    const t0 = performance.now();
    const learner = async (i: number) => {
      await sleep((i * ARRIVAL_WINDOW_MS) / SURGE_LEARNERS);
      const res = await starts.time(() => startAttempt(i));
      if (!res) return;
      const attempt = (await res.json()) as {
        id: string;
        questions: { id: string; options: { id: string }[] }[];
      };
      firstAttemptId ??= attempt.id;
      for (const q of attempt.questions) {
        await sleep(SAVE_EVERY_MS);
        const optionId = q.options[(i + q.id.charCodeAt(0)) % q.options.length].id;
        await saves.time(() =>
          fetch(`${base}/api/v1/attempts/${attempt.id}/answers/${q.id}`, {
            method: 'PUT',
            headers: { authorization: auth[i], 'content-type': 'application/json' },
            body: JSON.stringify({ optionId }),
          }),
        );
      }
      await submits.time(() =>
        fetch(`${base}/api/v1/attempts/${attempt.id}/submit`, {
          method: 'POST',
          headers: { authorization: auth[i] },
        }),
      );
    };
    await Promise.all(Array.from({ length: SURGE_LEARNERS }, (_, i) => learner(i)));
    const seconds = (performance.now() - t0) / 1000;
    const waitEvents = await stopWaitSampling();
    const diagnostics = await bench.diagnostics();
    const [counts] = await bench.db.query(
      `SELECT count(*) FILTER (WHERE status = 'graded')::int AS graded, count(*)::int AS total
         FROM quiz_attempts a JOIN users u ON u.id = a.user_id
        WHERE a.quiz_id = $1 AND u.id = ANY($2::uuid[])`,
      [quizId, seeded.users.slice(0, SURGE_LEARNERS).map((u) => u.id)],
    );
    console.log(
      `\n(a) surge: ${SURGE_LEARNERS} learners, starts over ${ARRIVAL_WINDOW_MS / 1000} s, a save every ${SAVE_EVERY_MS / 1000} s, ${seconds.toFixed(0)} s total`,
    );
    console.log(`    ${starts.summary('start', ARRIVAL_WINDOW_MS / 1000)}   (target p99 < 300 ms)`);
    console.log(`    ${saves.summary('save', seconds)}   (target p99 < 100 ms)`);
    console.log(`    ${submits.summary('submit', seconds)}   (target p99 < 100 ms)`);
    const perRequest =
      (bench.cpuMs() - surgeCpu) /
      (starts.latencies.length + saves.latencies.length + submits.latencies.length);
    console.log(`    API CPU ${perRequest.toFixed(1)} ms/request on average`);
    console.log(
      `    attempts graded ${counts.graded}/${SURGE_LEARNERS} (total rows ${counts.total}); API peak RSS ${mb(bench.rss().peak)}`,
    );
    console.log(formatApiDiagnostics(diagnostics));
    console.log(`    ${waitEvents}`);

    // (b) capacity: 50 workers take fresh learners until the pool or the time runs out
    const capacity = new Recorder();
    let next = SURGE_LEARNERS;
    const last = SURGE_LEARNERS + CAPACITY_LEARNERS - 20;
    const until = performance.now() + CAPACITY_SECONDS * 1000;
    const c0 = performance.now();
    const capCpu = bench.cpuMs();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < last && performance.now() < until) {
          const i = next++;
          const res = await capacity.time(() => startAttempt(i));
          if (res) await res.arrayBuffer();
        }
      }),
    );
    const capSeconds = (performance.now() - c0) / 1000;
    console.log(`\n(b) start capacity: closed loop, 50 connections, ${capSeconds.toFixed(1)} s`);
    console.log(
      `    ${capacity.summary('start', capSeconds)}; API CPU ${((bench.cpuMs() - capCpu) / capacity.latencies.length).toFixed(1)} ms/start`,
    );
  } finally {
    await dropAutoSubmitJobs(firstAttemptId);
    await bench.close();
  }
}

/** 20 single-choice questions (4 options) in one category, a quiz lesson and its quiz. */
async function seedQuiz(db: import('typeorm').DataSource, textLessonId: string): Promise<string> {
  const [lesson] = await db.query(
    `SELECT l.course_version_id, l.module_id, v.course_id FROM lessons l
       JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
    [textLessonId],
  );
  const [bank] = await db.query('INSERT INTO question_banks (course_id) VALUES ($1) RETURNING id', [
    lesson.course_id,
  ]);
  const questionIds: string[] = [];
  for (let n = 1; n <= QUESTIONS; n++) {
    const options = ['A', 'B', 'C', 'D'].map((t, k) => ({
      id: randomUUID(),
      text: `Jawaban ${t} soal ${n}`,
      fraction: k === 0 ? 1 : 0,
    }));
    const [q] = await db.query(
      `INSERT INTO questions (bank_id, tags) VALUES ($1, '{}') RETURNING id`,
      [bank.id],
    );
    const [v] = await db.query(
      `INSERT INTO question_versions (question_id, version_no, type, text, default_mark_hundredths, spec)
       VALUES ($1, 1, 'single_choice', $2, 100, $3) RETURNING id`,
      [q.id, `Soal **${n}**: pilih jawaban yang benar.`, JSON.stringify({ options })],
    );
    await db.query('UPDATE questions SET current_version_id = $2 WHERE id = $1', [q.id, v.id]);
    questionIds.push(q.id);
  }
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
        selection: { mode: 'fixed', questionIds },
        shuffleQuestions: true,
        shuffleAnswers: true,
        review: { afterSubmit: none, afterClose: none },
      }),
    ],
  );
  await db.query('UPDATE lessons SET quiz_id = $2 WHERE id = $1', [quizLesson.id, quiz.id]);
  await db.query('ANALYZE');
  return quiz.id;
}

/** The delayed auto-submit jobs (1 h) would outlive the bench: remove this run's queue. */
async function dropAutoSubmitJobs(attemptId: string | null): Promise<void> {
  if (!attemptId) return;
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    let prefix: string | undefined;
    do {
      const [nextCursor, keys] = await redis.scan(
        cursor,
        'MATCH',
        `*:quizzes:auto-submit-${attemptId}`,
        'COUNT',
        10000,
      );
      cursor = nextCursor;
      prefix = keys[0]?.split(':quizzes:')[0];
    } while (!prefix && cursor !== '0');
    if (!prefix) return;
    const queue = new Queue('quizzes', { prefix, connection: redisOptionsFromUrl(REDIS_URL) });
    await queue.obliterate({ force: true });
    await queue.close();
  } finally {
    redis.disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
