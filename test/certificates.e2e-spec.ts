import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Role } from '../src/common/auth/roles';
import {
  CertificateEvents,
  CertificateIssuedEvent,
} from '../src/modules/certificates/certificate-events';
import { CertificateIssuanceService } from '../src/modules/certificates/certificate-issuance.service';
import { CertificateRenderService } from '../src/modules/certificates/certificate-render.service';
import { CertificatesProcessor } from '../src/modules/certificates/jobs/certificates.processor';
import {
  binaryParser,
  unzip,
  certificatesOf,
  completeDirectly,
  completeViaApi,
  completionEvent,
  pdfSignatureReport,
  pdfText,
  SeededCourse,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import { checkRoleMatrix, RouteCase } from './support/role-matrix';
import { chromiumPath } from './support/system-tools';
import {
  bearer,
  createTestContext,
  metricsAuth,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('certificates: issuance, lifecycle, verification, downloads', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let orgA: string;
  let orgB: string;
  let admin: SeededUser;
  let instructor: SeededUser;
  let hrA: SeededUser;
  let hrB: SeededUser;
  let learner: SeededUser;
  let course: SeededCourse;

  /** Learner in org A completes a fresh enrollment via HTTP; returns the issued row. */
  async function issueFor(user: SeededUser, c: SeededCourse = course) {
    const enrollmentId = await seedEnrollment(ctx, user, c);
    await completeViaApi(ctx, user, enrollmentId, c.lessonId);
    const [row] = await certificatesOf(ctx, enrollmentId);
    return { enrollmentId, ...(await waitForStatus(ctx, row.id, 'issued')) };
  }

  beforeAll(async () => {
    ctx = await createTestContext({
      CERTIFICATE_RENDER_ATTEMPTS: '2',
      CERTIFICATE_RENDER_BACKOFF_MS: '100',
      CERTIFICATE_RENDER_CONCURRENCY: '3',
      VERIFY_MAX_REQUESTS_PER_MINUTE: '10000',
      CERTIFICATE_ISSUER_NAME: 'PT Penerbit Sertifikat Uji',
    });
    worker = await ctx.startWorker();
    orgA = await seedOrganization(ctx);
    orgB = await seedOrganization(ctx);
    admin = await seedUser(ctx, Role.Admin);
    instructor = await seedUser(ctx, Role.Instructor);
    hrA = await seedUser(ctx, Role.Hr, orgA);
    hrB = await seedUser(ctx, Role.Hr, orgB);
    learner = await seedUser(ctx, Role.Learner, orgA, {
      name: 'Siti Rahayu Ñuñez',
      employeeId: 'E-77',
    });
    course = await seedCourse(ctx, instructor.id, { competencyCode: 'AK3U', validityMonths: 36 });
  });
  afterAll(() => ctx?.close());

  it('completing the course via the API issues the certificate through the worker', async () => {
    const issuedEvents: CertificateIssuedEvent[] = [];
    worker.get(CertificateEvents).onIssued(async (events) => {
      issuedEvents.push(...events);
    });
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [pending] = await certificatesOf(ctx, enrollmentId);
    expect(pending.verification_code).toMatch(/^[A-Z2-7]{26}$/);
    const issued = await waitForStatus(ctx, pending.id, 'issued');
    expect(issued.number).toMatch(/^K3\/AK3U\/\d{4}\/000001$/);
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(issuedEvents).toEqual([
      expect.objectContaining({
        certificateId: issued.id,
        userId: learner.id,
        number: issued.number,
      }),
    ]);

    const res = await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}/pdf`)
      .set(bearer(learner))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toBe(`"${issued.sha256}"`);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="K3-AK3U-\d{4}-000001 - Siti Rahayu Nunez\.pdf"; filename\*=UTF-8''K3-AK3U-\d{4}-000001%20-%20Siti%20Rahayu%20%C3%91u%C3%B1ez\.pdf$/,
    );
    const body = res.body as Buffer;
    expect(sha256(body)).toBe(issued.sha256);
    const text = await pdfText(body);
    expect(text).toContain('Siti Rahayu Ñuñez');
    expect(text).toContain(issued.number);
    expect(text).toContain('Ahli K3 Umum');

    await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}/pdf`)
      .set(bearer(learner))
      .set('If-None-Match', `"${issued.sha256}"`)
      .expect(304);

    const mine = await ctx.http().get('/api/v1/certificates').set(bearer(learner)).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(issued.id);
    expect(mine.body.items[0]).toMatchObject({ status: 'valid', learnerName: 'Siti Rahayu Ñuñez' });

    const audit = await ctx.db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`,
      [issued.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'certificate.requested',
      'certificate.issued',
    ]);

    const metrics = await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(200);
    const completed =
      /k3_queue_job_outcomes_total\{queue="certificates",outcome="completed"\} (\d+)/.exec(
        metrics.text,
      );
    expect(Number(completed?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('runs as many renders at once as CERTIFICATE_RENDER_CONCURRENCY says', () => {
    expect(worker.get(CertificatesProcessor).worker.concurrency).toBe(3);
  });

  it('creates exactly one certificate, and consumes one number, when completion races itself', async () => {
    const c = await seedCourse(ctx, instructor.id);
    const other = await seedUser(ctx, Role.Learner, orgA);
    const enrollmentId = await seedEnrollment(ctx, other, c);
    const event = await completionEvent(ctx, enrollmentId);
    await Promise.all(Array.from({ length: 6 }, () => completeDirectly(ctx, event)));
    const rows = await certificatesOf(ctx, enrollmentId);
    expect(rows).toHaveLength(1);
    await waitForStatus(ctx, rows[0].id, 'issued');
    const [{ last_value }] = await ctx.db.query(
      'SELECT last_value FROM certificate_sequences WHERE competency_code = $1',
      [c.competencyCode],
    );
    expect(last_value).toBe(1);
  });

  it('renders racing to number the same certificate consume one number', async () => {
    const c = await seedCourse(ctx, instructor.id);
    const other = await seedUser(ctx, Role.Learner, orgA);
    const enrollmentId = await seedEnrollment(ctx, other, c);
    await completeDirectly(ctx, await completionEvent(ctx, enrollmentId));
    const [pending] = await certificatesOf(ctx, enrollmentId);
    // The queued job's run races these four.
    const renderer = worker.get(CertificateRenderService);
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => renderer.render(pending.id)),
    );
    expect(outcomes.filter((o) => o === 'issued').length).toBeLessThanOrEqual(1);
    const issued = await waitForStatus(ctx, pending.id, 'issued');
    expect(issued.number).toMatch(/\/000001$/);
    const [{ last_value }] = await ctx.db.query(
      'SELECT last_value FROM certificate_sequences WHERE competency_code = $1',
      [c.competencyCode],
    );
    expect(last_value).toBe(1);
  });

  it('numbers concurrent completions of different enrollments without gaps', async () => {
    const c = await seedCourse(ctx, instructor.id);
    const learners = await Promise.all(
      Array.from({ length: 5 }, () => seedUser(ctx, Role.Learner, orgB)),
    );
    const events = await Promise.all(
      learners.map(async (l) => completionEvent(ctx, await seedEnrollment(ctx, l, c))),
    );
    await Promise.all(events.map((e) => completeDirectly(ctx, e)));
    for (const e of events) {
      const [cert] = await certificatesOf(ctx, e.enrollmentId);
      await waitForStatus(ctx, cert.id, 'issued');
    }
    const numbers: { number: string }[] = await ctx.db.query(
      'SELECT number FROM certificates WHERE course_version_id = $1 ORDER BY number',
      [c.versionId],
    );
    expect(numbers.map((n) => n.number.slice(-6))).toEqual([
      '000001',
      '000002',
      '000003',
      '000004',
      '000005',
    ]);
  });

  it('renders running at once share their statements: one numbering, gap-free in completion order, each audited and mailed once', async () => {
    const c = await seedCourse(ctx, instructor.id);
    const issuance = ctx.app.get(CertificateIssuanceService);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const enrollmentId = await seedEnrollment(ctx, await seedUser(ctx, Role.Learner, orgB), c);
      const event = await completionEvent(ctx, enrollmentId);
      // The pending row only, no render job: the renders below are the only ones.
      await ctx.db.transaction((tx) => issuance.createForCompletion(event, tx));
      ids.push((await certificatesOf(ctx, enrollmentId))[0].id);
    }
    const renderer = worker.get(CertificateRenderService);
    const outcomes = await Promise.all(ids.map((id) => renderer.render(id)));
    expect(outcomes).toEqual(ids.map(() => 'issued'));
    const rows: { id: string; number: string; updated_at: Date; attempts: number }[] =
      await ctx.db.query(
        'SELECT id, number, updated_at, attempts FROM certificates WHERE id = ANY($1) ORDER BY completed_at',
        [ids],
      );
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.number.slice(-6))).toEqual(
      ids.map((_, i) => String(i + 1).padStart(6, '0')),
    );
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // Rows written by one transaction share its now(): fewer issue transactions than renders.
    expect(new Set(rows.map((r) => r.updated_at.getTime())).size).toBeLessThan(ids.length);
    const [{ audited }] = await ctx.db.query(
      `SELECT count(*)::int AS audited FROM audit_log
          WHERE action = 'certificate.issued' AND entity_id = ANY($1)`,
      [ids],
    );
    expect(audited).toBe(ids.length);
    const [{ mails }] = await ctx.db.query(
      `SELECT count(*)::int AS mails FROM email_outbox
          WHERE idempotency_key = ANY($1)`,
      [ids.map((id) => `cert-issued:${id}`)],
    );
    expect(mails).toBe(ids.length);
  });

  it('a render job that runs twice is a no-op the second time (same file, same hash)', async () => {
    const first = await issueFor(await seedUser(ctx, Role.Learner, orgA));
    const renderer = worker.get(CertificateRenderService);
    expect(await renderer.render(first.id)).toBe('skipped');
    await Promise.all([renderer.render(first.id), renderer.render(first.id)]);
    const [after] = await certificatesOf(ctx, first.enrollmentId);
    expect(after.sha256).toBe(first.sha256);
    expect(after.storage_key).toBe(first.storage_key);
    expect(after.attempts).toBe(first.attempts);
    const dir = join(ctx.config.storageDir, first.storage_key!, '..');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('a render that keeps failing ends failed with the reason, and the admin can retry it', async () => {
    const other = await seedUser(ctx, Role.Learner, orgA);
    // A file where the certificates directory should be: every write fails with ENOTDIR.
    const blocker = join(ctx.config.storageDir, 'certificates');
    const moved = `${blocker}.moved`;
    renameSync(blocker, moved);
    writeFileSync(blocker, 'not a directory');
    const unblock = () => {
      if (statSync(blocker).isFile()) {
        rmSync(blocker);
        renameSync(moved, blocker);
      }
    };
    try {
      const enrollmentId = await seedEnrollment(ctx, other, course);
      await completeViaApi(ctx, other, enrollmentId, course.lessonId);
      const [row] = await certificatesOf(ctx, enrollmentId);
      const failed = await waitForStatus(ctx, row.id, 'failed');
      expect(failed.failure_reason).toMatch(/ENOTDIR|EEXIST|not a directory/i);
      expect(failed.attempts).toBe(2);
      const list = await ctx
        .http()
        .get('/api/v1/admin/certificates/failed')
        .set(bearer(admin))
        .expect(200);
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: row.id,
            status: 'failed',
            failureReason: failed.failure_reason,
          }),
        ]),
      );
      unblock();
      const retried = await ctx
        .http()
        .post(`/api/v1/admin/certificates/${row.id}/retry`)
        .set(bearer(admin))
        .expect(200);
      expect(retried.body.status).toBe('pending');
      await waitForStatus(ctx, row.id, 'issued');
      await ctx
        .http()
        .post(`/api/v1/admin/certificates/${row.id}/retry`)
        .set(bearer(admin))
        .expect(409);
    } finally {
      unblock();
    }
  });

  describe('verification', () => {
    it('shows a valid certificate as JSON and as an HTML page in both languages', async () => {
      const cert = await issueFor(learner);
      const json = await ctx.http().get(`/api/v1/verify/${cert.verification_code}`).expect(200);
      expect(json.body).toMatchObject({
        number: cert.number,
        status: 'valid',
        learnerName: 'Siti Rahayu Ñuñez',
        learnerId: { kind: 'employee_id', value: 'E-77' },
        courseTitle: { id: 'Ahli K3 Umum', en: 'General OSH Expert' },
        competencyCode: 'AK3U',
        jpHours: 32,
        sha256: cert.sha256,
        revoked: null,
      });
      expect(json.body).not.toHaveProperty('userId');
      const lower = await ctx
        .http()
        .get(`/api/v1/verify/${cert.verification_code.toLowerCase()}`)
        .expect(200);
      expect(lower.body.number).toBe(cert.number);

      const id = await ctx
        .http()
        .get(`/verify/${cert.verification_code}`)
        .set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.5')
        .expect(200);
      expect(id.headers['content-type']).toMatch(/^text\/html/);
      expect(id.text).toContain('Berlaku');
      expect(id.text).toContain('Siti Rahayu Ñuñez');
      expect(id.text).toContain(cert.sha256);
      const en = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
      expect(en.text).toContain('Valid');
      expect(en.text).toContain('General OSH Expert');
    });

    it('derives expired from expires_at at read time', async () => {
      const cert = await issueFor(learner);
      await ctx.db.query(
        `UPDATE certificates SET expires_at = now() - interval '1 day' WHERE id = $1`,
        [cert.id],
      );
      const json = await ctx.http().get(`/api/v1/verify/${cert.verification_code}`).expect(200);
      expect(json.body.status).toBe('expired');
      const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
      expect(page.text).toContain('Expired');
      const listed = await ctx
        .http()
        .get('/api/v1/certificates?status=expired')
        .set(bearer(hrA))
        .expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([cert.id]);
    });

    it('shows a revoked certificate with reason and date; revoking is audited', async () => {
      const cert = await issueFor(learner);
      await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/revoke`)
        .set(bearer(instructor))
        .send({ reason: 'Peserta <b>curang</b> saat ujian' })
        .expect(200);
      const json = await ctx.http().get(`/api/v1/verify/${cert.verification_code}`).expect(200);
      expect(json.body.status).toBe('revoked');
      expect(json.body.revoked.reason).toBe('Peserta <b>curang</b> saat ujian');
      expect(new Date(json.body.revoked.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=id`).expect(200);
      expect(page.text).toContain('Dicabut');
      expect(page.text).toContain('Peserta &#60;b&#62;curang&#60;&#47;b&#62; saat ujian');
      expect(page.text).not.toContain('<b>curang');
      await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/revoke`)
        .set(bearer(admin))
        .send({ reason: 'again' })
        .expect(409);
      const [audit] = await ctx.db.query(
        `SELECT actor_id, data FROM audit_log WHERE entity_id = $1 AND action = 'certificate.revoked'`,
        [cert.id],
      );
      expect(audit.actor_id).toBe(instructor.id);
    });

    it('gives 404 revealing nothing for unknown or malformed codes', async () => {
      const unknown = 'A'.repeat(26);
      const json = await ctx.http().get(`/api/v1/verify/${unknown}`).expect(404);
      expect(json.body.error).toBe('NOT_FOUND');
      expect(JSON.stringify(json.body)).not.toContain(unknown);
      await ctx.http().get('/api/v1/verify/not-a-code').expect(404);
      const page = await ctx.http().get(`/verify/${unknown}?lang=en`).expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Certificate not found');
      expect(page.text).not.toContain(unknown);
    });

    it('matches an uploaded PDF by SHA-256, and says so when nothing matches', async () => {
      const cert = await issueFor(learner);
      const pdf = (
        await ctx
          .http()
          .get(`/api/v1/certificates/${cert.id}/pdf`)
          .set(bearer(learner))
          .buffer(true)
          .parse(binaryParser)
      ).body as Buffer;
      const match = await ctx
        .http()
        .post('/api/v1/verify/document')
        .attach('file', pdf, 'certificate.pdf')
        .expect(200);
      expect(match.body).toMatchObject({
        match: true,
        sha256: cert.sha256,
        certificate: { number: cert.number, status: 'valid', code: cert.verification_code },
      });
      const tampered = Buffer.concat([pdf, Buffer.from('\n%tampered')]);
      const miss = await ctx
        .http()
        .post('/api/v1/verify/document')
        .attach('file', tampered, 'certificate.pdf')
        .expect(200);
      expect(miss.body).toEqual({ match: false, sha256: sha256(tampered), certificate: null });
      const big = await ctx
        .http()
        .post('/api/v1/verify/document')
        .attach('file', Buffer.alloc(5 * 1024 * 1024 + 10), 'big.pdf');
      expect(big.status).toBe(413);
    });

    it('issues a PAdES-signed PDF that pdfsig accepts, and a tampered copy that nothing accepts', async () => {
      const cert = await issueFor(learner);
      const pdf = (
        await ctx
          .http()
          .get(`/api/v1/certificates/${cert.id}/pdf`)
          .set(bearer(learner))
          .buffer(true)
          .parse(binaryParser)
      ).body as Buffer;
      expect(sha256(pdf)).toBe(cert.sha256);
      const signed = await pdfSignatureReport(pdf);
      expect(signed.report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(signed.report).toContain('Signature Validation: Signature is Valid.');
      expect(signed.report).toContain('Signer Certificate Common Name: PT Penerbit Sertifikat Uji');
      expect(signed.report).toContain('Total document signed');
      expect(signed.code).toBe(0);

      // One byte inside the signed range: the learner's name in the document info.
      const tampered = Buffer.from(pdf);
      const at = tampered.indexOf('/Title ');
      tampered[at + 12] ^= 0x01;
      const broken = await pdfSignatureReport(tampered);
      expect(broken.report).not.toContain('Signature is Valid');
      expect(broken.report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
      const miss = await ctx
        .http()
        .post('/api/v1/verify/document')
        .attach('file', tampered, 'certificate.pdf')
        .expect(200);
      expect(miss.body).toEqual({ match: false, sha256: sha256(tampered), certificate: null });
    });

    it('renders the page in headless Chromium with the name and status', async () => {
      const cert = await issueFor(learner);
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-quic',
          '--no-first-run',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        await ctx.app.listen(0, '127.0.0.1');
        const { port } = ctx.app.getHttpServer().address() as { port: number };
        const page = await browser.newPage({ locale: 'en-US' });
        const external: string[] = [];
        const cspViolations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
        });
        page.on('request', (r) => {
          if (!r.url().startsWith(`http://127.0.0.1:${port}/`)) external.push(r.url());
        });
        const response = await page.goto(
          `http://127.0.0.1:${port}/verify/${cert.verification_code}`,
        );
        expect(response?.status()).toBe(200);
        const text = await page.locator('main').innerText();
        expect(text).toContain('Siti Rahayu Ñuñez');
        expect(text).toContain('Valid certificate');
        expect(text).toContain(cert.number);
        await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
        await page.waitForURL(/lang=id/);
        const banner = page.locator('[data-status="valid"] h1');
        expect(await banner.innerText()).toBe('Sertifikat sah');
        // The banner colour comes from the page's own style element, allowed by the CSP's hash.
        expect(
          await banner.evaluate(
            (el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor,
          ),
        ).toBe('rgb(47, 158, 68)');
        expect(cspViolations).toEqual([]);
        expect(external).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });

  describe('lifecycle', () => {
    it('re-issues after a data fix: same number, version 2, new code, old one superseded', async () => {
      const cert = await issueFor(learner);
      await ctx.db.query(`UPDATE users SET name = 'Siti Rahayu' WHERE id = $1`, [learner.id]);
      const res = await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/reissue`)
        .set(bearer(admin))
        .send({ reason: 'Nama salah eja' })
        .expect(201);
      expect(res.body).toMatchObject({
        number: cert.number,
        version: 2,
        learnerName: 'Siti Rahayu',
      });
      expect(res.body.verificationCode).not.toBe(cert.verification_code);
      const next = await waitForStatus(ctx, res.body.id, 'issued');
      const [old] = (await certificatesOf(ctx, cert.enrollmentId)).filter((r) => r.version === 1);
      expect(old).toMatchObject({
        status: 'superseded',
        superseded_by_id: next.id,
        superseded_reason: 'reissue',
      });
      const verify = await ctx.http().get(`/api/v1/verify/${cert.verification_code}`).expect(200);
      expect(verify.body.status).toBe('superseded');
      expect(verify.body.superseded).toMatchObject({
        reason: 'reissue',
        by: { number: cert.number, version: 2 },
      });
      const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
      expect(page.text).toContain('Superseded by a re-issue');
      await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/reissue`)
        .set(bearer(admin))
        .send({ reason: 'twice' })
        .expect(409);
      await ctx.db.query(`UPDATE users SET name = 'Siti Rahayu Ñuñez' WHERE id = $1`, [learner.id]);
    });

    it('renews: the learner starts a renewal; completing it supersedes the old certificate', async () => {
      const renewer = await seedUser(ctx, Role.Learner, orgA);
      const cert = await issueFor(renewer);
      const res = await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/renew`)
        .set(bearer(renewer))
        .send({})
        .expect(201);
      const [enrollment] = await ctx.db.query(
        'SELECT renewal_of_certificate_id, user_id FROM enrollments WHERE id = $1',
        [res.body.enrollmentId],
      );
      expect(enrollment).toEqual({ renewal_of_certificate_id: cert.id, user_id: renewer.id });
      await completeViaApi(ctx, renewer, res.body.enrollmentId, course.lessonId);
      const [renewal] = await certificatesOf(ctx, res.body.enrollmentId);
      expect(renewal.renews_certificate_id).toBe(cert.id);
      expect(renewal.number).not.toBe(cert.number);
      await waitForStatus(ctx, renewal.id, 'issued');
      const [old] = await certificatesOf(ctx, cert.enrollmentId);
      expect(old).toMatchObject({
        status: 'superseded',
        superseded_reason: 'renewal',
        superseded_by_id: renewal.id,
      });
      const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
      expect(page.text).toContain('Superseded by renewal');
      await ctx
        .http()
        .post(`/api/v1/certificates/${cert.id}/renew`)
        .set(bearer(hrB))
        .send({})
        .expect(404);
    });
  });

  describe('HR and learner access', () => {
    let hr: SeededUser;
    let hrLearners: SeededUser[];
    let issued: { id: string; sha256: string | null; number: string }[];

    beforeAll(async () => {
      const org = await seedOrganization(ctx);
      hrLearners = await Promise.all([
        seedUser(ctx, Role.Learner, org, { name: 'Budi Santoso' }),
        seedUser(ctx, Role.Learner, org, { name: 'Dewi Lestari' }),
        seedUser(ctx, Role.Learner, org, { name: 'Ñoño Pérez' }),
      ]);
      issued = [];
      for (const l of hrLearners) issued.push(await issueFor(l));
      hr = await seedUser(ctx, Role.Hr, org);
    });

    it('HR lists only their organization, with filters and keyset paging', async () => {
      const first = await ctx
        .http()
        .get('/api/v1/certificates?limit=2')
        .set(bearer(hr))
        .expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await ctx
        .http()
        .get(`/api/v1/certificates?limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(hr))
        .expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
      expect(ids.sort()).toEqual(issued.map((c) => c.id).sort());

      const byEmployee = await ctx
        .http()
        .get(
          `/api/v1/certificates?userId=${hrLearners[1].id}&status=valid&courseId=${course.courseId}`,
        )
        .set(bearer(hr))
        .expect(200);
      expect(byEmployee.body.items.map((c: { id: string }) => c.id)).toEqual([issued[1].id]);
      const future = new Date(Date.now() + 86400_000).toISOString();
      const none = await ctx
        .http()
        .get(`/api/v1/certificates?issuedFrom=${future}`)
        .set(bearer(hr))
        .expect(200);
      expect(none.body.items).toEqual([]);
      const expiring = await ctx
        .http()
        .get(
          `/api/v1/certificates?expiringFrom=${future}&expiringTo=${new Date(Date.now() + 40 * 30 * 86400_000).toISOString()}`,
        )
        .set(bearer(hr))
        .expect(200);
      expect(expiring.body.items).toHaveLength(3);
    });

    it("returns 404 for another organization's or another learner's certificate", async () => {
      const id = issued[0].id;
      await ctx.http().get(`/api/v1/certificates/${id}`).set(bearer(hrB)).expect(404);
      await ctx.http().get(`/api/v1/certificates/${id}/pdf`).set(bearer(hrB)).expect(404);
      await ctx.http().get(`/api/v1/certificates/${id}/pdf`).set(bearer(learner)).expect(404);
      await ctx.http().get(`/api/v1/certificates/${id}/pdf`).set(bearer(hr)).expect(200);
      const other = await ctx.http().get('/api/v1/certificates').set(bearer(hrB)).expect(200);
      expect(other.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('streams a ZIP of the PDFs with the right names and bytes', async () => {
      const res = await ctx
        .http()
        .get('/api/v1/certificates/export.zip')
        .set(bearer(hr))
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="certificates-.*\.zip"/,
      );
      const files = await unzip(res.body as Buffer);
      expect(files.size).toBe(3);
      for (const cert of issued) {
        const entry = [...files.entries()].find(([name]) =>
          name.startsWith(cert.number.replace(/\//g, '-')),
        );
        expect(entry).toBeDefined();
        expect(sha256(entry![1])).toBe(cert.sha256);
      }
      expect([...files.keys()].some((n) => n.endsWith('Ñoño Pérez.pdf'))).toBe(true);
      const forOne = await ctx
        .http()
        .get(`/api/v1/certificates/export.zip?userId=${hrLearners[0].id}`)
        .set(bearer(hr))
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      expect((await unzip(forOne.body as Buffer)).size).toBe(1);
    });

    it('exports the register as CSV and XLSX', async () => {
      const csv = await ctx.http().get('/api/v1/certificates/register').set(bearer(hr)).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/filename="certificate-register-.*\.csv"/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toMatch(/^number,version,status,learner_name/);
      expect(lines).toHaveLength(4);
      expect(csv.text).toContain('Dewi Lestari');

      const xlsx = await ctx
        .http()
        .get('/api/v1/certificates/register?format=xlsx')
        .set(bearer(hr))
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(4);
      const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(4).value);
      expect(names.sort()).toEqual(['Budi Santoso', 'Dewi Lestari', 'Ñoño Pérez']);
    });
  });

  it('enforces the role x route matrix on every certificate route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const routes: RouteCase[] = [
      { method: 'get', path: '/api/v1/certificates', allowed: [Role.Learner, Role.Hr, Role.Admin] },
      {
        method: 'get',
        path: `/api/v1/certificates/${id}`,
        allowed: [Role.Learner, Role.Hr, Role.Admin],
      },
      {
        method: 'get',
        path: `/api/v1/certificates/${id}/pdf`,
        allowed: [Role.Learner, Role.Hr, Role.Admin],
      },
      {
        method: 'get',
        path: '/api/v1/certificates/export.zip?userId=' + id,
        allowed: [Role.Hr, Role.Admin],
      },
      {
        method: 'get',
        path: '/api/v1/certificates/register?userId=' + id,
        allowed: [Role.Hr, Role.Admin],
      },
      {
        method: 'post',
        path: `/api/v1/certificates/${id}/revoke`,
        allowed: [Role.Admin, Role.Instructor],
        body: { reason: 'xyz' },
      },
      {
        method: 'post',
        path: `/api/v1/certificates/${id}/reissue`,
        allowed: [Role.Admin, Role.Instructor],
        body: { reason: 'xyz' },
      },
      {
        method: 'post',
        path: `/api/v1/certificates/${id}/renew`,
        allowed: [Role.Hr, Role.Learner],
      },
      { method: 'get', path: '/api/v1/admin/certificates/failed', allowed: [Role.Admin] },
      { method: 'post', path: `/api/v1/admin/certificates/${id}/retry`, allowed: [Role.Admin] },
    ];
    const tokens = {
      [Role.Admin]: admin.token,
      [Role.Instructor]: instructor.token,
      [Role.Hr]: hrB.token,
      [Role.Learner]: learner.token,
    };
    expect(await checkRoleMatrix(ctx, routes, tokens)).toEqual([]);
    // The public routes need no token at all.
    await ctx
      .http()
      .get(`/api/v1/verify/${'B'.repeat(26)}`)
      .expect(404);
    await ctx
      .http()
      .get(`/verify/${'B'.repeat(26)}`)
      .expect(404);
    const doc = await ctx
      .http()
      .post('/api/v1/verify/document')
      .attach('file', randomBytes(64), 'x.pdf');
    expect(doc.status).toBe(200);
  });
});
