import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * A ZIP written into `output` entry by entry, on yazl. Each entry's source is opened only when
 * the entry before it is done, and read only as fast as the reader takes `output`. The central
 * directory goes out as one buffer per entry: zip-stream, used before, wrote ~17 small buffers
 * per entry in one synchronous loop, and for a 10,000-file ZIP that queue held ~50 MB at once.
 */
export class ZipWriter {
  private readonly zip = new ZipFile();
  // A PassThrough at run time; the typings say only NodeJS.ReadableStream.
  readonly output = this.zip.outputStream as Readable;
  private current: Readable | null = null;
  /** Entries added but not opened yet: yazl never opens them once the output is gone. */
  private readonly unopened = new Set<(e: Error) => void>();

  constructor() {
    this.zip.on('error', (e: Error) => this.output.destroy(e));
    // The reader went away: close the open source so no file stays open, and fail the entries
    // still waiting, so no caller waits for them for ever.
    this.output.once('close', () => {
      this.current?.destroy();
      for (const reject of this.unopened) reject(new Error('zip output closed'));
      this.unopened.clear();
    });
  }

  addText(name: string, text: string, options: { compress: boolean }): void {
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, options);
  }

  /** Resolves once the source `open` returned has been read to its end. */
  addStream(
    name: string,
    open: () => Readable,
    options: { compress: boolean; mtime?: Date },
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.output.destroyed) return reject(new Error('zip output closed'));
      this.unopened.add(reject);
      this.zip.addReadStreamLazy(name, options, (handOver) => {
        this.unopened.delete(reject);
        if (this.output.destroyed) return reject(new Error('zip output closed'));
        const source = open();
        this.current = source;
        source.once('end', resolve);
        source.once('error', (e) => {
          reject(e);
          this.output.destroy(e);
        });
        source.once('close', () => {
          if (!source.readableEnded) reject(new Error('zip entry source closed early'));
        });
        handOver(null, source);
      });
    });
  }

  end(): void {
    this.zip.end();
  }
}
