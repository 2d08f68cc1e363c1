import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Role } from '../src/common/auth/roles';
import { binaryParser } from './support/certificate-fixtures';
import { seedCertificate, seedCourse, seedEnrollment } from './support/notification-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const DAY = 86_400_000;
const fromNow = (days: number) => new Date(Date.now() + days * DAY);
const isoDay = (days: number) => fromNow(days).toISOString().slice(0, 10);
type Course = Awaited<ReturnType<typeof seedCourse>>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const names = (body: { items: { name: string }[] }) => body.items.map((r) => r.name);

/** Matrix filters (several codes, expiring within, prefix search) and the CSV / XLSX export. */
describe('compliance matrix filters and export', () => {
  let ctx: TestContext;
  let orgId: string;
  let hr: SeededUser;
  let k301: Course;
  let k302: Course;

  const certified = async (userId: string, course: Course, code: string, days: number) => {
    const enrollmentId = await seedEnrollment(ctx.db, {
      userId,
      organizationId: orgId,
      course,
      dueAt: null,
      lastActivityAt: new Date(),
      status: 'completed',
    });
    const id = await seedCertificate(ctx.db, {
      enrollmentId,
      userId,
      organizationId: orgId,
      course,
      expiresAt: fromNow(days),
    });
    await ctx.db.query('UPDATE certificates SET competency_code = $2 WHERE id = $1', [id, code]);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    k301 = await seedCourse(ctx.db, author.id, 'Ahli K3 Umum');
    k302 = await seedCourse(ctx.db, author.id, 'K3 Listrik');
    await ctx.db.query(`UPDATE course_versions SET competency_code = 'K3-02' WHERE id = $1`, [
      k302.versionId,
    ]);
    const ani = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Ani Wijaya',
      employeeId: 'EMP-001',
    });
    await ctx.db.query(`UPDATE users SET nik = '3201000000000001' WHERE id = $1`, [ani.id]);
    await certified(ani.id, k301, 'K3-01', 200);
    await certified(ani.id, k302, 'K3-02', 20);
    const budi = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Budi Santoso',
      employeeId: 'EMP-002',
    });
    await certified(budi.id, k301, 'K3-01', 45);
    await seedEnrollment(ctx.db, {
      userId: budi.id,
      organizationId: orgId,
      course: k302,
      dueAt: fromNow(-3),
      lastActivityAt: new Date(),
    });
    const citra = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Citra Dewi',
      employeeId: 'EMP-010',
      email: 'citra.dewi@pabrik.test',
    });
    await certified(citra.id, k301, 'K3-01', -5);
    await seedUser(ctx, Role.Learner, orgId, { name: 'Dedi 100%', employeeId: 'EMP-100' });
  });
  afterAll(() => ctx.close());

  const matrix = (query: Record<string, string | number | string[]>) =>
    ctx.http().get('/api/v1/compliance/matrix').query(query).set(bearer(hr)).expect(200);

  const download = (query: Record<string, string | number>, user: SeededUser = hr) =>
    ctx
      .http()
      .get('/api/v1/compliance/matrix/export')
      .query(query)
      .set(bearer(user))
      .buffer(true)
      .parse(binaryParser);

  /** A refused export answers JSON, like every other error. */
  const refused = (query: Record<string, string>, user: SeededUser = hr) =>
    ctx.http().get('/api/v1/compliance/matrix/export').query(query).set(bearer(user));

  const csvOf = (body: Buffer) => {
    const text = body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return parse(text, { bom: true }) as string[][];
  };

  it('limits the columns to the chosen competency codes, comma separated or repeated', async () => {
    const one = await matrix({ competency: 'K3-02' });
    expect(
      one.body.items.map((r: { cells: { competencyCode: string }[] }) =>
        r.cells.map((c) => c.competencyCode),
      ),
    ).toEqual([['K3-02'], ['K3-02'], ['K3-02'], ['K3-02']]);
    for (const competency of ['K3-01,K3-02', ['K3-01', 'K3-02']]) {
      const both = await matrix({ competency });
      expect(
        both.body.items[0].cells.map((c: { competencyCode: string }) => c.competencyCode),
      ).toEqual(['K3-01', 'K3-02']);
    }
    const overdue = await matrix({ competency: 'K3-02', state: 'overdue' });
    expect(names(overdue.body)).toEqual(['Budi Santoso']);
    // "none": a chosen competency without any deciding fact.
    expect(names((await matrix({ state: 'none' })).body)).toEqual(['Citra Dewi', 'Dedi 100%']);
    expect(names((await matrix({ state: 'none', competency: 'K3-01' })).body)).toEqual([
      'Dedi 100%',
    ]);
    expect(names((await matrix({ state: 'none', expiringWithinDays: 30 })).body)).toEqual([]);
  });

  it('keeps employees with a certificate ending within N days, in the chosen codes and state', async () => {
    expect(names((await matrix({ expiringWithinDays: 30 })).body)).toEqual(['Ani Wijaya']);
    expect(names((await matrix({ expiringWithinDays: 60 })).body)).toEqual([
      'Ani Wijaya',
      'Budi Santoso',
    ]);
    expect(names((await matrix({ expiringWithinDays: 60, competency: 'K3-01' })).body)).toEqual([
      'Budi Santoso',
    ]);
    expect(names((await matrix({ expiringWithinDays: 30, state: 'valid' })).body)).toEqual([]);
    expect(names((await matrix({ expiringWithinDays: 30, state: 'expiring' })).body)).toEqual([
      'Ani Wijaya',
    ]);
    // An expired certificate has no end date ahead: never "expiring within".
    expect(names((await matrix({ expiringWithinDays: 3650 })).body)).not.toContain('Citra Dewi');
  });

  it('searches name contains, e-mail / employee id / NIK prefix, wildcards taken literally', async () => {
    expect(names((await matrix({ search: 'EMP-00' })).body)).toEqual([
      'Ani Wijaya',
      'Budi Santoso',
    ]);
    expect(names((await matrix({ search: 'MP-00' })).body)).toEqual([]);
    expect(names((await matrix({ search: '3201' })).body)).toEqual(['Ani Wijaya']);
    expect(names((await matrix({ search: 'citra.dewi@' })).body)).toEqual(['Citra Dewi']);
    expect(names((await matrix({ search: 'santo' })).body)).toEqual(['Budi Santoso']);
    expect(names((await matrix({ search: '%' })).body)).toEqual(['Dedi 100%']);
    expect(names((await matrix({ search: 'EMP_0' })).body)).toEqual([]);
  });

  it('refuses bad filter values with 400 VALIDATION_FAILED', async () => {
    const bad: Record<string, string>[] = [
      { expiringWithinDays: '-1' },
      { expiringWithinDays: 'soon' },
      { expiringWithinDays: '4000' },
      { state: 'green' },
      { competency: Array.from({ length: 51 }, (_, i) => `C${i}`).join(',') },
      { competency: 'X'.repeat(33) },
    ];
    for (const query of bad) {
      for (const path of ['/api/v1/compliance/matrix', '/api/v1/compliance/matrix/export']) {
        const res = await ctx.http().get(path).query(query).set(bearer(hr));
        expect({ path, query, status: res.status, error: res.body.error }).toEqual({
          path,
          query,
          status: 400,
          error: 'VALIDATION_FAILED',
        });
      }
    }
    for (const query of [{ format: 'pdf' }, { lang: 'fr' }] as Record<string, string>[]) {
      const res = await refused(query);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    }
  });

  it('exports the filtered matrix as CSV, headers and states in the requested language', async () => {
    const res = await download({ lang: 'en' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/compliance-matrix-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = csvOf(res.body as Buffer);
    expect(rows[0]).toEqual([
      'Employee ID',
      'NIK',
      'Name',
      'E-mail',
      'K3-01',
      'K3-01 valid until',
      'K3-02',
      'K3-02 valid until',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], ...r.slice(4)])).toEqual([
      ['EMP-001', '3201000000000001', 'Ani Wijaya', 'Valid', isoDay(200), 'Expiring', isoDay(20)],
      ['EMP-002', '', 'Budi Santoso', 'Expiring', isoDay(45), 'Overdue', ''],
      ['EMP-010', '', 'Citra Dewi', 'Expired', '', 'None', ''],
      ['EMP-100', '', 'Dedi 100%', 'None', '', 'None', ''],
    ]);

    const filtered = csvOf(
      (await download({ lang: 'id', competency: 'K3-02', expiringWithinDays: 30 }).expect(200))
        .body as Buffer,
    );
    expect(filtered).toEqual([
      ['ID karyawan', 'NIK', 'Nama', 'E-mail', 'K3-02', 'K3-02 berlaku hingga'],
      [
        'EMP-001',
        '3201000000000001',
        'Ani Wijaya',
        expect.any(String),
        'Segera berakhir',
        isoDay(20),
      ],
    ]);
  });

  it("exports XLSX in the requester's language setting when none is asked for", async () => {
    const read = async () => {
      const res = await download({ format: 'xlsx', search: 'Budi' }).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as never);
      const sheet = book.worksheets[0];
      return { sheet, values: (row: number) => (sheet.getRow(row).values as unknown[]).slice(1) };
    };
    const indonesian = await read();
    expect(indonesian.sheet.name).toBe('Kepatuhan');
    expect(indonesian.values(1)).toEqual([
      'ID karyawan',
      'NIK',
      'Nama',
      'E-mail',
      'K3-01',
      'K3-01 berlaku hingga',
      'K3-02',
      'K3-02 berlaku hingga',
    ]);
    expect(indonesian.values(2)).toEqual([
      'EMP-002',
      undefined,
      'Budi Santoso',
      expect.stringContaining('@'),
      'Segera berakhir',
      isoDay(45),
      'Terlambat',
    ]);
    expect(indonesian.sheet.rowCount).toBe(2);

    await ctx.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [hr.id]);
    const english = await read();
    expect(english.sheet.name).toBe('Compliance');
    expect(english.values(2)[4]).toBe('Expiring');
    await ctx.db.query(`UPDATE users SET locale = 'id' WHERE id = $1`, [hr.id]);
  });

  it('walks every keyset batch of a large organization, in name order, once each', async () => {
    const bigOrg = await seedOrganization(ctx);
    const bigHr = await seedUser(ctx, Role.Hr, bigOrg);
    const [first] = (await ctx.db.query(
      `INSERT INTO users (email, name, role, organization_id, employee_id)
       SELECT 'big' || i || '@pabrik.test', 'Karyawan ' || lpad(i::text, 5, '0'), 'learner', $1,
              'B' || i
         FROM generate_series(1, 1203) i
       RETURNING id`,
      [bigOrg],
    )) as { id: string }[];
    const enrollmentId = await seedEnrollment(ctx.db, {
      userId: first.id,
      organizationId: bigOrg,
      course: k301,
      dueAt: fromNow(10),
      lastActivityAt: new Date(),
    });
    expect(enrollmentId).toBeTruthy();
    const rows = csvOf((await download({ lang: 'en' }, bigHr).expect(200)).body as Buffer);
    expect(rows[0].slice(4)).toEqual(['K3-01', 'K3-01 valid until']);
    const body = rows.slice(1);
    expect(body).toHaveLength(1203);
    expect(body.map((r) => r[2])).toEqual(
      Array.from({ length: 1203 }, (_, i) => `Karyawan ${String(i + 1).padStart(5, '0')}`),
    );
    expect(body.filter((r) => r[4] === 'In training')).toHaveLength(1);
    expect(body.filter((r) => r[4] === 'None')).toHaveLength(1202);
  });

  it('is scoped and role-checked: other HR get only the header, a learner is refused', async () => {
    const otherHr = await seedUser(ctx, Role.Hr, await seedOrganization(ctx));
    const rows = csvOf(
      (await download({ lang: 'en', organizationId: orgId }, otherHr).expect(200)).body as Buffer,
    );
    expect(rows).toEqual([['Employee ID', 'NIK', 'Name', 'E-mail']]);
    const admin = await seedUser(ctx, Role.Admin);
    const missing = await refused({}, admin);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('COMPLIANCE_ORGANIZATION_REQUIRED');
    const chosen = csvOf(
      (await download({ lang: 'en', organizationId: orgId }, admin).expect(200)).body as Buffer,
    );
    expect(chosen.map((r) => r[2])).toEqual([
      'Name',
      'Ani Wijaya',
      'Budi Santoso',
      'Citra Dewi',
      'Dedi 100%',
    ]);
    const learner = await seedUser(ctx, Role.Learner, orgId);
    expect((await refused({}, learner)).status).toBe(403);
  });
});
