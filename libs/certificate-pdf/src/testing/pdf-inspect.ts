import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  readonly id: number;
  /** The object's text up to `stream` (or the whole body when it has no stream). */
  readonly dict: string;
  /** Raw (still encoded) stream bytes. */
  readonly stream?: Buffer;
}

/**
 * Reads every object through the cross-reference table, asserting on the way that each
 * in-use entry points exactly at `N 0 obj` (a wrong offset throws).
 */
export function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const startxref = /startxref\n(\d+)\n%%EOF\n?$/.exec(text);
  if (!startxref) throw new Error('no startxref at the end of the file');
  const xrefAt = Number(startxref[1]);
  if (!text.startsWith('xref\n', xrefAt)) throw new Error('startxref does not point at xref');
  const section = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!section) throw new Error('malformed xref section header');
  const count = Number(section[1]);
  const entriesAt = xrefAt + section[0].length;
  const size = /\/Size (\d+)/.exec(text.slice(xrefAt));
  if (Number(size?.[1]) !== count) throw new Error('trailer /Size differs from xref count');
  const objects = new Map<number, PdfObject>();
  for (let id = 0; id < count; id++) {
    const entry = text.slice(entriesAt + id * 20, entriesAt + (id + 1) * 20);
    const match = /^(\d{10}) (\d{5}) ([nf])(\r\n| \n| \r)$/.exec(entry);
    if (!match) throw new Error(`xref entry ${id} is malformed: ${JSON.stringify(entry)}`);
    if (match[3] === 'f') continue;
    const offset = Number(match[1]);
    const header = `${id} 0 obj\n`;
    if (!text.startsWith(header, offset)) {
      throw new Error(
        `xref offset of object ${id} points at ${JSON.stringify(text.slice(offset, offset + 12))}`,
      );
    }
    const bodyAt = offset + header.length;
    const end = text.indexOf('endobj', bodyAt);
    const streamAt = text.indexOf('stream\n', bodyAt);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(bodyAt, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataAt = streamAt + 'stream\n'.length;
      const stream = pdf.subarray(dataAt, dataAt + length);
      if (!text.startsWith('\nendstream', dataAt + length)) {
        throw new Error(`stream /Length of object ${id} is wrong`);
      }
      objects.set(id, { id, dict, stream });
    } else {
      objects.set(id, { id, dict: text.slice(bodyAt, end) });
    }
  }
  return objects;
}

export function decodedStream(object: PdfObject): Buffer {
  if (!object.stream) throw new Error(`object ${object.id} has no stream`);
  return object.dict.includes('/FlateDecode') ? inflateSync(object.stream) : object.stream;
}

/** The page's content stream, decoded. */
export function pageContent(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const page = [...objects.values()].find((o) => /\/Type \/Page\b/.test(o.dict));
  const contentsId = Number(/\/Contents (\d+) 0 R/.exec(page?.dict ?? '')?.[1]);
  return decodedStream(objects.get(contentsId)!).toString('latin1');
}

/**
 * Runs a poppler tool on the PDF (written to a temp file, `after` follows the file name)
 * and returns stdout and stderr; a non-zero exit throws.
 */
export function poppler(
  tool: string,
  pdf: Buffer,
  args: string[] = [],
  after: string[] = [],
): { out: string; err: string } {
  const { out, err } = popplerBinary(tool, pdf, args, after);
  return { out: out.toString('utf8'), err };
}

export function popplerBinary(
  tool: string,
  pdf: Buffer,
  args: string[] = [],
  after: string[] = [],
): { out: Buffer; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
  try {
    const file = join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync(tool, [...args, file, ...after], { cwd: dir });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      throw new Error(
        `${tool} not found: install poppler-utils (apt-get install -y poppler-utils, or run scripts/system-deps.sh)`,
      );
    }
    if (result.error) throw result.error;
    const err = result.stderr.toString('utf8');
    if (result.status !== 0) throw new Error(`${tool} failed: ${err}`);
    return { out: result.stdout, err };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RGB of the page pixel at (x, y) points from the top left, rendered at 72 dpi. */
export function pixelAt(pdf: Buffer, x: number, y: number): number[] {
  const args = ['-r', '72', '-x', String(x), '-y', String(y), '-W', '1', '-H', '1'];
  const { out, err } = popplerBinary('pdftoppm', pdf, args);
  if (err) throw new Error(`pdftoppm: ${err}`);
  // Binary PPM: "P6\n1 1\n255\n" then one RGB triple.
  return Array.from(out.subarray(out.length - 3));
}

/** pdftotext output, NFC-normalised, whitespace runs collapsed to single spaces. */
export function extractText(pdf: Buffer): string {
  return poppler('pdftotext', pdf, ['-enc', 'UTF-8'], ['-'])
    .out.normalize('NFC')
    .replace(/\s+/g, ' ');
}
