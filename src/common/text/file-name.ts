// eslint-disable-next-line no-control-regex -- control characters are what this strips
const CONTROL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EXTENSION = /\.[^.\s]{1,16}$/u;

/**
 * A file name safe to store and send back: NFC, no control characters, no lone surrogates,
 * at most `maxCodePoints` code points. Cuts by code points (never inside a surrogate pair),
 * and keeps a short extension when the stem has to be shortened.
 */
export function shortenFileName(name: string, maxCodePoints: number): string {
  const clean = name.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').replace(CONTROL, '');
  const points = Array.from(clean);
  if (points.length <= maxCodePoints) return clean;
  const extension = Array.from(EXTENSION.exec(clean)?.[0] ?? '');
  if (extension.length && extension.length < maxCodePoints) {
    const stem = points.slice(0, points.length - extension.length);
    return [...stem.slice(0, maxCodePoints - extension.length), ...extension].join('');
  }
  return points.slice(0, maxCodePoints).join('');
}

/** The first `max` code points of `text`: never leaves half a surrogate pair behind. */
export function cutByCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}
