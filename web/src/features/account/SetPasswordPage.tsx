import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { setPasswordFromLink } from '../../app/session';
import { Loading } from '../common/Loading';
import { passwordErrorText } from './passwordErrors';
import { PublicCard } from './PublicCard';

/** Only a hint: the server judges the password (length and the common-password list). */
const MIN_LENGTH = 8;

/** /set-password (invitation) and /reset-password (forgotten password): one page, two titles. */
export default function SetPasswordPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const isReset = location.pathname.startsWith('/reset-password');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const info = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => api.passwordToken(token),
    enabled: token.length > 0,
    retry: false,
  });

  const title = isReset ? t('account.reset.title') : t('account.invite.title');
  if (token && info.isPending) return <Loading />;
  if (!token || info.error) {
    return (
      <PublicCard>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Alert color="red" role="alert" title={t('account.linkInvalid.title')}>
          {t('account.linkInvalid.body')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('account.linkInvalid.requestNew')}
        </Anchor>
      </PublicCard>
    );
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await setPasswordFromLink(token, password);
      void navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const short = password.length > 0 && password.length < MIN_LENGTH;

  return (
    <PublicCard>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={1} fz="h2">
            {title}
          </Title>
          <Text size="sm">
            {isReset
              ? t('account.reset.intro', { name: info.data?.name })
              : t('account.invite.intro', { name: info.data?.name })}
          </Text>
          {info.data && (
            <Text size="xs" c="dimmed">
              {t('account.linkExpires', { date: formatDate(i18n.language, info.data.expiresAt) })}
            </Text>
          )}
          {error !== null && (
            <Alert color="red" role="alert" title={t('account.refused')}>
              {passwordErrorText(t, error)}
            </Alert>
          )}
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.hint', { min: MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={
              short ? t('account.hintShort', { count: password.length, min: MIN_LENGTH }) : null
            }
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('account.mismatch') : null}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('account.save')}
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
