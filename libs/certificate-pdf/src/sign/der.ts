/** Just enough DER to assemble a CMS SignedData around a precomputed template. */

export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
/** SET OF in DER order (elements sorted by their encoding). */
export const setOf = (...items: Buffer[]) => tlv(0x31, ...[...items].sort(Buffer.compare));
export const octetString = (bytes: Buffer) => tlv(0x04, bytes);
export const smallInteger = (n: number) => tlv(0x02, Buffer.from([n]));

export function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
      groups.unshift((n & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export interface DerElement {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  /** The contents, header excluded. */
  body: Buffer;
}

/** Reads the elements of a constructed value's contents, in order. */
export function children(body: Buffer): DerElement[] {
  const out: DerElement[] = [];
  let at = 0;
  while (at < body.length) {
    const tag = body[at];
    let length = body[at + 1];
    let header = 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 4) throw new Error('unsupported DER length');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + body[at + 2 + i];
      header += count;
    }
    const end = at + header + length;
    if (end > body.length) throw new Error('truncated DER');
    out.push({ tag, raw: body.subarray(at, end), body: body.subarray(at + header, end) });
    at = end;
  }
  return out;
}
