import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { passwordErrorText } from './passwordErrors';
import { PublicCard } from './PublicCard';
import { looksLikeEmail } from '../../app/email';

/** The answer is the same whatever the address (the server never says whether it exists). */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (!looksLikeEmail(address)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setError(null);
    setBusy(true);
    try {
      await api.forgotPassword(address);
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicCard>
      <Title order={1} fz="h2">
        {t('account.forgot.title')}
      </Title>
      {sent ? (
        <Alert color="blue" role="status" title={t('account.forgot.sentTitle')}>
          {t('account.forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('account.forgot.intro')}</Text>
            {error !== null && (
              <Alert color="red" role="alert">
                {passwordErrorText(t, error)}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={invalid ? t('account.forgot.invalidEmail') : null}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('account.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t('account.backToLogin')}
      </Anchor>
    </PublicCard>
  );
}
