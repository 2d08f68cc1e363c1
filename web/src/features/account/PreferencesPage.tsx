import { Card, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '../../app/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { LANGUAGES, setLanguage, type Language } from '../../app/i18n';
import { useMe } from '../../app/me';
import { ErrorAlert, useErrorText } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';

/** Language (saved on the account, applied on every device) and e-mail categories. */
export default function PreferencesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const prefs = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: api.notificationPreferences,
  });
  const notify = (color: 'green' | 'red', message: string) =>
    notifications.show({
      color,
      message,
      closeButtonProps: { 'aria-label': t('profile.closeNotice') },
    });
  const saveLanguage = useMutation({
    mutationFn: (locale: Language) => api.updateMe({ locale }),
    onSuccess: (view) => {
      void setLanguage(view.locale as Language);
      queryClient.setQueryData(['me'], view);
      notify('green', t('profile.saved'));
    },
    onError: (error) => notify('red', errorText(error)),
  });
  const savePref = useMutation({
    mutationFn: ({ category, enabled }: { category: string; enabled: boolean }) =>
      api.setNotificationPreference(category, enabled),
    onSuccess: (data) => {
      queryClient.setQueryData(['notification-preferences'], data);
      notify('green', t('profile.saved'));
    },
    onError: (error) => notify('red', errorText(error)),
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('profile.title')}</Title>
      {me.data && (
        <Text c="dimmed" size="sm">
          {me.data.name} · {me.data.email}
        </Text>
      )}
      <Card withBorder radius="md" component="section" aria-labelledby="pref-language">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="pref-language">
            {t('profile.language')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('profile.languageHint')}
          </Text>
          {me.data ? (
            <Radio.Group
              aria-labelledby="pref-language"
              value={me.data.locale}
              onChange={(value) => saveLanguage.mutate(value as Language)}
            >
              <Stack gap="xs">
                {LANGUAGES.map((l) => (
                  <Radio
                    key={l}
                    value={l}
                    label={t(`app.languages.${l}`)}
                    disabled={saveLanguage.isPending}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Loading />
          )}
        </Stack>
      </Card>
      <Card withBorder radius="md" component="section" aria-labelledby="pref-email">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="pref-email">
            {t('profile.email')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('profile.emailHint')}
          </Text>
          {prefs.isPending ? (
            <Loading />
          ) : prefs.error ? (
            <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />
          ) : prefs.data.items.length === 0 ? (
            <Text size="sm">{t('journey.noEmailCategories')}</Text>
          ) : (
            prefs.data.items.map((p) => (
              <Switch
                key={p.category}
                checked={p.enabled}
                disabled={savePref.isPending}
                onChange={(e) =>
                  savePref.mutate({ category: p.category, enabled: e.currentTarget.checked })
                }
                label={t(`profile.categories.${p.category}`, { defaultValue: p.category })}
                description={t(`profile.categoryHints.${p.category}`, { defaultValue: '' })}
              />
            ))
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
