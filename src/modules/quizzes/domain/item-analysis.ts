/**
 * Item analysis as Moodle's quiz statistics report defines it
 * (https://docs.moodle.org/dev/Quiz_statistics_calculations, see docs/item-analysis.md).
 * The report computes both indices in SQL (`ItemAnalysisService`); these functions are the
 * reference its e2e test and unit specs hold the SQL to.
 */

/** One counted attempt as seen by one question: its mark there and the attempt's total. */
export interface ItemScore {
  /** The mark on the question (x). */
  mark: number;
  /** The attempt's total mark (X); the rest of the quiz is X − x. */
  total: number;
}

/**
 * Facility index F = 100 · (x̄ − x_min) / (x_max − x_min): the mean mark on the question as a
 * percentage of its range. Null without attempts or when the question carries no marks.
 */
export function facilityIndex(marks: number[], maxMark: number, minMark = 0): number | null {
  if (marks.length === 0 || maxMark <= minMark) return null;
  const mean = marks.reduce((s, x) => s + x, 0) / marks.length;
  return (100 * (mean - minMark)) / (maxMark - minMark);
}

/**
 * Discrimination index D = 100 · r(x, X'): Pearson's correlation between the mark on the
 * question and the mark on the rest of the quiz. Null when either has no spread (everyone got
 * the same mark), where the correlation is undefined.
 */
export function discriminationIndex(scores: ItemScore[]): number | null {
  const n = scores.length;
  if (n < 2) return null;
  const xs = scores.map((s) => s.mark);
  const rest = scores.map((s) => s.total - s.mark);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / n;
  const mx = mean(xs);
  const mr = mean(rest);
  let covariance = 0;
  let varX = 0;
  let varRest = 0;
  for (let i = 0; i < n; i++) {
    covariance += (xs[i] - mx) * (rest[i] - mr);
    varX += (xs[i] - mx) ** 2;
    varRest += (rest[i] - mr) ** 2;
  }
  if (varX === 0 || varRest === 0) return null;
  return (100 * covariance) / Math.sqrt(varX * varRest);
}

export const DISCRIMINATION_LEVELS = ['very_good', 'adequate', 'weak', 'very_weak', 'bad'] as const;
export type DiscriminationLevel = (typeof DISCRIMINATION_LEVELS)[number];

/**
 * Plain-words reading of D, as commonly quoted from Moodle's quiz report help (see
 * docs/item-analysis.md): 50 and above very good, 30–50 adequate, 20–30 weak, below 20 very
 * weak, negative bad (the stronger learners did worse on it).
 */
export function interpretDiscrimination(d: number | null): DiscriminationLevel | null {
  if (d === null) return null;
  if (d < 0) return 'bad';
  if (d >= 50) return 'very_good';
  if (d >= 30) return 'adequate';
  if (d >= 20) return 'weak';
  return 'very_weak';
}

export const FACILITY_LEVELS = [
  'extremely_difficult',
  'very_difficult',
  'difficult',
  'moderately_difficult',
  'about_right',
  'fairly_easy',
  'easy',
  'very_easy',
  'extremely_easy',
] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/** Upper bounds of each band of F, from Moodle's quiz report statistics help (see the docs). */
const FACILITY_BANDS: [number, FacilityLevel][] = [
  [5, 'extremely_difficult'],
  [10, 'very_difficult'],
  [20, 'difficult'],
  [34, 'moderately_difficult'],
  [65, 'about_right'],
  [80, 'fairly_easy'],
  [89, 'easy'],
  [94, 'very_easy'],
];

/**
 * Plain-words reading of F: ≤ 5 extremely difficult (or something wrong with the question),
 * 6–10 very difficult, 11–20 difficult, 21–34 moderately difficult, 35–65 about right for the
 * average learner, 66–80 fairly easy, 81–89 easy, 90–94 very easy, 95–100 extremely easy.
 */
export function interpretFacility(f: number | null): FacilityLevel | null {
  if (f === null) return null;
  const rounded = Math.round(f);
  return FACILITY_BANDS.find(([upTo]) => rounded <= upTo)?.[1] ?? 'extremely_easy';
}

/** A one-line plain-text start of a question's Markdown, for report rows. */
export function questionSnippet(markdown: string, maxCodePoints = 120): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`#>~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(plain);
  return chars.length <= maxCodePoints ? plain : `${chars.slice(0, maxCodePoints - 1).join('')}…`;
}
