import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentPreviewView } from '../../app/api';
import { formatDate } from '../../app/format';

// Filled, dark shades: white text keeps a 4.5:1 contrast.
const STANDING_COLORS: Record<string, string> = {
  new: 'blue.9',
  enrolled: 'grape.9',
  completed: 'teal.9',
};

/** Who is new, already enrolled or completed before; confirming assigns them all. */
export function AssignmentPreviewCard({
  preview,
  courseName,
  dueAt,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: AssignmentPreviewView;
  courseName: string;
  dueAt: string | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('hrAssignments.previewTitle', { course: courseName })}
        </Title>
        <Text role="status">
          {t('hrAssignments.previewSummary', {
            new: preview.new,
            enrolled: preview.enrolled,
            completed: preview.completed,
          })}
        </Text>
        <Table.ScrollContainer minWidth={0}>
          <Table withTableBorder aria-label={t('hrAssignments.previewTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hrEmployees.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.employeeId')}</Table.Th>
                <Table.Th scope="col">{t('hrAssignments.standing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.items.map((i) => (
                <Table.Tr key={i.userId}>
                  <Table.Th scope="row" fw="normal">
                    {i.name}
                  </Table.Th>
                  <Table.Td>{i.employeeId ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={STANDING_COLORS[i.standing]} variant="filled" miw="max-content">
                      {t(`hrAssignments.standings.${i.standing}`)}
                    </Badge>
                    {i.standing === 'enrolled' && (
                      <Text size="xs">
                        {i.dueAt
                          ? t('hrAssignments.currentDue', {
                              date: formatDate(i18n.language, i.dueAt),
                            })
                          : t('hrAssignments.noDue')}
                      </Text>
                    )}
                    {i.standing === 'completed' && i.lastCompletedAt && (
                      <Text size="xs">
                        {t('hrAssignments.completedOn', {
                          date: formatDate(i18n.language, i.lastCompletedAt),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm">
          {dueAt
            ? t('hrAssignments.willSetDue', { date: formatDate(i18n.language, dueAt) })
            : t('hrAssignments.willSetNoDue')}
        </Text>
        <Group>
          <Button onClick={onConfirm} loading={busy}>
            {t('hrAssignments.confirm', { count: preview.items.length })}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('hrEmployees.common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
