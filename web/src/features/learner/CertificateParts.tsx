import { Badge, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
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
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
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
