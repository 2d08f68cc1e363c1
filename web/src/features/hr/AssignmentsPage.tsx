import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Stack,
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
import { AssignmentPreviewCard } from './AssignmentPreviewCard';
import { ConfirmModal } from './ConfirmModal';
import { endOfDayInJakarta } from './due-date';
import { EmployeePicker, type Picked } from './EmployeePicker';
import { HrErrorAlert } from './HrErrorAlert';

/**
 * Pick a course and employees (from the list, or a CSV of employee ids), a due date; preview
 * who is new, already enrolled or completed; confirm. The same selection can have its due
 * dates extended.
 */
type Source = 'pick' | 'csv';

export function AssignmentsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const courses = useQuery({ queryKey: ['hr-courses'], queryFn: () => api.hrCourses('') });
  const [courseId, setCourseId] = useState('');
  const [picked, setPicked] = useState<Picked>(new Map());
  const [dueDay, setDueDay] = useState('');
  const [extendDay, setExtendDay] = useState('');
  const [csv, setCsv] = useState<File | null>(null);
  const [asking, setAsking] = useState<'extend' | null>(null);
  const ids = [...picked.keys()];
  const dueAt = endOfDayInJakarta(dueDay);
  const course = courses.data?.items.find((c) => c.id === courseId);
  const courseName = course ? localized(i18n.language, course) : '';

  // One preview → confirm flow for both sources; the confirm uses the source that was previewed.
  const preview = useMutation({
    mutationFn: (source: Source) =>
      source === 'csv'
        ? api.previewAssignmentCsv(courseId, csv!)
        : api.previewAssignment(courseId, ids),
  });
  const assign = useMutation({
    mutationFn: (source: Source) =>
      source === 'csv' ? api.assignByCsv(courseId, csv!, dueAt) : api.assign(courseId, ids, dueAt),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['compliance-summary'] }),
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
  };
  const csvErrors =
    preview.error instanceof ApiError && preview.error.code === 'CSV_INVALID'
      ? ((preview.error.details as { errors?: { line: number; message: string }[] })?.errors ?? [])
      : [];
  const flow = (source: Source) => (
    <>
      {preview.variables === source &&
        preview.error &&
        (csvErrors.length ? (
          <Alert color="red" title={t('hrAssignments.csvInvalid')}>
            {csvErrors.map((e) => (
              <Text size="sm" key={`${e.line}-${e.message}`}>
                {t('hrAssignments.csvLine', { line: e.line, message: e.message })}
              </Text>
            ))}
          </Alert>
        ) : (
          <HrErrorAlert error={preview.error} />
        ))}
      {preview.variables === source && preview.data && !assign.data && (
        <AssignmentPreviewCard
          preview={preview.data}
          courseName={courseName}
          dueAt={dueAt}
          busy={assign.isPending}
          onConfirm={() => assign.mutate(source)}
          onCancel={() => preview.reset()}
        />
      )}
      {assign.variables === source && assign.error && <HrErrorAlert error={assign.error} />}
      {assign.variables === source && assign.data && (
        <Alert color="green" role="status">
          {t('hrAssignments.assigned', assign.data)}
        </Alert>
      )}
    </>
  );

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
                  preview.mutate('pick');
                }}
                disabled={!courseId || ids.length === 0}
                loading={preview.isPending && preview.variables === 'pick'}
              >
                {t('hrAssignments.preview', { count: ids.length })}
              </Button>
            </Group>
            {flow('pick')}

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
                  resetResults();
                }}
                clearable
                clearButtonProps={{ 'aria-label': t('hrImport.clearFile') }}
                w={{ base: '100%', sm: 360 }}
              />
              <Button
                onClick={() => {
                  assign.reset();
                  preview.mutate('csv');
                }}
                disabled={!courseId || !csv}
                loading={preview.isPending && preview.variables === 'csv'}
              >
                {t('hrAssignments.csvPreview')}
              </Button>
            </Group>
            {flow('csv')}
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
    </Stack>
  );
}
