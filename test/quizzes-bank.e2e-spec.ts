import { randomUUID } from 'node:crypto';
import { MAX_IMPORT_BYTES } from '@app/question-formats';
import { GIFT_SAMPLE } from '../libs/question-formats/src/testing/samples';
import { Role } from '../src/common/auth/roles';
import { checkRoleMatrix, RouteCase } from './support/role-matrix';
import { createQuizCourse } from './support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

describe('quizzes: question bank, import and export', () => {
  let ctx: TestContext;
  let instructor: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    instructor = await seedUser(ctx, Role.Instructor);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function newCourse(): Promise<string> {
    const res = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code: `B-${randomUUID().slice(0, 8)}`,
        titleId: 'Bank soal',
        titleEn: 'Question bank',
        competencyCode: 'AK3U',
        jpHours: 1,
        certificateValidityMonths: 36,
        enrollmentMode: 'open',
        sequential: false,
        tags: [],
      })
      .expect(201);
    return res.body.id;
  }

  const importFile = (courseId: string, format: string, text: string, dryRun = false) =>
    ctx
      .http()
      .post(
        `/api/v1/courses/${courseId}/question-bank/import?format=${format}${dryRun ? '&dryRun=true' : ''}`,
      )
      .set(bearer(instructor))
      .attach('file', Buffer.from(text, 'utf8'), `bank.${format === 'moodlexml' ? 'xml' : 'txt'}`);

  const exportBank = async (courseId: string, format: string) => {
    const res = await ctx
      .http()
      .get(`/api/v1/courses/${courseId}/question-bank/export?format=${format}`)
      .set(bearer(instructor))
      .buffer(true)
      .parse((response, done) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (c: string) => (data += c));
        response.on('end', () => done(null, data));
      })
      .expect(200);
    return res;
  };

  const questionCount = async (courseId: string) => {
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM questions q JOIN question_banks b ON b.id = q.bank_id
        WHERE b.course_id = $1`,
      [courseId],
    );
    return n as number;
  };

  it('a file with errors imports nothing and lists every error with its line', async () => {
    const courseId = await newCourse();
    const broken = `::Q1:: Apa itu APD? {=Alat Pelindung Diri ~Alat Pemadam}\n\n::Q2:: Pilih {\n=Ya\n\n::Q3:: Benar? {TRUE}\n\n::Q4:: Kosong {}\n`;
    const res = await importFile(courseId, 'gift', broken).expect(422);
    expect(res.body.error).toBe('IMPORT_INVALID');
    const errors = res.body.details.errors as { line: number; message: string }[];
    expect(errors.length).toBeGreaterThanOrEqual(1);
    for (const e of errors) {
      expect(e.line).toBeGreaterThan(1);
      expect(e.message.length).toBeGreaterThan(0);
    }
    expect(await questionCount(courseId)).toBe(0);
  });

  it('dry run reports what would be created and creates nothing', async () => {
    const courseId = await newCourse();
    const res = await importFile(courseId, 'gift', GIFT_SAMPLE, true).expect(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.created).toBe(0);
    expect(res.body.questions.length).toBeGreaterThan(10);
    expect(res.body.categories).toEqual(expect.arrayContaining(['K3 Umum/APD', 'K3 Konstruksi']));
    expect(await questionCount(courseId)).toBe(0);
    const real = await importFile(courseId, 'gift', GIFT_SAMPLE).expect(200);
    expect(real.body.created).toBe(res.body.questions.length);
    expect(await questionCount(courseId)).toBe(res.body.questions.length);
    // text/plain body works as well
    const plain = await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/question-bank/import?format=aiken&dryRun=true`)
      .set(bearer(instructor))
      .set('Content-Type', 'text/plain')
      .send('Apa kepanjangan APAR?\nA. Alat Pemadam Api Ringan\nB. Alat Pelindung\nANSWER: A\n')
      .expect(200);
    expect(plain.body.questions).toHaveLength(1);
  });

  it.each(['gift', 'moodlexml'])(
    'round trip through %s gives the same questions',
    async (format) => {
      const first = await newCourse();
      await importFile(first, 'gift', GIFT_SAMPLE).expect(200);
      const exported = await exportBank(first, format);
      expect(exported.headers['content-disposition']).toMatch(
        /^attachment; filename=".+-questions\./,
      );
      const second = await newCourse();
      await importFile(second, format, exported.body as string).expect(200);
      const again = await exportBank(second, format);
      expect(again.body).toBe(exported.body);
      const normalise = async (courseId: string) => {
        const res = await ctx
          .http()
          .get(`/api/v1/courses/${courseId}/question-bank/questions?limit=100`)
          .set(bearer(instructor))
          .expect(200);
        const categories = await ctx
          .http()
          .get(`/api/v1/courses/${courseId}/question-bank/categories`)
          .set(bearer(instructor))
          .expect(200);
        const names = new Map(
          categories.body.items.map((c: { id: string; name: string }) => [c.id, c.name]),
        );
        return res.body.items.map((q: Record<string, unknown>) => ({
          type: q.type,
          title: q.title,
          text: q.text,
          textFormat: q.textFormat,
          generalFeedback: q.generalFeedback,
          defaultMark: q.defaultMark,
          tags: q.tags,
          category: names.get(q.categoryId as string) ?? null,
          spec: JSON.parse(JSON.stringify(q.spec, (k, v) => (k === 'id' ? undefined : v))),
        }));
      };
      const a = await normalise(first);
      expect(a.length).toBeGreaterThan(10);
      expect(await normalise(second)).toEqual(a);
    },
  );

  it('refuses an upload over MAX_IMPORT_BYTES with 413', async () => {
    const courseId = await newCourse();
    const res = await importFile(courseId, 'gift', 'x'.repeat(MAX_IMPORT_BYTES + 10));
    expect(res.status).toBe(413);
    expect(await questionCount(courseId)).toBe(0);
  });

  it('validates questions created through the API', async () => {
    const courseId = await newCourse();
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/question-bank/questions`)
      .set(bearer(instructor))
      .send({
        type: 'single_choice',
        text: 'Satu opsi',
        defaultMark: 1,
        options: [{ text: 'A', fraction: 1 }],
      })
      .expect(422);
    expect(res.body.error).toBe('QUESTION_INVALID');
  });

  it('role x route matrix', async () => {
    const org = await seedOrganization(ctx);
    const tokens = {
      [Role.Admin]: (await seedUser(ctx, Role.Admin)).token,
      [Role.Instructor]: instructor.token,
      [Role.Hr]: (await seedUser(ctx, Role.Hr, org)).token,
      [Role.Learner]: (await seedUser(ctx, Role.Learner, org)).token,
    };
    const quiz = await createQuizCourse(ctx, instructor, [
      { type: 'true_false', text: 'Benar?', defaultMark: 1, correctAnswer: true },
    ]);
    const c = quiz.courseId;
    const x = randomUUID();
    const A = [Role.Admin, Role.Instructor];
    const routes: RouteCase[] = [
      { method: 'get', path: `/api/v1/courses/${c}/question-bank/categories`, allowed: A },
      { method: 'post', path: `/api/v1/courses/${c}/question-bank/categories`, allowed: A },
      { method: 'get', path: `/api/v1/courses/${c}/question-bank/questions`, allowed: A },
      { method: 'post', path: `/api/v1/courses/${c}/question-bank/questions`, allowed: A },
      { method: 'post', path: `/api/v1/courses/${c}/question-bank/import?format=gift`, allowed: A },
      { method: 'get', path: `/api/v1/courses/${c}/question-bank/export?format=gift`, allowed: A },
      { method: 'get', path: `/api/v1/questions/${x}`, allowed: A },
      { method: 'put', path: `/api/v1/questions/${x}`, allowed: A },
      { method: 'delete', path: `/api/v1/questions/${x}`, allowed: A },
      { method: 'post', path: '/api/v1/quizzes', allowed: A },
      { method: 'get', path: `/api/v1/quizzes/${quiz.quizId}`, allowed: [...A, Role.Learner] },
      { method: 'patch', path: `/api/v1/quizzes/${x}`, allowed: A },
      { method: 'post', path: `/api/v1/quizzes/${x}/attempts`, allowed: [Role.Learner] },
      { method: 'post', path: `/api/v1/quizzes/${x}/regrade`, allowed: A },
      { method: 'get', path: `/api/v1/quizzes/${x}/item-analysis`, allowed: A },
      { method: 'get', path: `/api/v1/attempts/${x}`, allowed: [...A, Role.Learner] },
      { method: 'put', path: `/api/v1/attempts/${x}/answers/${x}`, allowed: [Role.Learner] },
      { method: 'post', path: `/api/v1/attempts/${x}/submit`, allowed: [Role.Learner] },
      { method: 'post', path: `/api/v1/attempts/${x}/grades`, allowed: A },
    ];
    expect(await checkRoleMatrix(ctx, routes, tokens)).toEqual([]);
  });
});
