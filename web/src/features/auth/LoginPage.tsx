import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { looksLikeEmail } from '../../app/email';
import { login, useSession } from '../../app/session';
import { PublicCard } from '../account/PublicCard';
import { ErrorAlert } from '../common/ErrorAlert';

/** Only same-site paths are followed after login (never an absolute URL from the query). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (looksLikeEmail(v.trim()) ? null : t('errors.VALIDATION_FAILED')),
      password: (v) => (v.length > 0 ? null : t('errors.VALIDATION_FAILED')),
    },
  });
  const next = safeNext(params.get('next'));
  if (session.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <PublicCard>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t('login.title')}
          </Title>
          <Text size="sm">{t('login.intro')}</Text>
          {error !== null && <ErrorAlert error={error} />}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('account.forgotLink')}
          </Anchor>
        </Stack>
      </form>
    </PublicCard>
  );
}
