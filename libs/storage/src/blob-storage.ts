import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

export interface BlobInfo {
  key: string;
  size: number;
  lastModified: Date;
}

export interface BlobStat {
  size: number;
  /** Strong validator for HTTP `ETag` (quoted), stable while the blob is unchanged. */
  etag: string;
}

export interface BlobPage {
  items: BlobInfo[];
  /** Pass as `after` for the next page; null when this was the last one. */
  nextCursor: string | null;
}

export interface ListBlobsOptions {
  /** Only keys starting with this. */
  prefix?: string;
  /** Only keys sorting after this one (S3: ListObjectsV2 `StartAfter`). */
  after?: string;
  limit: number;
}

/** Where files live. A local directory today; an S3-compatible store implements the same port. */
export interface BlobStorage {
  put(key: string, data: Buffer): Promise<StoredBlob>;
  /** Same as `put` for a stream, never holding the whole blob in memory. */
  putStream(key: string, source: Readable): Promise<StoredBlob>;
  /** Rejects with `BlobNotFoundError` when the key does not exist. */
  get(key: string): Promise<Buffer>;
  /** Errors with `BlobNotFoundError` (on the stream) when the key does not exist. */
  stream(key: string): Readable;
  size(key: string): Promise<number | null>;
  stat(key: string): Promise<BlobStat | null>;
  delete(key: string): Promise<void>;
  /** One page of blobs in key order (plain string order of the keys), with size and mtime. */
  list(options: ListBlobsOptions): Promise<BlobPage>;
}

export class InvalidBlobKeyError extends Error {}

export class BlobNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly key: string) {
    super(`No blob at ${JSON.stringify(key)}`);
  }
}

/** A pass-through that hashes and counts what flows through it. */
export function hashingCounter(): Transform & { result(): { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(counter, { result: () => ({ size, sha256: hash.digest('hex') }) });
}

function notFoundAs(key: string) {
  return (error: unknown): never => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
    throw error;
  };
}

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

  async putStream(key: string, source: Readable): Promise<StoredBlob> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    const counter = hashingCounter();
    try {
      await pipeline(source, counter, createWriteStream(temp));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await rename(temp, path);
    return { key, ...counter.result() };
  }

  async get(key: string): Promise<Buffer> {
    const { readFile } = await import('node:fs/promises');
    return readFile(this.pathOf(key)).catch(notFoundAs(key));
  }

  stream(key: string): Readable {
    const path = this.pathOf(key);
    // 16 KiB reads, not 64: certificate PDFs are 13-17 KB, and each read's buffer stays allocated
    // until GC. A 10,000-file ZIP otherwise holds ~10 MB of mostly empty read buffers.
    const source = createReadStream(path, { highWaterMark: 16 * 1024 });
    const wrapped = new Transform({ transform: (chunk, _e, done) => done(null, chunk) });
    source.on('error', (error) => {
      wrapped.destroy(
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? new BlobNotFoundError(key) : error,
      );
    });
    return source.pipe(wrapped);
  }

  /** The ETag is size + mtime: blobs are replaced by rename, so any rewrite changes the mtime. */
  async stat(key: string): Promise<BlobStat | null> {
    const info = await stat(this.pathOf(key)).catch(() => null);
    if (!info?.isFile()) return null;
    return {
      size: info.size,
      etag: `"${info.size.toString(16)}-${Math.round(info.mtimeMs * 1000).toString(16)}"`,
    };
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

  async list({ prefix = '', after = '', limit }: ListBlobsOptions): Promise<BlobPage> {
    const items: BlobInfo[] = [];
    for await (const key of this.keysFrom('', prefix, after)) {
      const info = await stat(join(this.root, key)).catch(() => null);
      if (!info?.isFile()) continue; // deleted meanwhile
      items.push({ key, size: info.size, lastModified: info.mtime });
      if (items.length >= limit) break;
    }
    return {
      items,
      nextCursor: items.length >= limit ? items[items.length - 1].key : null,
    };
  }

  /**
   * Keys in global string order, one directory in memory at a time. A directory sorts as
   * `name/`, so `a.txt` comes before `a/x` as it does in S3; subtrees wholly before `after`
   * or outside `prefix` are not entered.
   */
  private async *keysFrom(dir: string, prefix: string, after: string): AsyncGenerator<string> {
    const entries = await readdir(join(this.root, dir), { withFileTypes: true }).catch(() => []);
    const named = entries
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => ({ key: `${dir}${e.name}${e.isDirectory() ? '/' : ''}`, isDir: e.isDirectory() }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, isDir } of named) {
      if (isDir) {
        const beforeAfter = after > key && !after.startsWith(key);
        const outsidePrefix = !key.startsWith(prefix) && !prefix.startsWith(key);
        if (!beforeAfter && !outsidePrefix) yield* this.keysFrom(key, prefix, after);
      } else if (key > after && key.startsWith(prefix)) {
        yield key;
      }
    }
  }
}
