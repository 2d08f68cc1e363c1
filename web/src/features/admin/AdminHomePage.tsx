import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { AdminErrorAlert } from './AdminErrorAlert';
import { ADMIN_PAGES } from './admin-pages';

/** The queue dashboard is served by the API (bull-board), outside the web app. */
const QUEUE_DASHBOARD_URL = '/admin/queues';

/** The admin's start page: every section in a sentence, and the queue dashboard. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const openQueues = useMutation({
    mutationFn: api.openQueueDashboardSession,
    // A full page load: the dashboard is not part of the web app.
    onSuccess: () => window.location.assign(QUEUE_DASHBOARD_URL),
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.home.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {ADMIN_PAGES.filter((p) => p.to !== '/admin').map((p) => (
          <Card withBorder radius="md" key={p.to} component="section">
            <Stack gap="xs">
              <Anchor component={Link} to={p.to} fw={600}>
                {t(p.label)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(p.hint)}
              </Text>
            </Stack>
          </Card>
        ))}
        <Card withBorder radius="md" component="section" aria-labelledby="admin-queues">
          <Stack gap="xs" align="flex-start">
            <Text fw={600} id="admin-queues">
              {t('admin.home.queues')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('admin.home.queuesHint')}
            </Text>
            <Button
              variant="light"
              loading={openQueues.isPending}
              onClick={() => openQueues.mutate()}
            >
              {t('admin.home.openQueues')}
            </Button>
            {openQueues.error && <AdminErrorAlert error={openQueues.error} />}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
