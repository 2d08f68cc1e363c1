import { complianceCell, type CellFacts } from './compliance-cell';

const now = new Date('2026-12-02T00:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const cell = (facts: Partial<CellFacts>) =>
  complianceCell({ certificates: [], enrollments: [], ...facts }, now);

describe('complianceCell', () => {
  it('is none without certificates or open enrollments', () => {
    expect(cell({})).toEqual({ state: 'none', validUntil: null });
    expect(cell({ enrollments: [{ status: 'withdrawn', dueAt: days(-5) }] }).state).toBe('none');
    expect(cell({ certificates: [{ status: 'revoked', expiresAt: null }] }).state).toBe('none');
  });

  it('is valid with the expiry date, expiring within 90 days', () => {
    expect(cell({ certificates: [{ status: 'issued', expiresAt: days(200) }] })).toEqual({
      state: 'valid',
      validUntil: days(200),
    });
    expect(cell({ certificates: [{ status: 'issued', expiresAt: days(90) }] }).state).toBe(
      'expiring',
    );
    expect(cell({ certificates: [{ status: 'issued', expiresAt: null }] })).toEqual({
      state: 'valid',
      validUntil: null,
    });
  });

  it('lets the longest valid certificate win, and a newer valid one supersede an expired one', () => {
    const c = cell({
      certificates: [
        { status: 'issued', expiresAt: days(-10) },
        { status: 'issued', expiresAt: days(20) },
        { status: 'issued', expiresAt: days(400) },
      ],
      enrollments: [{ status: 'in_progress', dueAt: days(-1) }],
    });
    expect(c).toEqual({ state: 'valid', validUntil: days(400) });
  });

  it('says overdue before in progress before expired', () => {
    const expired = { status: 'issued' as const, expiresAt: days(-1) };
    expect(cell({ certificates: [expired] }).state).toBe('expired');
    expect(
      cell({ certificates: [expired], enrollments: [{ status: 'not_started', dueAt: days(3) }] })
        .state,
    ).toBe('in_progress');
    expect(
      cell({
        certificates: [expired],
        enrollments: [
          { status: 'in_progress', dueAt: null },
          { status: 'not_started', dueAt: days(-3) },
        ],
      }).state,
    ).toBe('overdue');
    expect(cell({ enrollments: [{ status: 'completed', dueAt: days(-3) }] }).state).toBe('none');
  });
});
