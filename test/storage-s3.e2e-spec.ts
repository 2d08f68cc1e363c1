import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Role } from '../src/common/auth/roles';
import { S3Storage } from '@app/storage';
import {
  binaryParser,
  certificatesOf,
  completeViaApi,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import { RunningS3rver, S3RVER_CREDENTIALS, s3StorageEnv, startS3rver } from './support/s3rver';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('STORAGE_DRIVER=s3 (s3rver on loopback)', () => {
  let s3: RunningS3rver;
  let ctx: TestContext;

  beforeAll(async () => {
    s3 = await startS3rver('k3-e2e-files');
    ctx = await createTestContext(s3StorageEnv(s3));
    await ctx.startWorker();
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close();
  });

  it('the worker stores the certificate in the bucket and the API streams it back', async () => {
    const org = await seedOrganization(ctx);
    const instructor = await seedUser(ctx, Role.Instructor);
    const learner = await seedUser(ctx, Role.Learner, org, { name: 'Budi Santoso' });
    const course = await seedCourse(ctx, instructor.id);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [pending] = await certificatesOf(ctx, enrollmentId);
    const issued = await waitForStatus(ctx, pending.id, 'issued');

    const bucket = new S3Storage({
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      ...S3RVER_CREDENTIALS,
    });
    try {
      const stored = await bucket.get(issued.storage_key!);
      expect(sha256(stored)).toBe(issued.sha256);
    } finally {
      bucket.destroy();
    }
    expect(readdirSync(ctx.config.storageDir)).toEqual([]); // nothing went to the local directory

    const res = await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}/pdf`)
      .set(bearer(learner))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const body = res.body as Buffer;
    expect(sha256(body)).toBe(issued.sha256);
    expect(res.headers['content-length']).toBe(String(body.length));
    expect(res.headers.etag).toBe(`"${issued.sha256}"`);
    await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}/pdf`)
      .set(bearer(learner))
      .set('If-None-Match', `"${issued.sha256}"`)
      .expect(304);
  });
});
