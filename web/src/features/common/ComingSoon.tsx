import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ComingSoon({ area }: { area: 'instructor' | 'hr' | 'admin' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={1}>{t('placeholder.title')}</Title>
      <Text>{t(`placeholder.${area}`)}</Text>
    </Stack>
  );
}
