import { Role } from '../src/common/auth/roles';
import { completeViaApi, seedCourse, SeededCourse } from './support/certificate-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from './support/test-app';

const HEADER = 'name,email,employee_id,nik';
const csvOf = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n');
const DAY = 86_400_000;

/** The API behind HR's employees and assignments pages: import preview, reactivation, etc. */
describe('HR employees and assignments API', () => {
  let ctx: TestContext;
  let orgA: string;
  let orgB: string;
  let hrA: SeededUser;
  let hrB: SeededUser;
  let course: SeededCourse;

  beforeAll(async () => {
    ctx = await createTestContext();
    orgA = await seedOrganization(ctx);
    orgB = await seedOrganization(ctx);
    hrA = await seedUser(ctx, Role.Hr, orgA);
    hrB = await seedUser(ctx, Role.Hr, orgB);
    const author = await seedUser(ctx, Role.Admin);
    course = await seedCourse(ctx, author.id);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const usersOf = async (org: string): Promise<number> =>
    Number(
      (await ctx.db.query(`SELECT count(*) AS n FROM users WHERE organization_id = $1`, [org]))[0]
        .n,
    );

  const upload = (path: string, hr: SeededUser, file: Buffer) =>
    ctx.http().post(path).set(bearer(hr)).attach('file', file, 'employees.csv');

  describe('CSV import dry run', () => {
    it('reports every bad line with its reason and writes nothing', async () => {
      const taken = await seedUser(ctx, Role.Learner, orgB, { email: 'taken@other.test' });
      const before = await usersOf(orgA);
      const res = await upload(
        '/api/v1/employees/import?dryRun=true',
        hrA,
        csvOf([
          'Agus Salim,agus@dry.test,DRY-1,3171234567890001',
          'X,bad-mail,DRY-2,12',
          'Citra Dewi,taken@other.test,DRY-3,',
          'Dewi Lestari,dewi@dry.test,DRY-1,',
        ]),
      ).expect(200);
      expect(res.body).toMatchObject({ valid: false, created: 1, updated: 0, invalid: 3 });
      const codesOf = (line: number) =>
        res.body.errors
          .filter((e: { line: number }) => e.line === line)
          .map((e: { code: string }) => e.code);
      expect(codesOf(2)).toEqual([]);
      expect(codesOf(3).sort()).toEqual(['INVALID_EMAIL', 'INVALID_NAME', 'INVALID_NIK']);
      expect(codesOf(4)).toEqual(['EMPLOYEE_CONFLICT']);
      expect(codesOf(5)).toEqual(['DUPLICATE_IN_FILE']);
      expect(res.body.lines).toEqual([
        {
          line: 2,
          name: 'Agus Salim',
          email: 'agus@dry.test',
          employeeId: 'DRY-1',
          nik: '3171234567890001',
          action: 'create',
        },
        {
          line: 3,
          name: 'X',
          email: 'bad-mail',
          employeeId: 'DRY-2',
          nik: '12',
          action: 'invalid',
        },
        {
          line: 4,
          name: 'Citra Dewi',
          email: 'taken@other.test',
          employeeId: 'DRY-3',
          nik: '',
          action: 'invalid',
        },
        {
          line: 5,
          name: 'Dewi Lestari',
          email: 'dewi@dry.test',
          employeeId: 'DRY-1',
          nik: '',
          action: 'invalid',
        },
      ]);
      expect(await usersOf(orgA)).toBe(before);
      expect(taken.organizationId).toBe(orgB);
    });

    it('previews creates and updates of a good file; importing it then writes exactly that', async () => {
      await upload(
        '/api/v1/employees/import',
        hrA,
        csvOf(['Eko Prasetyo,eko@dry.test,DRY-10,']),
      ).expect(200);
      const file = csvOf([
        'Eko Prasetyo Baru,eko@dry.test,DRY-10,',
        'Fajar Nugroho,fajar@dry.test,DRY-11,',
      ]);
      const before = await usersOf(orgA);
      const preview = await upload('/api/v1/employees/import?dryRun=true', hrA, file).expect(200);
      expect(preview.body).toMatchObject({
        valid: true,
        created: 1,
        updated: 1,
        invalid: 0,
        errors: [],
      });
      expect(preview.body.lines.map((l: { action: string }) => l.action)).toEqual([
        'update',
        'create',
      ]);
      expect(await usersOf(orgA)).toBe(before);
      const done = await upload('/api/v1/employees/import', hrA, file).expect(200);
      expect(done.body).toEqual({ created: 1, updated: 1 });
      expect(await usersOf(orgA)).toBe(before + 1);
    });

    it('a file-level problem is one line-1 error; a bad dryRun value is a 400', async () => {
      const res = await upload(
        '/api/v1/employees/import?dryRun=true',
        hrA,
        Buffer.from('name,mail\nA,b\n'),
      ).expect(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.lines).toEqual([]);
      expect(res.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
        [1, 'MISSING_COLUMN'],
        [1, 'MISSING_COLUMN'],
        [1, 'UNKNOWN_COLUMN'],
      ]);
      const bad = await upload(
        '/api/v1/employees/import?dryRun=yes',
        hrA,
        csvOf(['Ani,ani@x.test,A-1,']),
      ).expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    });

    it('is HR only', async () => {
      const learner = await seedUser(ctx, Role.Learner, orgA);
      await upload(
        '/api/v1/employees/import?dryRun=true',
        learner,
        csvOf(['Ani,ani@x.test,A-1,']),
      ).expect(403);
    });
  });

  describe('reactivation', () => {
    const login = (email: string) =>
      ctx.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });

    it('mirrors deactivation: signing in is refused, then works again', async () => {
      const learner = await seedUser(ctx, Role.Learner, orgA);
      const off = await ctx
        .http()
        .post(`/api/v1/employees/${learner.id}/deactivate`)
        .set(bearer(hrA))
        .expect(200);
      expect(off.body.isActive).toBe(false);
      await login(learner.email).expect(401);
      await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(401);
      const on = await ctx
        .http()
        .post(`/api/v1/employees/${learner.id}/reactivate`)
        .set(bearer(hrA))
        .expect(200);
      expect(on.body).toMatchObject({ id: learner.id, isActive: true });
      // Tokens from before the deactivation stay ended; a new login works.
      await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(401);
      const again = await login(learner.email).expect(200);
      await ctx
        .http()
        .get('/api/v1/me')
        .set({ Authorization: `Bearer ${again.body.accessToken}` })
        .expect(200);
      const audit = await ctx.db.query(
        `SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'user.updated'`,
        [learner.id],
      );
      expect(Number(audit[0].n)).toBe(2);
    });

    it('is scoped to HR’s organization and refuses malformed ids and other roles', async () => {
      const other = await seedUser(ctx, Role.Learner, orgB);
      const res = await ctx
        .http()
        .post(`/api/v1/employees/${other.id}/reactivate`)
        .set(bearer(hrA))
        .expect(404);
      expect(res.body.error).toBe('NOT_FOUND');
      await ctx.http().post('/api/v1/employees/not-a-uuid/reactivate').set(bearer(hrA)).expect(404);
      const learner = await seedUser(ctx, Role.Learner, orgA);
      await ctx
        .http()
        .post(`/api/v1/employees/${learner.id}/reactivate`)
        .set(bearer(learner))
        .expect(403);
      await ctx.http().post(`/api/v1/employees/${learner.id}/reactivate`).expect(401);
    });
  });

  describe('search', () => {
    it('finds employees by NIK and by employee id, within the organization only', async () => {
      await upload(
        '/api/v1/employees/import',
        hrA,
        csvOf(['Gita Savitri,gita@search.test,SRCH-77,3171999988887777']),
      ).expect(200);
      await upload(
        '/api/v1/employees/import',
        hrB,
        csvOf(['Hadi Susanto,hadi@search.test,SRCH-78,3171999988887778']),
      ).expect(200);
      const byNik = await ctx
        .http()
        .get('/api/v1/employees?search=99988887777')
        .set(bearer(hrA))
        .expect(200);
      expect(byNik.body.items.map((u: { name: string }) => u.name)).toEqual(['Gita Savitri']);
      const byId = await ctx
        .http()
        .get('/api/v1/employees?search=srch-7')
        .set(bearer(hrA))
        .expect(200);
      expect(byId.body.items.map((u: { name: string }) => u.name)).toEqual(['Gita Savitri']);
    });
  });

  describe('assignment preview', () => {
    it('says who is new, already enrolled or completed, and writes nothing', async () => {
      const fresh = await seedUser(ctx, Role.Learner, orgA, { name: 'Aa Baru' });
      const enrolled = await seedUser(ctx, Role.Learner, orgA, { name: 'Bb Terdaftar' });
      const finished = await seedUser(ctx, Role.Learner, orgA, { name: 'Cc Selesai' });
      const due = new Date(Date.now() + 20 * DAY).toISOString();
      const assigned = await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [enrolled.id, finished.id], dueAt: due })
        .expect(200);
      const finishedEnrollment = assigned.body.items.find(
        (i: { userId: string }) => i.userId === finished.id,
      ).enrollmentId;
      await completeViaApi(ctx, finished, finishedEnrollment, course.lessonId);
      const count = async () =>
        Number(
          (
            await ctx.db.query('SELECT count(*) AS n FROM enrollments WHERE course_id = $1', [
              course.courseId,
            ])
          )[0].n,
        );
      const before = await count();

      const res = await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments/preview`)
        .set(bearer(hrA))
        .send({ userIds: [finished.id, fresh.id, enrolled.id] })
        .expect(200);
      expect(res.body).toMatchObject({ new: 1, enrolled: 1, completed: 1 });
      expect(
        res.body.items.map((i: { name: string; standing: string }) => [i.name, i.standing]),
      ).toEqual([
        ['Aa Baru', 'new'],
        ['Bb Terdaftar', 'enrolled'],
        ['Cc Selesai', 'completed'],
      ]);
      expect(new Date(res.body.items[1].dueAt).toISOString()).toBe(due);
      expect(res.body.items[2].lastCompletedAt).not.toBeNull();
      expect(await count()).toBe(before);
    });

    it('refuses employees of another organization, an unknown course and bad input', async () => {
      const mine = await seedUser(ctx, Role.Learner, orgA);
      const theirs = await seedUser(ctx, Role.Learner, orgB);
      const path = `/api/v1/courses/${course.courseId}/assignments/preview`;
      const res = await ctx
        .http()
        .post(path)
        .set(bearer(hrA))
        .send({ userIds: [mine.id, theirs.id] })
        .expect(404);
      expect(res.body.details).toEqual({ missingUserIds: [theirs.id] });
      await ctx
        .http()
        .post('/api/v1/courses/00000000-0000-4000-8000-000000000000/assignments/preview')
        .set(bearer(hrA))
        .send({ userIds: [mine.id] })
        .expect(404);
      for (const body of [{ userIds: [] }, { userIds: ['x'] }, {}]) {
        const bad = await ctx.http().post(path).set(bearer(hrA)).send(body).expect(400);
        expect(bad.body.error).toBe('VALIDATION_FAILED');
      }
      await ctx
        .http()
        .post(path)
        .set(bearer(mine))
        .send({ userIds: [mine.id] })
        .expect(403);
    });
  });

  describe('assignment CSV dry run', () => {
    it('previews the CSV’s employees, refuses a bad line with 422, and writes nothing', async () => {
      await upload(
        '/api/v1/employees/import',
        hrA,
        csvOf(['Indah Permata,indah@csv.test,CSV-1,', 'Joko Widodo,joko@csv.test,CSV-2,']),
      ).expect(200);
      const joko = await ctx.db.query(`SELECT id FROM users WHERE employee_id = 'CSV-2'`);
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [joko[0].id] })
        .expect(200);
      const count = async () =>
        Number(
          (
            await ctx.db.query('SELECT count(*) AS n FROM enrollments WHERE course_id = $1', [
              course.courseId,
            ])
          )[0].n,
        );
      const before = await count();
      const path = `/api/v1/courses/${course.courseId}/assignments/import?dryRun=true`;
      const res = await upload(path, hrA, Buffer.from('employee_id\nCSV-1\nCSV-2\n')).expect(200);
      expect(res.body).toMatchObject({ new: 1, enrolled: 1, completed: 0 });
      expect(
        res.body.items.map((i: { employeeId: string; standing: string }) => [
          i.employeeId,
          i.standing,
        ]),
      ).toEqual([
        ['CSV-1', 'new'],
        ['CSV-2', 'enrolled'],
      ]);
      const bad = await upload(path, hrA, Buffer.from('employee_id\nCSV-1\nNOPE-9\n')).expect(422);
      expect(bad.body.error).toBe('CSV_INVALID');
      expect(bad.body.details.errors).toEqual([
        expect.objectContaining({ line: 3, code: 'UNKNOWN_EMPLOYEE' }),
      ]);
      await upload(
        `/api/v1/courses/${course.courseId}/assignments/import?dryRun=1`,
        hrA,
        Buffer.from('employee_id\nCSV-1\n'),
      ).expect(400);
      expect(await count()).toBe(before);
    });
  });

  describe('bulk due-date extension', () => {
    const path = () => `/api/v1/courses/${course.courseId}/assignments/due-date`;
    const dueOf = async (userId: string): Promise<string | null> => {
      const [row] = await ctx.db.query(
        `SELECT due_at FROM enrollments WHERE user_id = $1 AND course_id = $2
           AND status IN ('not_started', 'in_progress')`,
        [userId, course.courseId],
      );
      return row?.due_at ? new Date(row.due_at).toISOString() : null;
    };

    it('moves the active assignments’ due date and reports who has none', async () => {
      const a = await seedUser(ctx, Role.Learner, orgA);
      const b = await seedUser(ctx, Role.Learner, orgA);
      const none = await seedUser(ctx, Role.Learner, orgA);
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [a.id], dueAt: new Date(Date.now() + 5 * DAY).toISOString() })
        .expect(200);
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [b.id] })
        .expect(200);
      const later = new Date(Date.now() + 40 * DAY).toISOString();
      const res = await ctx
        .http()
        .post(path())
        .set(bearer(hrA))
        .send({ userIds: [a.id, b.id, none.id], dueAt: later })
        .expect(200);
      expect(res.body).toEqual({ extended: 2, notEnrolledUserIds: [none.id] });
      expect(await dueOf(a.id)).toBe(later);
      expect(await dueOf(b.id)).toBe(later);
      expect(await dueOf(none.id)).toBeNull();
    });

    it('refuses a past date and a shortening, all or nothing', async () => {
      const a = await seedUser(ctx, Role.Learner, orgA);
      const b = await seedUser(ctx, Role.Learner, orgA);
      const far = new Date(Date.now() + 60 * DAY).toISOString();
      const near = new Date(Date.now() + 3 * DAY).toISOString();
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [a.id], dueAt: near })
        .expect(200);
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [b.id], dueAt: far })
        .expect(200);
      const middle = new Date(Date.now() + 30 * DAY).toISOString();
      const shorter = await ctx
        .http()
        .post(path())
        .set(bearer(hrA))
        .send({ userIds: [a.id, b.id], dueAt: middle })
        .expect(422);
      expect(shorter.body).toMatchObject({
        error: 'DUE_DATE_NOT_LATER',
        details: { userIds: [b.id] },
      });
      expect(await dueOf(a.id)).toBe(near);
      const past = await ctx
        .http()
        .post(path())
        .set(bearer(hrA))
        .send({ userIds: [a.id], dueAt: new Date(Date.now() - DAY).toISOString() })
        .expect(422);
      expect(past.body.error).toBe('DUE_DATE_IN_PAST');
      expect(await dueOf(a.id)).toBe(near);
    });

    it('refuses other organizations’ employees and bad input', async () => {
      const theirs = await seedUser(ctx, Role.Learner, orgB);
      const later = new Date(Date.now() + 40 * DAY).toISOString();
      await ctx
        .http()
        .post(path())
        .set(bearer(hrA))
        .send({ userIds: [theirs.id], dueAt: later })
        .expect(404);
      const bad = await ctx
        .http()
        .post(path())
        .set(bearer(hrA))
        .send({ userIds: [theirs.id], dueAt: 'soon' })
        .expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
      await ctx.http().post(path()).set(bearer(hrA)).send({ dueAt: later }).expect(400);
      await ctx
        .http()
        .post(path())
        .set(bearer(hrB))
        .send({ userIds: [theirs.id], dueAt: 'x' })
        .expect(400);
    });
  });

  describe('employee training', () => {
    it('lists the employee’s enrollments with their time spent, scoped to the organization', async () => {
      const learner = await seedUser(ctx, Role.Learner, orgA);
      const other = await seedUser(ctx, Role.Learner, orgB);
      const author = await seedUser(ctx, Role.Admin);
      const second = await seedCourse(ctx, author.id, { titleId: 'Kursus Kedua' });
      const first = await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [learner.id] })
        .expect(200);
      await ctx
        .http()
        .post(`/api/v1/courses/${second.courseId}/assignments`)
        .set(bearer(hrA))
        .send({ userIds: [learner.id] })
        .expect(200);
      await ctx.db.query('UPDATE enrollments SET time_spent_seconds = 600 WHERE id = $1', [
        first.body.items[0].enrollmentId,
      ]);
      await completeViaApi(ctx, learner, first.body.items[0].enrollmentId, course.lessonId);

      const page1 = await ctx
        .http()
        .get(`/api/v1/employees/${learner.id}/enrollments?limit=1`)
        .set(bearer(hrA))
        .expect(200);
      expect(page1.body.items).toHaveLength(1);
      expect(page1.body.items[0].titleId).toBe('Kursus Kedua');
      expect(page1.body.totalTimeSpentSeconds).toBeGreaterThanOrEqual(600);
      expect(page1.body.completedCount).toBe(1);
      const page2 = await ctx
        .http()
        .get(`/api/v1/employees/${learner.id}/enrollments?limit=1&cursor=${page1.body.nextCursor}`)
        .set(bearer(hrA))
        .expect(200);
      expect(page2.body.items.map((e: { status: string }) => e.status)).toEqual(['completed']);
      expect(page2.body.nextCursor).toBeNull();

      await ctx
        .http()
        .get(`/api/v1/employees/${other.id}/enrollments`)
        .set(bearer(hrA))
        .expect(404);
      await ctx.http().get(`/api/v1/employees/${hrA.id}/enrollments`).set(bearer(hrA)).expect(404);
      await ctx
        .http()
        .get(`/api/v1/employees/${learner.id}/enrollments?status=nope`)
        .set(bearer(hrA))
        .expect(400);
      await ctx
        .http()
        .get(`/api/v1/employees/${learner.id}/enrollments`)
        .set(bearer(learner))
        .expect(403);
    });
  });
});
