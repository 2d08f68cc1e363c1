import { Role } from '../src/common/auth/roles';
import { checkRoleMatrix, RouteCase } from './support/role-matrix';
import {
  bearer,
  createTestContext,
  metricsAuth,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const NIL = '00000000-0000-4000-8000-000000000000';

describe('foundation: access, validation, CSV import, docs, metrics', () => {
  let ctx: TestContext;
  let orgA: string;
  let orgB: string;
  let users: Record<Role, SeededUser>;

  beforeAll(async () => {
    ctx = await createTestContext();
    orgA = await seedOrganization(ctx, 'ORGA');
    orgB = await seedOrganization(ctx, 'ORGB');
    users = {
      [Role.Admin]: await seedUser(ctx, Role.Admin),
      [Role.Instructor]: await seedUser(ctx, Role.Instructor),
      [Role.Hr]: await seedUser(ctx, Role.Hr, orgA),
      [Role.Learner]: await seedUser(ctx, Role.Learner, orgA),
    };
  });
  afterAll(() => ctx?.close());

  it('enforces the role x route matrix on every foundation route', async () => {
    const { Admin, Instructor, Hr, Learner } = Role;
    const routes: RouteCase[] = [
      { method: 'get', path: '/api/v1/me', allowed: [Admin, Instructor, Hr, Learner] },
      { method: 'get', path: '/api/v1/admin/organizations', allowed: [Admin] },
      {
        method: 'post',
        path: '/api/v1/admin/organizations',
        allowed: [Admin],
        body: { code: 'X', name: '' },
      },
      { method: 'get', path: `/api/v1/admin/organizations/${NIL}`, allowed: [Admin] },
      { method: 'patch', path: `/api/v1/admin/organizations/${NIL}`, allowed: [Admin], body: {} },
      { method: 'delete', path: `/api/v1/admin/organizations/${NIL}`, allowed: [Admin] },
      { method: 'get', path: '/api/v1/admin/users', allowed: [Admin] },
      { method: 'post', path: '/api/v1/admin/users', allowed: [Admin], body: {} },
      { method: 'get', path: `/api/v1/admin/users/${NIL}`, allowed: [Admin] },
      { method: 'patch', path: `/api/v1/admin/users/${NIL}`, allowed: [Admin], body: {} },
      { method: 'delete', path: `/api/v1/admin/users/${NIL}`, allowed: [Admin] },
      { method: 'get', path: '/api/v1/employees', allowed: [Hr] },
      { method: 'post', path: '/api/v1/employees', allowed: [Hr], body: {} },
      { method: 'get', path: `/api/v1/employees/${NIL}`, allowed: [Hr] },
      { method: 'post', path: `/api/v1/employees/${NIL}/deactivate`, allowed: [Hr] },
      { method: 'post', path: '/api/v1/employees/import', allowed: [Hr] },
    ];
    const tokens = Object.fromEntries(
      Object.entries(users).map(([r, u]) => [r, u.token]),
    ) as Record<Role, string>;
    expect(await checkRoleMatrix(ctx, routes, tokens)).toEqual([]);
  });

  it('keeps public routes public and the queue dashboard admin-only', async () => {
    await ctx.http().get('/health').expect(200);
    await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(200);
    await ctx.http().get('/admin/queues').expect(401);
    await ctx.http().get('/admin/queues').set(bearer(users[Role.Hr])).expect(403);
    const board = await ctx.http().get('/admin/queues').set(bearer(users[Role.Admin]));
    expect(board.status).toBe(200);
    expect(board.text).toContain('<html');
  });

  it("HR sees only their own organization: another organization's employee is 404", async () => {
    const foreign = await seedUser(ctx, Role.Learner, orgB);
    const res = await ctx
      .http()
      .get(`/api/v1/employees/${foreign.id}`)
      .set(bearer(users[Role.Hr]))
      .expect(404);
    expect(res.body.error).toBe('NOT_FOUND');
    await ctx
      .http()
      .post(`/api/v1/employees/${foreign.id}/deactivate`)
      .set(bearer(users[Role.Hr]))
      .expect(404);
    const list = await ctx
      .http()
      .get('/api/v1/employees?limit=100')
      .set(bearer(users[Role.Hr]))
      .expect(200);
    expect(
      list.body.items.every((u: { organizationId: string }) => u.organizationId === orgA),
    ).toBe(true);
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(foreign.id);
    const own = await ctx
      .http()
      .get(`/api/v1/employees/${users[Role.Learner].id}`)
      .set(bearer(users[Role.Hr]))
      .expect(200);
    expect(own.body.organizationId).toBe(orgA);
  });

  it('HR creates an employee in their own organization whatever the body says', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/employees')
      .set(bearer(users[Role.Hr]))
      .send({
        email: 'New.Hire@K3.test',
        name: 'Dewi Lestari',
        employeeId: 'E-100',
        password: 'long enough pw',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      email: 'new.hire@k3.test',
      role: 'learner',
      organizationId: orgA,
    });
    const sneaky = await ctx.http().post('/api/v1/employees').set(bearer(users[Role.Hr])).send({
      email: 'x@k3.test',
      name: 'X Y',
      employeeId: 'E-101',
      role: 'admin',
      organizationId: orgB,
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error).toBe('VALIDATION_FAILED');
    const dup = await ctx
      .http()
      .post('/api/v1/employees')
      .set(bearer(users[Role.Hr]))
      .send({ email: 'new.hire@k3.test', name: 'Again', employeeId: 'E-102' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toBe('EMPLOYEE_CONFLICT');
  });

  it('returns the stable validation error shape', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(users[Role.Admin]))
      .send({ email: 'not-an-email', name: 'A', role: 'superuser', extra: 1 })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'extra']));
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
    const cursor = await ctx
      .http()
      .get('/api/v1/admin/users?cursor=%%%')
      .set(bearer(users[Role.Admin]));
    expect(cursor.status).toBe(400);
    const notUuid = await ctx.http().get('/api/v1/admin/users/abc').set(bearer(users[Role.Admin]));
    expect(notUuid.status).toBe(404);
    const unknownRoute = await ctx.http().get('/api/v1/nope').set(bearer(users[Role.Admin]));
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body.error).toBe('ROUTE_NOT_FOUND');
    const badJson = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .set('Content-Type', 'application/json')
      .send('{"refreshToken": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toBe('MALFORMED_JSON');
  });

  it('imports employees from CSV: bad rows are reported by line and nothing is written', async () => {
    const hr = users[Role.Hr];
    const count = async () =>
      (
        await ctx.db.query('SELECT count(*)::int AS n FROM users WHERE organization_id = $1', [
          orgA,
        ])
      )[0].n;
    const before = await count();
    const bad = [
      'name,email,employee_id,nik',
      'Agus Salim,agus@k3.test,IMP-1,',
      'B,bad-email,IMP-2,12',
      'Citra,citra@k3.test,IMP-1,',
    ].join('\n');
    const res = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', Buffer.from(bad), 'staff.csv')
      .expect(422);
    expect(res.body.error).toBe('CSV_INVALID');
    expect(
      res.body.details.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
    ).toEqual([
      [3, 'INVALID_NAME'],
      [3, 'INVALID_EMAIL'],
      [3, 'INVALID_NIK'],
      [4, 'DUPLICATE_IN_FILE'],
    ]);
    expect(await count()).toBe(before);

    // A conflict with an existing account elsewhere is also a row error, still all-or-nothing.
    const conflict = [
      'name,email,employee_id',
      'Agus Salim,agus@k3.test,IMP-1',
      `Taken,${users[Role.Admin].email},IMP-3`,
    ].join('\n');
    const res2 = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', Buffer.from(conflict), 'staff.csv')
      .expect(422);
    expect(res2.body.details.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'EMPLOYEE_CONFLICT' }),
    ]);
    expect(await count()).toBe(before);

    const good = [
      'name,email,employee_id,nik',
      'Agus Salim,agus@k3.test,IMP-1,3171234567890001',
      'Citra Dewi,citra@k3.test,IMP-2,',
    ].join('\n');
    const ok = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', Buffer.from(good), 'staff.csv')
      .expect(200);
    expect(ok.body).toEqual({ created: 2, updated: 0 });
    const again = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', Buffer.from(good.replace('Citra Dewi', 'Citra Dewi Lestari')), 'staff.csv')
      .expect(200);
    expect(again.body).toEqual({ created: 0, updated: 2 });
    expect(await count()).toBe(before + 2);
    const [citra] = await ctx.db.query(
      "SELECT name, role, organization_id FROM users WHERE email = 'citra@k3.test'",
    );
    expect(citra).toEqual({ name: 'Citra Dewi Lestari', role: 'learner', organization_id: orgA });

    const huge = Buffer.alloc(3 * 1024 * 1024, 'a');
    const tooBig = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', huge, 'big.csv');
    expect(tooBig.status).toBe(413);
    const notMultipart = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .send({ csv: 'x' });
    expect(notMultipart.status).toBe(415);
  });

  it('admin CRUD of organizations and users, with role/organization rules', async () => {
    const admin = users[Role.Admin];
    const org = await ctx
      .http()
      .post('/api/v1/admin/organizations')
      .set(bearer(admin))
      .send({ code: 'PTBARU', name: 'PT Baru' })
      .expect(201);
    const dupOrg = await ctx
      .http()
      .post('/api/v1/admin/organizations')
      .set(bearer(admin))
      .send({ code: 'PTBARU', name: 'Again' });
    expect(dupOrg.body.error).toBe('ORGANIZATION_CODE_TAKEN');
    const noOrg = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'h@k3.test', name: 'HR Tanpa Org', role: 'hr' });
    expect(noOrg.status).toBe(422);
    expect(noOrg.body.error).toBe('ORGANIZATION_REQUIRED');
    const hr = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'hr.baru@k3.test',
        name: 'HR Baru',
        role: 'hr',
        organizationId: org.body.id,
        password: 'a long password',
      })
      .expect(201);
    const updated = await ctx
      .http()
      .patch(`/api/v1/admin/users/${hr.body.id}`)
      .set(bearer(admin))
      .send({ name: 'HR Baru Sekali' })
      .expect(200);
    expect(updated.body.name).toBe('HR Baru Sekali');
    await ctx
      .http()
      .delete(`/api/v1/admin/organizations/${org.body.id}`)
      .set(bearer(admin))
      .expect(409);
    await ctx.http().delete(`/api/v1/admin/users/${hr.body.id}`).set(bearer(admin)).expect(204);
    await ctx
      .http()
      .delete(`/api/v1/admin/organizations/${org.body.id}`)
      .set(bearer(admin))
      .expect(204);
    const audit = await ctx.db.query(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at',
      [hr.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'user.created',
      'user.updated',
      'user.deleted',
    ]);
  });

  it('pages lists by keyset cursor with a capped limit', async () => {
    const admin = users[Role.Admin];
    for (let i = 0; i < 5; i += 1) await seedUser(ctx, Role.Instructor);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await ctx
        .http()
        .get(`/api/v1/admin/users?role=instructor&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(admin))
        .expect(200);
      res.body.items.forEach((u) => seen.add(u.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen.size).toBe(6);
    expect(pages).toBe(3);
    await ctx.http().get('/api/v1/admin/users?limit=1000').set(bearer(admin)).expect(400);
  });

  it('serves OpenAPI with every route documented', async () => {
    const res = await ctx.http().get('/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/employees/import',
        '/api/v1/admin/users/{id}',
        '/health',
      ]),
    );
    expect(res.body.paths['/api/v1/admin/users']['post'].responses['400']).toBeDefined();
    // A static public document with nothing to refuse: no error response to declare.
    const cannotFail = new Set(['GET /.well-known/did.json']);
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, { responses: object }>>(
      res.body.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses ?? {});
        const route = `${method.toUpperCase()} ${path}`;
        if (!statuses.some((s) => Number(s) >= 400) && !cannotFail.has(route)) {
          undocumented.push(route);
        }
      }
    }
    expect(undocumented).toEqual([]);
    await ctx.http().get('/docs').expect(200);
  });

  it('exposes Prometheus metrics: HTTP latency histogram and queue depth', async () => {
    const res = await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(200);
    expect(res.text).toContain('k3_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/k3_queue_jobs\{queue="certificates",state="waiting"\} \d+/);
  });
});

describe('health', () => {
  it('is 503 naming Redis when Redis is unreachable', async () => {
    const ctx = await createTestContext({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await ctx.http().get('/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.checks.redis.status).toBe('down');
      expect(res.body.checks.database.status).toBe('up');
    } finally {
      await ctx.close();
    }
  });
});
