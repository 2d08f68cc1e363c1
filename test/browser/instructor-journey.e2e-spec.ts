import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const VIEWPORTS = [TABLET, DESKTOP];
const CODE = 'K3-JOURNEY-01';
const COURSE_TITLE = 'K3 Listrik Lapangan';

// Line 4 has an answer without its = or ~ prefix; the dry run names it and the import waits.
const BAD_LINE = 4;
const GIFT_WITH_ERROR = [
  '// Bank soal K3 listrik',
  '$CATEGORY: K3 Listrik/Impor',
  '',
  '::APD kepala:: Pelindung kepala di proyek adalah? {Helm ~Rompi ~Sepatu bot}',
  '',
  '::APAR:: APAR singkatan dari? {=Alat Pemadam Api Ringan ~Alat Pelindung Api ~Alat Penerang}',
  '',
  '::Helm wajib:: Helm wajib dipakai di area proyek. {TRUE}',
  '',
  '::Esai hierarki:: Jelaskan hierarki pengendalian risiko. {}',
  '',
].join('\n');
const FIXED_LINE = '::APD kepala:: Pelindung kepala di proyek adalah? {=Helm ~Rompi ~Sepatu bot}';
const TITLES = ['APD kepala', 'APAR', 'Helm wajib', 'Esai hierarki'];
const ESSAY_MAX = 1; // GIFT gives every question the default mark 1

/**
 * What six learners answer, and the essay mark the instructor gives each. Designed so that the
 * four questions get four different facility and discrimination indices, one of them negative.
 */
const LEARNERS = [
  { name: 'Agus', apd: 'Helm', apar: 'Alat Pemadam Api Ringan', helm: true, essay: 1 },
  { name: 'Bayu', apd: 'Helm', apar: 'Alat Pemadam Api Ringan', helm: false, essay: 0.5 },
  { name: 'Citra', apd: 'Helm', apar: 'Alat Pelindung Api', helm: true, essay: 0.5 },
  { name: 'Dedi', apd: 'Rompi', apar: 'Alat Pemadam Api Ringan', helm: true, essay: 0 },
  { name: 'Eka', apd: 'Sepatu bot', apar: 'Alat Pemadam Api Ringan', helm: true, essay: 0.25 },
  { name: 'Fajar', apd: 'Rompi', apar: 'Alat Penerang', helm: true, essay: 0 },
];
const ESSAY_ANSWER = (name: string) => `Jawaban ${name}: eliminasi, substitusi, rekayasa, APD.`;

/** x per question (APD kepala, APAR, Helm wajib, Esai) for each learner, from the table above. */
const marks = LEARNERS.map((l) => [
  l.apd === 'Helm' ? 1 : 0,
  l.apar === 'Alat Pemadam Api Ringan' ? 1 : 0,
  l.helm ? 1 : 0,
  l.essay,
]);
const MAX = [1, 1, 1, ESSAY_MAX];

/** Moodle: F = 100 · mean(x / x_max). */
function facility(q: number): number {
  return (100 * marks.reduce((s, m) => s + m[q] / MAX[q], 0)) / marks.length;
}
/** Moodle: D = 100 · Pearson r between the mark on q and the mark on the rest of the quiz. */
function discrimination(q: number): number {
  const x = marks.map((m) => m[q]);
  const rest = marks.map((m) => m.reduce((s, v) => s + v, 0) - m[q]);
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const mr = mean(rest);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i += 1) {
    sxy += (x[i] - mx) * (rest[i] - mr);
    sxx += (x[i] - mx) ** 2;
    syy += (rest[i] - mr) ** 2;
  }
  return (100 * sxy) / Math.sqrt(sxx * syy);
}
const idNumber = new Intl.NumberFormat('id', { maximumFractionDigits: 2 });
/** "n (p%)" as the page shows an option's share of the six attempts. */
const share = (count: number) => `${count} (${idNumber.format((100 * count) / LEARNERS.length)}%)`;
const countOf = <T>(pick: (l: (typeof LEARNERS)[number]) => T, value: T) =>
  LEARNERS.filter((l) => pick(l) === value).length;

/**
 * Issue 12's proof as one story in Chromium against the real API, worker, PostgreSQL and Redis:
 * an instructor signs in, creates a course from nothing, builds its structure, imports a GIFT
 * bank fixed in place after its dry run, sets the quiz up and publishes after the review; six
 * learners take the quiz through the API; the instructor grades the essays from the queue; the
 * item analysis shows the indices this file computes by hand from the answers it seeded.
 */
describe('web app (instructor journey: course from nothing to item analysis)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let instructor: SeededUser;
  let courseId: string;
  let quizLessonId: string;
  let quizId: string;
  const questionIds: string[] = [];
  const learners: SeededUser[] = [];
  const attemptIds: string[] = [];
  let essayVersionId: string;

  const http = () => ctx.http();
  const dialog = () => page.getByRole('dialog');
  const courseNav = () => page.getByRole('navigation', { name: 'Halaman kursus' });

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor, null, { name: 'Rina Pengajar' });
    for (const l of LEARNERS)
      learners.push(await seedUser(ctx, Role.Learner, null, { name: l.name }));
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

  it('1. signs the instructor in and creates a course from nothing', async () => {
    await page.goto(`${base}/instructor`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Kursus saya', exact: true }).waitFor();
    await page.getByText('Anda belum menjadi pengajar kursus apa pun.').waitFor();
    await checkPage(page, 'journey-01-courses-empty', VIEWPORTS);

    await page.getByRole('link', { name: 'Kursus baru' }).click();
    await page.getByRole('heading', { name: 'Kursus baru' }).waitFor();
    await page.getByLabel('Kode kursus').fill(CODE);
    await page.getByLabel('Judul (Indonesia)').fill(COURSE_TITLE);
    await page.getByLabel('Judul (Inggris)').fill('Field Electrical OSH');
    await page.getByLabel('Deskripsi (Indonesia)').fill('Bekerja aman dengan listrik.');
    await page.getByLabel('Deskripsi (Inggris)').fill('Working safely with electricity.');
    await page.getByLabel('Kode kompetensi').fill('AK3-LISTRIK');
    await page.getByLabel('Jam pelajaran (JP)').fill('8');
    await page.getByLabel('Masa berlaku sertifikat (bulan)').fill('24');
    await page.getByLabel('Terbuka: peserta mendaftar sendiri').check();
    await checkPage(page, 'journey-02-course-new', VIEWPORTS);
    await page.getByRole('button', { name: 'Buat kursus' }).click();
    await page.getByText('Kursus dibuat sebagai draf versi 1.', { exact: false }).waitFor();
    courseId = /\/instructor\/courses\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    const [v1] = await ctx.db.query(
      `SELECT * FROM course_versions WHERE course_id = $1 AND version_no = 1`,
      [courseId],
    );
    expect(v1).toMatchObject({
      status: 'draft',
      title_id: COURSE_TITLE,
      title_en: 'Field Electrical OSH',
      description_id: 'Bekerja aman dengan listrik.',
      description_en: 'Working safely with electricity.',
      competency_code: 'AK3-LISTRIK',
      jp_hours: 8,
      certificate_validity_months: 24,
      enrollment_mode: 'open',
      sequential: false,
    });
  });

  it('2. adds a module with a text lesson and a quiz lesson in the structure editor', async () => {
    await courseNav().getByRole('link', { name: 'Modul dan pelajaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modul dan pelajaran' }).waitFor();
    await page.getByText(`Kursus: ${COURSE_TITLE} (${CODE})`).waitFor();
    await page.getByRole('button', { name: 'Tambah modul' }).click();
    await dialog().getByLabel('Judul (Bahasa Indonesia)').fill('Bahaya listrik');
    await dialog().getByLabel('Judul (Bahasa Inggris)').fill('Electrical hazards');
    await dialog().getByRole('button', { name: 'Tambah modul' }).click();
    await page.getByRole('heading', { name: '1. Bahaya listrik' }).waitFor();

    for (const [type, titleId, titleEn] of [
      ['text', 'Pengantar listrik', 'Introduction to electricity'],
      ['quiz', 'Kuis akhir', 'Final quiz'],
    ]) {
      await page.getByRole('button', { name: 'Tambah pelajaran ke modul Bahaya listrik' }).click();
      await dialog().getByLabel('Jenis pelajaran').selectOption(type);
      await dialog().getByLabel('Judul (Bahasa Indonesia)').fill(titleId);
      await dialog().getByLabel('Judul (Bahasa Inggris)').fill(titleEn);
      await dialog().getByRole('button', { name: 'Tambah pelajaran' }).click();
      await page.getByRole('heading', { level: 2, name: titleId, exact: true }).waitFor();
    }
    await page.getByText('Belum ada kuis.', { exact: false }).waitFor();
    await checkPage(page, 'journey-03-structure', VIEWPORTS);

    const course = await http().get(`/api/v1/courses/${courseId}`).set(bearer(instructor));
    expect(course.status).toBe(200);
    const modules = course.body.draft.modules as {
      titleId: string;
      lessons: { id: string; type: string; titleId: string }[];
    }[];
    expect(modules.map((m) => [m.titleId, m.lessons.map((l) => [l.type, l.titleId])])).toEqual([
      [
        'Bahaya listrik',
        [
          ['text', 'Pengantar listrik'],
          ['quiz', 'Kuis akhir'],
        ],
      ],
    ]);
    quizLessonId = modules[0].lessons[1].id;
  });

  it('3. imports a GIFT bank: the dry run marks the bad line, fixed in place, then imported', async () => {
    await courseNav().getByRole('link', { name: 'Bank soal' }).click();
    await page.getByRole('heading', { name: 'Bank soal', level: 1 }).waitFor();
    await page.getByText('Belum ada soal.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Impor soal' }).click();
    await page.getByRole('heading', { name: 'Impor soal', level: 1 }).waitFor();
    const source = page.getByLabel('Teks yang diimpor');
    await source.fill(GIFT_WITH_ERROR);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    await page.getByText('1 kesalahan: tidak ada yang diimpor').waitFor();
    const errorRow = page.locator(`tr[data-error-line="${BAD_LINE}"]`);
    expect(await errorRow.innerText()).toContain(
      'Setiap jawaban harus diawali = (benar) atau ~ (salah).',
    );
    const marked = page.locator('.qb-source-gutter [data-bad]');
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.getAttribute('data-line')).resolves.toBe(String(BAD_LINE));
    await checkPage(page, 'journey-04-import-error', VIEWPORTS);

    await errorRow.getByRole('button', { name: `Tunjukkan baris ${BAD_LINE}` }).click();
    await page.keyboard.type(FIXED_LINE);
    expect((await source.inputValue()).split('\n')[BAD_LINE - 1]).toBe(FIXED_LINE);
    await page.getByRole('button', { name: 'Periksa lagi' }).click();
    await page.getByText('4 soal siap diimpor.', { exact: false }).waitFor();
    await expect(marked.count()).resolves.toBe(0);
    await checkPage(page, 'journey-05-import-ready', VIEWPORTS);
    await page.getByRole('button', { name: 'Impor 4 soal' }).click();
    await page.getByText('4 soal ditambahkan ke bank soal.').waitFor();

    const bank = await http()
      .get(`/api/v1/courses/${courseId}/question-bank/questions`)
      .set(bearer(instructor))
      .expect(200);
    const items = bank.body.items as { id: string; type: string; title: string }[];
    expect(items.map((q) => [q.title, q.type])).toEqual([
      ['APD kepala', 'single_choice'],
      ['APAR', 'single_choice'],
      ['Helm wajib', 'true_false'],
      ['Esai hierarki', 'essay'],
    ]);
    questionIds.push(...items.map((q) => q.id));
  });

  it('4. sets the quiz up: all imported questions, the pass mark, the review options', async () => {
    // The web app has no "new quiz" form: a quiz is attached to its lesson through the API,
    // then everything else is set on the settings page.
    const created = await http()
      .post('/api/v1/quizzes')
      .set(bearer(instructor))
      .send({
        lessonId: quizLessonId,
        title: 'Kuis akhir K3 listrik',
        selection: { mode: 'fixed', questionIds: [questionIds[0]] },
        passingPercent: 0,
      });
    expect(created.status).toBe(201);
    quizId = created.body.id;

    await courseNav().getByRole('link', { name: 'Modul dan pelajaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modul dan pelajaran' }).waitFor();
    // The editor's cached outline predates the API call above.
    await page.reload();
    await page.locator('[data-select-lesson]', { hasText: 'Kuis akhir' }).click();
    await page.getByText('Kuis sudah terpasang pada pelajaran ini.').waitFor();
    await page.getByRole('link', { name: 'Buka pengaturan kuis' }).click();
    await page.getByRole('heading', { name: 'Pengaturan kuis' }).waitFor();
    await page.getByText('1 soal dipilih', { exact: false }).waitFor();
    for (const title of TITLES.slice(1)) await page.getByLabel(title, { exact: true }).check();
    await page.getByText('4 soal dipilih', { exact: false }).waitFor();
    await page.getByLabel('Jumlah percobaan').fill('1');
    await page.getByLabel('Nilai lulus').fill('60');
    const afterSubmit = page.getByRole('group', { name: 'Setelah mengirim' });
    await afterSubmit.getByLabel('Nilai').check();
    await afterSubmit.getByLabel('Jawaban mereka sendiri').check();
    await checkPage(page, 'journey-06-quiz-settings', VIEWPORTS);
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByRole('status').getByText('Pengaturan tersimpan.').waitFor();

    const saved = await http().get(`/api/v1/quizzes/${quizId}`).set(bearer(instructor));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      attemptsAllowed: 1,
      passingPercent: 60,
      options: {
        selection: { mode: 'fixed', questionIds },
        review: {
          afterSubmit: { score: true, responses: true, correctAnswers: false, feedback: false },
        },
      },
    });
  });

  it('5. publishes v1 after a review listing both lessons as new', async () => {
    await page.getByRole('link', { name: 'Kembali ke kursus' }).click();
    await page.getByRole('button', { name: 'Tinjau dan terbitkan v1' }).click();
    const review = page.getByRole('dialog', { name: 'Terbitkan versi 1?' });
    await review.getByText('Pelajaran ditambahkan (2)').waitFor();
    await review.getByText('Pengantar listrik (teks)').waitFor();
    await review.getByText('Kuis akhir (kuis)').waitFor();
    await review.getByText('Tidak ada peserta terdaftar di versi lama.').waitFor();
    await checkPage(page, 'journey-07-publish-review', VIEWPORTS);
    await review.getByRole('button', { name: 'Terbitkan versi 1' }).click();
    await page.getByText('Versi 1 sudah terbit.').waitFor();
    await page.getByTestId('course-status').getByText('Terbit v1').waitFor();
    const [v1] = await ctx.db.query(
      `SELECT status FROM course_versions WHERE course_id = $1 AND version_no = 1`,
      [courseId],
    );
    expect(v1.status).toBe('published');
  });

  it('6. six learners enrol and take the quiz through the API', async () => {
    for (const [i, learner] of learners.entries()) {
      const plan = LEARNERS[i];
      const enrolled = await http().post(`/api/v1/courses/${courseId}/enroll`).set(bearer(learner));
      expect(enrolled.status).toBe(201);
      const started = await http()
        .post(`/api/v1/quizzes/${quizId}/attempts`)
        .set(bearer(learner))
        .expect(200);
      const attemptId = started.body.id as string;
      attemptIds.push(attemptId);
      const shown = started.body.questions as {
        id: string;
        type: string;
        options?: { id: string; text: string }[];
      }[];
      expect(shown.map((q) => q.type)).toEqual([
        'single_choice',
        'single_choice',
        'true_false',
        'essay',
      ]);
      const option = (q: (typeof shown)[number], text: string) => {
        // Option texts arrive as rendered HTML.
        const found = q.options!.find((o) => o.text.replace(/<[^>]*>/g, '').trim() === text);
        if (!found) throw new Error(`no option ${text} in ${JSON.stringify(q.options)}`);
        return found.id;
      };
      const bodies: object[] = [
        { optionId: option(shown[0], plan.apd) },
        { optionId: option(shown[1], plan.apar) },
        { answer: plan.helm },
        { text: ESSAY_ANSWER(plan.name) },
      ];
      for (const [q, body] of bodies.entries()) {
        await http()
          .put(`/api/v1/attempts/${attemptId}/answers/${shown[q].id}`)
          .set(bearer(learner))
          .send(body)
          .expect(200);
      }
      const submitted = await http()
        .post(`/api/v1/attempts/${attemptId}/submit`)
        .set(bearer(learner))
        .expect(200);
      expect(submitted.body.status).toBe('needs_grading');
      essayVersionId = shown[3].id;
    }
  });

  const card = (i: number) => page.locator(`[data-item="${attemptIds[i]}:${essayVersionId}"]`);
  const attempt = async (i: number) =>
    (await http().get(`/api/v1/attempts/${attemptIds[i]}`).set(bearer(instructor)).expect(200))
      .body;
  const autoMarks = (i: number) => marks[i].slice(0, 3).reduce((s, v) => s + v, 0);
  const COMMENT = 'Urutan benar, tetapi rekayasa teknik belum dijelaskan.';

  it('7. grades the essays from the grading queue', async () => {
    await page.goto(`${base}/instructor/grading`);
    await page.getByRole('heading', { name: 'Penilaian', exact: true }).waitFor();
    for (let i = 0; i < LEARNERS.length; i += 1) await card(i).waitFor();
    expect(await card(1).innerText()).toContain(ESSAY_ANSWER('Bayu'));
    await checkPage(page, 'journey-08-grading-queue', VIEWPORTS);

    // The first two through the page (one with a comment), the other four through the API.
    for (const i of [1, 0]) {
      await card(i)
        .getByLabel(`Nilai (0 sampai ${ESSAY_MAX})`)
        .fill(idNumber.format(LEARNERS[i].essay));
      if (i === 1) await card(i).getByLabel('Komentar untuk peserta').fill(COMMENT);
      await card(i).getByRole('button', { name: 'Simpan nilai' }).click();
      await page
        .getByRole('status')
        .getByText(`Nilai untuk ${LEARNERS[i].name} tersimpan`, { exact: false })
        .waitFor();
      await card(i).waitFor({ state: 'detached' });
    }
    for (const i of [0, 1]) {
      const graded = await attempt(i);
      const score = autoMarks(i) + LEARNERS[i].essay;
      expect(graded.status).toBe('graded');
      expect(graded.result).toMatchObject({ score, maxScore: 4, passed: score / 4 >= 0.6 });
    }
    const [commented] = await ctx.db.query(
      `SELECT mark_hundredths, grader_comment FROM quiz_attempt_answers
        WHERE attempt_id = $1 AND question_version_id = $2`,
      [attemptIds[1], essayVersionId],
    );
    expect(commented).toEqual({ mark_hundredths: 50, grader_comment: COMMENT });

    for (let i = 2; i < LEARNERS.length; i += 1) {
      await http()
        .post(`/api/v1/attempts/${attemptIds[i]}/grades`)
        .set(bearer(instructor))
        .send({ grades: [{ questionId: essayVersionId, mark: LEARNERS[i].essay }] })
        .expect(200);
      expect((await attempt(i)).status).toBe('graded');
    }
    await page.reload();
    await page.getByText('Tidak ada esai yang menunggu nilai.').waitFor();
  });

  it('8. the item analysis shows the hand-computed indices and the option shares', async () => {
    expect(
      TITLES.map((_, q) => [facility(q), discrimination(q)].map((v) => idNumber.format(v))),
    ).toEqual([
      ['50', '19,49'],
      ['66,67', '-3,83'],
      ['83,33', '-43,58'],
      ['37,5', '83,41'],
    ]);
    await page.goto(`${base}/instructor/quizzes/${quizId}/item-analysis`);
    await page.getByRole('heading', { name: 'Analisis butir soal' }).waitFor();
    await page.getByText('6 percobaan pertama yang sudah dinilai dihitung').waitFor();
    const row = (q: number) => page.locator(`tr[data-question="${questionIds[q]}"]`);
    const firstLine = async (q: number, cell: 'facility' | 'discrimination') =>
      (await row(q).locator(`[data-cell="${cell}"]`).innerText()).split(/\n+/)[0];
    for (let q = 0; q < TITLES.length; q += 1) {
      await row(q).waitFor();
      expect({ q, facility: await firstLine(q, 'facility') }).toEqual({
        q,
        facility: idNumber.format(facility(q)),
      });
      expect({ q, discrimination: await firstLine(q, 'discrimination') }).toEqual({
        q,
        discrimination: idNumber.format(discrimination(q)),
      });
    }
    const options: [number, string, number][] = [
      [0, 'Helm', countOf((l) => l.apd, 'Helm')],
      [0, 'Rompi', countOf((l) => l.apd, 'Rompi')],
      [0, 'Sepatu bot', countOf((l) => l.apd, 'Sepatu bot')],
      [1, 'Alat Pemadam Api Ringan', countOf((l) => l.apar, 'Alat Pemadam Api Ringan')],
      [1, 'Alat Pelindung Api', countOf((l) => l.apar, 'Alat Pelindung Api')],
      [1, 'Alat Penerang', countOf((l) => l.apar, 'Alat Penerang')],
      [2, 'Benar', countOf((l) => l.helm, true)],
      [2, 'Salah', countOf((l) => l.helm, false)],
    ];
    expect(options.map(([, , n]) => n)).toEqual([3, 2, 1, 4, 1, 1, 5, 1]);
    for (const [q, text, count] of options) {
      const line = await row(q).locator('li', { hasText: text }).first().innerText();
      expect({ q, text, line }).toEqual({ q, text, line: expect.stringContaining(share(count)) });
    }
    await checkPage(page, 'journey-09-item-analysis', VIEWPORTS);
  });
});
