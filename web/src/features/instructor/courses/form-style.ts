import type { CSSProperties } from 'react';

/**
 * Mantine's error red (red.6) on white is below 4.5:1; inside these forms error texts, and the
 * text of a field in error, use red.9.
 */
export const READABLE_ERRORS = {
  '--mantine-color-error': 'var(--mantine-color-red-9)',
} as CSSProperties;
