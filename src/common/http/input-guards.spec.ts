import { findUnstorableText, isStorableText, jsonNestingDepth } from './input-guards';

describe('input guards', () => {
  it('accepts ordinary text, emoji and surrogate pairs', () => {
    expect(isStorableText('Keselamatan kerja ✓ 👷‍♀️ 𝔘')).toBe(true);
  });

  it('refuses NUL and unpaired surrogates, high or low', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uD83Dy', '\uDC00', 'a\uDE00b']) {
      expect(isStorableText(bad)).toBe(false);
    }
  });

  it('names the path of the first unstorable string or key', () => {
    expect(findUnstorableText({ a: 'ok', b: [1, { c: 'x\u0000' }] })).toBe('b[1].c');
    expect(findUnstorableText({ ['k\uD800']: 1 })).toBe('k\uD800');
    expect(findUnstorableText('\uDC00', 'q')).toBe('q');
    expect(findUnstorableText({ a: ['ok', 2, null, true] })).toBeNull();
  });

  it('walks very deep values without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep)).toMatch(/^(\[0\])+$/);
  });

  it('counts JSON nesting outside strings only', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[[\\"{{{"}')).toBe(1);
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('['.repeat(50) + ']'.repeat(50))).toBe(50);
  });
});
