import { Badge, Button, CopyButton, Group, Text } from '@mantine/core';
import { notifications } from '../../app/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type CertificateView } from '../../app/api';
import { useErrorText } from '../common/ErrorAlert';

const COLORS: Record<string, string> = {
  valid: 'green',
  expired: 'orange',
  revoked: 'red',
  failed: 'red',
};

export function CertificateStatus({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const key = `certificates.statuses.${status}`;
  return (
    // Dark text on the tinted badge: the colour's own text shade fails WCAG AA at this size.
    <Badge color={COLORS[status] ?? 'gray'} variant="light" c="dark.8">
      {i18n.exists(key) ? t(key) : status}
    </Badge>
  );
}

export function PdfButton({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const pdf = useMutation({
    mutationFn: () => api.certificatePdf(certificate.id, certificate.number),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  if (certificate.status === 'pending' || certificate.status === 'failed') return null;
  return (
    <Button size="sm" variant="light" onClick={() => pdf.mutate()} loading={pdf.isPending}>
      {t('certificates.downloadPdf')}
    </Button>
  );
}

/** The public verification address on this site, with a copy button (for sharing the proof). */
export function ShareLink({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  if (certificate.status === 'pending' || certificate.status === 'failed') return null;
  const url = `${window.location.origin}/verify/${encodeURIComponent(certificate.verificationCode)}`;
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text size="sm" fw={500}>
        {t('certificates2.shareLabel')}
      </Text>
      <Text
        size="sm"
        component="a"
        href={url}
        c="blue.8"
        className="share-url"
        style={{ overflowWrap: 'anywhere' }}
        data-testid="share-url"
      >
        {url}
      </Text>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" color={copied ? 'green' : 'blue'} onClick={copy}>
            {copied ? t('certificates2.copied') : t('certificates2.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** "Renew" exactly when the API says a renewal can start; it leads to the course. */
export function RenewButton({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const renew = useMutation({
    mutationFn: () => api.renewCertificate(certificate.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      void navigate(`/courses/${certificate.courseId}`);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  if (!certificate.renewable) return null;
  return (
    <Button size="sm" onClick={() => renew.mutate()} loading={renew.isPending}>
      {t('certificates2.renew')}
    </Button>
  );
}
