import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
const STAFF_VIEWPORTS = [TABLET, DESKTOP];
const BAD_LINE = 8;
const GIFT_WITH_ERROR = [
  '// Impor bank soal K3',
  '$CATEGORY: K3 Umum/Impor',
  '',
  '::Impor APAR:: APAR singkatan dari? {=Alat Pemadam Api Ringan ~Alat Pelindung Api ~Alat Penerang}',
  '',
  '::Impor helm:: Helm wajib dipakai di proyek. {TRUE}',
  '',
  '::Impor tegangan:: Tegangan listrik rumah (volt)? {#dua ratus}', // line 8: not a number
  '',
  '::Impor singkatan:: Singkatan dari K3 adalah? {=Keselamatan dan Kesehatan Kerja}',
  '',
].join('\n');
const FIXED_LINE = '::Impor tegangan:: Tegangan listrik rumah (volt)? {#227:0.7}';

/**
 * An instructor in Chromium against the real API: a category, one question of every type through
 * the forms (a refused weight sum shown on its field and fixed), the learner preview, unsaved
 * changes kept, a GIFT import fixed in place after its dry run, filters, search, delete, export.
 */
describe('web app (instructor question bank, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let instructor: SeededUser;
  let courseId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code: `QB-${randomUUID().slice(0, 6)}`,
        titleId: 'K3 Umum',
        titleEn: 'General OSH',
        competencyCode: 'AK3U',
        jpHours: 1,
        certificateValidityMonths: 36,
        enrollmentMode: 'open',
        sequential: false,
        tags: [],
      })
      .expect(201);
    courseId = course.body.id;
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

  const bankUrl = () => `${base}/instructor/courses/${courseId}/question-bank`;
  const stored = async () =>
    (await ctx.db.query(
      `SELECT v.type, v.title, v.spec, q.category_id FROM questions q
         JOIN question_versions v ON v.id = q.current_version_id
         JOIN question_banks b ON b.id = q.bank_id
        WHERE b.course_id = $1 AND q.deleted_at IS NULL ORDER BY q.seq`,
      [courseId],
    )) as { type: string; title: string; spec: Record<string, unknown>; category_id: string }[];
  const listed = () => page.locator('li[data-question]');
  const form = () => page.locator('form[data-question-form]');
  const box = (name: string) => form().getByRole('textbox', { name, exact: true });
  const titles = async () => (await listed().allInnerTexts()).map((t) => t.split('\n')[0]);
  /** Retries `read` until it equals `expected` (the list refetches after a filter change). */
  async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let last: T = await read();
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150));
      last = await read();
    }
    expect({ url: page.url(), last }).toEqual({ url: page.url(), last: expected });
  }

  async function newQuestion(type: string, title: string, text: string) {
    await page.getByRole('button', { name: 'Soal baru' }).click();
    await page.getByRole('heading', { name: 'Soal baru', level: 2 }).waitFor();
    await form().getByLabel('Jenis soal', { exact: true }).selectOption(type);
    await box('Judul').fill(title);
    await form().getByRole('textbox', { name: 'Teks soal' }).fill(text);
  }
  async function save(title: string) {
    await form().getByRole('button', { name: 'Simpan soal' }).click();
    await page.getByRole('heading', { name: 'Soal baru', level: 2 }).waitFor({ state: 'detached' });
    await listed().filter({ hasText: title }).first().waitFor();
  }

  it('signs the instructor in to the empty bank', async () => {
    await page.goto(bankUrl());
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Bank soal', level: 1 }).waitFor();
    await page.getByText('Belum ada soal.', { exact: false }).waitFor();
  });

  it('creates a subcategory, shown in the tree under its parent', async () => {
    await page.getByLabel('Kategori baru').fill('K3 Umum/APD');
    await page.getByLabel('Kategori baru').press('Enter');
    const tree = page.getByRole('navigation', { name: 'Kategori soal' });
    await tree.getByRole('button', { name: /APD/ }).waitFor();
    await expect(
      tree
        .getByRole('button', { name: /K3 Umum/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await tree.locator('button[aria-current="true"]').filter({ hasText: 'APD' }).waitFor();
    const [category] = await ctx.db.query(
      `SELECT c.name FROM question_categories c JOIN question_banks b ON b.id = c.bank_id
        WHERE b.course_id = $1`,
      [courseId],
    );
    expect(category.name).toBe('K3 Umum/APD');
  });

  it('creates a single-choice question in the selected category', async () => {
    await newQuestion('single_choice', 'Soal APD', 'Apa kepanjangan **APD**?');
    await expect(form().getByLabel('Kategori', { exact: true }).inputValue()).resolves.not.toBe('');
    await box('Opsi 1').fill('Alat Pelindung Diri');
    await box('Opsi 2').fill('Alat Pemadam Darurat');
    await form().getByRole('button', { name: 'Tambah opsi' }).click();
    await box('Opsi 3').fill('Area Pekerja Dilarang');
    await form()
      .getByRole('group', { name: 'Opsi 1' })
      .getByRole('textbox', { name: 'Umpan balik untuk jawaban ini' })
      .fill('Tepat sekali');
    await save('Soal APD');
  });

  it('shows the refused weight sum on the options, then saves once fixed', async () => {
    await newQuestion(
      'multiple_choice',
      'Soal APD kepala dan tangan',
      'Pilih APD kepala dan tangan',
    );
    await box('Opsi 1').fill('Helm');
    await box('Opsi 2').fill('Sarung tangan');
    await form().getByRole('button', { name: 'Tambah opsi' }).click();
    await box('Opsi 3').fill('Sandal');
    const weights = form().getByRole('textbox', { name: 'Bobot', exact: true });
    await weights.nth(0).fill('50');
    await weights.nth(1).fill('25');
    await weights.nth(2).fill('-100');
    await form().getByRole('button', { name: 'Simpan soal' }).click();
    const problem = page.locator('#options-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Jumlah bobot positif harus tepat 100%.');
    await page.getByText('Soal belum disimpan: 1 masalah').waitFor();
    await page.getByText('Jumlah bobot positif saat ini 75%.').waitFor();
    await checkPage(page, 'instructor-question-editor-error', STAFF_VIEWPORTS);
    await weights.nth(1).fill('50');
    await page.getByText('Jumlah bobot positif saat ini 100%.').waitFor();
    await save('Soal APD kepala dan tangan');
    const multi = (await stored()).find((q) => q.type === 'multiple_choice')!;
    expect(
      (multi.spec.options as { text: string; fraction: number }[]).map((o) => [o.text, o.fraction]),
    ).toEqual([
      ['Helm', 0.5],
      ['Sarung tangan', 0.5],
      ['Sandal', -1],
    ]);
  });

  it('creates true/false, short answer, numerical, matching, essay and description', async () => {
    await newQuestion('true_false', 'Soal helm', 'Helm wajib dipakai di area proyek.');
    await form().getByRole('radio', { name: 'Benar' }).check();
    await box('Umpan balik jika peserta menjawab Benar').fill('Betul');
    await save('Soal helm');

    await newQuestion('short_answer', 'Soal pelindung kepala', 'Sebutkan pelindung kepala');
    await box('Jawaban diterima 1').fill('helm*');
    await save('Soal pelindung kepala');

    await newQuestion('numerical', 'Soal tegangan', 'Tegangan listrik rumah (volt)?');
    await form().getByText('Rentang', { exact: true }).click();
    await box('Dari').fill('220');
    await box('Sampai').fill('230');
    await save('Soal tegangan');

    await newQuestion('matching', 'Soal pasangan APD', 'Pasangkan bagian tubuh dengan APD-nya');
    await box('Pernyataan 1').fill('Kepala');
    await box('Pasangan pernyataan 1').fill('Helm');
    await box('Pernyataan 2').fill('Tangan');
    await box('Pasangan pernyataan 2').fill('Sarung tangan');
    await form().getByRole('button', { name: 'Tambah pasangan' }).click();
    await box('Pasangan pernyataan 3').fill('Rompi');
    await save('Soal pasangan APD');

    await newQuestion('essay', 'Soal hierarki', 'Jelaskan hierarki pengendalian risiko.');
    await save('Soal hierarki');

    await newQuestion('description', 'Kasus gudang', 'Bacalah kasus kebakaran gudang berikut.');
    await save('Kasus gudang');

    const rows = await stored();
    expect(rows.map((r) => r.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
      'short_answer',
      'numerical',
      'matching',
      'essay',
      'description',
    ]);
    expect(rows.every((r) => r.category_id === rows[0].category_id && r.category_id)).toBe(true);
    const byType = Object.fromEntries(rows.map((r) => [r.type, r.spec]));
    expect(byType.true_false).toMatchObject({ correctAnswer: true, feedbackTrue: 'Betul' });
    expect(byType.short_answer).toMatchObject({
      acceptedAnswers: [{ text: 'helm*', fraction: 1 }],
    });
    expect(byType.numerical).toMatchObject({
      numericalAnswers: [{ value: 225, tolerance: 5, fraction: 1 }],
    });
    expect(byType.matching.matchingPairs).toEqual([
      expect.objectContaining({ prompt: 'Kepala', answer: 'Helm' }),
      expect.objectContaining({ prompt: 'Tangan', answer: 'Sarung tangan' }),
      expect.objectContaining({ prompt: '', answer: 'Rompi' }),
    ]);
    await expect(listed().count()).resolves.toBe(8);
    await checkPage(page, 'instructor-question-bank', STAFF_VIEWPORTS);
  });

  it('previews a question as the learner sees it: the options, never the key', async () => {
    await page.getByRole('button', { name: 'Pratinjau: Soal APD', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pratinjau seperti dilihat peserta' });
    const card = dialog.locator('[data-preview]');
    await card.getByRole('radio', { name: 'Alat Pelindung Diri' }).waitFor();
    expect(await card.getByRole('radio').count()).toBe(3);
    await expect(card.locator('strong').innerText()).resolves.toBe('APD');
    const text = await dialog.innerText();
    expect(text).not.toContain('Tepat sekali');
    expect(text).not.toContain('100');
    await card.getByRole('radio', { name: 'Area Pekerja Dilarang' }).check();
    await checkPage(page, 'instructor-question-preview', STAFF_VIEWPORTS);
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('edits a question and never drops unsaved changes silently', async () => {
    await page.getByRole('button', { name: 'Ubah: Soal helm' }).click();
    await page.getByRole('heading', { name: 'Ubah soal', level: 2 }).waitFor();
    await expect(form().getByRole('radio', { name: 'Benar' }).isChecked()).resolves.toBe(true);
    await form().getByRole('textbox', { name: 'Teks soal' }).fill('Helm wajib dipakai di proyek.');
    await page.getByText('Ada perubahan yang belum disimpan').waitFor();
    await page.getByRole('link', { name: 'Ringkasan' }).click();
    const leave = page.getByRole('dialog', { name: 'Keluar tanpa menyimpan?' });
    await leave.getByRole('button', { name: 'Tetap dan lanjut mengubah' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toContain('edit=');
    await expect(form().getByRole('textbox', { name: 'Teks soal' }).inputValue()).resolves.toBe(
      'Helm wajib dipakai di proyek.',
    );
    await form().getByRole('button', { name: 'Simpan soal' }).click();
    await listed().filter({ hasText: 'Helm wajib dipakai di proyek.' }).waitFor();
    const [version] = await ctx.db.query(
      `SELECT v.version_no FROM question_versions v JOIN questions q ON q.current_version_id = v.id
        WHERE v.title = 'Soal helm'`,
    );
    expect(version.version_no).toBe(2);
  });

  it('imports GIFT: the dry run marks the bad line, fixed in place, checked again, confirmed', async () => {
    await page.getByRole('link', { name: 'Impor soal' }).click();
    await page.getByRole('heading', { name: 'Impor soal', level: 1 }).waitFor();
    const source = page.getByLabel('Teks yang diimpor');
    await source.fill(GIFT_WITH_ERROR);
    // Pasted text not imported yet: leaving asks first.
    await page.getByRole('link', { name: 'Kembali ke bank soal' }).click();
    const leave = page.getByRole('dialog', { name: 'Keluar tanpa menyimpan?' });
    await leave.getByRole('button', { name: 'Tetap dan lanjut mengubah' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(await source.inputValue()).toBe(GIFT_WITH_ERROR);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    await page.getByText('1 kesalahan: tidak ada yang diimpor').waitFor();
    const errorRow = page.locator(`tr[data-error-line="${BAD_LINE}"]`);
    expect(await errorRow.innerText()).toContain(
      'Jawaban numerik harus berupa angka, angka:toleransi, atau min..maks.',
    );
    const marked = page.locator('.qb-source-gutter [data-bad]');
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.getAttribute('data-line')).resolves.toBe(String(BAD_LINE));
    expect(await questionTotal()).toBe(8);
    await checkPage(page, 'instructor-question-import-errors', STAFF_VIEWPORTS);

    // "Show line 8" selects the bad line in the editor; typing replaces it.
    await errorRow.getByRole('button', { name: `Tunjukkan baris ${BAD_LINE}` }).click();
    await page.keyboard.type(FIXED_LINE);
    expect((await source.inputValue()).split('\n')[BAD_LINE - 1]).toBe(FIXED_LINE);
    await page.getByText('Teks berubah sejak pemeriksaan terakhir', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Periksa lagi' }).click();
    await page.getByText('4 soal siap diimpor.', { exact: false }).waitFor();
    await expect(marked.count()).resolves.toBe(0);
    const preview = page.getByRole('table', { name: 'Soal yang ditemukan' });
    expect(await preview.getByRole('row').count()).toBe(5);
    await preview.getByRole('cell', { name: 'Impor tegangan' }).waitFor();
    await checkPage(page, 'instructor-question-import-ready', STAFF_VIEWPORTS);
    await page.getByRole('button', { name: 'Impor 4 soal' }).click();
    await page.getByText('4 soal ditambahkan ke bank soal.').waitFor();
    expect(await questionTotal()).toBe(12);
    await page.getByRole('link', { name: 'Ke bank soal', exact: true }).click();
    await listed().filter({ hasText: 'Impor APAR' }).waitFor();
    const tree = page.getByRole('navigation', { name: 'Kategori soal' });
    await tree.getByRole('button', { name: /Impor/ }).click();
    await page.getByText('Menampilkan kategori K3 Umum/Impor').waitFor();
    await eventually(titles, ['Impor APAR', 'Impor helm', 'Impor tegangan', 'Impor singkatan']);
  });

  async function questionTotal(): Promise<number> {
    return (await stored()).length;
  }

  it('filters by type and searches the title and text', async () => {
    await page.getByRole('button', { name: 'Semua soal' }).click();
    await page.waitForURL((url) => !url.searchParams.has('categoryId'));
    await page.getByText('Menampilkan kategori', { exact: false }).waitFor({ state: 'detached' });
    await page.getByLabel('Jenis', { exact: true }).selectOption('numerical');
    await page.waitForURL(/type=numerical/);
    await eventually(titles, ['Soal tegangan', 'Impor tegangan']);
    await page.getByLabel('Jenis', { exact: true }).selectOption('');
    await page.getByLabel('Cari di judul dan teks').fill('apar');
    await page.getByLabel('Cari di judul dan teks').press('Enter');
    await page.waitForURL(/search=apar/);
    await eventually(titles, ['Impor APAR']);
    await page.getByLabel('Cari di judul dan teks').fill('tidak ada soal seperti ini');
    await page.getByLabel('Cari di judul dan teks').press('Enter');
    await page.getByText('Tidak ada soal yang cocok dengan saringan ini.').waitFor();
    await page.getByLabel('Cari di judul dan teks').fill('');
    await page.getByLabel('Cari di judul dan teks').press('Enter');
    await eventually(() => listed().count(), 12);
  });

  it('filters by a tag: typed in the filters, or by clicking a tag on a question', async () => {
    for (const title of ['Impor APAR', 'Soal helm']) {
      await page.getByRole('button', { name: `Ubah: ${title}` }).click();
      await page.getByRole('heading', { name: 'Ubah soal', level: 2 }).waitFor();
      await form().getByLabel('Tag', { exact: true }).fill('alat-pelindung');
      await form().getByLabel('Tag', { exact: true }).press('Enter');
      await form().getByRole('button', { name: 'Simpan soal' }).click();
      await listed().first().waitFor();
    }
    await checkPage(page, 'instructor-question-bank-tags', STAFF_VIEWPORTS);
    await page.getByLabel('Tag', { exact: true }).fill('alat-pelindung');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await page.waitForURL(/tag=alat-pelindung/);
    await eventually(async () => (await titles()).sort(), ['Impor APAR', 'Soal helm']);
    await page.getByText('Menampilkan soal bertag “alat-pelindung”').waitFor();
    await page.getByRole('button', { name: 'Tampilkan semua tag' }).click();
    await page.waitForURL((url) => !url.searchParams.has('tag'));
    await eventually(() => listed().count(), 12);
    expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe('');
    // A tag on a question is a shortcut to the same filter.
    await listed()
      .filter({ hasText: 'Soal helm' })
      .getByRole('button', { name: 'Tampilkan hanya soal bertag alat-pelindung' })
      .click();
    await page.waitForURL(/tag=alat-pelindung/);
    await eventually(async () => (await titles()).sort(), ['Impor APAR', 'Soal helm']);
    await page.getByRole('button', { name: 'Tampilkan semua tag' }).click();
    await eventually(() => listed().count(), 12);
  });

  it('deletes a question only after a confirmation that says what happens', async () => {
    await page.getByRole('button', { name: 'Hapus: Kasus gudang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hapus soal ini?' });
    expect(await dialog.innerText()).toContain('"Kasus gudang" keluar dari bank soal');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await questionTotal()).toBe(12);
    await page.getByRole('button', { name: 'Hapus: Kasus gudang' }).click();
    await dialog.getByRole('button', { name: 'Hapus soal' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => listed().count(), 11);
    expect(await questionTotal()).toBe(11);
  });

  it('exports the bank as GIFT and as Moodle XML', async () => {
    const [gift] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GIFT' }).click(),
    ]);
    expect(gift.suggestedFilename()).toMatch(/^QB-.+-questions\.gift\.txt$/);
    const text = readFileSync(await gift.path(), 'utf8');
    expect(text).toContain('::Impor APAR::');
    expect(text).toContain('::Soal APD kepala dan tangan::');
    expect(text).not.toContain('Kasus gudang');
    const [xml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Moodle XML' }).click(),
    ]);
    expect(xml.suggestedFilename()).toMatch(/-questions\.xml$/);
    expect(readFileSync(await xml.path(), 'utf8')).toContain('<quiz>');
  });
});
