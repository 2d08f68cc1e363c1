import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import {
  checkPage as checkPageAt,
  launchChromium,
  serveOnLoopback,
  VIEWPORTS,
} from '../support/browser';
import { waitFor } from '../support/certificate-fixtures';
import { createPublishedCourse, elapse } from '../support/course-fixtures';
import {
  createQuizCourse,
  enrolledLearner,
  MULTI,
  QuizCourse,
  SHORT,
  SINGLE,
  TRUE_FALSE,
} from '../support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const NOTHING = { score: false, responses: false, correctAnswers: false, feedback: false };
const OFFLINE_GRACE_SECONDS = 8;

/**
 * The learner's quiz in Chromium against the real API: a timed quiz taken by keyboard alone,
 * review limited by the quiz's options, the deadline, and answers and heartbeats made offline
 * (Playwright's setOffline) that reach the server once the connection returns.
 */
describe('web app quiz and offline outbox (in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let author: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext({ QUIZ_OFFLINE_GRACE_SECONDS: String(OFFLINE_GRACE_SECONDS) });
    base = await serveOnLoopback(ctx);
    author = await seedUser(ctx, Role.Admin);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  async function signedIn(user: SeededUser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'id-ID', viewport: VIEWPORTS[1] });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByLabel('Kata sandi').press('Enter');
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    return { context, page };
  }

  /** Screenshots at phone and desktop size, no horizontal scroll, no serious axe violation. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await checkPageAt(page, name);
  }

  /** Presses Tab until `target` has the focus (fails after `max` presses). */
  async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
    await target.waitFor();
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el: { matches(s: string): boolean }) => el.matches(':focus'))) {
        return;
      }
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  const waitingCount = (page: Page) => page.getByTestId('outbox-count');

  async function savedAnswers(learner: SeededUser, attemptId: string) {
    const res = await ctx
      .http()
      .get(`/api/v1/attempts/${attemptId}`)
      .set(bearer(learner))
      .expect(200);
    return (res.body.answers ?? {}) as Record<string, unknown>;
  }

  async function openAttemptId(learner: SeededUser, quizId: string): Promise<string> {
    const res = await ctx.http().get(`/api/v1/quizzes/${quizId}`).set(bearer(learner)).expect(200);
    return res.body.attempts.find((a: { status: string }) => a.status === 'open').id;
  }

  /**
   * A 15 s quiz: question 1 answered online, then question 2 answered offline, and the time
   * runs out with that answer still waiting on the device.
   */
  async function answerOfflineUntilTimeIsUp() {
    const quiz = await createQuizCourse(ctx, author, [SINGLE, TRUE_FALSE], {
      timeLimitSeconds: 15,
      review: { afterSubmit: { ...NOTHING, score: true }, afterClose: NOTHING },
    });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const { context, page } = await signedIn(learner);
    await page.goto(`${base}/quizzes/${quiz.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.getByText('Soal 1 dari 2').waitFor();
    const attemptId = await openAttemptId(learner, quiz.quizId);
    await page.getByRole('radio', { name: 'Alat Pelindung Diri' }).check();
    await page.getByText('Tersimpan', { exact: true }).waitFor();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('radio', { name: 'Benar' }).check();
    await page.getByText('Menunggu koneksi').waitFor();
    await page.getByText('Waktu habis', { exact: true }).waitFor({ timeout: 25_000 });
    return { context, page, learner, attemptId };
  }

  it('takes a timed quiz by keyboard alone: saved states, flag, summary, review as allowed', async () => {
    const quiz: QuizCourse = await createQuizCourse(
      ctx,
      author,
      [SINGLE, TRUE_FALSE, SHORT, MULTI],
      {
        timeLimitSeconds: 600,
        review: {
          afterSubmit: { score: true, responses: true, correctAnswers: false, feedback: false },
          afterClose: NOTHING,
        },
      },
    );
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const { context, page } = await signedIn(learner);
    await page.goto(`${base}/courses/${quiz.courseId}/lessons/${quiz.lessonId}`);
    await tabTo(page, page.getByRole('link', { name: 'Buka kuis' }));
    await page.keyboard.press('Enter');
    await page.getByText('Percobaan terpakai: 0 (tanpa batas)').waitFor();
    await page.getByText('Batas waktu: 10 menit').waitFor();
    await page.getByText('Nilai lulus: 70%').waitFor();
    await checkPage(page, 'quiz-intro');
    await tabTo(page, page.getByRole('button', { name: 'Mulai kuis' }));
    await page.keyboard.press('Enter');
    await page.getByRole('timer').waitFor();
    await expect(page.getByRole('timer').innerText()).resolves.toMatch(/Sisa waktu (10:00|9:5\d)/);

    // 1: single choice (options may be shuffled): arrow keys until the wrong option is picked.
    await tabTo(page, page.getByRole('radio').first());
    const wrong = page.getByRole('radio', { name: 'Alat Pemadam Darurat' });
    for (let i = 0; i < 4 && !(await wrong.isChecked()); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(wrong.isChecked()).resolves.toBe(true);
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    await tabTo(page, page.getByRole('checkbox', { name: 'Tandai untuk ditinjau' }));
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Soal 1, terjawab, ditandai' }).waitFor();
    await checkPage(page, 'quiz-question');
    await tabTo(page, page.getByRole('button', { name: 'Berikutnya' }));
    await page.keyboard.press('Enter');

    // 2: true/false by Space.
    await page.getByText('Soal 2 dari 4').waitFor();
    await tabTo(page, page.getByRole('radio', { name: 'Benar' }));
    await page.keyboard.press('Space');
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Berikutnya' }));
    await page.keyboard.press('Enter');

    // 3: short answer, typed; saved after a pause in typing.
    await page.getByText('Soal 3 dari 4').waitFor();
    await tabTo(page, page.getByRole('textbox'));
    await page.keyboard.type('helm');
    await page.getByText('Tersimpan', { exact: true }).waitFor();

    // 4 stays unanswered: the summary lists it.
    await tabTo(page, page.getByRole('button', { name: 'Selesai dan kirim' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Kirim jawaban?' });
    await dialog.getByText('1 soal belum dijawab:').waitFor();
    await dialog.getByText('Soal 4', { exact: true }).waitFor();
    await dialog.getByText('Ditandai untuk ditinjau: soal 1').waitFor();
    await checkPage(page, 'quiz-submit-summary');
    await tabTo(page, dialog.getByRole('button', { name: 'Kirim sekarang' }), 10);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor();
    await page.getByText(/^Nilai \d+%$/).waitFor();
    await page.getByText('Tinjauan jawaban').waitFor();
    await expect(page.getByText('Alat Pemadam Darurat').count()).resolves.toBe(1);
    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const secret of ['Alat Pelindung Diri', 'helmzz', 'APD melindungi pekerja', 'Tepat']) {
      expect({ secret, shown: text.includes(secret) || html.includes(secret) }).toEqual({
        secret,
        shown: false,
      });
    }
    expect(text).not.toMatch(/Jawaban benar/);
    await checkPage(page, 'quiz-result');
    await context.close();
  });

  it('keeps answers made offline, shows how many wait, and sends them on reconnect', async () => {
    const quiz = await createQuizCourse(ctx, author, [SINGLE, TRUE_FALSE, SHORT]);
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const { context, page } = await signedIn(learner);
    await page.goto(`${base}/quizzes/${quiz.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.getByText('Soal 1 dari 3').waitFor();
    const attemptId = await openAttemptId(learner, quiz.quizId);

    await context.setOffline(true);
    await page.getByRole('radio', { name: 'Alat Pelindung Diri' }).check();
    await page.getByText('Menunggu koneksi').waitFor();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('radio', { name: 'Salah' }).check();
    await page.getByText('Menunggu koneksi').waitFor();
    await expect(waitingCount(page).textContent()).resolves.toBe('2 menunggu dikirim');
    await page.getByText('Anda sedang offline').waitFor();
    await checkPage(page, 'quiz-offline');
    expect(await savedAnswers(learner, attemptId)).toEqual({});

    await context.setOffline(false);
    await waitingCount(page).waitFor({ state: 'detached' });
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    const answers = await savedAnswers(learner, attemptId);
    expect(Object.keys(answers).sort()).toHaveLength(2);
    expect(Object.values(answers)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'single_choice' }),
        { type: 'true_false', answer: false },
      ]),
    );
    await context.close();
  });

  it('keeps an offline answer in IndexedDB when the tab is closed, and sends it on the next visit', async () => {
    const quiz = await createQuizCourse(ctx, author, [TRUE_FALSE, SHORT]);
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const { context, page } = await signedIn(learner);
    await page.goto(`${base}/quizzes/${quiz.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.getByText('Soal 1 dari 2').waitFor();
    const attemptId = await openAttemptId(learner, quiz.quizId);
    await context.setOffline(true);
    await page.getByRole('radio', { name: 'Salah' }).check();
    await expect(waitingCount(page).textContent()).resolves.toBe('1 menunggu dikirim');
    await page.close();
    expect(await savedAnswers(learner, attemptId)).toEqual({});

    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(`${base}/`);
    await later.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    // The outbox starts right after the shell (its own chunk): wait for the server to have it.
    const sent = await waitFor('the queued answer to reach the server', async () => {
      const answers = Object.values(await savedAnswers(learner, attemptId));
      return answers.length ? answers : undefined;
    });
    expect(sent).toEqual([{ type: 'true_false', answer: false }]);
    await waitingCount(later).waitFor({ state: 'detached' });
    await context.close();
  });

  it('submits by itself at the deadline while online and shows the result', async () => {
    const quiz = await createQuizCourse(ctx, author, [TRUE_FALSE, SHORT], {
      timeLimitSeconds: 8,
      review: { afterSubmit: { ...NOTHING, score: true }, afterClose: NOTHING },
    });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const { context, page } = await signedIn(learner);
    await page.goto(`${base}/quizzes/${quiz.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.getByRole('radio', { name: 'Benar' }).check();
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    const attemptId = await openAttemptId(learner, quiz.quizId);
    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor({ timeout: 20_000 });
    await page.getByText(/dikirim otomatis/).waitFor();
    await page.getByText('Nilai 50%').waitFor();
    const attempt = await ctx
      .http()
      .get(`/api/v1/attempts/${attemptId}`)
      .set(bearer(learner))
      .expect(200);
    expect(attempt.body.status).toBe('graded');
    // The "essay graded" e-mail links to /attempts/:id: it lands on this result page.
    await page.goto(`${base}/attempts/${attemptId}`);
    await page.waitForURL(`${base}/quizzes/${quiz.quizId}/attempts/${attemptId}`);
    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor();
    await context.close();
  });

  it('counts an answer given offline before the deadline that arrives within the grace', async () => {
    const { context, page, attemptId } = await answerOfflineUntilTimeIsUp();
    await page.waitForTimeout(1000); // the server's clock is past the deadline too
    await context.setOffline(false);

    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor({ timeout: 15_000 });
    await expect(
      page.getByRole('alert').filter({ hasText: 'Jawaban ditolak' }).count(),
    ).resolves.toBe(0);
    await expect(waitingCount(page).count()).resolves.toBe(0);
    const [attempt] = await ctx.db.query(
      `SELECT a.status, a.score_hundredths, a.submitted_at > a.deadline AS after_deadline,
              (SELECT count(*) FROM quiz_attempt_answers x WHERE x.attempt_id = a.id)::int AS answers
         FROM quiz_attempts a WHERE a.id = $1`,
      [attemptId],
    );
    expect(attempt).toEqual({
      status: 'graded',
      score_hundredths: 200,
      after_deadline: true,
      answers: 2,
    });
    await context.close();
  });

  it('submits by itself at the deadline and shows an answer that arrived after the grace as refused', async () => {
    const { context, page, learner, attemptId } = await answerOfflineUntilTimeIsUp();
    await page.getByText(/tetap dinilai bila sampai ke server paling lambat pukul \d/).waitFor();
    await checkPage(page, 'quiz-time-up-offline');
    // The server's clock is past the deadline and the offline grace too.
    await page.waitForTimeout(OFFLINE_GRACE_SECONDS * 1000 + 1000);
    await context.setOffline(false);

    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor({ timeout: 15_000 });
    await page.getByText(/dikirim otomatis/).waitFor();
    const refused = page.getByRole('alert').filter({ hasText: 'Jawaban ditolak' });
    await refused.getByText('Soal 2', { exact: true }).waitFor();
    await expect(waitingCount(page).count()).resolves.toBe(0);
    await checkPage(page, 'quiz-result-late');

    const rows: { n: string }[] = await ctx.db.query(
      `SELECT count(*) AS n FROM quiz_attempt_answers WHERE attempt_id = $1`,
      [attemptId],
    );
    expect(Number(rows[0].n)).toBe(1);
    const attempt = await ctx
      .http()
      .get(`/api/v1/attempts/${attemptId}`)
      .set(bearer(learner))
      .expect(200);
    expect(attempt.body.status).not.toBe('open');
    const late = await ctx
      .http()
      .put(`/api/v1/attempts/${attemptId}/answers/${attempt.body.questions[1].id}`)
      .set(bearer(learner))
      .send({ answer: true });
    expect(late.status).toBe(409);
    await context.close();
  });

  it('keeps a heartbeat made offline and sends it when the connection returns', async () => {
    const course = await createPublishedCourse(ctx, author, { lessons: [{ minSeconds: 0 }] });
    const learner = await enrolledLearner(ctx, course.courseId);
    const { context, page } = await signedIn(learner);
    await page.clock.install();
    await page.goto(`${base}/courses/${course.courseId}/lessons/${course.lessonIds[0]}`);
    await page.locator('.lesson-html h1', { hasText: 'Bab 1' }).waitFor();
    await context.setOffline(true);
    await page.clock.runFor(31_000);
    await expect(waitingCount(page).textContent()).resolves.toBe('1 menunggu dikirim');
    await elapse(ctx, learner.enrollmentId, 30);
    const before: { n: number }[] = await ctx.db.query(
      `SELECT time_spent_seconds AS n FROM enrollments WHERE id = $1`,
      [learner.enrollmentId],
    );
    await context.setOffline(false);
    await waitingCount(page).waitFor({ state: 'detached' });
    const after: { n: number; beat: Date | null }[] = await ctx.db.query(
      `SELECT e.time_spent_seconds AS n, p.last_heartbeat_at AS beat
         FROM enrollments e JOIN lesson_progress p ON p.enrollment_id = e.id
        WHERE e.id = $1`,
      [learner.enrollmentId],
    );
    expect(after[0].n).toBeGreaterThan(before[0].n);
    expect(after[0].beat).not.toBeNull();
    await context.close();
  });
});
