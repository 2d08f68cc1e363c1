import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Role } from '../src/common/auth/roles';
import { AppConfig } from '../src/config/app-config';
import {
  certificatesOf,
  completeViaApi,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import { startRedisCluster, RedisClusterHandle } from './support/redis-cluster';
import { startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import { createTestContext, seedOrganization, seedUser, TestContext } from './support/test-app';

/**
 * REDIS_CLUSTER_NODES: the API and the worker run BullMQ, the throttles and the access-state
 * cache on a real 3-master Redis Cluster; a completed course is issued a certificate and its
 * e-mail is sent through it.
 */
describe('Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  let cluster: RedisClusterHandle;
  let smtp: SmtpSink;
  let ctx: TestContext;
  const prefix = `{k3c${randomBytes(4).toString('hex')}}`;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      REDIS_CLUSTER_NODES: cluster.nodes,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
    });
    await ctx.startWorker();
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
    await cluster?.stop();
  });

  it('issues a certificate and sends its e-mail through the cluster', async () => {
    const orgId = await seedOrganization(ctx);
    const admin = await seedUser(ctx, Role.Admin);
    const learner = await seedUser(ctx, Role.Learner, orgId, {
      email: `cluster-${randomBytes(3).toString('hex')}@k3.test`,
    });
    const course = await seedCourse(ctx, admin.id);
    const enrollmentId = await seedEnrollment(ctx, learner, course);

    // Through the HTTP API: the access-state cache (one MGET) and the throttles run on the cluster.
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [certificate] = await certificatesOf(ctx, enrollmentId);
    const issued = await waitForStatus(ctx, certificate.id, 'issued');
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);

    const mail = await waitFor(`the certificate e-mail to ${learner.email}`, () => {
      const found = smtp.received.find((m) => m.to.includes(learner.email));
      return Promise.resolve(found ?? null);
    });
    expect(`${mail.parsed.text ?? ''}`).toContain(`/certificates/${certificate.id}`);

    // BullMQ's and the throttles' keys are in the cluster, all on the one master that owns the
    // hash tag's slot.
    const client = new Redis.Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    try {
      await new Promise((resolve) => client.once('ready', resolve));
      const perMaster = await Promise.all(
        client.nodes('master').map((master) => master.keys(`${prefix}*`)),
      );
      const holding = perMaster.filter((keys) => keys.length > 0);
      expect(holding).toHaveLength(1);
      expect(holding[0].some((key) => key.startsWith(`${prefix}:certificates`))).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it('refuses to boot on a cluster when QUEUE_PREFIX has no hash tag', () => {
    expect(() =>
      AppConfig.fromEnv({ ...ctx.env, REDIS_CLUSTER_NODES: cluster.nodes, QUEUE_PREFIX: 'k3' }),
    ).toThrow(/QUEUE_PREFIX must contain a hash tag such as \{k3\}/);
  });
});
