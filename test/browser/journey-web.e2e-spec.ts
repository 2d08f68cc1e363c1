import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import {
  checkPage as checkPageAt,
  DESKTOP,
  launchChromium,
  PHONE,
  serveOnLoopback,
} from '../support/browser';
import { SINGLE, TRUE_FALSE } from '../support/quiz-fixtures';
import { startSmtpSink, SmtpSink, waitFor } from '../support/smtp-sink';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from '../support/test-app';

const PASSWORD = 'kopi tubruk di warung pojok';
const LEARNER = { email: 'rina@journey-web.test', name: 'Rina Wulandari', employeeId: 'JW-1' };
const CERTIFICATE_RENDER_MS = 60_000;

/**
 * The learner's whole journey in Chromium, against the real API, worker, PostgreSQL, Redis and the
 * in-process SMTP sink: invitation mail → set password → log in → text lesson → timed quiz →
 * passed → certificate issued by the worker → PDF download → public verification page.
 */
describe('web app: the learner journey from invitation to verified certificate (Chromium)', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({ SMTP_URL: smtp.url });
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.close();
  });

  /** Screenshot at phone size (and desktop for the key steps), no horizontal scroll, axe clean. */
  async function step(page: Page, name: string, key = false): Promise<void> {
    await checkPageAt(page, `journey-${name}`, key ? [DESKTOP, PHONE] : [PHONE]);
  }

  /** Text lesson (no minimum time) and a timed quiz with a pass mark, published; assigned mode. */
  async function authorCourse(author: SeededUser) {
    const api = ctx.http();
    const course = await api
      .post('/api/v1/courses')
      .set(bearer(author))
      .send({
        code: 'K3-JOURNEY',
        titleId: 'Dasar K3 Konstruksi',
        titleEn: 'Construction OSH Basics',
        competencyCode: 'AK3U',
        jpHours: 2,
        certificateValidityMonths: 36,
        enrollmentMode: 'assigned',
        sequential: true,
        tags: ['k3'],
      })
      .expect(201);
    const courseId = course.body.id as string;
    const module = await api
      .post(`/api/v1/courses/${courseId}/modules`)
      .set(bearer(author))
      .send({ titleId: 'Pengenalan APD', titleEn: 'PPE introduction' })
      .expect(201);
    const lessons = `/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`;
    const text = await api
      .post(lessons)
      .set(bearer(author))
      .send({
        type: 'text',
        titleId: 'Alat pelindung diri',
        titleEn: 'Personal protective equipment',
        required: true,
        minSeconds: 0,
        content: { markdown: '# Alat pelindung diri\n\nPakai **helm** di area proyek.' },
      })
      .expect(201);
    const quizLesson = await api
      .post(lessons)
      .set(bearer(author))
      .send({ type: 'quiz', titleId: 'Kuis APD', titleEn: 'PPE quiz', required: true })
      .expect(201);
    const questionIds: string[] = [];
    for (const q of [SINGLE, TRUE_FALSE]) {
      const res = await api
        .post(`/api/v1/courses/${courseId}/question-bank/questions`)
        .set(bearer(author))
        .send(q)
        .expect(201);
      questionIds.push(res.body.id);
    }
    const quiz = await api
      .post('/api/v1/quizzes')
      .set(bearer(author))
      .send({
        lessonId: quizLesson.body.id,
        title: 'Kuis APD',
        selection: { mode: 'fixed', questionIds },
        passingPercent: 70,
        timeLimitSeconds: 300,
        review: {
          afterSubmit: { score: true, responses: true, correctAnswers: true, feedback: true },
          afterClose: { score: true, responses: false, correctAnswers: false, feedback: false },
        },
      })
      .expect(201);
    await api.post(`/api/v1/courses/${courseId}/publish`).set(bearer(author)).expect(200);
    return { courseId, textLessonId: text.body.id as string, quizId: quiz.body.id as string };
  }

  it('invitation → set password → log in → lesson → timed quiz passed → certificate → PDF → verified', async () => {
    const organizationId = await seedOrganization(ctx);
    const admin = await seedUser(ctx, Role.Admin);
    const hr = await seedUser(ctx, Role.Hr, organizationId);
    const course = await authorCourse(admin);
    const employee = await ctx
      .http()
      .post('/api/v1/employees')
      .set(bearer(hr))
      .send(LEARNER)
      .expect(201);
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds: [employee.body.id], dueAt: '2030-01-31T16:59:59Z' })
      .expect(200);

    // 1. the invitation mail carries the set-password link
    const [invitation] = await waitFor('invitation mail', async () => {
      const got = smtp.byRecipient(LEARNER.email);
      return got.length ? got : null;
    });
    const match = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(
      invitation.parsed.text ?? '',
    );
    expect(match).not.toBeNull();
    const link = new URL(match![0]);

    const context = await browser.newContext({
      locale: 'id-ID',
      viewport: PHONE,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));

    // 2. set a password → signed in on My training
    await page.goto(`${base}${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Buat kata sandi Anda' }).waitFor();
    await page.getByText(`Selamat datang, ${LEARNER.name}`).waitFor();
    await step(page, 'set-password', true);
    await page.getByLabel('Kata sandi baru').fill(PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();

    // 3. log out, and log in again through the login page
    await page.getByRole('button', { name: 'Menu pengguna' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.getByLabel('E-mail').fill(LEARNER.email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await step(page, 'login');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    const card = page.getByRole('article', { name: 'Dasar K3 Konstruksi' });
    await card.waitFor();
    await step(page, 'my-training', true);

    // 4. the course outline and the text lesson, completed
    await card.getByRole('link', { name: 'Dasar K3 Konstruksi' }).click();
    await page.getByRole('heading', { name: 'Daftar materi' }).waitFor();
    await step(page, 'course-outline');
    await page.getByRole('link', { name: 'Alat pelindung diri' }).click();
    await page.waitForURL(new RegExp(`/lessons/${course.textLessonId}$`));
    const complete = page.getByRole('button', { name: 'Tandai selesai' });
    await complete.waitFor();
    await step(page, 'lesson-text');
    await complete.click();
    await page.getByText('Pelajaran selesai', { exact: true }).waitFor();
    await step(page, 'lesson-completed');

    // 5. the quiz lesson → quiz page → start → answer correctly → summary → passed
    await page.getByRole('link', { name: 'Pelajaran berikutnya' }).click();
    await page.getByRole('link', { name: 'Buka kuis' }).click();
    await page.getByText('Batas waktu: 5 menit').waitFor();
    await page.getByText('Nilai lulus: 70%').waitFor();
    await expect(
      page.getByRole('link', { name: 'Kembali ke kursus' }).getAttribute('href'),
    ).resolves.toBe(`/courses/${course.courseId}`);
    await step(page, 'quiz-intro', true);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.getByRole('timer').waitFor();
    await page.getByText('Soal 1 dari 2').waitFor();
    await page.getByRole('radio', { name: 'Alat Pelindung Diri' }).check();
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    await step(page, 'quiz-question', true);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByText('Soal 2 dari 2').waitFor();
    const yes = page.getByRole('radio', { name: 'Benar' });
    await yes.focus();
    await page.keyboard.press('Space');
    await expect(yes.isChecked()).resolves.toBe(true);
    await page.getByText('Tersimpan', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Selesai dan kirim' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim jawaban?' });
    await dialog.getByText('Semua soal sudah dijawab.').waitFor();
    await step(page, 'quiz-summary');
    await dialog.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.getByRole('heading', { name: 'Hasil percobaan ke-1' }).waitFor();
    await page.getByText('Lulus', { exact: true }).waitFor();
    await page.getByText('Nilai 100%').waitFor();
    await step(page, 'quiz-passed', true);

    // 6. Certificates: pending until the worker has rendered the PDF, then issued
    await page.goto(`${base}/certificates`);
    await page.getByRole('heading', { name: 'Dasar K3 Konstruksi' }).waitFor();
    const pdfButton = page.getByRole('button', { name: 'Unduh PDF' }).first();
    const pending = page.getByText('PDF sertifikat sedang dibuat', { exact: false });
    if (await pending.isVisible()) await step(page, 'certificate-pending');
    // no reload: the page looks again by itself while a certificate is pending
    await pdfButton.waitFor({ timeout: CERTIFICATE_RENDER_MS });
    await expect(pending.count()).resolves.toBe(0);
    await page.getByText('Berlaku', { exact: true }).first().waitFor();
    await step(page, 'certificates', true);

    // 7. download the PDF; its sha256 is the one the public verification reports
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const verifyLink = page.getByTestId('share-url').first();
    const verifyUrl = new URL(await verifyLink.innerText());
    const code = verifyUrl.pathname.split('/').pop()!;
    const verification = await ctx.http().get(`/api/v1/verify/${code}`).expect(200);
    expect(verification.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    // the learner's preferences list only the mails a learner gets (no HR digest)
    await page.goto(`${base}/preferences`);
    await page.getByRole('switch', { name: 'Pengingat pelatihan dan sertifikat' }).waitFor();
    await expect(page.getByRole('switch').count()).resolves.toBe(2);
    await expect(page.getByText('Ringkasan mingguan HR').count()).resolves.toBe(0);
    await step(page, 'preferences');
    await page.goBack();
    await verifyLink.waitFor();

    // 8. the share link opens the public verification page
    await verifyLink.click();
    await page.waitForURL(new RegExp(`/verify/${code}$`));
    await page.getByText('Sertifikat sah').waitFor();
    await page.getByText(LEARNER.name).first().waitFor();
    await step(page, 'verify', true);
    await context.close();
  });
});
