import { isOrphanBlob, ORPHAN_MIN_AGE_MS } from './orphan-blobs';

describe('isOrphanBlob', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const none = new Set<string>();

  it('is an orphan when unreferenced and older than a day', () => {
    expect(isOrphanBlob({ key: 'a', lastModified: ago(ORPHAN_MIN_AGE_MS + 1) }, none, now)).toBe(
      true,
    );
  });

  it('keeps a referenced blob however old', () => {
    const blob = { key: 'a', lastModified: ago(365 * ORPHAN_MIN_AGE_MS) };
    expect(isOrphanBlob(blob, new Set(['a']), now)).toBe(false);
  });

  it('keeps an unreferenced blob up to a day old (its row may still be coming)', () => {
    expect(isOrphanBlob({ key: 'a', lastModified: ago(ORPHAN_MIN_AGE_MS) }, none, now)).toBe(false);
    expect(isOrphanBlob({ key: 'a', lastModified: ago(60_000) }, none, now)).toBe(false);
    expect(
      isOrphanBlob({ key: 'a', lastModified: new Date(now.getTime() + 5000) }, none, now),
    ).toBe(false);
  });
});
