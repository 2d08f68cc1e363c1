import type { DataSource, EntityManager } from 'typeorm';

/**
 * Read-only, cross-table: which of `keys` some row still references. This is the one list of
 * columns that hold a storage key: certificate PDFs, lesson files (lesson content `file.key`,
 * shared by the versions that copied it) and attachments of e-mails still to be sent. A new
 * kind of stored file adds its column here, or its blobs are swept after a day.
 */
export async function referencedStorageKeys(
  db: DataSource | EntityManager,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = (await db.query(
    `SELECT storage_key AS key FROM certificates WHERE storage_key = ANY($1::text[])
     UNION
     SELECT content->'file'->>'key' FROM lessons WHERE content->'file'->>'key' = ANY($1::text[])
     UNION
     SELECT a->>'storageKey' FROM email_outbox o,
            jsonb_array_elements(CASE WHEN jsonb_typeof(o.attachments) = 'array'
                                      THEN o.attachments ELSE '[]'::jsonb END) a
      WHERE o.status IN ('queued', 'sending') AND a->>'storageKey' = ANY($1::text[])`,
    [keys],
  )) as { key: string }[];
  return new Set(rows.map((r) => r.key));
}
