import fc from 'fast-check';
import { Client } from 'pg';
import {
  cellFactsSql,
  cellStateSql,
  cellValidUntilSql,
  complianceCell,
  type CellFacts,
} from '../src/modules/compliance/domain/compliance-cell';

/** Pins the matrix SQL to the domain rule: both must give the same cell for the same facts. */
describe('compliance cell SQL mirrors complianceCell', () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const now = new Date('2026-12-02T00:00:00Z');
  const offsetDays = fc.option(fc.integer({ min: -120, max: 400 }), { nil: null });
  const at = (d: number | null) => (d === null ? null : new Date(now.getTime() + d * 86_400_000));
  const facts = fc.record({
    certificates: fc.array(
      fc.record({
        status: fc.constantFrom('pending', 'issued', 'failed', 'revoked', 'superseded' as const),
        expiresAt: offsetDays.map(at),
      }),
      { maxLength: 4 },
    ),
    enrollments: fc.array(
      fc.record({
        status: fc.constantFrom('not_started', 'in_progress', 'completed', 'withdrawn' as const),
        dueAt: offsetDays.map(at),
      }),
      { maxLength: 3 },
    ),
  });

  async function sqlCell(f: CellFacts) {
    const { certificateAggregates, enrollmentAggregates } = cellFactsSql('$1::timestamptz');
    const { rows } = await client.query<{ state: string; valid_until: Date | null }>(
      `WITH c AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(status text, expires_at timestamptz)),
            e AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(status text, due_at timestamptz)),
            f AS (SELECT * FROM (SELECT ${certificateAggregates} FROM c) ca,
                                (SELECT ${enrollmentAggregates} FROM e) ea)
       SELECT ${cellStateSql('$1::timestamptz')} AS state, ${cellValidUntilSql()} AS valid_until
         FROM f`,
      [
        now.toISOString(),
        JSON.stringify(f.certificates.map((c) => ({ status: c.status, expires_at: c.expiresAt }))),
        JSON.stringify(f.enrollments.map((e) => ({ status: e.status, due_at: e.dueAt }))),
      ],
    );
    return { state: rows[0].state, validUntil: rows[0].valid_until };
  }

  it('agrees on generated facts', async () => {
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        expect(await sqlCell(f)).toEqual(complianceCell(f, now));
      }),
      { numRuns: 200 },
    );
  });
});
