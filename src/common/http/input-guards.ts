/**
 * Pure checks applied to every request before validation: text PostgreSQL cannot store
 * (NUL, unpaired UTF-16 surrogates) and JSON nested deeper than any DTO needs.
 */

export const MAX_JSON_DEPTH = 32;

const UNSTORABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

/**
 * Path (e.g. `items[2].name`) of the first string, or object key, holding NUL or a lone
 * surrogate; null when everything is storable. Walks iteratively so depth cannot overflow.
 */
export function findUnstorableText(root: unknown, rootPath = ''): string | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return path || '(value)';
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const itemPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return itemPath;
        stack.push([item, itemPath]);
      }
    }
  }
  return null;
}

/** Deepest array/object nesting of a JSON text, counted without parsing it. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return max;
}
