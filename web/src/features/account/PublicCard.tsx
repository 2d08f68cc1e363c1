import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../app/Shell';

/** The frame of the pages reached without a session (login, links from e-mails). */
export function PublicCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh" px="md" py="xl">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSelect />
      </Group>
      <Center component="main" id="main">
        <Paper withBorder shadow="sm" radius="md" p="lg" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Text c="blue.8" fw={700} fz="lg">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
