import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { Role } from '../src/common/auth/roles';
import { AppConfig } from '../src/config/app-config';
import { statusBitAt } from '../src/modules/certificates/domain/open-badge';
import {
  binaryParser,
  certificatesOf,
  completeViaApi,
  SeededCourse,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

const newKey = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JWK;
const publicOf = ({ kty, crv, x }: JWK): JWK => ({ kty, crv, x });

interface DidDocument {
  id: string;
  verificationMethod: { id: string; publicKeyJwk: JWK }[];
  assertionMethod: string[];
}

/** A P-256 PDF signing pair whose subject has a CN and a different O, made by openssl. */
function pdfSigningPair(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'k3-pdf-signer-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'signer.key',
        '-out',
        'signer.crt',
        '-days',
        '30',
        '-subj',
        '/CN=PT Contoh K3/O=Lembaga Sertifikasi Profesi',
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    return {
      key: readFileSync(join(dir, 'signer.key'), 'utf8'),
      cert: readFileSync(join(dir, 'signer.crt'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of an attribute as the page escaped it (`&#NN;` entities). */
const unescapeHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Verifies with jose and the DID document only: none of our verification code. */
async function verifyIndependently(jwt: string, did: DidDocument) {
  const { kid, alg, typ } = decodeProtectedHeader(jwt);
  const method = did.verificationMethod.find((m) => m.id === kid);
  if (!method || !did.assertionMethod.includes(method.id)) throw new Error(`kid ${kid} not listed`);
  const { payload } = await compactVerify(jwt, await importJWK(method.publicKeyJwk, alg));
  return { typ, payload: JSON.parse(new TextDecoder().decode(payload)) as Record<string, any> };
}

describe('Open Badges 3.0 credentials', () => {
  const oldKey = newKey();
  const pdfSigner = pdfSigningPair();
  let ctx: TestContext;
  let base: string;
  let admin: SeededUser;
  let hrA: SeededUser;
  let hrB: SeededUser;
  let learner: SeededUser;
  let other: SeededUser;
  let course: SeededCourse;
  let cert: { id: string; verification_code: string };

  async function fetchDid(from: string): Promise<DidDocument> {
    const res = await fetch(`${from}/.well-known/did.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    return (await res.json()) as DidDocument;
  }

  beforeAll(async () => {
    ctx = await createTestContext({
      VERIFY_MAX_REQUESTS_PER_MINUTE: '10000',
      CREDENTIAL_SIGNING_KEY: JSON.stringify(oldKey),
      PDF_SIGNING_KEY: pdfSigner.key,
      PDF_SIGNING_CERT: pdfSigner.cert,
      CERTIFICATE_ISSUER_NAME: 'PT Contoh K3 & Rekan',
    });
    await ctx.startWorker();
    const orgA = await seedOrganization(ctx);
    const orgB = await seedOrganization(ctx);
    admin = await seedUser(ctx, Role.Admin);
    const instructor = await seedUser(ctx, Role.Instructor);
    hrA = await seedUser(ctx, Role.Hr, orgA);
    hrB = await seedUser(ctx, Role.Hr, orgB);
    learner = await seedUser(ctx, Role.Learner, orgA, { name: 'Siti Rahayu' });
    other = await seedUser(ctx, Role.Learner, orgA);
    course = await seedCourse(ctx, instructor.id, { competencyCode: 'AK3U', validityMonths: 36 });
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [row] = await certificatesOf(ctx, enrollmentId);
    cert = await waitForStatus(ctx, row.id, 'issued');
    await ctx.app.listen(0, '127.0.0.1');
    const { port } = ctx.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => ctx?.close());

  async function download(user: SeededUser) {
    return ctx
      .http()
      .get(`/api/v1/certificates/${cert.id}/credential`)
      .set(bearer(user))
      .buffer(true)
      .parse(binaryParser);
  }

  it('serves the credential to the holder, their HR and admins, verifiable with only the DID document', async () => {
    const res = await download(learner);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vc+jwt');
    const jwt = (res.body as Buffer).toString('utf8');
    for (const user of [hrA, admin]) {
      expect((await download(user)).status).toBe(200);
    }
    for (const user of [hrB, other]) {
      const res = await ctx
        .http()
        .get(`/api/v1/certificates/${cert.id}/credential`)
        .set(bearer(user));
      expect(res.status).toBe(404);
    }

    const did = await fetchDid(base);
    expect(did.id).toBe('did:web:k3.test');
    expect((await ctx.http().get('/.well-known/did.json')).body).toEqual(did);
    const { typ, payload } = await verifyIndependently(jwt, did);
    expect(typ).toBe('vc+jwt');
    expect(payload['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.iss).toBe(did.id);
    expect(payload.issuer.id).toBe(did.id);
    expect(payload.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(payload.credentialSubject.id).toBe(`urn:uuid:${learner.id}`);
    expect(payload.credentialSubject.achievement.humanCode).toBe('AK3U');
    expect(payload.credentialSubject.achievement.criteria.narrative).toContain('JP');
    expect(JSON.stringify(payload)).not.toMatch(/\d{16}/);
    const row = (
      await ctx.db.query('SELECT issued_at, expires_at FROM certificates WHERE id = $1', [cert.id])
    )[0];
    expect(payload.validFrom).toBe(new Date(row.issued_at).toISOString());
    expect(payload.validUntil).toBe(new Date(row.expires_at).toISOString());
    expect(payload.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });

    const pub = await ctx
      .http()
      .get(`/api/v1/verify/${cert.verification_code}/credential`)
      .buffer(true)
      .parse(binaryParser);
    expect(pub.status).toBe(200);
    expect(pub.headers['content-type']).toBe('application/vc+jwt');
    await verifyIndependently((pub.body as Buffer).toString('utf8'), did);
    expect((await ctx.http().get(`/api/v1/verify/${'A'.repeat(26)}/credential`)).status).toBe(404);

    const check = await ctx.http().post('/api/v1/verify/credential').send({ credential: jwt });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      signatureValid: true,
      issuer: did.id,
      status: 'active',
      expired: false,
      validUntil: payload.validUntil,
      certificate: { code: cert.verification_code, status: 'valid' },
    });
  });

  it('the API view and the verification page say who signed, the credential status, and offer download and LinkedIn', async () => {
    const [row] = await ctx.db.query(
      `SELECT number, issued_at, expires_at, course_title_id, pdf_signer_subject
       FROM certificates WHERE id = $1`,
      [cert.id],
    );
    // Recorded by the worker from the configured signing certificate, in the issuing UPDATE.
    expect(row.pdf_signer_subject).toBe(new X509Certificate(pdfSigner.cert).subject);
    const signedBy = 'PT Contoh K3 (Lembaga Sertifikasi Profesi)';
    const verifyUrl = `http://k3.test/verify/${cert.verification_code}`;

    const view = await ctx
      .http()
      .get(`/api/v1/certificates/${cert.id}`)
      .set(bearer(learner))
      .expect(200);
    expect(view.body.signedBy).toBe(signedBy);
    expect(view.body.credential).toMatchObject({ status: 'active', withheld: null });
    const linkedIn = new URL(view.body.credential.linkedInUrl);
    expect(`${linkedIn.origin}${linkedIn.pathname}`).toBe('https://www.linkedin.com/profile/add');
    const yearMonth = (d: Date) => {
      const [year, month] = new Intl.DateTimeFormat('en-CA', {
        timeZone: ctx.config.timeZone,
        year: 'numeric',
        month: '2-digit',
      })
        .format(d)
        .split('-');
      return [year, String(Number(month))];
    };
    const [issueYear, issueMonth] = yearMonth(new Date(row.issued_at));
    const [expirationYear, expirationMonth] = yearMonth(new Date(row.expires_at));
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: row.course_title_id,
      organizationName: 'PT Contoh K3 & Rekan',
      issueYear,
      issueMonth,
      expirationYear,
      expirationMonth,
      certUrl: verifyUrl,
      certId: row.number,
    });
    expect(view.body.verifyUrl).toBe(verifyUrl);

    const json = await ctx.http().get(`/api/v1/verify/${cert.verification_code}`).expect(200);
    expect(json.body.signedBy).toBe(signedBy);
    expect(json.body.credential).toEqual(view.body.credential);

    const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=id`).expect(200);
    expect(page.text).toContain(
      `Ditandatangani secara digital oleh <strong data-signed-by>${signedBy}</strong>`,
    );
    expect(page.text).toContain('data-credential-status="active">aktif</span>');
    const english = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
    expect(english.text).toContain(
      `Digitally signed by <strong data-signed-by>${signedBy}</strong>`,
    );
    expect(english.text).toContain('Open Badges credential: <span');
    const linkedInHref =
      /<a class="btn li" href="([^"]+)" target="_blank" rel="noopener noreferrer">/.exec(page.text);
    expect(unescapeHtml(linkedInHref![1])).toBe(view.body.credential.linkedInUrl);

    // The page's download link is the public credential route, with a file name, and it is
    // the holder's credential byte for byte (Ed25519 signatures are deterministic).
    const downloadHref = /<a class="btn" href="([^"]+)"[^>]* download>/.exec(page.text)![1];
    expect(downloadHref).toBe(`/api/v1/verify/${cert.verification_code}/credential`);
    const fromPage = await ctx
      .http()
      .get(downloadHref)
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const fileName = `${row.number.replace(/\//g, '-')}.jwt`;
    expect(fromPage.headers['content-disposition']).toBe(
      `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
    );
    const held = await download(learner);
    expect(held.headers['content-disposition']).toContain(`filename="${fileName}"`);
    expect((fromPage.body as Buffer).toString('utf8')).toBe((held.body as Buffer).toString('utf8'));
    await verifyIndependently((fromPage.body as Buffer).toString('utf8'), await fetchDid(base));
  });

  it('revoking sets the status list bit and verification says revoked', async () => {
    const jwt = ((await download(learner)).body as Buffer).toString('utf8');
    const entry = decodeJwt(jwt).credentialStatus as {
      statusListCredential: string;
      statusListIndex: string;
    };
    const listPath = new URL(entry.statusListCredential).pathname;
    const bit = async () => {
      const res = await ctx.http().get(listPath).buffer(true).parse(binaryParser);
      expect(res.status).toBe(200);
      const listJwt = (res.body as Buffer).toString('utf8');
      const { payload } = await verifyIndependently(listJwt, await fetchDid(base));
      expect(payload.type).toContain('BitstringStatusListCredential');
      const encoded = payload.credentialSubject.encodedList as string;
      expect(Buffer.from(encoded.slice(1), 'base64url').length).toBeGreaterThan(0);
      return statusBitAt(encoded, Number(entry.statusListIndex));
    };
    expect(await bit()).toBe(false);
    const revoked = await ctx
      .http()
      .post(`/api/v1/certificates/${cert.id}/revoke`)
      .set(bearer(admin))
      .send({ reason: 'Terbukti curang' });
    expect(revoked.status).toBe(200);
    expect(await bit()).toBe(true);
    const check = await ctx.http().post('/api/v1/verify/credential').send({ credential: jwt });
    expect(check.body).toMatchObject({ signatureValid: true, status: 'revoked' });
    expect(check.body.certificate.status).toBe('revoked');

    // The pages say so, and offer neither the download nor LinkedIn.
    const view = await ctx
      .http()
      .get(`/api/v1/certificates/${cert.id}`)
      .set(bearer(learner))
      .expect(200);
    expect(view.body.credential).toEqual({
      status: 'revoked',
      withheld: 'revoked',
      linkedInUrl: null,
    });
    expect(check.body.certificate.credential).toEqual(view.body.credential);
    const page = await ctx.http().get(`/verify/${cert.verification_code}?lang=en`).expect(200);
    expect(page.text).toContain('data-credential-status="revoked">revoked</span>');
    expect(page.text).toContain(
      'This certificate was revoked, so its credential is not offered for download or sharing.',
    );
    expect(page.text).not.toMatch(/linkedin/i);
    expect(page.text).not.toContain('/credential"');
    // still signed by the same signer: revoking changes the status, not who signed
    expect(page.text).toContain('Digitally signed by <strong data-signed-by>PT Contoh K3');
  });

  it('bad input: malformed is a 400, a bad signature is a 200 with signatureValid false', async () => {
    for (const credential of ['', 'abc', 'a.b', 42, 'a.b.c']) {
      const res = await ctx.http().post('/api/v1/verify/credential').send({ credential });
      expect(res.status).toBe(400);
    }
    const jwt = ((await download(learner)).body as Buffer).toString('utf8');
    const [h, p, s] = jwt.split('.');
    const flipped = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    const res = await ctx.http().post('/api/v1/verify/credential').send({ credential: flipped });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signatureValid: false, status: null, certificate: null });
    const notOurs = await ctx
      .http()
      .post('/api/v1/verify/credential')
      .send({ credential: `${h}.${Buffer.from('{"type":["X"]}').toString('base64url')}.${s}` });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.error).toBe('CREDENTIAL_MALFORMED');
    expect((await ctx.http().get('/api/v1/credentials/status/0')).status).toBe(400);
  });

  it('after a key rotation, credentials signed with the old key still verify', async () => {
    const jwt = ((await download(learner)).body as Buffer).toString('utf8');
    const rotated = await createTestContext({
      CREDENTIAL_SIGNING_KEY: JSON.stringify(newKey()),
      CREDENTIAL_PREVIOUS_KEYS: JSON.stringify([publicOf(oldKey)]),
    });
    try {
      await rotated.app.listen(0, '127.0.0.1');
      const { port } = rotated.app.getHttpServer().address() as { port: number };
      const did = await fetchDid(`http://127.0.0.1:${port}`);
      expect(did.verificationMethod).toHaveLength(2);
      await verifyIndependently(jwt, did);
      const check = await rotated
        .http()
        .post('/api/v1/verify/credential')
        .send({ credential: jwt });
      expect(check.status).toBe(200);
      expect(check.body.signatureValid).toBe(true);
    } finally {
      await rotated.close();
    }
  });

  it('production boot without CREDENTIAL_SIGNING_KEY fails with one clear line', () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: ctx.env.DATABASE_URL,
      REDIS_URL: ctx.env.REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PDF_SIGNING_KEY: '/run/secrets/pdf.key',
      PDF_SIGNING_CERT: '/run/secrets/pdf.crt',
    };
    expect(() => AppConfig.fromEnv(env)).toThrow(
      /^Invalid configuration: CREDENTIAL_SIGNING_KEY .* is required when NODE_ENV=production$/,
    );
    expect(() => AppConfig.fromEnv({ ...env, CREDENTIAL_SIGNING_KEY: '{"kty":"OKP"' })).toThrow(
      /CREDENTIAL_SIGNING_KEY=\(hidden\): must be JSON/,
    );
    expect(() =>
      AppConfig.fromEnv({ ...env, CREDENTIAL_SIGNING_KEY: JSON.stringify(newKey()) }),
    ).not.toThrow();
  });
});
