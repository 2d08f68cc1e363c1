import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/queue';
import { Role } from '../src/common/auth/roles';
import { isoWeek } from '../src/modules/notifications/domain/reminder-keys';
import { BlobStorage } from '@app/storage';
import { CertificateEvents } from '../src/modules/certificates/certificate-events';
import { HrDigestService } from '../src/modules/notifications/hr-digest.service';
import { RemindersService } from '../src/modules/notifications/reminders.service';
import { BLOB_STORAGE } from '../src/modules/storage/storage.module';
import { seedCertificate, seedCourse, seedEnrollment } from './support/notification-fixtures';
import { ReceivedMail, startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const DAY = 86_400_000;
// Two years ahead: the real-time scheduled scan that fires when the worker starts sees none of this.
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY + 730 * DAY);
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('notifications: reminder scan, HR digest, event-driven mails', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let orgId: string;
  let learner: SeededUser;
  let other: SeededUser;
  let hr: SeededUser;
  let instructor: SeededUser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://k3.test',
      EMAIL_ATTACH_CERTIFICATE_PDF: 'true',
    });
    worker = await ctx.startWorker();
    orgId = await seedOrganization(ctx);
    learner = await seedUser(ctx, Role.Learner, orgId, { name: 'Siti' });
    other = await seedUser(ctx, Role.Learner, orgId, { name: 'Agus' });
    hr = await seedUser(ctx, Role.Hr, orgId, { name: 'Dewi HR' });
    instructor = await seedUser(ctx, Role.Instructor);
    await ctx.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [other.id]);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  /** Runs one scan at `now` and waits until every row it queued has been sent. */
  async function scanAt(now: Date) {
    const result = await worker.get(RemindersService).scan(now);
    await drain();
    return result;
  }

  async function drain() {
    await waitFor('outbox drained', async () => {
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE status IN ('queued', 'sending')`,
      );
      return n === 0;
    });
  }

  const mailsFor = (prefix: string): ReceivedMail[] =>
    smtp.received.filter((m) => m.idempotencyKey?.startsWith(prefix));
  const keys = (prefix: string) => mailsFor(prefix).map((m) => m.idempotencyKey);

  it('due-soon 7/3/1, then overdue once and weekly; each exactly once', async () => {
    const course = await seedCourse(ctx.db, instructor.id, 'Bekerja di Ketinggian');
    const due = await seedEnrollment(ctx.db, {
      userId: learner.id,
      organizationId: orgId,
      course,
      dueAt: at(10),
      lastActivityAt: T0,
    });
    const done = await seedEnrollment(ctx.db, {
      userId: other.id,
      organizationId: orgId,
      course,
      dueAt: at(2),
      lastActivityAt: T0,
      status: 'completed',
    });

    await scanAt(T0);
    expect(keys(`due:${due}`)).toEqual([]);
    await scanAt(at(3.5));
    expect(keys(`due:${due}`)).toEqual([`due:${due}:7`]);
    await scanAt(at(3.6));
    await scanAt(at(6));
    expect(keys(`due:${due}`)).toEqual([`due:${due}:7`]);
    await scanAt(at(7.5));
    await scanAt(at(9.2));
    await scanAt(at(9.3));
    expect(keys(`due:${due}`)).toEqual([`due:${due}:7`, `due:${due}:3`, `due:${due}:1`]);

    const [seven] = mailsFor(`due:${due}:7`);
    expect(seven.to).toEqual([learner.email]);
    expect(seven.parsed.subject).toBe(
      'Pengingat: "Bekerja di Ketinggian (ID)" jatuh tempo dalam 7 hari',
    );
    expect(seven.parsed.html).toContain(`https://k3.test/courses/${course.courseId}`);

    await scanAt(at(10.5));
    await scanAt(at(12));
    expect(keys(`overdue:${due}`)).toEqual([`overdue:${due}:w0`]);
    await scanAt(at(17.5));
    await scanAt(at(18));
    expect(keys(`overdue:${due}`)).toEqual([`overdue:${due}:w0`, `overdue:${due}:w1`]);
    // Re-running the whole history sends nothing new.
    const before = smtp.received.length;
    for (const d of [3.5, 7.5, 9.3, 10.5, 17.5]) await scanAt(at(d));
    expect(smtp.received.length).toBe(before);
    expect(keys(`due:${done}`)).toEqual([]);
    expect(keys(`overdue:${done}`)).toEqual([]);
  });

  it('inactivity after the per-course setting or the global default, once per idle streak', async () => {
    const shortCourse = await seedCourse(ctx.db, instructor.id, 'Short');
    const defaultCourse = await seedCourse(ctx.db, instructor.id, 'Default');
    await ctx
      .http()
      .put(`/api/v1/courses/${shortCourse.courseId}/notification-settings`)
      .set(bearer(instructor))
      .send({ inactivityDays: 5 })
      .expect(200);
    const start = at(100);
    const short = await seedEnrollment(ctx.db, {
      userId: other.id,
      organizationId: orgId,
      course: shortCourse,
      dueAt: null,
      lastActivityAt: start,
    });
    const long = await seedEnrollment(ctx.db, {
      userId: other.id,
      organizationId: orgId,
      course: defaultCourse,
      dueAt: null,
      lastActivityAt: start,
    });
    const day = (d: number) => new Date(start.getTime() + d * DAY);

    await scanAt(day(4.5));
    expect(keys(`inactive:${short}`)).toHaveLength(0);
    await scanAt(day(5.5));
    await scanAt(day(6));
    expect(keys(`inactive:${short}`)).toHaveLength(1);
    expect(keys(`inactive:${long}`)).toHaveLength(0);
    const [mail] = mailsFor(`inactive:${short}`);
    expect(mail.parsed.subject).toBe('Pick up "Short (EN)" again: no activity for 5 days');

    await scanAt(day(14.5));
    expect(keys(`inactive:${long}`)).toHaveLength(1);
    // Activity resumes, then stops again: a new streak, a new mail.
    await ctx.db.query('UPDATE enrollments SET last_activity_at = $2 WHERE id = $1', [
      short,
      day(20),
    ]);
    await scanAt(day(21));
    await scanAt(day(25.5));
    expect(keys(`inactive:${short}`)).toHaveLength(2);
  });

  it('certificate expiring 90/30/7 and expired, each once', async () => {
    const course = await seedCourse(ctx.db, instructor.id, 'Forklift');
    const enrollment = await seedEnrollment(ctx.db, {
      userId: learner.id,
      organizationId: orgId,
      course,
      dueAt: null,
      lastActivityAt: at(200),
      status: 'completed',
    });
    const cert = await seedCertificate(ctx.db, {
      enrollmentId: enrollment,
      userId: learner.id,
      organizationId: orgId,
      course,
      expiresAt: at(300),
      number: 'OPF/2028/0001',
    });
    for (const d of [200, 209, 211, 215, 270, 271, 292, 294, 300.5, 301, 320]) await scanAt(at(d));
    expect(keys(`cert-expiring:${cert}`)).toEqual([
      `cert-expiring:${cert}:90`,
      `cert-expiring:${cert}:30`,
      `cert-expiring:${cert}:7`,
    ]);
    expect(keys(`cert-expired:${cert}`)).toEqual([`cert-expired:${cert}`]);
    const [expired] = mailsFor(`cert-expired:${cert}`);
    expect(expired.parsed.text).toContain('OPF/2028/0001');
  });

  it('the scheduled job path takes an injected now in its payload', async () => {
    const queue = ctx.app.get<Queue>(getQueueToken(QueueName.Email));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      'email.sweep',
      'reminders.hr-digest',
      'reminders.scan',
    ]);
    const course = await seedCourse(ctx.db, instructor.id, 'Job path');
    const e = await seedEnrollment(ctx.db, {
      userId: learner.id,
      organizationId: orgId,
      course,
      dueAt: at(402),
      lastActivityAt: at(400),
    });
    await queue.add('reminders.scan', { now: at(400).toISOString() });
    await waitFor('due mail via job', async () => keys(`due:${e}`).length === 1);
    expect(keys(`due:${e}`)).toEqual([`due:${e}:3`]);
  });

  it('weekly HR digest per organization: overdue and expiring this month', async () => {
    // The first Wednesday of June, 08:00 WIB: mid-week and mid-month.
    const now = new Date(Date.UTC(T0.getUTCFullYear() + 1, 5, 1, 1));
    while (now.getUTCDay() !== 3) now.setUTCDate(now.getUTCDate() + 1);
    const course = await seedCourse(ctx.db, instructor.id, 'Digest');
    await seedEnrollment(ctx.db, {
      userId: other.id,
      organizationId: orgId,
      course,
      dueAt: new Date(now.getTime() - 3 * DAY),
      lastActivityAt: new Date(now.getTime() - 3 * DAY),
    });
    const done = await seedEnrollment(ctx.db, {
      userId: learner.id,
      organizationId: orgId,
      course,
      dueAt: null,
      lastActivityAt: now,
      status: 'completed',
    });
    await seedCertificate(ctx.db, {
      enrollmentId: done,
      userId: learner.id,
      organizationId: orgId,
      course,
      expiresAt: new Date(now.getTime() + 15 * DAY),
      number: 'DIG/0001',
    });
    const emptyOrg = await seedOrganization(ctx);
    const idleHr = await seedUser(ctx, Role.Hr, emptyOrg);

    const digest = worker.get(HrDigestService);
    const first = await digest.run(now);
    await drain();
    expect(first.queued).toBe(1);
    expect((await digest.run(new Date(now.getTime() + DAY))).queued).toBe(0);
    const key = `hr-digest:${hr.id}:${isoWeek(now)}`;
    const [mail] = mailsFor(key);
    expect(mail.to).toEqual([hr.email]);
    expect(mail.parsed.text).toContain('Agus');
    expect(mail.parsed.text).toContain('DIG/0001');
    expect(mailsFor(`hr-digest:${idleHr.id}`)).toHaveLength(0);
    await digest.run(new Date(now.getTime() + 7 * DAY));
    await drain();
    expect(mailsFor(`hr-digest:${hr.id}`)).toHaveLength(2);
  });

  it('enrolled by HR: one mail per assignment, queued after the assignment commits', async () => {
    const course = await seedCourse(ctx.db, instructor.id, 'Assigned');
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds: [other.id], dueAt: at(30).toISOString() })
      .expect((r) => expect([200, 201]).toContain(r.status));
    expect(res.body.created).toBe(1);
    const [{ id: enrollmentId }] = await ctx.db.query(
      'SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2',
      [other.id, course.courseId],
    );
    await waitFor('enrolled mail', async () => keys(`enrolled:${enrollmentId}`).length === 1);
    const [mail] = mailsFor(`enrolled:${enrollmentId}`);
    expect(mail.to).toEqual([other.email]);
    expect(mail.parsed.subject).toBe('You have been enrolled in "Assigned (EN)"');
    // A re-assignment that changes the due date is not a new enrollment: no second mail.
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds: [other.id], dueAt: at(40).toISOString() });
    await drain();
    expect(keys(`enrolled:${enrollmentId}`)).toHaveLength(1);
  });

  it('certificate issued (CertificateEvents.onIssued): in the issuing transaction, link and PDF attached', async () => {
    const course = await seedCourse(ctx.db, instructor.id, 'Issued');
    const enrollment = await seedEnrollment(ctx.db, {
      userId: learner.id,
      organizationId: orgId,
      course,
      dueAt: null,
      lastActivityAt: T0,
      status: 'completed',
    });
    const cert = await seedCertificate(ctx.db, {
      enrollmentId: enrollment,
      userId: learner.id,
      organizationId: orgId,
      course,
      expiresAt: at(1000),
      number: 'ISS/0001',
    });
    const pdf = Buffer.from('%PDF-1.4\n% test certificate\n%%EOF\n');
    const storage = worker.get<BlobStorage>(BLOB_STORAGE);
    await storage.put(`certificates/${cert}.pdf`, pdf);
    await ctx.db.query('UPDATE certificates SET storage_key = $2 WHERE id = $1', [
      cert,
      `certificates/${cert}.pdf`,
    ]);
    const [{ verification_code: code }] = await ctx.db.query(
      'SELECT verification_code FROM certificates WHERE id = $1',
      [cert],
    );
    const events = worker.get(CertificateEvents);
    const event = {
      certificateId: cert,
      userId: learner.id,
      organizationId: orgId,
      number: 'ISS/0001',
      verificationCode: code,
    };
    const workerDb = worker.get(DataSource);
    const outboxRows = async () =>
      (
        await ctx.db.query('SELECT id FROM email_outbox WHERE idempotency_key = $1', [
          `cert-issued:${cert}`,
        ])
      ).length;
    // An issue that rolls back (e.g. the worker dies before COMMIT) leaves no mail behind...
    await expect(
      workerDb.transaction(async (tx) => {
        await events.issuedInTransaction([event], tx);
        throw new Error('killed before commit');
      }),
    ).rejects.toThrow('killed before commit');
    expect(await outboxRows()).toBe(0);
    // ...and one that commits has its mail in the outbox with it; a repeat adds nothing.
    await workerDb.transaction((tx) => events.issuedInTransaction([event], tx));
    expect(await outboxRows()).toBe(1);
    await workerDb.transaction((tx) => events.issuedInTransaction([event], tx));
    await drain();
    const mails = mailsFor(`cert-issued:${cert}`);
    expect(mails).toHaveLength(1);
    expect(mails[0].parsed.html).toContain(`https://k3.test/verify/${code}`);
    expect(mails[0].parsed.attachments).toHaveLength(1);
    expect(mails[0].parsed.attachments[0].filename).toBe('ISS-0001.pdf');
    expect(mails[0].parsed.attachments[0].content.equals(pdf)).toBe(true);
  });
});
