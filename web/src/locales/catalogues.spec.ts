import en from './en.json';
import id from './id.json';

type Catalogue = { [key: string]: string | Catalogue };

function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('web app catalogues', () => {
  it('Indonesian and English have exactly the same keys', () => {
    const idKeys = keysOf(id).sort();
    const enKeys = keysOf(en).sort();
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.length).toBeGreaterThan(50);
  });

  it('has no empty message and keeps the same {{placeholders}} in both languages', () => {
    const idFlat = new Map(keysOf(id).map((k) => [k, lookup(id, k)]));
    for (const key of keysOf(en)) {
      const english = lookup(en, key);
      const indonesian = idFlat.get(key) ?? '';
      expect({ key, empty: english.trim() === '' || indonesian.trim() === '' }).toEqual({
        key,
        empty: false,
      });
      expect({ key, vars: placeholders(indonesian) }).toEqual({ key, vars: placeholders(english) });
    }
  });
});

function lookup(catalogue: Catalogue, key: string): string {
  return key
    .split('.')
    .reduce<string | Catalogue>((node, part) => (node as Catalogue)[part], catalogue) as string;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}
