import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { S3RVER_CREDENTIALS, startS3rver } from '../../../test/support/s3rver';
import {
  assertSafeKey,
  BlobNotFoundError,
  type BlobStorage,
  InvalidBlobKeyError,
  LocalDirectoryStorage,
} from './blob-storage';
import { detectContentType } from './magic-bytes';
import { S3Storage } from './s3-storage';

interface Driver {
  storage: BlobStorage;
  close(): Promise<void>;
}

async function localDriver(): Promise<Driver> {
  const root = await mkdtemp(join(tmpdir(), 'k3-storage-'));
  return {
    storage: new LocalDirectoryStorage(root),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function s3Driver(): Promise<Driver> {
  const server = await startS3rver('k3-contract');
  const storage = new S3Storage({
    bucket: server.bucket,
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    ...S3RVER_CREDENTIALS,
    partSizeBytes: 5 * 1024 * 1024,
  });
  return {
    storage,
    close: async () => {
      storage.destroy();
      await server.close();
    },
  };
}

/** `total` bytes of a repeatable pattern, made chunk by chunk, never held whole. */
function generated(total: number): { stream: Readable; sha256: string } {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 31 + 7) % 251;
  const hash = createHash('sha256');
  for (let sent = 0; sent < total; sent += chunk.length) {
    hash.update(chunk.subarray(0, Math.min(chunk.length, total - sent)));
  }
  const stream = Readable.from(
    (function* () {
      for (let sent = 0; sent < total; sent += chunk.length) {
        yield chunk.subarray(0, Math.min(chunk.length, total - sent));
      }
    })(),
  );
  return { stream, sha256: hash.digest('hex') };
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

describe.each([
  ['local', localDriver],
  ['s3', s3Driver],
])('BlobStorage contract (%s)', (_driverName, start) => {
  let driver: Driver;
  let storage: BlobStorage;
  beforeEach(async () => {
    driver = await start();
    storage = driver.storage;
  });
  afterEach(() => driver.close());

  it('stores, reads, sizes and deletes a blob with its sha256', async () => {
    const stored = await storage.put('a/b/file.pdf', Buffer.from('hello'));
    expect(stored).toEqual({
      key: 'a/b/file.pdf',
      size: 5,
      sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    });
    expect((await storage.get('a/b/file.pdf')).toString()).toBe('hello');
    expect(await storage.size('a/b/file.pdf')).toBe(5);
    expect((await storage.list({ prefix: 'a/b/', limit: 10 })).items.map((i) => i.key)).toEqual([
      'a/b/file.pdf',
    ]); // no temp blob left
    await storage.delete('a/b/file.pdf');
    expect(await storage.size('a/b/file.pdf')).toBeNull();
    await expect(storage.delete('a/b/file.pdf')).resolves.toBeUndefined(); // idempotent
  });

  it('stores a buffer larger than one multipart part (6 MiB) with its size and sha256', async () => {
    const data = Buffer.alloc(6 * 1024 * 1024 + 7, 'jp');
    const stored = await storage.put('big/6mb.bin', data);
    expect(stored).toEqual({
      key: 'big/6mb.bin',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    expect((await storage.get('big/6mb.bin')).equals(data)).toBe(true);
  });

  it('streams a blob back chunk by chunk', async () => {
    const data = Buffer.alloc(300 * 1024, 'k3');
    await storage.put('stream/x.bin', data);
    const chunks: Buffer[] = [];
    for await (const chunk of storage.stream('stream/x.bin')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('uploads a large generated stream (multipart on S3) and streams it back, by hash', async () => {
    const total = 20 * 1024 * 1024 + 12345;
    const source = generated(total);
    const heapBefore = process.memoryUsage().heapUsed;
    const stored = await storage.putStream('big/20mb.bin', source.stream);
    expect(stored).toEqual({ key: 'big/20mb.bin', size: total, sha256: source.sha256 });
    expect(await sha256Of(storage.stream('big/20mb.bin'))).toEqual({
      sha256: source.sha256,
      size: total,
    });
    // Never the whole object in memory: the heap grows by well under the object's size.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(total);
    expect((await storage.stat('big/20mb.bin'))?.size).toBe(total);
  });

  it('gives size and a strong etag that changes when the blob is replaced', async () => {
    await storage.put('etag/x.txt', Buffer.from('one'));
    const first = await storage.stat('etag/x.txt');
    expect(first).toEqual({ size: 3, etag: expect.stringMatching(/^"[^"]+"$/) });
    expect(await storage.stat('etag/x.txt')).toEqual(first);
    await new Promise((resolve) => setImmediate(resolve));
    await storage.put('etag/x.txt', Buffer.from('two!'));
    const second = await storage.stat('etag/x.txt');
    expect(second?.size).toBe(4);
    expect(second?.etag).not.toBe(first?.etag);
    expect(await storage.stat('etag/missing.txt')).toBeNull();
  });

  it('answers a missing key with BlobNotFoundError on get and stream', async () => {
    await expect(storage.get('nope/x.pdf')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(sha256Of(storage.stream('nope/x.pdf'))).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await storage.size('nope/x.pdf')).toBeNull();
  });

  it('lists blobs page by page in key order, with size and mtime, by prefix', async () => {
    const keys = ['b/2.pdf', 'a0.txt', 'a/x/1.pdf', 'a/y.pdf', 'c.bin', 'b/10.pdf'];
    for (const key of keys) await storage.put(key, Buffer.from(key));
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await storage.list({ after, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.key));
      for (const item of page.items) {
        expect(item.size).toBe(Buffer.byteLength(item.key));
        expect(Math.abs(Date.now() - item.lastModified.getTime())).toBeLessThan(3600_000);
      }
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual([...keys].sort());
    const underB = await storage.list({ prefix: 'b/', limit: 10 });
    expect(underB.items.map((i) => i.key)).toEqual(['b/10.pdf', 'b/2.pdf']);
    expect(underB.nextCursor).toBeNull();
    expect((await storage.list({ prefix: 'nothing/', limit: 10 })).items).toEqual([]);
  });

  it('refuses unsafe keys on every operation', async () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../x', '', 'a\\b']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      expect(() => storage.stream(key)).toThrow(InvalidBlobKeyError);
    }
  });
});

// s3rver walks its directories in file-system order, so it returns `a/x` before `a.txt`
// (real S3 sorts by bytes, `.` before `/`); this ordering is checked on the local driver only.
describe('LocalDirectoryStorage', () => {
  it('lists a file before a directory whose name it extends, as S3 does', async () => {
    const { storage, close } = await localDriver();
    try {
      for (const key of ['a/x/1.pdf', 'a.txt', 'a/y.pdf']) await storage.put(key, Buffer.from(key));
      const first = await storage.list({ limit: 1 });
      expect(first.items.map((i) => i.key)).toEqual(['a.txt']);
      const rest = await storage.list({ after: first.nextCursor!, limit: 10 });
      expect(rest.items.map((i) => i.key)).toEqual(['a/x/1.pdf', 'a/y.pdf']);
    } finally {
      await close();
    }
  });
});

describe('assertSafeKey', () => {
  it('refuses keys that escape the root', () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../x', '', 'a\\b']) {
      expect(() => assertSafeKey(key)).toThrow(InvalidBlobKeyError);
    }
    expect(assertSafeKey('certificates/2026/x.pdf')).toBe('certificates/2026/x.pdf');
  });
});

describe('detectContentType', () => {
  it('recognises by magic bytes only', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectContentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('application/zip');
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(detectContentType(Buffer.from('<html>%PDF-'))).toBeNull();
  });
});
