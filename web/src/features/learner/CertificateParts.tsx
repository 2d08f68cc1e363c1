import {
  Badge,
  Button,
  CopyButton,
  Flex,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
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
    mutationFn: () => api.certificatePdf(certificate.id, certificate.number ?? certificate.id),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  if (certificate.status === 'pending' || certificate.status === 'failed') return null;
  return (
    <Button size="sm" variant="light" onClick={() => pdf.mutate()} loading={pdf.isPending}>
      {t('certificates.downloadPdf')}
    </Button>
  );
}

const CREDENTIAL_COLORS: Record<string, string> = {
  active: 'green',
  expired: 'orange',
  revoked: 'red',
};

/**
 * Who digitally signed the PDF (when recorded), the Open Badges credential's status, and, while
 * the server offers them, the credential download and LinkedIn's add-to-profile link; otherwise
 * why not. The server decides all of it (`signedBy`, `credential`).
 */
export function CredentialSection({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const { credential, signedBy } = certificate;
  if (!credential) return null;
  return (
    <Stack gap="xs">
      <Title order={2} fz="lg">
        {signedBy ? t('credential.titleSigned') : t('credential.title')}
      </Title>
      {signedBy && (
        <div>
          <Text fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="signed-by">
            {t('credential.signedBy', { name: signedBy })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('credential.signedHint')}
          </Text>
        </div>
      )}
      <Group gap="xs">
        <Text>{t('credential.status')}</Text>
        <Badge
          color={CREDENTIAL_COLORS[credential.status] ?? 'gray'}
          variant="light"
          c="dark.8"
          data-testid="credential-status"
        >
          {t(`credential.statuses.${credential.status}`)}
        </Badge>
      </Group>
      {credential.withheld ? (
        <Text size="sm" data-testid="credential-withheld">
          {t(`credential.withheld.${credential.withheld}`)}
        </Text>
      ) : (
        <Flex
          direction={{ base: 'column', sm: 'row' }}
          align={{ base: 'stretch', sm: 'center' }}
          gap="sm"
        >
          <CredentialButton certificate={certificate} />
          {credential.linkedInUrl && (
            <Button
              component="a"
              href={credential.linkedInUrl}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              color="#0a66c2"
              className="wrap-button"
            >
              {t('credential.linkedIn')}
              <VisuallyHidden> {t('credential.newTab')}</VisuallyHidden>
            </Button>
          )}
        </Flex>
      )}
    </Stack>
  );
}

function CredentialButton({ certificate }: { certificate: CertificateView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const credential = useMutation({
    mutationFn: () =>
      api.certificateCredential(certificate.id, certificate.number ?? certificate.id),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  return (
    <Button
      size="sm"
      variant="light"
      className="wrap-button"
      onClick={() => credential.mutate()}
      loading={credential.isPending}
    >
      {t('credential.download')}
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
