import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './cursor';

const UUID = '0b7c2f1e-2a4d-4c1e-9f3a-7d5e6c4b3a21';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
  return undefined;
}

describe('keyset cursor', () => {
  it('round-trips values of the declared shape', () => {
    const cursor = encodeCursor(['2026-01-01T00:00:00.000Z', UUID]);
    expect(decodeCursor(cursor, ['timestamp', 'uuid'])).toEqual(['2026-01-01T00:00:00.000Z', UUID]);
    const pgText = encodeCursor(['2026-12-02 04:09:25.123456+00', UUID]);
    expect(decodeCursor(pgText, ['timestamp', 'uuid'])).not.toBeNull();
    expect(decodeCursor(encodeCursor([42]), ['int'])).toEqual([42]);
    expect(decodeCursor(encodeCursor(['PT Ä', UUID]), ['text', 'uuid'])).toEqual(['PT Ä', UUID]);
    expect(decodeCursor(undefined, ['int'])).toBeNull();
  });

  it('rejects garbage, wrong arity, wrong types and out-of-range values with INVALID_CURSOR', () => {
    const bad: [string, Parameters<typeof decodeCursor>[1]][] = [
      ['%%%', ['timestamp', 'uuid']],
      [encodeCursor(['a']), ['timestamp', 'uuid']],
      [Buffer.from('{"a":1}').toString('base64url'), ['int']],
      [encodeCursor(['not a date', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['0001-01-01T00:00:00Z', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['99999-01-01T00:00:00Z', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['2026-02-30T00:00:00Z', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['2026-W01-1T00:00:00Z', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['2026-01-01T00:00:00+99', UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['2026-01-01T00:00:00Z', 'nope']), ['timestamp', 'uuid']],
      [encodeCursor([1, UUID]), ['timestamp', 'uuid']],
      [encodeCursor(['a\u0000b', UUID]), ['text', 'uuid']],
      [encodeCursor(['a\uD800', UUID]), ['text', 'uuid']],
      [encodeCursor([2 ** 31]), ['int']],
      [encodeCursor([-1]), ['int']],
      [encodeCursor([1.5]), ['int']],
      [encodeCursor(['1']), ['int']],
    ];
    for (const [cursor, shape] of bad) {
      expect([cursor, codeOf(() => decodeCursor(cursor, shape))]).toEqual([
        cursor,
        'INVALID_CURSOR',
      ]);
    }
  });

  it('cuts one extra row into a next cursor', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const page = toPage(rows, 2, (r) => [r.id]);
    expect(page.items.map((r) => r.id)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, ['int'])).toEqual([2]);
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
