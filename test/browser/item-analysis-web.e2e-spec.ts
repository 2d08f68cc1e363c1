import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import { seedItemAnalysisQuiz } from '../support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const STAFF_VIEWPORTS = [TABLET, DESKTOP];

/*
 * The quiz of seedItemAnalysisQuiz (six first attempts; see test/item-analysis.e2e-spec.ts for
 * the arithmetic): x and X' = total − x per question, n = 6, F = 100 · x̄ / x_max,
 * D = 100 · Sxy / √(Sxx · Syy).
 *   single (max 1): x = 1,1,1,0,0,0; X' = 3,3,2,0,2,1 → F = 50; D = 100 · (5/2) / √(3/2 · 41/6) = 78.09
 *   multi  (max 2): x = 2,2,2,0,1,0; X' = 2,2,1,0,1,1 → F = 100 · (7/6) / 2 = 58.33; D = 100 · √(17/29) = 76.56
 *   true/false (1): x = 1,1,0,0,1,1; X' = 3,3,3,0,1,0 → F = 100 · 4/6 = 66.67; D = 100 / √136 = 8.57
 * Shown in Indonesian number format (decimal comma).
 */
const id = (v: number) => (Math.round(v * 100) / 100).toString().replace('.', ',');
const EXPECTED = [
  {
    facility: id(50),
    facilityWords: 'Pas',
    discrimination: id((100 * 2.5) / Math.sqrt(10.25)),
    discriminationWords: 'Sangat baik',
    options: ['Alat Pelindung Diri', '3 (50%)', 'Alat Pemadam Darurat', '2 (33,33%)'],
  },
  {
    facility: id((100 * (7 / 6)) / 2),
    facilityWords: 'Pas',
    discrimination: id(100 * Math.sqrt(17 / 29)),
    discriminationWords: 'Sangat baik',
    options: ['Helm', '4 (66,67%)', 'Sarung tangan', '3 (50%)', 'Sandal', '1 (16,67%)'],
  },
  {
    facility: id((100 * 4) / 6),
    facilityWords: 'Cukup mudah',
    discrimination: id(100 / Math.sqrt(136)),
    discriminationWords: 'Sangat lemah',
    options: ['Benar', '4 (66,67%)', 'Salah', '2 (33,33%)'],
  },
];

describe('web app (instructor item analysis, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let instructor: SeededUser;
  let quiz: Awaited<ReturnType<typeof seedItemAnalysisQuiz>>;

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    quiz = await seedItemAnalysisQuiz(ctx, instructor);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const row = (questionId: string) => page.locator(`tr[data-question="${questionId}"]`);
  /** The lines of a cell's text: the number, then its plain words. */
  const lines = async (questionId: string, cell: 'facility' | 'discrimination') =>
    (await row(questionId).locator(`[data-cell="${cell}"]`).innerText()).split(/\n+/);

  it('shows the hand-computed indices, their plain words and the option shares', async () => {
    await page.goto(`${base}/instructor/quizzes/${quiz.quizId}/item-analysis`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Analisis butir soal' }).waitFor();
    await page.getByText('6 percobaan pertama yang sudah dinilai dihitung').waitFor();

    for (const [i, expected] of EXPECTED.entries()) {
      const r = row(quiz.questionIds[i]);
      await r.waitFor();
      const q = quiz.questionIds[i];
      expect(await lines(q, 'facility')).toEqual([expected.facility, expected.facilityWords]);
      expect(await lines(q, 'discrimination')).toEqual([
        expected.discrimination,
        expected.discriminationWords,
      ]);
      const text = await r.innerText();
      for (const part of expected.options) expect(text).toContain(part);
    }
    expect(EXPECTED.map((e) => [e.facility, e.discrimination])).toEqual([
      ['50', '78,09'],
      ['58,33', '76,56'],
      ['66,67', '8,57'],
    ]);
    await checkPage(page, 'instructor-item-analysis', STAFF_VIEWPORTS);
  });

  it('switches to all attempts, where the retake counts', async () => {
    await page.getByText('Semua percobaan').click();
    await page.getByText('7 percobaan yang sudah dinilai dihitung').waitFor();
    // single with the all-wrong retake: x̄ = 3/7 → F = 300/7 = 42.86, still "about right" (35–65)
    await row(quiz.questionIds[0])
      .locator('[data-cell="facility"]')
      .getByText('42,86', { exact: true })
      .waitFor();
    expect(await lines(quiz.questionIds[0], 'facility')).toEqual(['42,86', 'Pas']);
    expect(new URL(page.url()).searchParams.get('attempts')).toBe('all');
  });

  it('reads in English for an English-speaking instructor', async () => {
    await ctx.http().patch('/api/v1/me').set(bearer(instructor)).send({ locale: 'en' }).expect(200);
    await page.goto(`${base}/instructor/quizzes/${quiz.quizId}/item-analysis`);
    await page.getByRole('heading', { name: 'Item analysis' }).waitFor();
    await page.getByText("6 learners' first graded attempts counted").waitFor();
    expect(await lines(quiz.questionIds[0], 'discrimination')).toEqual(['78.09', 'Very good']);
    await expect(row(quiz.questionIds[2]).innerText()).resolves.toContain('True');
    await checkPage(page, 'instructor-item-analysis-en', [DESKTOP]);
  });
});
