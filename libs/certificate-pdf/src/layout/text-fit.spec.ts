import { certificateFonts } from '../font/fonts';
import { GlyphRange } from '../font/shaped-text';
import { fitLine, fitText, wrap } from './text-fit';

const { regular, bold } = certificateFonts();
const lineText = (line: GlyphRange) => line.text.chars.slice(line.start, line.end).join('');
const widthPt = (line: GlyphRange, size: number) => (line.width * size) / 1000;

describe('wrap', () => {
  it('breaks at spaces without losing or reordering any character', () => {
    const text = 'Raden Ajeng Siti Nurhaliza Kusumawardhani Prawiranegara Hadiningrat';
    const lines = wrap(bold, bold.shape(text), 12000);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join(' ')).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(12000);
  });

  it('breaks a word longer than the line between glyphs', () => {
    const text = 'W'.repeat(50);
    const lines = wrap(bold, bold.shape(text), 10000);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map(lineText).join('')).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(10000);
  });

  it('prefers the given break characters (URL after "/")', () => {
    const url = 'https://lms.k3-academy.co.id/verify/7KQ2-M9XD-4TPA';
    const limit = regular.range(regular.shape('https://lms.k3-academy.co.id/verify/7K')).width;
    const lines = wrap(regular, regular.shape(url), limit, '/');
    expect(lines.map(lineText)).toEqual(['https://lms.k3-academy.co.id/verify/', '7KQ2-M9XD-4TPA']);
  });
});

describe('fitText', () => {
  const box = { width: 300, height: 40, maxSize: 24, minSize: 10 };

  it('keeps the largest size when the text fits', () => {
    const fitted = fitText(bold, 'Ani', box);
    expect(fitted.size).toBe(24);
    expect(fitted.lines).toHaveLength(1);
  });

  it('shrinks and wraps so every line fits the box', () => {
    const fitted = fitText(bold, 'Muhammad Abdurrahman Wicaksono Prawirodirdjo Hadikusumo', box);
    expect(fitted.size).toBeLessThan(24);
    expect(fitted.size).toBeGreaterThanOrEqual(10);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(40.01);
    for (const line of fitted.lines) expect(widthPt(line, fitted.size)).toBeLessThanOrEqual(300);
  });

  it('goes below minSize instead of cutting text off', () => {
    const text = 'Ž'.repeat(400);
    const fitted = fitText(bold, text, box);
    expect(fitted.size).toBeLessThan(10);
    expect(fitted.lines.map(lineText).join('')).toBe(text);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(40.01);
  });

  it('honours maxLines while the size stays at or above minSize', () => {
    const fitted = fitText(bold, 'Siti Rahma Putri Wulandari', { ...box, maxLines: 1 });
    expect(fitted.lines).toHaveLength(1);
  });
});

describe('fitLine', () => {
  it('scales size and letter spacing together to fit the width', () => {
    const fitted = fitLine(bold, 'SERTIFIKAT KOMPETENSI', 30, 200, 2);
    expect(fitted.width).toBeCloseTo(200, 5);
    expect(fitted.size).toBeLessThan(30);
    expect(fitted.charSpacing / fitted.size).toBeCloseTo(2 / 30, 5);
    expect(fitLine(bold, 'OK', 30, 200).size).toBe(30);
  });
});
