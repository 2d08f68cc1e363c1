import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { NotFoundPage } from '../common/NotFoundPage';
import {
  CertificateStatus,
  CredentialSection,
  PdfButton,
  RenewButton,
  ShareLink,
} from './CertificateParts';
import { keys } from './queries';

/** A simple detail page (the links in our e-mails land here); the second pass completes it. */
export default function CertificatePage() {
  const { certificateId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const cert = useQuery({
    queryKey: keys.certificate(certificateId),
    queryFn: () => api.certificate(certificateId),
  });
  if (cert.isPending) return <Loading />;
  if (cert.error instanceof ApiError && (cert.error.status === 404 || cert.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (cert.error) return <ErrorAlert error={cert.error} onRetry={() => void cert.refetch()} />;
  const c = cert.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/certificates" size="sm">
        {t('app.back')}
      </Anchor>
      <Title order={1}>{i18n.language === 'en' ? c.courseTitle.en : c.courseTitle.id}</Title>
      <Card withBorder radius="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={500}>{t('certificates.status')}:</Text>
            <CertificateStatus status={c.status} />
          </Group>
          <Text>
            {t('certificates.number')}: {c.number ?? t('certificates.numberPending')}
          </Text>
          {c.issuedAt && (
            <Text>{t('certificates.issued', { date: formatDate(i18n.language, c.issuedAt) })}</Text>
          )}
          <Text>
            {c.expiresAt
              ? t('certificates.expires', { date: formatDate(i18n.language, c.expiresAt) })
              : t('certificates.noExpiry')}
          </Text>
          <Group>
            <PdfButton certificate={c} />
            <RenewButton certificate={c} />
          </Group>
          <ShareLink certificate={c} />
        </Stack>
      </Card>
      {c.credential && (
        <Card withBorder radius="md" component="section">
          <CredentialSection certificate={c} />
        </Card>
      )}
    </Stack>
  );
}
