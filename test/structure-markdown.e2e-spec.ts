import { Role } from '../src/common/auth/roles';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

/** Markdown with everything the sanitiser keeps or strips: headings, a table, links, code, XSS. */
const LESSON_MARKDOWN = [
  '# Bahaya listrik',
  '',
  'Pakai **APD** dan _periksa_ [panduan](https://k3.example.com/panduan "Panduan").',
  '',
  '| APD | Fungsi |',
  '| --- | --- |',
  '| Helm | Kepala |',
  '',
  '```ts',
  'const aman = true;',
  '```',
  '',
  '![rambu](https://k3.example.com/rambu.png)',
  '',
  '<script>alert("xss")</script>',
  '<img src="x" onerror="alert(1)">',
  '<a href="javascript:alert(2)">klik</a>',
  '<iframe src="https://evil.example.com"></iframe>',
].join('\n');

/**
 * The structure editor's live preview: the server renders and sanitises with the one renderer,
 * so the preview is byte for byte what a learner's lesson route returns for the same markdown.
 */
describe('markdown preview for authors (POST /api/v1/markdown/preview)', () => {
  let ctx: TestContext;
  let instructor: SeededUser;
  let learner: SeededUser;
  let hr: SeededUser;
  let admin: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    const org = await seedOrganization(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    admin = await seedUser(ctx, Role.Admin);
    learner = await seedUser(ctx, Role.Learner, org);
    hr = await seedUser(ctx, Role.Hr, org);
  });
  afterAll(() => ctx?.close());

  const preview = (user: { token: string } | null, body: unknown) => {
    const req = ctx.http().post('/api/v1/markdown/preview');
    return (user ? req.set(bearer(user)) : req).send(body as object);
  };

  /** A published one-lesson text course; the learner enrolls and reads the lesson. */
  async function learnerHtml(markdown: string): Promise<string> {
    const code = `MD-${Math.random().toString(36).slice(2, 10)}`;
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({ code, titleId: 'Materi', titleEn: 'Material', competencyCode: 'AK3U', jpHours: 1 })
      .expect(201);
    const module = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules`)
      .set(bearer(instructor))
      .send({ titleId: 'Modul', titleEn: 'Module' })
      .expect(201);
    const lesson = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules/${module.body.id}/lessons`)
      .set(bearer(instructor))
      .send({ type: 'text', titleId: 'Teks', titleEn: 'Text', content: { markdown } })
      .expect(201);
    await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/publish`)
      .set(bearer(instructor))
      .expect(200);
    const enrollment = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const read = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrollment.body.id}/lessons/${lesson.body.id}`)
      .set(bearer(learner))
      .expect(200);
    return read.body.html as string;
  }

  it('answers exactly the HTML the learner receives for the same markdown', async () => {
    const res = await preview(instructor, { markdown: LESSON_MARKDOWN }).expect(200);
    expect(res.body).toEqual({ html: expect.any(String) });
    expect(res.body.html).toBe(await learnerHtml(LESSON_MARKDOWN));
    // What the sanitiser keeps: the formatting, the table, safe links (opened safely), images.
    expect(res.body.html).toContain('<h1>Bahaya listrik</h1>');
    expect(res.body.html).toContain('<strong>APD</strong>');
    expect(res.body.html).toContain('<table>');
    expect(res.body.html).toContain(
      '<a href="https://k3.example.com/panduan" title="Panduan" rel="noopener noreferrer" target="_blank">',
    );
    expect(res.body.html).toContain('<img src="https://k3.example.com/rambu.png" alt="rambu" />');
  });

  it('strips scripts, event handlers, javascript: links and iframes', async () => {
    const { body } = await preview(instructor, { markdown: LESSON_MARKDOWN }).expect(200);
    const html = body.html as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert\("xss"\)/);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe/i);
    // The <img> loses its handler, the javascript: link its href (its text stays).
    expect(html).toContain('<img src="x" />');
    expect(html).toContain('<a rel="noopener noreferrer" target="_blank">klik</a>');
  });

  it('is for authors only: admins and instructors, not learners or HR, never anonymous', async () => {
    await preview(admin, { markdown: '**ok**' }).expect(200, {
      html: '<p><strong>ok</strong></p>\n',
    });
    for (const user of [learner, hr]) {
      const res = await preview(user, { markdown: '**x**' }).expect(403);
      expect(res.body.error).toBe('FORBIDDEN');
    }
    const anonymous = await preview(null, { markdown: '**x**' }).expect(401);
    expect(anonymous.body.error).toBe('UNAUTHENTICATED');
  });

  it('takes at most what a text lesson holds; bad bodies get a clear 4xx', async () => {
    const longest = 'a'.repeat(200000);
    const ok = await preview(instructor, { markdown: longest }).expect(200);
    expect(ok.body.html).toBe(`<p>${longest}</p>\n`);
    const tooLong = await preview(instructor, { markdown: `${longest}b` }).expect(400);
    expect(tooLong.body.error).toBe('VALIDATION_FAILED');
    for (const body of [{}, { markdown: 42 }, { markdown: 'x', extra: true }]) {
      const bad = await preview(instructor, body).expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    }
    // Over the API's 1 MB body limit: refused before parsing.
    const huge = await preview(instructor, { markdown: 'é'.repeat(600000) }).expect(413);
    expect(huge.body.error).toBe('PAYLOAD_TOO_LARGE');
  });
});
