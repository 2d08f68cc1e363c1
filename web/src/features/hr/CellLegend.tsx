import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CellBadge } from './CellBadge';

const STATES = ['valid', 'expiring', 'expired', 'in_progress', 'overdue', 'none'] as const;

/** What each matrix cell state means, each badge with its sentence. */
export function CellLegend() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="matrix-legend-title">
      <Text id="matrix-legend-title" fw={600} size="sm" mb={4}>
        {t('hrMatrixLegend.title')}
      </Text>
      <Stack gap={4} component="ul" className="plain-list">
        {STATES.map((s) => (
          <Group component="li" gap="xs" key={s} wrap="nowrap" align="center">
            <CellBadge state={s} />
            <Text size="sm">{t(`hrMatrixLegend.${s}`)}</Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
