import { GlyphRange } from '../font/shaped-text';
import { FontSubset } from '../font/subset';
import { hex4 } from './hex';
import { num } from './strings';

export type Rgb = readonly [number, number, number];

export interface FontResource {
  readonly name: string;
  readonly subset: FontSubset;
}

/**
 * Builds a page content stream. Callers use top-down coordinates (y grows downwards from
 * the top edge, as in the layout); they are flipped to PDF user space here.
 */
export class ContentBuilder {
  private readonly ops: string[] = [];
  private fill = '';
  private stroke = '';

  constructor(private readonly pageHeight: number) {}

  fillColor(rgb: Rgb): this {
    const op = `${num(rgb[0])} ${num(rgb[1])} ${num(rgb[2])} rg`;
    if (op !== this.fill) this.ops.push((this.fill = op));
    return this;
  }

  strokeColor(rgb: Rgb): this {
    const op = `${num(rgb[0])} ${num(rgb[1])} ${num(rgb[2])} RG`;
    if (op !== this.stroke) this.ops.push((this.stroke = op));
    return this;
  }

  fillRect(x: number, top: number, width: number, height: number, rgb: Rgb): this {
    this.fillColor(rgb);
    this.ops.push(`${this.rectOp(x, top, width, height)} f`);
    return this;
  }

  strokeRect(
    x: number,
    top: number,
    width: number,
    height: number,
    lineWidth: number,
    rgb: Rgb,
  ): this {
    this.strokeColor(rgb);
    this.ops.push(`${num(lineWidth)} w ${this.rectOp(x, top, width, height)} S`);
    return this;
  }

  line(x1: number, top1: number, x2: number, top2: number, lineWidth: number, rgb: Rgb): this {
    this.strokeColor(rgb);
    const [y1, y2] = [this.pageHeight - top1, this.pageHeight - top2];
    this.ops.push(`${num(lineWidth)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
    return this;
  }

  polygon(points: readonly (readonly [number, number])[], rgb: Rgb): this {
    this.fillColor(rgb);
    const path = points.map(
      ([x, top], i) => `${num(x)} ${num(this.pageHeight - top)} ${i ? 'l' : 'm'}`,
    );
    this.ops.push(`${path.join(' ')} h f`);
    return this;
  }

  /**
   * Cells of a square grid (the QR code) filled as one path: one fill avoids hairline seams
   * between cells, and with the grid transform each cell is just `col row len 1 re`.
   */
  fillGridRuns(
    x: number,
    top: number,
    cell: number,
    cells: number,
    runs: readonly (readonly [number, number, number])[],
    rgb: Rgb,
  ): this {
    this.fillColor(rgb);
    const y = this.pageHeight - top - cells * cell;
    let path = `q ${num(cell, 4)} 0 0 ${num(cell, 4)} ${num(x)} ${num(y)} cm\n`;
    for (const [col, row, length] of runs) path += `${col} ${cells - 1 - row} ${length} 1 re\n`;
    this.ops.push(`${path}f Q`);
    return this;
  }

  /** Draws glyphs with the left end of the baseline at (x, baseline). */
  text(
    font: FontResource,
    size: number,
    x: number,
    baseline: number,
    range: GlyphRange,
    rgb: Rgb,
    charSpacing = 0,
  ): this {
    if (range.end <= range.start) return this;
    this.fillColor(rgb);
    const { glyphs, chars, kerns } = range.text;
    let hex = '';
    let parts = '';
    let kerned = false;
    for (let i = range.start; i < range.end; i++) {
      hex += hex4(font.subset.cidFor(glyphs[i], chars[i]));
      if (i + 1 < range.end && kerns[i] !== 0) {
        parts += `<${hex}> ${-kerns[i]} `;
        hex = '';
        kerned = true;
      }
    }
    const show = kerned ? `[${parts}<${hex}>] TJ` : `<${hex}> Tj`;
    const spacing = charSpacing ? `${num(charSpacing)} Tc ` : '';
    const reset = charSpacing ? ' 0 Tc' : '';
    this.ops.push(
      `BT /${font.name} ${num(size)} Tf ${spacing}${num(x)} ${num(this.pageHeight - baseline)} Td ${show}${reset} ET`,
    );
    return this;
  }

  image(name: string, x: number, top: number, width: number, height: number): this {
    const y = this.pageHeight - top - height;
    this.ops.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm /${name} Do Q`);
    return this;
  }

  toString(): string {
    return this.ops.join('\n');
  }

  private rectOp(x: number, top: number, width: number, height: number): string {
    return `${num(x)} ${num(this.pageHeight - top - height)} ${num(width)} ${num(height)} re`;
  }
}
