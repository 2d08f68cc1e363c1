/** A blob younger than this may belong to an upload or render whose row is not written yet. */
export const ORPHAN_MIN_AGE_MS = 24 * 3600 * 1000;

export interface BlobFacts {
  key: string;
  lastModified: Date;
}

/** A blob is an orphan when no row references it and it is older than `minAgeMs`. */
export function isOrphanBlob(
  blob: BlobFacts,
  referenced: ReadonlySet<string>,
  now: Date,
  minAgeMs = ORPHAN_MIN_AGE_MS,
): boolean {
  return !referenced.has(blob.key) && now.getTime() - blob.lastModified.getTime() > minAgeMs;
}
