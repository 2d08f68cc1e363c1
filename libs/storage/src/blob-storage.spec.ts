import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSafeKey, InvalidBlobKeyError, LocalDirectoryStorage } from './blob-storage';
import { detectContentType } from './magic-bytes';

describe('LocalDirectoryStorage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'k3-storage-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores, reads, sizes and deletes a blob with its sha256', async () => {
    const storage = new LocalDirectoryStorage(root);
    const stored = await storage.put('a/b/file.pdf', Buffer.from('hello'));
    expect(stored).toEqual({
      key: 'a/b/file.pdf',
      size: 5,
      sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    });
    expect((await storage.get('a/b/file.pdf')).toString()).toBe('hello');
    expect(await storage.size('a/b/file.pdf')).toBe(5);
    expect(await readdir(join(root, 'a/b'))).toEqual(['file.pdf']); // no temp file left
    await storage.delete('a/b/file.pdf');
    expect(await storage.size('a/b/file.pdf')).toBeNull();
  });

  it('lists blobs page by page in key order, with size and mtime, by prefix', async () => {
    const storage = new LocalDirectoryStorage(root);
    const keys = ['b/2.pdf', 'a.txt', 'a/x/1.pdf', 'a/y.pdf', 'c.bin', 'b/10.pdf'];
    for (const key of keys) await storage.put(key, Buffer.from(key));
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await storage.list({ after, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.key));
      for (const item of page.items) {
        expect(item.size).toBe(Buffer.byteLength(item.key));
        expect(Date.now() - item.lastModified.getTime()).toBeLessThan(3600_000);
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
