import { Role } from '../src/common/auth/roles';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

/**
 * The admin area's own routes: the audit-log viewer, the e-mail suppression list and the
 * queue-dashboard cookie; against the real API, PostgreSQL and Redis.
 */
describe('admin API: audit log, e-mail suppressions, queue dashboard session', () => {
  let ctx: TestContext;
  let admin: SeededUser;
  let others: SeededUser[];

  beforeAll(async () => {
    ctx = await createTestContext();
    const org = await seedOrganization(ctx);
    admin = await seedUser(ctx, Role.Admin, null, { name: 'Admin Audit' });
    others = [
      await seedUser(ctx, Role.Hr, org),
      await seedUser(ctx, Role.Instructor),
      await seedUser(ctx, Role.Learner, org),
    ];
  });
  afterAll(() => ctx?.close());

  const auditLog = (query: Record<string, string>, user: SeededUser = admin) =>
    ctx.http().get('/api/v1/admin/audit-log').query(query).set(bearer(user));

  describe('audit log', () => {
    const entity = '6f1f0d5e-1b2c-4d3e-8f4a-5b6c7d8e9f00';
    beforeAll(async () => {
      // Five entries an hour apart on one entity, by the admin, plus two by the system.
      for (let i = 0; i < 5; i += 1) {
        await ctx.db.query(
          `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, data, created_at)
           VALUES ($1, 'course.published', 'course', $2, $3, $4)`,
          [admin.id, entity, { n: i }, `2026-11-0${i + 1}T10:00:00Z`],
        );
      }
      for (const day of ['2026-11-02', '2026-11-04']) {
        await ctx.db.query(
          `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, created_at)
           VALUES (NULL, 'certificate.failed', 'certificate', gen_random_uuid(), $1)`,
          [`${day}T12:00:00Z`],
        );
      }
    });

    it('records real actions, newest first, with the actor named', async () => {
      const created = await ctx
        .http()
        .post('/api/v1/admin/users')
        .set(bearer(admin))
        .send({ email: 'baru@k3.test', name: 'Pengguna Baru', role: Role.Instructor })
        .expect(201);
      const res = await auditLog({ limit: '1' }).expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          action: 'user.created',
          entityType: 'user',
          entityId: created.body.id,
          actorId: admin.id,
          actor: { id: admin.id, name: 'Admin Audit', email: admin.email, role: Role.Admin },
        }),
      ]);
      expect(res.body.nextCursor).toEqual(expect.any(String));
    });

    it('filters by actor (id or e-mail), action, entity and date range, paged by cursor', async () => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const res = await auditLog({
          actor: admin.email.toUpperCase(),
          entityType: 'course',
          entityId: entity,
          limit: '2',
          ...(cursor ? { cursor } : {}),
        }).expect(200);
        seen.push(...res.body.items.map((e: { data: { n: number } }) => e.data.n));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([4, 3, 2, 1, 0]);

      const ranged = await auditLog({
        actor: admin.id,
        action: 'course.published',
        from: '2026-11-02',
        to: '2026-11-04T10:00:00Z',
      }).expect(200);
      expect(ranged.body.items.map((e: { data: { n: number } }) => e.data.n)).toEqual([2, 1]);

      const system = await auditLog({ action: 'certificate.failed' }).expect(200);
      expect(system.body.items).toHaveLength(2);
      expect(system.body.items.every((e: { actor: unknown }) => e.actor === null)).toBe(true);

      const nobody = await auditLog({ actor: 'nobody@k3.test' }).expect(200);
      expect(nobody.body).toEqual({ items: [], nextCursor: null });
    });

    it('filters by the organization an entry concerns', async () => {
      const [mine, theirs] = [await seedOrganization(ctx), await seedOrganization(ctx)];
      for (const [organizationId, n] of [
        [mine, 1],
        [theirs, 2],
        [mine, 3],
      ] as const) {
        await ctx.db.query(
          `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, organization_id, data)
           VALUES ($1, 'enrollment.assigned', 'enrollment', gen_random_uuid(), $2, $3)`,
          [admin.id, organizationId, { n }],
        );
      }
      const res = await auditLog({ organizationId: mine }).expect(200);
      expect(res.body.items.map((e: { data: { n: number } }) => e.data.n)).toEqual([3, 1]);
      expect(
        res.body.items.every((e: { organizationId: string }) => e.organizationId === mine),
      ).toBe(true);
      const bad = await auditLog({ organizationId: 'not-a-uuid' }).expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    });

    it("records an organization's deactivation and reactivation", async () => {
      const org = await seedOrganization(ctx, 'AUDITORG');
      for (const isActive of [false, true]) {
        await ctx
          .http()
          .patch(`/api/v1/admin/organizations/${org}`)
          .set(bearer(admin))
          .send({ isActive })
          .expect(200);
      }
      // A change of name only is not an access change: not recorded.
      await ctx
        .http()
        .patch(`/api/v1/admin/organizations/${org}`)
        .set(bearer(admin))
        .send({ name: 'PT Diaudit' })
        .expect(200);
      const res = await auditLog({ entityType: 'organization', entityId: org }).expect(200);
      expect(
        res.body.items.map((e: { action: string; data: unknown }) => [e.action, e.data]),
      ).toEqual([
        ['organization.reactivated', { code: 'AUDITORG' }],
        ['organization.deactivated', { code: 'AUDITORG' }],
      ]);
    });

    it('answers bad input with stable codes', async () => {
      const backwards = await auditLog({ from: '2026-11-05', to: '2026-11-01' }).expect(400);
      expect(backwards.body.error).toBe('AUDIT_LOG_DATE_RANGE_INVALID');
      const equal = await auditLog({ from: '2026-11-05', to: '2026-11-05' }).expect(400);
      expect(equal.body.error).toBe('AUDIT_LOG_DATE_RANGE_INVALID');
      expect((await auditLog({ from: '2026-02-30' }).expect(400)).body.error).toBe(
        'VALIDATION_FAILED',
      );
      expect((await auditLog({ actor: 'not an actor' }).expect(400)).body.error).toBe(
        'VALIDATION_FAILED',
      );
      expect((await auditLog({ cursor: 'garbage' }).expect(400)).body.error).toBe('INVALID_CURSOR');
    });
  });

  describe('e-mail suppressions', () => {
    beforeAll(async () => {
      for (const [i, email] of ['a@contoh.test', 'b@contoh.test', 'c@lain.test'].entries()) {
        await ctx.db.query(
          `INSERT INTO email_suppressions (email, reason, created_at) VALUES ($1, $2, $3)`,
          [email, `550 user unknown (${email})`, `2026-11-0${i + 1}T08:00:00Z`],
        );
      }
    });

    it('lists newest first, paged, and searches by part of the address', async () => {
      const first = await ctx
        .http()
        .get('/api/v1/admin/email-suppressions?limit=2')
        .set(bearer(admin))
        .expect(200);
      expect(first.body.items.map((s: { email: string }) => s.email)).toEqual([
        'c@lain.test',
        'b@contoh.test',
      ]);
      const second = await ctx
        .http()
        .get(`/api/v1/admin/email-suppressions?limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(admin))
        .expect(200);
      expect(second.body).toEqual({
        items: [
          {
            email: 'a@contoh.test',
            reason: '550 user unknown (a@contoh.test)',
            createdAt: '2026-11-01T08:00:00.000Z',
          },
        ],
        nextCursor: null,
      });
      const search = await ctx
        .http()
        .get('/api/v1/admin/email-suppressions?search=CONTOH')
        .set(bearer(admin))
        .expect(200);
      expect(search.body.items).toHaveLength(2);
    });

    it('removes an address (audited), then 404 for it; a bad address is 400', async () => {
      await ctx
        .http()
        .delete('/api/v1/admin/email-suppressions/B@contoh.test')
        .set(bearer(admin))
        .expect(204);
      const left = await ctx.db.query('SELECT email FROM email_suppressions ORDER BY email');
      expect(left.map((r: { email: string }) => r.email)).toEqual(['a@contoh.test', 'c@lain.test']);
      const audit = await auditLog({ action: 'email.suppression-removed' }).expect(200);
      expect(audit.body.items[0]).toMatchObject({
        actorId: admin.id,
        data: { email: 'b@contoh.test' },
      });
      const again = await ctx
        .http()
        .delete('/api/v1/admin/email-suppressions/b@contoh.test')
        .set(bearer(admin))
        .expect(404);
      expect(again.body.error).toBe('NOT_FOUND');
      const bad = await ctx
        .http()
        .delete('/api/v1/admin/email-suppressions/not-an-address')
        .set(bearer(admin))
        .expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    });
  });

  describe('organizations', () => {
    it('searches by part of the name or code, any case, wildcards taken literally', async () => {
      const stamp = Date.now() % 1_000_000;
      const names = [
        `PT Baja Sentosa ${stamp}`,
        `PT Kimia 100% ${stamp}`,
        `CV Baja_Ringan ${stamp}`,
      ];
      for (const [i, name] of names.entries()) {
        await ctx
          .http()
          .post('/api/v1/admin/organizations')
          .set(bearer(admin))
          .send({ code: `S${stamp}${i}`, name })
          .expect(201);
      }
      const search = async (text: string, limit = 20) =>
        (
          await ctx
            .http()
            .get('/api/v1/admin/organizations')
            .query({ search: text, limit })
            .set(bearer(admin))
            .expect(200)
        ).body;
      const named = async (text: string) =>
        (await search(text)).items.map((o: { name: string }) => o.name);
      expect(await named(`baja SENTOSA ${stamp}`)).toEqual([names[0]]);
      expect(await named(`${stamp}`)).toEqual([...names].sort());
      expect(await named(`100%`)).toEqual([names[1]]);
      expect(await named(`Baja_`)).toEqual([names[2]]);
      expect(await named(`S${stamp}1`)).toEqual([names[1]]);
      // Paged like the unfiltered list.
      const first = await search(`${stamp}`, 2);
      expect(first.items).toHaveLength(2);
      const rest = (
        await ctx
          .http()
          .get('/api/v1/admin/organizations')
          .query({ search: `${stamp}`, limit: 2, cursor: first.nextCursor })
          .set(bearer(admin))
          .expect(200)
      ).body;
      expect(rest.items).toHaveLength(1);
      expect(rest.nextCursor).toBeNull();
      const tooLong = await ctx
        .http()
        .get('/api/v1/admin/organizations')
        .query({ search: 'x'.repeat(101) })
        .set(bearer(admin))
        .expect(400);
      expect(tooLong.body.error).toBe('VALIDATION_FAILED');
    });
  });

  describe('queue dashboard session', () => {
    it('sets an httpOnly SameSite=Strict cookie scoped to /admin/queues that opens the dashboard', async () => {
      const res = await ctx
        .http()
        .post('/api/v1/admin/queue-dashboard-session')
        .set(bearer(admin))
        .expect(204);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(
        /^k3_access_token=[\w.-]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
      );
      expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(0);
      const pair = cookie.split(';')[0];
      const board = await ctx.http().get('/admin/queues').set('Cookie', pair).expect(200);
      expect(board.text).toContain('<html');
      await ctx.http().get('/admin/queues').expect(401);
      await ctx
        .http()
        .get('/admin/queues')
        .set('Cookie', `k3_access_token=${others[2].token}`)
        .expect(403);
    });
  });

  it('refuses HR, instructors and learners (403) and anonymous callers (401)', async () => {
    const routes = [
      { method: 'get', path: '/api/v1/admin/audit-log' },
      { method: 'get', path: '/api/v1/admin/email-suppressions' },
      { method: 'delete', path: '/api/v1/admin/email-suppressions/a@contoh.test' },
      { method: 'post', path: '/api/v1/admin/queue-dashboard-session' },
    ] as const;
    for (const route of routes) {
      for (const user of others) {
        const res = await ctx.http()[route.method](route.path).set(bearer(user));
        expect({ ...route, role: user.role, status: res.status }).toEqual({
          ...route,
          role: user.role,
          status: 403,
        });
      }
      expect((await ctx.http()[route.method](route.path)).status).toBe(401);
    }
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM email_suppressions WHERE email = 'a@contoh.test'`,
    );
    expect(n).toBe(1);
  });
});
