import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  createQuizCourse,
  enrolledLearner,
  QuizCourse,
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

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const STAFF_VIEWPORTS = [TABLET, DESKTOP];
const ESSAY_TEXT = 'Jelaskan hierarki pengendalian bahaya';
const LEARNER_ANSWER = 'Eliminasi, substitusi, rekayasa teknik, administrasi, APD.';

/** A datetime-local value (Jakarta time) `days` from now, at 08:00 WIB. */
const ID_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

function wibDay(days: number): { local: string; iso: string } {
  const day = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return { local: `${day}T08:00`, iso: new Date(`${day}T08:00:00+07:00`).toISOString() };
}

describe('web app (instructor quiz settings and grading, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let instructor: SeededUser;
  let quiz: QuizCourse;
  let essayCategory: string;
  let tfCategory: string;
  let attemptId: string;
  let essayVersionId: string;
  const opens = wibDay(-1);
  const closes = wibDay(2);

  const http = () => ctx.http();

  async function category(name: string): Promise<string> {
    const res = await http()
      .post(`/api/v1/courses/${quiz.courseId}/question-bank/categories`)
      .set(bearer(instructor))
      .send({ name })
      .expect(201);
    return res.body.id as string;
  }

  async function question(body: object): Promise<void> {
    await http()
      .post(`/api/v1/courses/${quiz.courseId}/question-bank/questions`)
      .set(bearer(instructor))
      .send(body)
      .expect(201);
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor, null, { name: 'Ibu Instruktur' });
    quiz = await createQuizCourse(ctx, instructor, [SINGLE]);
    essayCategory = await category('Esai K3');
    tfCategory = await category('Benar atau salah');
    await question({ type: 'essay', text: ESSAY_TEXT, defaultMark: 2, categoryId: essayCategory });
    await question({ ...TRUE_FALSE, categoryId: tfCategory });
    await question({
      ...TRUE_FALSE,
      text: 'APD diperiksa sebelum dipakai.',
      categoryId: tfCategory,
    });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const categoryRow = (id: string) => page.locator(`tr[data-category="${id}"]`);

  it('sets random questions per category, the window and the review options', async () => {
    await page.goto(`${base}/instructor/quizzes/${quiz.quizId}/settings`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Pengaturan kuis' }).waitFor();
    // The quiz belongs to the published version, so the page says a change is live at once.
    await page
      .getByText(/^Kuis ini milik versi 1 \(Terbit\): perubahan yang disimpan langsung berlaku/)
      .waitFor();

    await page.getByLabel('Batas waktu (menit)').fill('30');
    await page.getByLabel('Jumlah percobaan').fill('2');
    await page.getByLabel('Nilai lulus').fill('60');
    await page.getByText('Acak per kategori').click();
    await categoryRow(essayCategory).waitFor();
    // the counts each category holds, from the question bank
    expect(await categoryRow(essayCategory).locator('[data-cell="holds"]').innerText()).toBe(
      '1 soal',
    );
    expect(await categoryRow(tfCategory).locator('[data-cell="holds"]').innerText()).toBe('2 soal');
    await page.getByLabel('Jumlah soal yang diambil dari Esai K3').fill('1');
    await page.getByLabel('Jumlah soal yang diambil dari Benar atau salah').fill('1');
    await page
      .getByTestId('draw-total')
      .getByText('Setiap percobaan menampilkan 2 soal.')
      .waitFor();

    // review: score after submitting, the correct answers once the quiz closes
    const afterSubmit = page.getByRole('group', { name: 'Setelah mengirim' });
    const afterClose = page.getByRole('group', { name: 'Setelah kuis ditutup' });
    await afterSubmit.getByLabel('Nilai').check();
    await afterClose.getByLabel('Nilai').check();
    await afterClose.getByLabel('Kunci jawaban').check();
    // without a close time the close options never apply, and the sentence says so
    expect(await page.getByTestId('review-sentence').innerText()).toBe(
      'Setelah mengirim: hanya nilai; kunci jawaban baru tampil setelah kuis ditutup, tetapi kuis ini tidak punya waktu tutup.',
    );

    // a close before the open: the server refuses, on the close field
    await page.getByLabel('Dibuka pada (WIB)').fill(closes.local);
    await page.getByLabel('Ditutup pada (WIB)').fill(opens.local);
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Waktu tutup harus setelah waktu buka.').waitFor();
    expect(await page.getByLabel('Ditutup pada (WIB)').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Dibuka pada (WIB)').fill(opens.local);
    await page.getByLabel('Ditutup pada (WIB)').fill(closes.local);
    // The browser formats the input its own way; the time is also given in words, in Indonesian.
    for (const { local } of [opens, closes]) {
      const month = ID_MONTHS[Number(local.slice(5, 7)) - 1];
      const day = Number(local.slice(8, 10));
      await page
        .getByText(new RegExp(`, 0?${day} ${month} ${local.slice(0, 4)} pukul 08\\.00 WIB$`))
        .waitFor();
    }
    expect(await page.getByTestId('review-sentence').innerText()).toBe(
      'Setelah mengirim: hanya nilai; setelah kuis ditutup: juga kunci jawaban.',
    );
    await checkPage(page, 'instructor-quiz-settings', STAFF_VIEWPORTS);

    // unsaved changes: leaving asks first
    await page.getByRole('link', { name: 'Kembali ke kursus' }).click();
    const leave = page.getByRole('dialog', { name: 'Tinggalkan tanpa menyimpan?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Tetap di halaman ini' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/settings');

    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('status').getByText('Pengaturan tersimpan.').waitFor();

    const saved = await http()
      .get(`/api/v1/quizzes/${quiz.quizId}`)
      .set(bearer(instructor))
      .expect(200);
    expect(saved.body).toMatchObject({
      timeLimitSeconds: 1800,
      attemptsAllowed: 2,
      passingPercent: 60,
      openAt: opens.iso,
      closeAt: closes.iso,
      options: {
        selection: {
          mode: 'random',
          draws: expect.arrayContaining([
            { categoryId: essayCategory, count: 1 },
            { categoryId: tfCategory, count: 1 },
          ]),
        },
        review: {
          afterSubmit: { score: true, responses: false, correctAnswers: false, feedback: false },
          afterClose: { score: true, responses: false, correctAnswers: true, feedback: false },
        },
      },
    });
    expect(saved.body.options.selection.draws).toHaveLength(2);

    // saved: the page reloads with the same sentence, and leaving no longer asks
    await page.reload();
    expect(await page.getByTestId('review-sentence').innerText()).toBe(
      'Setelah mengirim: hanya nilai; setelah kuis ditutup: juga kunci jawaban.',
    );
  });

  it('a learner takes the quiz through the API with an essay', async () => {
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const started = await http()
      .post(`/api/v1/quizzes/${quiz.quizId}/attempts`)
      .set(bearer(learner))
      .expect(200);
    attemptId = started.body.id;
    const questions = started.body.questions as { id: string; type: string }[];
    expect(questions.map((q) => q.type).sort()).toEqual(['essay', 'true_false']);
    const essay = questions.find((q) => q.type === 'essay')!;
    essayVersionId = essay.id;
    const tf = questions.find((q) => q.type === 'true_false')!;
    await http()
      .put(`/api/v1/attempts/${attemptId}/answers/${essay.id}`)
      .set(bearer(learner))
      .send({ text: LEARNER_ANSWER })
      .expect(200);
    // both true/false questions of the category are true: right whichever is drawn
    await http()
      .put(`/api/v1/attempts/${attemptId}/answers/${tf.id}`)
      .set(bearer(learner))
      .send({ answer: true })
      .expect(200);
    const submitted = await http()
      .post(`/api/v1/attempts/${attemptId}/submit`)
      .set(bearer(learner))
      .expect(200);
    expect(submitted.body.status).toBe('needs_grading');
  });

  const attemptAsInstructor = async () =>
    (await http().get(`/api/v1/attempts/${attemptId}`).set(bearer(instructor)).expect(200)).body;
  const card = () => page.locator(`[data-item="${attemptId}:${essayVersionId}"]`);

  it('grades the essay from the queue with a comment', async () => {
    await page.goto(`${base}/instructor/grading`);
    await page.getByRole('heading', { name: 'Penilaian', exact: true }).waitFor();
    await card().waitFor();
    const text = await card().innerText();
    expect(text).toContain(ESSAY_TEXT);
    expect(text).toContain(LEARNER_ANSWER);
    expect(text).toContain('Kuis K3 · percobaan 1');
    await checkPage(page, 'instructor-grading-queue', STAFF_VIEWPORTS);

    // a typed, unsaved comment survives switching the list, and leaving the page asks first
    await card().getByLabel('Komentar untuk peserta').fill('Belum selesai');
    await page.getByText('Sudah dinilai', { exact: true }).click();
    await page.getByText('Belum ada esai yang dinilai.').waitFor();
    await page.getByText('Menunggu nilai', { exact: true }).click();
    expect(await card().getByLabel('Komentar untuk peserta').inputValue()).toBe('Belum selesai');
    await page.getByRole('link', { name: 'Kursus saya' }).click();
    const leave = page.getByRole('dialog', { name: 'Tinggalkan tanpa menyimpan?' });
    await leave.getByRole('button', { name: 'Tetap di halaman ini' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/instructor/grading');
    await card().getByLabel('Komentar untuk peserta').fill('');

    // keyboard only: the mark, then Tab to the comment, Tab to the button, Enter
    await card().getByLabel('Nilai (0 sampai 2)').focus();
    await page.keyboard.type('1,5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lengkap, tetapi urutannya kurang dijelaskan.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(/^Nilai untuk Test learner tersimpan: skor percobaan kini/)
      .waitFor();
    await card().waitFor({ state: 'detached' });

    const graded = await attemptAsInstructor();
    expect(graded.status).toBe('graded');
    expect(graded.result).toMatchObject({ score: 2.5, maxScore: 3, percent: 83.33, passed: true });
    const [answer] = await ctx.db.query(
      `SELECT mark_hundredths, grader_comment FROM quiz_attempt_answers
        WHERE attempt_id = $1 AND question_version_id = $2`,
      [attemptId, essayVersionId],
    );
    expect(answer).toEqual({
      mark_hundredths: 150,
      grader_comment: 'Lengkap, tetapi urutannya kurang dijelaskan.',
    });
  });

  it('changes the mark with a reason after a confirmation saying what changes', async () => {
    await page.getByText('Sudah dinilai', { exact: true }).click();
    await card().waitFor();
    await card().getByText('Nilai 1,5 dari 2').waitFor();
    // the comment stays unless it is edited
    expect(await card().getByLabel('Komentar untuk peserta').inputValue()).toBe(
      'Lengkap, tetapi urutannya kurang dijelaskan.',
    );
    await card().getByLabel('Nilai baru (0 sampai 2)').fill('2');
    await card().getByRole('button', { name: 'Ubah nilai' }).click();
    // no reason yet: the form says so and nothing is sent
    await card().getByText('Tuliskan alasan nilai diubah.').waitFor();
    await card()
      .getByRole('textbox', { name: 'Alasan perubahan' })
      .fill('Urutan hierarki ternyata sudah benar.');
    await card().getByRole('button', { name: 'Ubah nilai' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ubah nilai ini?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      'Nilai jawaban Test learner berubah dari 1,5 menjadi 2 dari 2.',
    );
    expect(await confirm.innerText()).toContain(
      'Alasan yang dicatat: Urutan hierarki ternyata sudah benar.',
    );
    await checkPage(page, 'instructor-grading-regrade', STAFF_VIEWPORTS);
    await confirm.getByRole('button', { name: 'Ubah nilai' }).click();
    await page
      .getByRole('status')
      .getByText(/skor percobaan kini 100%/)
      .waitFor();

    const regraded = await attemptAsInstructor();
    expect(regraded.result).toMatchObject({ score: 3, maxScore: 3, percent: 100 });
    const [audit] = await ctx.db.query(
      `SELECT actor_id, data FROM audit_log
        WHERE action = 'quiz_attempt.mark_changed' AND entity_id = $1`,
      [attemptId],
    );
    expect(audit.actor_id).toBe(instructor.id);
    const [answer] = await ctx.db.query(
      `SELECT mark_hundredths, grader_comment FROM quiz_attempt_answers
        WHERE attempt_id = $1 AND question_version_id = $2`,
      [attemptId, essayVersionId],
    );
    expect(answer).toEqual({
      mark_hundredths: 200,
      grader_comment: 'Lengkap, tetapi urutannya kurang dijelaskan.',
    });
    expect(audit.data).toMatchObject({
      reason: 'Urutan hierarki ternyata sudah benar.',
      previous: [{ questionId: essayVersionId, mark: 1.5 }],
    });
    await card().getByText('Nilai 2 dari 2').waitFor();
  });

  it("a new draft's copy of the quiz: its page says so, and the publish review names what changed", async () => {
    const draft = await http()
      .post(`/api/v1/courses/${quiz.courseId}/versions`)
      .set(bearer(instructor))
      .expect(201);
    const draftQuizId = draft.body.draft.modules[0].lessons[0].quizId as string;
    expect(draftQuizId).not.toBe(quiz.quizId);
    await page.goto(`${base}/instructor/quizzes/${draftQuizId}/settings`);
    await page
      .getByText(
        /^Kuis ini milik draf versi 2: perubahan yang disimpan berlaku bagi peserta setelah/,
      )
      .waitFor();
    await page.getByLabel('Nilai lulus').fill('75');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('status').getByText('Pengaturan tersimpan.').waitFor();
    await checkPage(page, 'instructor-quiz-settings-draft', STAFF_VIEWPORTS);
    const published = await http()
      .get(`/api/v1/quizzes/${quiz.quizId}`)
      .set(bearer(instructor))
      .expect(200);
    expect(published.body.passingPercent).toBe(60);

    await page.getByRole('link', { name: 'Kembali ke kursus' }).click();
    await page.getByRole('button', { name: 'Tinjau dan terbitkan v2' }).click();
    const review = page.getByRole('dialog', { name: 'Terbitkan versi 2?' });
    await review.getByText('Kuis: pengaturan kuis berubah (nilai lulus)').waitFor();
    await checkPage(page, 'instructor-quiz-publish-review', STAFF_VIEWPORTS);
    await review.getByRole('button', { name: 'Terbitkan versi 2' }).click();
    await page.getByText('Versi 2 sudah terbit.').waitFor();
    const v2 = await http()
      .get(`/api/v1/quizzes/${draftQuizId}`)
      .set(bearer(instructor))
      .expect(200);
    expect(v2.body).toMatchObject({ versionStatus: 'published', passingPercent: 75 });
  });

  it('picks fixed questions from a bank of more than 100: page by page, by search, and keeps the order', async () => {
    const big = await createQuizCourse(ctx, instructor, [{ ...SINGLE, title: 'Soal 000' }]);
    const titles = Array.from({ length: 120 }, (_, i) => `Soal ${String(i + 1).padStart(3, '0')}`);
    const ids = new Map<string, string>();
    for (const title of titles) {
      const res = await http()
        .post(`/api/v1/courses/${big.courseId}/question-bank/questions`)
        .set(bearer(instructor))
        .send({ ...TRUE_FALSE, title, text: `Pernyataan ${title}` })
        .expect(201);
      ids.set(title, res.body.id as string);
    }
    await page.goto(`${base}/instructor/quizzes/${big.quizId}/settings`);
    const bankList = page.getByRole('region', { name: 'Bank soal' });
    await bankList.getByLabel('Soal 049').waitFor();
    await expect(bankList.getByRole('checkbox').count()).resolves.toBe(50);
    await expect(bankList.getByLabel('Soal 050').count()).resolves.toBe(0);
    await page
      .getByRole('button', { name: 'Tampilkan soal berikutnya (50 sudah ditampilkan)' })
      .click();
    await bankList.getByLabel('Soal 099').waitFor();
    await page
      .getByRole('button', { name: 'Tampilkan soal berikutnya (100 sudah ditampilkan)' })
      .click();
    await bankList.getByLabel('Soal 120').waitFor();
    await expect(bankList.getByRole('checkbox').count()).resolves.toBe(121);
    await expect(
      page.getByRole('button', { name: /Tampilkan soal berikutnya/ }).count(),
    ).resolves.toBe(0);
    await bankList.getByLabel('Soal 120').check();
    await page.getByText('2 soal dipilih', { exact: false }).waitFor();

    await page.getByLabel('Cari soal').fill('Soal 007');
    await bankList.getByLabel('Soal 008').waitFor({ state: 'detached' });
    await expect(bankList.getByRole('checkbox').count()).resolves.toBe(1);
    await bankList.getByLabel('Soal 007').check();
    await page.getByLabel('Cari soal').fill('tidak ada soal seperti ini');
    await bankList.getByText('Tidak ada soal yang cocok dengan pencarian.').waitFor();
    await checkPage(page, 'instructor-quiz-fixed-picker', STAFF_VIEWPORTS);
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('status').getByText('Pengaturan tersimpan.').waitFor();
    const saved = await http()
      .get(`/api/v1/quizzes/${big.quizId}`)
      .set(bearer(instructor))
      .expect(200);
    expect(saved.body.options.selection).toEqual({
      mode: 'fixed',
      questionIds: [big.questionIds[0], ids.get('Soal 120'), ids.get('Soal 007')],
    });

    // After a reload the chosen ones are named in their order, although Soal 120 is not on the
    // first page of the bank.
    await page.reload();
    const chosen = page.getByRole('region', { name: 'Soal terpilih, sesuai urutan tampil' });
    await chosen.getByLabel('Soal 120').waitFor();
    await expect(chosen.locator('label').allInnerTexts()).resolves.toEqual([
      'Soal 000',
      'Soal 120',
      'Soal 007',
    ]);
    // Unticking one takes it out of the chosen list.
    await chosen.getByLabel('Soal 000').click();
    await page.getByText('2 soal dipilih', { exact: false }).waitFor();
    await expect(chosen.locator('label').allInnerTexts()).resolves.toEqual([
      'Soal 120',
      'Soal 007',
    ]);
  });

  it('reads in English for an English-speaking instructor', async () => {
    await http().patch('/api/v1/me').set(bearer(instructor)).send({ locale: 'en' }).expect(200);
    await page.goto(`${base}/instructor/quizzes/${quiz.quizId}/settings`);
    await page.getByRole('heading', { name: 'Quiz settings' }).waitFor();
    expect(await page.getByTestId('review-sentence').innerText()).toBe(
      'After submitting: score only; after the quiz closes: also correct answers.',
    );
    expect(await categoryRow(tfCategory).locator('[data-cell="holds"]').innerText()).toBe(
      '2 questions',
    );
    await checkPage(page, 'instructor-quiz-settings-en', [DESKTOP]);
    await page.goto(`${base}/instructor/grading?state=graded`);
    await card().getByText('Mark 2 of 2').waitFor();
    await checkPage(page, 'instructor-grading-en', [DESKTOP]);
  });
});
