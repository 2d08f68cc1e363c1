import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import { waitFor } from '../support/certificate-fixtures';
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
const MAX_UPLOAD_BYTES = 1024 * 1024; // shown as "1 MB"

const pdf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 9, 0x20)]);

/** Markdown with formatting the learner keeps and payloads the sanitiser must remove. */
const MARKDOWN = [
  '# Bahaya listrik',
  '',
  'Selalu pakai **APD** dan baca [panduan](https://k3.example.com/panduan).',
  '',
  '<img src="x" alt="rusak" onerror="window.__xss = 1">',
  '<script>window.__xss = 2</script>',
].join('\n');

interface ApiLesson {
  id: string;
  type: string;
  titleId: string;
  titleEn: string;
  required: boolean;
  minSeconds: number | null;
  content: {
    markdown?: string;
    videoUrl?: string;
    durationSeconds?: number;
    file?: { filename: string; size: number; contentType: string };
  };
}
interface ApiModule {
  id: string;
  titleId: string;
  lessons: ApiLesson[];
}

/**
 * An instructor on the staff of a draft course builds its structure in Chromium against the real
 * API: modules and lessons of all four types, markdown with the server's sanitised preview, a
 * lesson moved by keyboard and a module by mouse, a file uploaded with progress and refused
 * (413, 415) in plain words, unsaved edits guarded, deletes confirmed. The API confirms each step.
 */
describe('web app (instructor structure editor, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let admin: SeededUser;
  let instructor: SeededUser;
  let courseId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    base = await serveOnLoopback(ctx);
    admin = await seedUser(ctx, Role.Admin);
    instructor = await seedUser(ctx, Role.Instructor, null, { name: 'Ibu Pengajar' });
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(admin))
      .send({
        code: 'K3-LISTRIK',
        titleId: 'K3 Listrik',
        titleEn: 'Electrical OSH',
        competencyCode: 'K3LIS',
        jpHours: 4,
      })
      .expect(201);
    courseId = course.body.id;
    await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/staff`)
      .set(bearer(admin))
      .send({ email: instructor.email })
      .expect(201);

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

  const outline = async (): Promise<ApiModule[]> => {
    const res = await ctx
      .http()
      .get(`/api/v1/courses/${courseId}`)
      .set(bearer(instructor))
      .expect(200);
    return res.body.draft.modules;
  };
  const lessonNamed = async (title: string): Promise<ApiLesson> => {
    const found = (await outline()).flatMap((m) => m.lessons).find((l) => l.titleId === title);
    if (!found) throw new Error(`no lesson ${title}`);
    return found;
  };
  const editorHeading = (title: string) =>
    page.getByRole('heading', { level: 2, name: title, exact: true });
  /** Picks a lesson in the outline and waits for its form (unless a dialog asks first). */
  const selectLesson = async (title: string, { confirmed = true } = {}) => {
    await page.locator('[data-select-lesson]', { hasText: title }).click();
    if (confirmed) await editorHeading(title).waitFor();
  };
  const dialog = () => page.getByRole('dialog');

  async function addLesson(moduleTitle: string, type: string, titleId: string, titleEn: string) {
    await page.getByRole('button', { name: `Tambah pelajaran ke modul ${moduleTitle}` }).click();
    await dialog().getByLabel('Jenis pelajaran').selectOption(type);
    await dialog().getByLabel('Judul (Bahasa Indonesia)').fill(titleId);
    await dialog().getByLabel('Judul (Bahasa Inggris)').fill(titleEn);
    await dialog().getByRole('button', { name: 'Tambah pelajaran' }).click();
    await editorHeading(titleId).waitFor();
  }

  it('signs the instructor in to the empty structure of the draft', async () => {
    await page.goto(`${base}/instructor/courses/${courseId}/structure`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modul dan pelajaran' }).waitFor();
    await page.getByText('Kursus: K3 Listrik (K3-LISTRIK)').waitFor();
    await page.getByText('Belum ada modul.', { exact: false }).waitFor();
    await checkPage(page, 'instructor-structure-empty', STAFF_VIEWPORTS);
  });

  it('adds two modules, the first entirely from the keyboard', async () => {
    await page.getByRole('button', { name: 'Tambah modul' }).focus();
    await page.keyboard.press('Enter');
    await dialog().getByLabel('Judul (Bahasa Indonesia)').waitFor();
    // The first field has the focus; Tab goes to the second; Enter submits.
    await page.keyboard.type('Pengenalan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Introduction');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '1. Pengenalan' }).waitFor();

    await page.getByRole('button', { name: 'Tambah modul' }).click();
    // Both titles are required: refused in words, nothing sent.
    await dialog().getByRole('button', { name: 'Tambah modul' }).click();
    await expect(dialog().getByText('Wajib diisi.').count()).resolves.toBe(2);
    await dialog().getByLabel('Judul (Bahasa Indonesia)').fill('Penutup');
    await dialog().getByLabel('Judul (Bahasa Inggris)').fill('Closing');
    await dialog().getByRole('button', { name: 'Tambah modul' }).click();
    await page.getByRole('heading', { name: '2. Penutup' }).waitFor();
    expect((await outline()).map((m) => m.titleId)).toEqual(['Pengenalan', 'Penutup']);
  });

  it('adds lessons of all four types', async () => {
    await addLesson('Pengenalan', 'text', 'Bahaya listrik', 'Electrical hazards');
    await addLesson('Pengenalan', 'video', 'Video APD', 'PPE video');
    await addLesson('Pengenalan', 'file', 'Slide prosedur', 'Procedure slides');
    await addLesson('Pengenalan', 'quiz', 'Kuis awal', 'First quiz');
    await page.getByText('Belum ada kuis.', { exact: false }).waitFor();
    await addLesson('Penutup', 'text', 'Rangkuman', 'Summary');
    const modules = await outline();
    expect(modules.map((m) => m.lessons.map((l) => [l.type, l.titleId, l.titleEn]))).toEqual([
      [
        ['text', 'Bahaya listrik', 'Electrical hazards'],
        ['video', 'Video APD', 'PPE video'],
        ['file', 'Slide prosedur', 'Procedure slides'],
        ['quiz', 'Kuis awal', 'First quiz'],
      ],
      [['text', 'Rangkuman', 'Summary']],
    ]);
    await page.getByText('4 pelajaran', { exact: true }).waitFor();
  });

  it('writes markdown and previews the sanitised render the learner will get', async () => {
    await selectLesson('Bahaya listrik');
    await editorHeading('Bahaya listrik').waitFor();
    await page.getByLabel('Isi pelajaran (Markdown)').fill(MARKDOWN);
    const preview = page.locator('[data-preview-html]');
    await preview.locator('h1', { hasText: 'Bahaya listrik' }).waitFor();
    await preview.locator('strong', { hasText: 'APD' }).waitFor();
    const expected = await ctx
      .http()
      .post('/api/v1/markdown/preview')
      .set(bearer(instructor))
      .send({ markdown: MARKDOWN })
      .expect(200);
    // The preview holds exactly the server's HTML (as the browser serialises it).
    const same = await page.evaluate(`(() => {
      const parsed = document.createElement('div');
      parsed.innerHTML = ${JSON.stringify(expected.body.html)};
      return document.querySelector('[data-preview-html]')?.innerHTML === parsed.innerHTML;
    })()`);
    expect(same).toBe(true);
    await expect(preview.locator('script').count()).resolves.toBe(0);
    await expect(preview.locator('[onerror]').count()).resolves.toBe(0);
    await expect(preview.locator('a').getAttribute('rel')).resolves.toBe('noopener noreferrer');
    expect(await page.evaluate('window.__xss ?? null')).toBeNull();

    await page.getByText('Ada perubahan yang belum disimpan.').waitFor();
    await checkPage(page, 'instructor-structure-markdown', STAFF_VIEWPORTS);
    await page.getByRole('button', { name: 'Simpan pelajaran' }).click();
    await page.getByText('Tersimpan.').waitFor();
    expect((await lessonNamed('Bahaya listrik')).content.markdown).toBe(MARKDOWN);
  });

  it('warns before unsaved edits are lost when switching lesson or leaving the page', async () => {
    await page.getByLabel('Judul (Bahasa Inggris)').fill('Electrical hazards at work');
    await selectLesson('Video APD', { confirmed: false });
    await page.getByRole('dialog', { name: 'Buang perubahan yang belum disimpan?' }).waitFor();
    await dialog()
      .getByText('Perubahan pada pelajaran “Bahaya listrik” belum disimpan', { exact: false })
      .waitFor();
    await checkPage(page, 'instructor-structure-unsaved', STAFF_VIEWPORTS);
    await dialog().getByRole('button', { name: 'Batal' }).click();
    await expect(page.getByLabel('Judul (Bahasa Inggris)').inputValue()).resolves.toBe(
      'Electrical hazards at work',
    );
    await page.getByRole('link', { name: 'Ringkasan' }).click();
    await page.getByRole('dialog', { name: 'Buang perubahan yang belum disimpan?' }).waitFor();
    await dialog().getByRole('button', { name: 'Batal' }).click();
    expect(page.url()).toContain('/structure');
    await page.getByRole('button', { name: 'Simpan pelajaran' }).click();
    await page.getByText('Tersimpan.').waitFor();
    expect((await lessonNamed('Bahaya listrik')).titleEn).toBe('Electrical hazards at work');
    // Saved: switching asks nothing. Picked from the keyboard, the editor takes the focus.
    await page.locator('[data-select-lesson]', { hasText: 'Video APD' }).focus();
    await page.keyboard.press('Enter');
    await editorHeading('Video APD').waitFor();
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('lesson-editor-title');
  });

  it('keeps unsaved edits on this device: a closed tab loses nothing; restore, discard, sign-out', async () => {
    // Strings run in the page (the test's tsconfig has no DOM types).
    const draftKeys = () =>
      page.evaluate<string[]>(
        "Object.keys(localStorage).filter((k) => k.startsWith('k3-lms:draft:'))",
      );
    const lessonId = (await lessonNamed('Bahaya listrik')).id;
    /** Closes the tab without saving (no leave warning, as when it crashes) and opens another. */
    const crashAndReopen = async () => {
      const url = page.url();
      const context = page.context();
      // A function, not a string: the app's CSP refuses the eval a string predicate needs.
      await page.waitForFunction(
        (id) =>
          Object.keys((globalThis as unknown as { localStorage: object }).localStorage).some((k) =>
            k.endsWith(`:lesson:${id}`),
          ),
        lessonId,
      );
      await page.close({ runBeforeUnload: false });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(url);
      await selectLesson('Bahaya listrik');
    };
    const markdown = page.getByLabel('Isi pelajaran (Markdown)');
    const unsavedParagraph = `${MARKDOWN}\n\nParagraf yang belum disimpan.`;

    await selectLesson('Bahaya listrik');
    await markdown.fill(unsavedParagraph);
    await crashAndReopen();
    const notice = () =>
      page.getByRole('status').filter({ hasText: 'Draf dari kunjungan sebelumnya' });
    await notice().getByText('tersimpan di perangkat ini', { exact: false }).waitFor();
    // Until restored, the form shows what the server holds.
    await expect(page.getByLabel('Isi pelajaran (Markdown)').inputValue()).resolves.toBe(MARKDOWN);
    await checkPage(page, 'instructor-structure-device-draft', STAFF_VIEWPORTS);
    await notice().getByRole('button', { name: 'Pulihkan perubahan' }).click();
    await expect(page.getByLabel('Isi pelajaran (Markdown)').inputValue()).resolves.toBe(
      unsavedParagraph,
    );
    await expect(notice().count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Simpan pelajaran' }).click();
    await page.getByText('Tersimpan.').waitFor();
    expect((await lessonNamed('Bahaya listrik')).content.markdown).toBe(unsavedParagraph);
    await expect(draftKeys()).resolves.toEqual([]);

    // Discarded: the draft is gone and the saved text stays.
    await page.getByLabel('Isi pelajaran (Markdown)').fill(MARKDOWN);
    await crashAndReopen();
    await notice().getByRole('button', { name: 'Buang' }).click();
    await expect(notice().count()).resolves.toBe(0);
    await expect(page.getByLabel('Isi pelajaran (Markdown)').inputValue()).resolves.toBe(
      unsavedParagraph,
    );
    await expect(draftKeys()).resolves.toEqual([]);

    // Signing out removes every draft kept on the device.
    await page.getByLabel('Isi pelajaran (Markdown)').fill(MARKDOWN);
    await crashAndReopen();
    await notice().waitFor();
    await expect(draftKeys()).resolves.toHaveLength(1);
    await page.getByRole('button', { name: 'Menu pengguna' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/\/login/);
    await expect(draftKeys()).resolves.toEqual([]);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Menu pengguna' }).waitFor();
    await page.goto(`${base}/instructor/courses/${courseId}/structure`);
    await page.getByRole('heading', { level: 1, name: 'Modul dan pelajaran' }).waitFor();
    await selectLesson('Bahaya listrik');
    await expect(notice().count()).resolves.toBe(0);
    await selectLesson('Video APD'); // where the next test goes on
  });

  it('sets the video, its duration and the completion rules', async () => {
    await page.getByLabel('URL video').fill('http://video.example.com/apd.mp4');
    await page.getByRole('button', { name: 'Simpan pelajaran' }).click();
    await page.getByText('Masukkan alamat lengkap yang diawali https://.').waitFor();
    await page.getByLabel('URL video').fill('https://video.example.com/apd.mp4');
    await page.getByLabel('Durasi video (detik)').fill('300');
    await page.getByLabel('Wajib untuk menyelesaikan kursus').uncheck();
    await page.getByLabel('Tentukan waktu minimum sendiri').check();
    await page.getByLabel('Waktu minimum (menit)').fill('2,5');
    await page.getByRole('button', { name: 'Simpan pelajaran' }).click();
    await page.getByText('Tersimpan.').waitFor();
    const video = await lessonNamed('Video APD');
    expect(video).toMatchObject({
      required: false,
      minSeconds: 150,
      content: { videoUrl: 'https://video.example.com/apd.mp4', durationSeconds: 300 },
    });
    await page.getByText('Opsional · min. 2 menit 30 detik').waitFor();

    // A click, not check(): the switch shows the saved value, so it flips once the save answers.
    await page.getByLabel('Pelajaran terbuka berurutan').click();
    await waitFor('the course to be sequential', async () => {
      const res = await ctx.http().get(`/api/v1/courses/${courseId}`).set(bearer(instructor));
      return res.body.draft.sequential === true ? true : undefined;
    });
    await waitFor('the switch to show it', async () =>
      (await page.getByLabel('Pelajaran terbuka berurutan').isChecked()) ? true : undefined,
    );
  });

  it('moves a lesson down by keyboard (space, arrow down, space), announced in Indonesian', async () => {
    // Every announcement of the screen-reader live regions, in order.
    await page.evaluate(`(() => {
      window.__said = [];
      new MutationObserver(() => {
        for (const region of document.querySelectorAll('[id^="DndLiveRegion"]')) {
          const text = region.textContent;
          if (text && window.__said.at(-1) !== text) window.__said.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await page.getByRole('button', { name: 'Pindahkan pelajaran Bahaya listrik' }).focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await waitFor('the new lesson order', async () => {
      const [first] = await outline();
      const titles = first.lessons.map((l) => l.titleId);
      return titles.join() === 'Video APD,Bahaya listrik,Slide prosedur,Kuis awal'
        ? titles
        : undefined;
    });
    const said = (await page.evaluate('window.__said')) as string[];
    expect(said).toEqual(
      expect.arrayContaining([
        'Pelajaran “Bahaya listrik” digeser ke posisi 2 dari 4.',
        'Pelajaran “Bahaya listrik” diletakkan di posisi 2 dari 4.',
      ]),
    );
    expect(said.at(-1)).toBe('Pelajaran “Bahaya listrik” diletakkan di posisi 2 dari 4.');
    await expect(page.locator('[data-select-lesson]').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Video APD'),
      expect.stringContaining('Bahaya listrik'),
      expect.stringContaining('Slide prosedur'),
      expect.stringContaining('Kuis awal'),
      expect.stringContaining('Rangkuman'),
    ]);
  });

  it('moves a module up by mouse drag', async () => {
    // Both modules on screen at once, below the fixed header: a drag needs on-screen points.
    await page.setViewportSize({ width: DESKTOP.width, height: 1400 });
    const handle = page.getByRole('button', { name: 'Pindahkan modul Penutup' });
    const target = page.locator('section[aria-label^="Modul 1:"]');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 15 });
    await page.waitForTimeout(200);
    await page.mouse.up();
    await page.getByRole('heading', { name: '1. Penutup' }).waitFor();
    await waitFor('the new module order', async () => {
      const titles = (await outline()).map((m) => m.titleId);
      return titles.join() === 'Penutup,Pengenalan' ? titles : undefined;
    });
    await checkPage(page, 'instructor-structure-reordered', STAFF_VIEWPORTS);
  });

  it('uploads a file with the progress bar reaching 100%', async () => {
    await selectLesson('Slide prosedur');
    await editorHeading('Slide prosedur').waitFor();
    await page.getByText('Belum ada file yang diunggah.').waitFor();
    // Record every value the progress bar shows.
    await page.evaluate(`(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const value = bar && bar.getAttribute('aria-valuenow');
        if (value !== null && value !== undefined && window.__progress.at(-1) !== value) {
          window.__progress.push(value);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    const size = 700 * 1024;
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'prosedur.pdf', mimeType: 'application/pdf', buffer: pdf(size) });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page.getByText('Terunggah: 100%').waitFor();
    await expect(
      page.getByRole('progressbar', { name: 'Kemajuan unggahan' }).getAttribute('aria-valuenow'),
    ).resolves.toBe('100');
    const seen = (await page.evaluate('window.__progress')) as string[];
    expect(seen[0]).toBe('0');
    expect(seen.at(-1)).toBe('100');
    await page.getByText('File saat ini: prosedur.pdf (700 KB)').waitFor();
    expect((await lessonNamed('Slide prosedur')).content.file).toMatchObject({
      filename: 'prosedur.pdf',
      size,
      contentType: 'application/pdf',
    });
  });

  it("says the server's 413 and 415 in plain words, naming the limit and the types", async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'besar.pdf', mimeType: 'application/pdf', buffer: pdf(1536 * 1024) });
    await page.getByRole('button', { name: 'Unggah pengganti' }).click();
    await page
      .getByRole('alert')
      .getByText('File terlalu besar. Ukuran maksimum adalah 1 MB.')
      .waitFor();
    await checkPage(page, 'instructor-structure-file-too-large', STAFF_VIEWPORTS);

    await page.locator('input[type=file]').setInputFiles({
      name: 'catatan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html>bukan PDF</html>'),
    });
    await page.getByRole('button', { name: 'Unggah pengganti' }).click();
    await page
      .getByRole('alert')
      .getByText('Jenis file ini tidak diterima. Unggah PDF atau slide PowerPoint (PPT atau PPTX).')
      .waitFor();
    // The stored file is still the first one.
    expect((await lessonNamed('Slide prosedur')).content.file?.filename).toBe('prosedur.pdf');
  });

  it('moves a lesson to another module and back, from the keyboard', async () => {
    await selectLesson('Kuis awal');
    const target = page.getByLabel('Pindahkan “Kuis awal” ke modul lain');
    await target.focus();
    await target.selectOption({ label: 'Modul 1: Penutup' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Dipindahkan: pelajaran kini yang terakhir di modul barunya.').waitFor();
    const lessonsOf = async () =>
      (await outline()).map((m) => [m.titleId, m.lessons.map((l) => l.titleId)]);
    expect(await lessonsOf()).toEqual([
      ['Penutup', ['Rangkuman', 'Kuis awal']],
      ['Pengenalan', ['Video APD', 'Bahaya listrik', 'Slide prosedur']],
    ]);
    // The outline shows it under its new module, still selected.
    await page
      .locator('section[aria-label^="Modul 1:"] [data-select-lesson]', { hasText: 'Kuis awal' })
      .waitFor();
    await editorHeading('Kuis awal').waitFor();
    await checkPage(page, 'instructor-structure-moved-lesson', STAFF_VIEWPORTS);

    await page.getByLabel('Pindahkan “Kuis awal” ke modul lain').selectOption({
      label: 'Modul 2: Pengenalan',
    });
    await page.getByRole('button', { name: 'Pindahkan', exact: true }).click();
    await page
      .locator('section[aria-label^="Modul 2:"] [data-select-lesson]', { hasText: 'Kuis awal' })
      .waitFor();
    expect(await lessonsOf()).toEqual([
      ['Penutup', ['Rangkuman']],
      ['Pengenalan', ['Video APD', 'Bahaya listrik', 'Slide prosedur', 'Kuis awal']],
    ]);
  });

  it('deletes a lesson and a module only after a confirmation saying what goes', async () => {
    await selectLesson('Kuis awal');
    await page.getByRole('button', { name: 'Hapus pelajaran' }).click();
    await page.getByRole('dialog', { name: 'Hapus pelajaran “Kuis awal”?' }).waitFor();
    await dialog().getByRole('button', { name: 'Hapus pelajaran' }).click();
    await page.locator('[data-select-lesson]', { hasText: 'Kuis awal' }).waitFor({
      state: 'detached',
    });
    expect((await outline())[1].lessons.map((l) => l.titleId)).toEqual([
      'Video APD',
      'Bahaya listrik',
      'Slide prosedur',
    ]);

    await page.getByRole('button', { name: 'Hapus modul Pengenalan' }).click();
    await page.getByRole('dialog', { name: 'Hapus modul “Pengenalan”?' }).waitFor();
    await dialog()
      .getByText('Modul “Pengenalan” dan 3 pelajaran di dalamnya akan dihapus dari draf')
      .waitFor();
    await checkPage(page, 'instructor-structure-delete-module', STAFF_VIEWPORTS);
    await dialog().getByRole('button', { name: 'Batal' }).click();
    expect(await outline()).toHaveLength(2);
    await page.getByRole('button', { name: 'Hapus modul Pengenalan' }).click();
    await dialog().getByRole('button', { name: 'Hapus modul' }).click();
    await page.getByRole('heading', { name: '2. Pengenalan' }).waitFor({ state: 'detached' });
    const left = await outline();
    expect(left.map((m) => [m.titleId, m.lessons.map((l) => l.titleId)])).toEqual([
      ['Penutup', ['Rangkuman']],
    ]);
  });

  it('after publishing, offers a new draft and edits that one', async () => {
    await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/publish`)
      .set(bearer(instructor))
      .expect(200);
    await page.reload();
    await page.getByText('Versi yang sudah terbit dibekukan.', { exact: false }).waitFor();
    await expect(page.locator('[data-select-lesson]').count()).resolves.toBe(0);
    await checkPage(page, 'instructor-structure-no-draft', STAFF_VIEWPORTS);
    await page.getByRole('button', { name: 'Buat draf baru' }).click();
    await page.getByText('Perubahan di sini masuk ke draf versi 2.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: '1. Penutup' }).waitFor();
    const [copied] = await outline();
    expect(copied.titleId).toBe('Penutup');
    expect(copied.id).not.toBe(
      (
        await ctx.db.query(
          `SELECT m.id FROM course_modules m JOIN course_versions v ON v.id = m.course_version_id
            WHERE v.course_id = $1 AND v.status = 'published'`,
          [courseId],
        )
      )[0].id,
    );
  });
});
