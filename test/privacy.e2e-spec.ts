import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Role } from '../src/common/auth/roles';
import { RemindersService } from '../src/modules/notifications/reminders.service';
import {
  binaryParser,
  certificatesOf,
  completeViaApi,
  pdfText,
  SeededCourse,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import {
  seedCourse as seedReminderCourse,
  seedEnrollment as seedReminderEnrollment,
} from './support/notification-fixtures';
import { startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const NIK = '3171234567890001';
const MASKED = '3171********0001';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('privacy (UU PDP): NIK on public verification, HR register, e-mail conflicts', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let orgA: string;
  let orgB: string;
  let hrA: SeededUser;
  let withNik: SeededUser;
  let withoutNik: SeededUser;
  let course: SeededCourse;
  let issued: { id: string; verification_code: string; sha256: string | null };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      CERTIFICATE_RENDER_BACKOFF_MS: '100',
      VERIFY_MAX_REQUESTS_PER_MINUTE: '10000',
    });
    worker = await ctx.startWorker();
    orgA = await seedOrganization(ctx);
    orgB = await seedOrganization(ctx);
    hrA = await seedUser(ctx, Role.Hr, orgA);
    const instructor = await seedUser(ctx, Role.Instructor);
    withNik = await seedUser(ctx, Role.Learner, orgA, { name: 'Siti Rahayu', employeeId: 'E-77' });
    withoutNik = await seedUser(ctx, Role.Learner, orgA, { name: 'Budi', employeeId: 'E-78' });
    await ctx.db.query('UPDATE users SET nik = $1 WHERE id = $2', [NIK, withNik.id]);
    course = await seedCourse(ctx, instructor.id, { competencyCode: 'AK3U' });
    for (const learner of [withNik, withoutNik]) {
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
      const [row] = await certificatesOf(ctx, enrollmentId);
      const done = await waitForStatus(ctx, row.id, 'issued');
      if (learner === withNik) issued = done;
    }
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  async function pdfOf(id: string, user: SeededUser): Promise<Buffer> {
    const res = await ctx
      .http()
      .get(`/api/v1/certificates/${id}/pdf`)
      .set(bearer(user))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    return res.body as Buffer;
  }

  it('masks the NIK on the verification page, its JSON and the document check (default)', async () => {
    const json = await ctx.http().get(`/api/v1/verify/${issued.verification_code}`).expect(200);
    expect(json.body.learnerId).toEqual({ kind: 'nik', value: MASKED });
    expect(JSON.stringify(json.body)).not.toContain(NIK);

    const page = await ctx.http().get(`/verify/${issued.verification_code}?lang=en`).expect(200);
    expect(page.text).toContain(MASKED);
    expect(page.text).not.toContain(NIK);

    const pdf = await pdfOf(issued.id, withNik);
    const check = await ctx
      .http()
      .post('/api/v1/verify/document')
      .attach('file', pdf, 'certificate.pdf')
      .expect(200);
    expect(check.body.match).toBe(true);
    expect(check.body.certificate.learnerId).toEqual({ kind: 'nik', value: MASKED });
    expect(JSON.stringify(check.body)).not.toContain(NIK);
  });

  it('keeps the printed NIK in the PDF, whose SHA-256 still proves the document', async () => {
    const pdf = await pdfOf(issued.id, withNik);
    expect(sha256(pdf)).toBe(issued.sha256);
    const text = await pdfText(pdf);
    expect(text).toContain(NIK);
    const json = await ctx.http().get(`/api/v1/verify/${issued.verification_code}`).expect(200);
    expect(json.body.sha256).toBe(sha256(pdf));
  });

  it('HR register: employee id in its column, the NIK only in its own', async () => {
    const csv = await ctx.http().get('/api/v1/certificates/register').set(bearer(hrA)).expect(200);
    const [header, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['employee_id', 'nik']));
    expect(columns).not.toContain('employee_id_or_nik');
    const cell = (line: string, name: string) => line.split(',')[columns.indexOf(name)];
    const siti = lines.find((l) => l.includes('Siti Rahayu'))!;
    const budi = lines.find((l) => l.includes('Budi'))!;
    expect(cell(siti, 'employee_id')).toBe('E-77');
    expect(cell(siti, 'nik')).toBe(NIK);
    expect(cell(budi, 'employee_id')).toBe('E-78');
    expect(cell(budi, 'nik')).toBe('');

    const xlsx = await ctx
      .http()
      .get('/api/v1/certificates/register?format=xlsx')
      .set(bearer(hrA))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const headerRow = sheet.getRow(1).values as unknown[];
    const col = (name: string) => headerRow.indexOf(name);
    const rows = [2, 3].map((r) => sheet.getRow(r));
    const sitiRow = rows.find((r) => r.getCell(col('learner_name')).value === 'Siti Rahayu')!;
    expect(sitiRow.getCell(col('employee_id')).value).toBe('E-77');
    expect(sitiRow.getCell(col('nik')).value).toBe(NIK);
  });

  it("HR creating an employee with another organization's e-mail gets a generic conflict", async () => {
    const foreign = await seedUser(ctx, Role.Learner, orgB);
    const create = (email: string, employeeId: string) =>
      ctx
        .http()
        .post('/api/v1/employees')
        .set(bearer(hrA))
        .send({ email, name: 'Dewi Lestari', employeeId });
    const elsewhere = await create(foreign.email, 'E-900');
    const ownOrg = await create(withoutNik.email, 'E-901');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error).toBe('EMPLOYEE_CONFLICT');
    expect(JSON.stringify(elsewhere.body)).not.toContain(foreign.email);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(
      /organi[sz]ation|another|already|belongs|exists/i,
    );
    const { requestId: _a, ...elsewhereBody } = elsewhere.body;
    const { requestId: _b, ...ownOrgBody } = ownOrg.body;
    expect(ownOrgBody).toEqual(elsewhereBody);

    const importCsv = ['name,email,employee_id', `Dewi Lestari,${foreign.email},E-902`].join('\n');
    const imported = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hrA))
      .attach('file', Buffer.from(importCsv), 'staff.csv')
      .expect(422);
    expect(imported.body.details.errors).toEqual([
      { line: 2, field: 'email', code: 'EMPLOYEE_CONFLICT', message: elsewhere.body.message },
    ]);
    expect(JSON.stringify(imported.body)).not.toContain(foreign.email);
  });

  it('a reminder counts calendar days in the recipient time zone: due 5 Dec 23:59 WIB, 2 Dec -> 3', async () => {
    const reminderCourse = await seedReminderCourse(ctx.db, hrA.id, 'Bekerja di Ketinggian');
    const enrollmentId = await seedReminderEnrollment(ctx.db, {
      userId: withoutNik.id,
      organizationId: orgA,
      course: reminderCourse,
      dueAt: new Date('2028-12-05T23:59:00+07:00'),
      lastActivityAt: new Date('2028-12-01T08:00:00+07:00'),
    });
    await ctx.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [withoutNik.id]);
    await worker.get(RemindersService).scan(new Date('2028-12-02T08:00:00+07:00'));
    const [row] = await ctx.db.query(
      `SELECT data FROM email_outbox WHERE idempotency_key LIKE $1`,
      [`due:${enrollmentId}:%`],
    );
    expect(row.data.daysLeft).toBe(3);
    const mail = await waitFor('due-soon mail', async () =>
      smtp.received.find((m) => m.idempotencyKey?.startsWith(`due:${enrollmentId}:`)),
    );
    expect(mail.parsed.subject).toBe('Reminder: "Bekerja di Ketinggian (EN)" is due in 3 days');
  });
});

describe('privacy: VERIFY_NIK_DISPLAY=full and hidden', () => {
  for (const mode of ['full', 'hidden'] as const) {
    it(`${mode}: page, JSON and document check agree`, async () => {
      const ctx = await createTestContext({ VERIFY_NIK_DISPLAY: mode });
      try {
        const org = await seedOrganization(ctx);
        const learner = await seedUser(ctx, Role.Learner, org, { name: 'Siti Rahayu' });
        const instructor = await seedUser(ctx, Role.Instructor);
        const course = await seedCourse(ctx, instructor.id);
        const enrollmentId = await seedEnrollment(ctx, learner, course);
        const fakePdf = Buffer.from(`%PDF-1.4 ${mode}`);
        const [cert] = await ctx.db.query(
          `INSERT INTO certificates (enrollment_id, user_id, organization_id, course_id, course_version_id,
              number, verification_code, status, completed_at, issued_at, learner_name, learner_id_kind,
              learner_id_value, course_title_id, course_title_en, competency_code, jp_hours, sha256)
           VALUES ($1, $2, $3, $4, $5, 'K3/X/2026/000001', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'issued',
              now(), now(), 'Siti Rahayu', 'nik', $6, 'Judul', 'Title', 'X', 8, $7)
           RETURNING verification_code`,
          [enrollmentId, learner.id, org, course.courseId, course.versionId, NIK, sha256(fakePdf)],
        );
        const code = cert.verification_code as string;
        const expected = mode === 'full' ? { kind: 'nik', value: NIK } : null;
        const json = await ctx.http().get(`/api/v1/verify/${code}`).expect(200);
        expect(json.body.learnerId).toEqual(expected);
        const page = await ctx.http().get(`/verify/${code}?lang=en`).expect(200);
        expect(page.text.includes(NIK)).toBe(mode === 'full');
        expect(page.text).not.toContain(MASKED);
        expect(page.text.includes('National ID (NIK)')).toBe(mode === 'full');
        const check = await ctx
          .http()
          .post('/api/v1/verify/document')
          .attach('file', fakePdf, 'certificate.pdf')
          .expect(200);
        expect(check.body.match).toBe(true);
        expect(check.body.certificate.learnerId).toEqual(expected);
      } finally {
        await ctx.close();
      }
    });
  }
});
