import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/common/auth/roles';
import {
  binaryParser,
  certificatesOf,
  completeViaApi,
  pdfSignatureReport,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

/**
 * A configured key instead of the development one: an RSA-2048 pair with a CA-issued leaf,
 * made by openssl and handed to the real worker as a password-protected PKCS#12 file.
 */
describe('certificates: PDFs signed with a configured PKCS#12 key', () => {
  let ctx: TestContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'k3-p12-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl(
      'req',
      '-x509',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=Uji Root CA/O=PT Otoritas Uji',
    );
    ssl(
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/CN=PT Lembaga Pelatihan K3/O=PT Lembaga Pelatihan K3',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.crt',
      '-days',
      '30',
    );
    ssl(
      'pkcs12',
      '-export',
      '-inkey',
      'leaf.key',
      '-in',
      'leaf.crt',
      '-certfile',
      'ca.crt',
      '-out',
      'signer.p12',
      '-passout',
      'pass:kunci-rahasia',
    );
    ctx = await createTestContext({
      PDF_SIGNING_P12: join(dir, 'signer.p12'),
      PDF_SIGNING_P12_PASSWORD: 'kunci-rahasia',
      CERTIFICATE_RENDER_BACKOFF_MS: '100',
    });
    await ctx.startWorker();
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the worker signs with the configured key and embeds its chain', async () => {
    const instructor = await seedUser(ctx, Role.Instructor);
    const learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    const course = await seedCourse(ctx, instructor.id);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [row] = await certificatesOf(ctx, enrollmentId);
    const issued = await waitForStatus(ctx, row.id, 'issued');
    const pdf = (
      await ctx
        .http()
        .get(`/api/v1/certificates/${issued.id}/pdf`)
        .set(bearer(learner))
        .buffer(true)
        .parse(binaryParser)
        .expect(200)
    ).body as Buffer;
    const { report } = await pdfSignatureReport(pdf);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signer Certificate Common Name: PT Lembaga Pelatihan K3');
    expect(report).toContain('Total document signed');
    // The whole chain travels in the CMS: the CA certificate's DER is in /Contents.
    const caDer = new X509Certificate(readFileSync(join(dir, 'ca.crt'))).raw;
    expect(pdf.includes(caDer.toString('hex'), undefined, 'latin1')).toBe(true);
  });
});
