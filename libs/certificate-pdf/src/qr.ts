import { create } from 'qrcode';

export interface QrCode {
  /** Modules per side (without quiet zone). */
  readonly size: number;
  /** Horizontal runs of dark modules: [column, row, length]. */
  readonly runs: readonly (readonly [number, number, number])[];
}

/**
 * QR code for the verification URL (error correction M), as runs of dark modules so the
 * page draws it as vector rectangles: one rectangle per run instead of per module.
 * The URL is one byte-mode segment: qrcode's automatic segmentation (a shortest-path search
 * over mode switches) costs about as much as the rest of the encoding and gains nothing for
 * a lower-case URL.
 */
export function qrCode(text: string): QrCode {
  const segment = { data: Buffer.from(text, 'utf8'), mode: 'byte' as const };
  const { size, data } = create([segment], { errorCorrectionLevel: 'M' }).modules;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      runs.push([start, row, col - start]);
    }
  }
  return { size, runs };
}
