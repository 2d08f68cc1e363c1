import { Client } from 'pg';
import { Role } from '../src/common/auth/roles';
import { AppConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { startReplicaPair, ReplicaPair } from './support/replica-pair';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const DATABASE = 'k3';

/**
 * DATABASE_READ_URL against a real streaming replica: replay is paused on the replica, a write
 * goes through the API, and only the reports (here the compliance matrix and the organization
 * report) still show the state from before it. Everything else reads the primary.
 */
describe('read replica for reports (DATABASE_READ_URL)', () => {
  let pair: ReplicaPair;
  let ctx: TestContext;
  let hr: SeededUser;
  let replica: Client;

  beforeAll(async () => {
    pair = await startReplicaPair();
    const admin = new Client({ connectionString: pair.primaryUrl('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    await runMigrations(pair.primaryUrl(DATABASE));
    ctx = await createTestContext({
      DATABASE_URL: pair.primaryUrl(DATABASE),
      DATABASE_READ_URL: pair.replicaUrl(DATABASE),
    });
    const orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    await seedUser(ctx, Role.Learner, orgId, { name: 'Ani sebelum jeda' });
    await pair.caughtUp();
    replica = new Client({ connectionString: pair.replicaUrl(DATABASE) });
    await replica.connect();
  }, 120_000);

  afterAll(async () => {
    await replica?.end();
    await ctx?.close();
    await pair?.stop();
  });

  const matrixNames = async () => {
    const res = await ctx.http().get('/api/v1/compliance/matrix').set(bearer(hr)).expect(200);
    return (res.body.items as { name: string }[]).map((r) => r.name);
  };

  it('serves reports from the replica and everything else from the primary', async () => {
    expect(await matrixNames()).toEqual(['Ani sebelum jeda']);

    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      // A write through the API: it lands on the primary (the replica is read-only).
      const created = await ctx
        .http()
        .post('/api/v1/employees')
        .set(bearer(hr))
        .send({ email: 'budi.replika@example.co.id', name: 'Budi sesudah jeda', employeeId: 'R-2' })
        .expect(201);
      // The request's own write is visible to the routes that are not reports...
      await ctx
        .http()
        .get(`/api/v1/employees/${created.body.id as string}`)
        .set(bearer(hr))
        .expect(200);
      const [{ on_primary }] = (await ctx.db.query(
        `SELECT count(*)::int AS on_primary FROM users WHERE email = 'budi.replika@example.co.id'`,
      )) as { on_primary: number }[];
      expect(on_primary).toBe(1);
      // ...while the compliance matrix reads the paused replica, which has not replayed it.
      expect(await matrixNames()).toEqual(['Ani sebelum jeda']);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }

    await pair.caughtUp();
    expect(await matrixNames()).toEqual(['Ani sebelum jeda', 'Budi sesudah jeda']);
  });

  it('refuses a DATABASE_READ_URL that is not a postgres URL at boot', () => {
    expect(() =>
      AppConfig.fromEnv({ ...ctx.env, DATABASE_READ_URL: 'mysql://127.0.0.1/k3' }),
    ).toThrow(/DATABASE_READ_URL/);
  });
});
