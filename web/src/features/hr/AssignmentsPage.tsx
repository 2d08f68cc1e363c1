import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { formatDate, localized } from '../../app/format';
import { ConfirmModal } from './ConfirmModal';
import { endOfDayInJakarta } from './due-date';
import { EmployeePicker, type Picked } from './EmployeePicker';
import { HrErrorAlert } from './HrErrorAlert';

// Filled, dark shades: white text keeps a 4.5:1 contrast.
const STANDING_COLORS: Record<string, string> = {
  new: 'blue.9',
  enrolled: 'grape.9',
  completed: 'teal.9',
};

/**
 * Pick a course and employees (from the list, or a CSV of employee ids), a due date; preview
 * who is new, already enrolled or completed; confirm. The same selection can have its due
 * dates extended.
 */
export function AssignmentsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const courses = useQuery({ queryKey: ['hr-courses'], queryFn: () => api.hrCourses('') });
  const [courseId, setCourseId] = useState('');
  const [picked, setPicked] = useState<Picked>(new Map());
  const [dueDay, setDueDay] = useState('');
  const [extendDay, setExtendDay] = useState('');
  const [csv, setCsv] = useState<File | null>(null);
  const [asking, setAsking] = useState<'csv' | 'extend' | null>(null);
  const ids = [...picked.keys()];
  const dueAt = endOfDayInJakarta(dueDay);
  const course = courses.data?.items.find((c) => c.id === courseId);
  const courseName = course ? localized(i18n.language, course) : '';

  const preview = useMutation({ mutationFn: () => api.previewAssignment(courseId, ids) });
  const assign = useMutation({
    mutationFn: () => api.assign(courseId, ids, dueAt),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['compliance-summary'] }),
  });
  const assignCsv = useMutation({
    mutationFn: () => api.assignByCsv(courseId, csv!, dueAt),
    onSuccess: () => setAsking(null),
    onError: () => setAsking(null),
  });
  const extend = useMutation({
    mutationFn: () => api.extendDueDates(courseId, ids, endOfDayInJakarta(extendDay)!),
    onSuccess: () => setAsking(null),
    onError: () => setAsking(null),
  });
  const resetResults = () => {
    preview.reset();
    assign.reset();
    extend.reset();
    assignCsv.reset();
  };
  const csvErrors =
    assignCsv.error instanceof ApiError && assignCsv.error.code === 'CSV_INVALID'
      ? ((assignCsv.error.details as { errors?: { line: number; message: string }[] })?.errors ??
        [])
      : [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('hrAssignments.title')}</Title>
      {courses.error && <HrErrorAlert error={courses.error} />}
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('hrAssignments.course')}
          value={courseId}
          onChange={(e) => {
            setCourseId(e.currentTarget.value);
            resetResults();
          }}
          data={[
            { value: '', label: t('hrAssignments.pickCourse') },
            ...(courses.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${localized(i18n.language, c)} (${c.competencyCode})`,
            })),
          ]}
          w={{ base: '100%', sm: 420 }}
        />
        <TextInput
          type="date"
          label={t('hrAssignments.dueDate')}
          description={t('hrAssignments.dueDateHint')}
          value={dueDay}
          onChange={(e) => {
            setDueDay(e.currentTarget.value);
            assign.reset();
          }}
        />
      </Group>

      <Tabs defaultValue="pick" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="pick">{t('hrAssignments.tabPick')}</Tabs.Tab>
          <Tabs.Tab value="csv">{t('hrAssignments.tabCsv')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="pick" pt="md">
          <Stack gap="md">
            <EmployeePicker
              picked={picked}
              onChange={(next) => {
                setPicked(next);
                resetResults();
              }}
            />
            <Group>
              <Button
                onClick={() => {
                  assign.reset();
                  preview.mutate();
                }}
                disabled={!courseId || ids.length === 0}
                loading={preview.isPending}
              >
                {t('hrAssignments.preview', { count: ids.length })}
              </Button>
            </Group>
            {preview.error && <HrErrorAlert error={preview.error} />}
            {preview.data && !assign.data && (
              <Card withBorder>
                <Stack gap="sm">
                  <Title order={2} size="h3">
                    {t('hrAssignments.previewTitle', { course: courseName })}
                  </Title>
                  <Text role="status">
                    {t('hrAssignments.previewSummary', {
                      new: preview.data.new,
                      enrolled: preview.data.enrolled,
                      completed: preview.data.completed,
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
                        {preview.data.items.map((i) => (
                          <Table.Tr key={i.userId}>
                            <Table.Th scope="row" fw="normal">
                              {i.name}
                            </Table.Th>
                            <Table.Td>{i.employeeId ?? '—'}</Table.Td>
                            <Table.Td>
                              <Badge color={STANDING_COLORS[i.standing]} variant="filled">
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
                    <Button onClick={() => assign.mutate()} loading={assign.isPending}>
                      {t('hrAssignments.confirm', { count: preview.data.items.length })}
                    </Button>
                    <Button variant="default" onClick={() => preview.reset()}>
                      {t('hrEmployees.common.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            )}
            {assign.error && <HrErrorAlert error={assign.error} />}
            {assign.data && (
              <Alert color="green" role="status">
                {t('hrAssignments.assigned', assign.data)}
              </Alert>
            )}

            <Card withBorder>
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('hrAssignments.extendTitle')}
                </Title>
                <Text size="sm">{t('hrAssignments.extendHint')}</Text>
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    type="date"
                    label={t('hrAssignments.newDueDate')}
                    value={extendDay}
                    onChange={(e) => {
                      setExtendDay(e.currentTarget.value);
                      extend.reset();
                    }}
                  />
                  <Button
                    variant="light"
                    onClick={() => setAsking('extend')}
                    disabled={!courseId || ids.length === 0 || !endOfDayInJakarta(extendDay)}
                  >
                    {t('hrAssignments.extend', { count: ids.length })}
                  </Button>
                </Group>
                {extend.error && <HrErrorAlert error={extend.error} />}
                {extend.data && (
                  <Alert color="green" role="status">
                    {t('hrAssignments.extended', {
                      extended: extend.data.extended,
                      skipped: extend.data.notEnrolledUserIds.length,
                    })}
                  </Alert>
                )}
              </Stack>
            </Card>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="csv" pt="md">
          <Stack gap="sm">
            <Text>{t('hrAssignments.csvFormat')}</Text>
            <Group align="flex-end" wrap="wrap">
              <FileInput
                label={t('hrImport.file')}
                placeholder={t('hrImport.filePlaceholder')}
                accept=".csv,text/csv"
                value={csv}
                onChange={(f) => {
                  setCsv(f);
                  assignCsv.reset();
                }}
                clearable
                clearButtonProps={{ 'aria-label': t('hrImport.clearFile') }}
                w={{ base: '100%', sm: 360 }}
              />
              <Button onClick={() => setAsking('csv')} disabled={!courseId || !csv}>
                {t('hrAssignments.csvAssign')}
              </Button>
            </Group>
            {assignCsv.error &&
              (csvErrors.length ? (
                <Alert color="red" title={t('hrAssignments.csvInvalid')}>
                  {csvErrors.map((e) => (
                    <Text size="sm" key={`${e.line}-${e.message}`}>
                      {t('hrAssignments.csvLine', { line: e.line, message: e.message })}
                    </Text>
                  ))}
                </Alert>
              ) : (
                <HrErrorAlert error={assignCsv.error} />
              ))}
            {assignCsv.data && (
              <Alert color="green" role="status">
                {t('hrAssignments.assigned', assignCsv.data)}
              </Alert>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>

      <ConfirmModal
        opened={asking === 'extend'}
        title={t('hrAssignments.extendConfirmTitle')}
        message={t('hrAssignments.extendConfirm', {
          count: ids.length,
          course: courseName,
          date: endOfDayInJakarta(extendDay)
            ? formatDate(i18n.language, endOfDayInJakarta(extendDay)!)
            : '',
        })}
        confirmLabel={t('hrAssignments.extendConfirmButton')}
        busy={extend.isPending}
        onConfirm={() => extend.mutate()}
        onCancel={() => setAsking(null)}
      />
      <ConfirmModal
        opened={asking === 'csv'}
        title={t('hrAssignments.csvConfirmTitle')}
        message={t('hrAssignments.csvConfirm', {
          file: csv?.name ?? '',
          course: courseName,
          due: dueAt ? formatDate(i18n.language, dueAt) : t('hrAssignments.noDueShort'),
        })}
        confirmLabel={t('hrAssignments.csvAssign')}
        busy={assignCsv.isPending}
        onConfirm={() => assignCsv.mutate()}
        onCancel={() => setAsking(null)}
      />
    </Stack>
  );
}
