import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The file's text, creating it with `create()` when it is missing (private: 0600, folder 0700).
 * Processes that start together (API and worker) each write their own temp file and hard-link
 * it into place: the link fails for every process but the first, and all of them then read the
 * winner's file. `created` is true only in the process that won.
 */
export async function readOrCreateOnce(
  file: string,
  create: () => string | Promise<string>,
): Promise<{ text: string; created: boolean }> {
  try {
    return { text: readFileSync(file, 'utf8'), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // The file itself is 0600. The directories keep the default mode: `.data/` is shared with the
  // embedded PostgreSQL, whose server runs as the `postgres` user and must traverse it.
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, await create(), { mode: 0o600 });
  let created = false;
  try {
    linkSync(temp, file);
    created = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  return { text: readFileSync(file, 'utf8'), created };
}
