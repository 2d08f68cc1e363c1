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

/** A matrix cell: the state in words (colour only repeats it). */
export function CellBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state] ?? 'gray'} variant={state === 'overdue' ? 'filled' : 'light'}>
      {t(`hr.cell.${state}`)}
    </Badge>
  );
}

export const CELL_COLORS = COLORS;
