import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  valid: 'green',
  expiring: 'yellow',
  expired: 'red',
  in_progress: 'blue',
  overdue: 'red',
  none: 'gray',
};

/** A shape per state, so the state reads without colour and without reading the word. */
const ICONS: Record<string, string> = {
  valid: '✓',
  expiring: '◷',
  expired: '✕',
  in_progress: '▶',
  overdue: '!',
  none: '–',
};

/** A matrix cell: the state in words and a shape (colour only repeats them). */
export function CellBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const filled = state === 'overdue';
  return (
    // Dark text on the tinted badges: their own text shade fails WCAG AA at this size.
    <Badge
      color={COLORS[state] ?? 'gray'}
      variant={filled ? 'filled' : 'light'}
      c={filled ? undefined : 'dark.8'}
      leftSection={<span aria-hidden="true">{ICONS[state] ?? '?'}</span>}
    >
      {t(`hr.cell.${state}`)}
    </Badge>
  );
}

export const CELL_COLORS = COLORS;
