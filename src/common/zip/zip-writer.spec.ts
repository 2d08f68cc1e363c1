import { PassThrough, Readable } from 'node:stream';
import { fromBuffer, ZipFile as ReadZipFile, Entry } from 'yauzl';
import { ZipWriter } from './zip-writer';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every entry of a ZIP: name, compression method, modification time and content. */
function entries(
  zip: Buffer,
): Promise<{ name: string; method: number; modified: Date; content: string }[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (error, file?: ReadZipFile) => {
      if (error || !file) return reject(error);
      const found: { name: string; method: number; modified: Date; content: string }[] = [];
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          void read(stream).then((content) => {
            found.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              modified: entry.getLastModDate(),
              content: content.toString('utf8'),
            });
            file.readEntry();
          }, reject);
        });
      });
      file.on('end', () => resolve(found));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/** An opener that notes its name in `opened` when ZipWriter calls it. */
const noting = (opened: string[], name: string, source: () => Readable) => () => {
  opened.push(name);
  return source();
};

describe('ZipWriter', () => {
  it('writes text and streamed entries, stored or deflated, that a ZIP reader opens', async () => {
    const zip = new ZipWriter();
    const bytes = read(zip.output);
    zip.addText('a.txt', 'teks pertama', { compress: true });
    await zip.addStream('b.pdf', () => Readable.from([Buffer.from('%PDF-1.7 isi')]), {
      compress: false,
      mtime: new Date('2026-03-04T05:06:08Z'),
    });
    zip.end();
    const zipped = await entries(await bytes);
    expect(zipped.map((e) => [e.name, e.method, e.content])).toEqual([
      ['a.txt', 8, 'teks pertama'],
      ['b.pdf', 0, '%PDF-1.7 isi'],
    ]);
    expect(zipped[1].modified.toISOString()).toBe('2026-03-04T05:06:08.000Z');
  });

  it('opens each source only once the entry before it has been read to its end', async () => {
    const zip = new ZipWriter();
    const bytes = read(zip.output);
    const opened: string[] = [];
    const first = new PassThrough();
    const firstDone = zip.addStream(
      '1.txt',
      noting(opened, '1', () => first),
      {
        compress: false,
      },
    );
    const secondDone = zip.addStream(
      '2.txt',
      noting(opened, '2', () => Readable.from(['dua'])),
      {
        compress: false,
      },
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual(['1']);
    first.end('satu');
    await firstDone;
    await secondDone;
    expect(opened).toEqual(['1', '2']);
    zip.end();
    expect((await entries(await bytes)).map((e) => e.content)).toEqual(['satu', 'dua']);
  });

  it('closes the open source and rejects when the reader goes away', async () => {
    const zip = new ZipWriter();
    const source = new PassThrough();
    const done = zip.addStream('big.pdf', () => source, { compress: false });
    source.write(Buffer.alloc(1024));
    zip.output.destroy();
    await expect(done).rejects.toThrow('zip entry source closed early');
    expect(source.destroyed).toBe(true);
  });

  it('fails the entries not opened yet when the reader goes away', async () => {
    const zip = new ZipWriter();
    const first = new PassThrough();
    const firstDone = zip.addStream('1.pdf', () => first, { compress: false });
    const opened: string[] = [];
    const secondDone = zip.addStream(
      '2.pdf',
      noting(opened, '2', () => Readable.from(['dua'])),
      {
        compress: false,
      },
    );
    zip.output.destroy();
    await expect(firstDone).rejects.toThrow('zip entry source closed early');
    await expect(secondDone).rejects.toThrow('zip output closed');
    await expect(zip.addStream('3.pdf', () => first, { compress: false })).rejects.toThrow(
      'zip output closed',
    );
    expect(opened).toEqual([]);
  });

  it('fails the output when a source fails', async () => {
    const zip = new ZipWriter();
    const bytes = read(zip.output);
    const done = zip.addStream(
      'gone.pdf',
      () =>
        new Readable({
          read() {
            this.destroy(new Error('blob missing'));
          },
        }),
      { compress: false },
    );
    await expect(done).rejects.toThrow('blob missing');
    await expect(bytes).rejects.toThrow('blob missing');
  });
});
