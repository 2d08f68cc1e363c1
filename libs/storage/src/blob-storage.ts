import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

/** Where files live. A local directory today; an S3-compatible store implements the same port. */
export interface BlobStorage {
  put(key: string, data: Buffer): Promise<StoredBlob>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

export class InvalidBlobKeyError extends Error {}

/** Keys are relative paths like `certificates/2026/ab/<uuid>.pdf`; nothing escapes the root. */
export function assertSafeKey(key: string): string {
  const normalised = normalize(key);
  if (
    !key ||
    key.length > 512 ||
    normalised.startsWith('..') ||
    normalised.startsWith(sep) ||
    normalised.includes(`..${sep}`) ||
    /[\0\\]/.test(key)
  ) {
    throw new InvalidBlobKeyError(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
  return normalised;
}

export class LocalDirectoryStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return join(this.root, assertSafeKey(key));
  }

  /** Writes to a temp file then renames, so a reader never sees a half-written blob. */
  async put(key: string, data: Buffer): Promise<StoredBlob> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
    return { key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    const { readFile } = await import('node:fs/promises');
    return readFile(this.pathOf(key));
  }

  stream(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
