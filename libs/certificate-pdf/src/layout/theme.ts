import { Rgb } from '../pdf/content';

/** A4 landscape in points. */
export const PAGE = { width: 841.89, height: 595.28 } as const;

const rgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16) / 255,
  parseInt(hex.slice(3, 5), 16) / 255,
  parseInt(hex.slice(5, 7), 16) / 255,
];

/** K3 green with a muted gold accent. */
export const COLORS = {
  green: rgb('#0b5d3b'),
  gold: rgb('#b08d2e'),
  ink: rgb('#1d2733'),
  muted: rgb('#5b6775'),
  hairline: rgb('#c9d1cc'),
  tint: rgb('#f3f7f4'),
} as const;
