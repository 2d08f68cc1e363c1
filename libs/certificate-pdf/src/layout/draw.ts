import { ShapingFont } from '../font/shaped-text';
import { ContentBuilder, FontResource, Rgb } from '../pdf/content';
import { FittedLine, FittedText, fitLine } from './text-fit';

export type Align = 'left' | 'center' | 'right';

export interface Canvas {
  readonly content: ContentBuilder;
  readonly regular: FontResource;
  readonly bold: FontResource;
}

export function shapingFont(resource: FontResource): ShapingFont {
  return resource.subset.font;
}

function alignedX(x: number, width: number, lineWidth: number, align: Align): number {
  if (align === 'center') return x + (width - lineWidth) / 2;
  if (align === 'right') return x + width - lineWidth;
  return x;
}

/** One line, shrunk to `width` if needed, aligned within [x, x + width]. */
export function drawLine(
  canvas: Canvas,
  font: FontResource,
  text: string,
  size: number,
  box: { x: number; width: number; baseline: number; align: Align },
  color: Rgb,
  charSpacing = 0,
): FittedLine {
  const fitted = fitLine(shapingFont(font), text, size, box.width, charSpacing);
  const x = alignedX(box.x, box.width, fitted.width, box.align);
  canvas.content.text(font, fitted.size, x, box.baseline, fitted.line, color, fitted.charSpacing);
  return fitted;
}

/** Wrapped text from fitText, vertically centred in [top, top + height]. */
export function drawBlock(
  canvas: Canvas,
  font: FontResource,
  fitted: FittedText,
  box: { x: number; top: number; width: number; height: number; align: Align },
  color: Rgb,
): void {
  const ascent = fitted.size * 0.76; // DejaVu cap height + a little, for optical centring
  const total = (fitted.lines.length - 1) * fitted.lineHeight + ascent;
  let baseline = box.top + Math.max(0, (box.height - total) / 2) + ascent;
  for (const line of fitted.lines) {
    const lineWidth = (line.width * fitted.size) / 1000;
    const x = alignedX(box.x, box.width, lineWidth, box.align);
    canvas.content.text(font, fitted.size, x, baseline, line, color);
    baseline += fitted.lineHeight;
  }
}

export interface Run {
  readonly font: FontResource;
  readonly text: string;
  readonly color: Rgb;
}

/** Several runs (e.g. grey label + bold value) on one line, shrunk together to fit. */
export function drawRuns(
  canvas: Canvas,
  runs: readonly Run[],
  size: number,
  box: { x: number; width: number; baseline: number; align: Align },
): void {
  const ranges = runs.map((run) => {
    const font = shapingFont(run.font);
    return font.range(font.shape(run.text));
  });
  // Leading/trailing spaces are stripped by shaping, so runs are joined with one space.
  const spaceWidth = shapingFont(runs[0].font).advanceOf(
    shapingFont(runs[0].font).ttf.glyphIdForCodePoint(32),
  );
  const natural = ranges.reduce((sum, r) => sum + r.width, 0) + spaceWidth * (runs.length - 1);
  const fittedSize = Math.min(size, (box.width * 1000) / natural);
  let x = alignedX(box.x, box.width, (natural * fittedSize) / 1000, box.align);
  runs.forEach((run, i) => {
    canvas.content.text(run.font, fittedSize, x, box.baseline, ranges[i], run.color);
    x += ((ranges[i].width + spaceWidth) * fittedSize) / 1000;
  });
}
