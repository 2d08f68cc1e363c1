import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { CertificateStatus, PdfButton, RenewButton, ShareLink } from './CertificateParts';
import { keys } from './queries';

export default function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: keys.certificates,
    queryFn: api.certificates,
    // a pending certificate is being rendered by the worker: look again until it is issued
    refetchInterval: (query) =>
      query.state.data?.items.some((c) => c.status === 'pending') ? 5_000 : false,
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('certificates.title')}</Title>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('certificates.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {list.data.items.map((c) => {
            const title = i18n.language === 'en' ? c.courseTitle.en : c.courseTitle.id;
            return (
              <Card withBorder radius="md" key={c.id} component="article" aria-label={title}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={2} fz="md">
                      <Anchor component={Link} to={`/certificates/${c.id}`}>
                        {title}
                      </Anchor>
                    </Title>
                    <CertificateStatus status={c.status} />
                  </Group>
                  <Text size="sm">
                    {t('certificates.number')}: {c.number ?? t('certificates.numberPending')}
                  </Text>
                  {c.issuedAt && (
                    <Text size="sm" c="dimmed">
                      {t('certificates.issued', { date: formatDate(i18n.language, c.issuedAt) })}
                    </Text>
                  )}
                  {c.status === 'pending' && (
                    <Text size="sm" c="dimmed">
                      {t('journey.certificatePending')}
                    </Text>
                  )}
                  <Group>
                    <PdfButton certificate={c} />
                    <RenewButton certificate={c} />
                  </Group>
                  <ShareLink certificate={c} />
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
