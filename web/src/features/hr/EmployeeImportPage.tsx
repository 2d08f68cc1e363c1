import {
  Alert,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ImportPreviewView } from '../../app/api';
import { HrErrorAlert } from './HrErrorAlert';

type RowError = ImportPreviewView['errors'][number];
type Line = ImportPreviewView['lines'][number];

const PAGE_SIZE = 50;
const HEADER = 'name,email,employee_id,nik';
// Filled, dark shades: white text keeps a 4.5:1 contrast on any row background.
const ACTION_COLORS: Record<string, string> = {
  create: 'blue.9',
  update: 'grape.9',
  invalid: 'red.9',
};

/**
 * Upload → the server's dry run (every line, every bad one with its reason, nothing written) →
 * fix the file and upload it again → confirm, which imports that same file.
 */
export function EmployeeImportPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [only, setOnly] = useState<'all' | 'invalid'>('all');
  const [page, setPage] = useState(1);
  const preview = useMutation({
    mutationFn: api.previewEmployeeImport,
    onSuccess: (result) => {
      setOnly(result.valid ? 'all' : 'invalid');
      setPage(1);
    },
  });
  const confirm = useMutation({
    mutationFn: api.importEmployees,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hr-employees'] }),
  });

  const choose = (next: File | null) => {
    setFile(next);
    preview.reset();
    confirm.reset();
  };
  const reason = (e: RowError) => {
    const key = `hrImport.reasons.${e.code}`;
    return i18n.exists(key) ? t(key, { field: e.field ?? '' }) : e.message;
  };
  const result = preview.data;
  const errorsByLine = new Map<number, RowError[]>();
  for (const e of result?.errors ?? []) {
    errorsByLine.set(e.line, [...(errorsByLine.get(e.line) ?? []), e]);
  }
  const fileErrors = errorsByLine.get(1) ?? [];
  const shown: Line[] = (result?.lines ?? []).filter(
    (l) => only === 'all' || l.action === 'invalid',
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const visible = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Stack gap="md">
      <Title order={1}>{t('hrImport.title')}</Title>
      <Text>
        {t('hrImport.format')} <Code>{HEADER}</Code>
      </Text>
      <Text size="sm" c="dimmed">
        {t('hrImport.formatHint')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('hrImport.file')}
          placeholder={t('hrImport.filePlaceholder')}
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          clearable
          clearButtonProps={{ 'aria-label': t('hrImport.clearFile') }}
          w={{ base: '100%', sm: 360 }}
        />
        <Button
          onClick={() => file && preview.mutate(file)}
          disabled={!file}
          loading={preview.isPending}
        >
          {t('hrImport.check')}
        </Button>
      </Group>
      {preview.error && <HrErrorAlert error={preview.error} />}
      {confirm.data ? (
        <Alert color="green" role="status">
          <Stack gap="xs" align="flex-start">
            <Text fw={700}>{t('hrImport.doneTitle')}</Text>
            <span>{t('hrImport.done', confirm.data)}</span>
            <Button component={Link} to="/hr/employees" variant="default">
              {t('hrImport.toList')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        result && (
          <Stack gap="md">
            <Text fw={600} role="status">
              {t('hrImport.summary', {
                total: result.lines.length,
                created: result.created,
                updated: result.updated,
                invalid: result.invalid,
              })}
            </Text>
            {result.valid ? (
              <Alert color="blue" title={t('hrImport.readyTitle')}>
                <Stack gap="sm" align="flex-start">
                  <span>{t('hrImport.ready')}</span>
                  <Button onClick={() => file && confirm.mutate(file)} loading={confirm.isPending}>
                    {t('hrImport.confirm', { count: result.created + result.updated })}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <Alert
                color="red"
                title={t('hrImport.invalidTitle', { count: result.errors.length })}
              >
                {t('hrImport.invalid')}
                {fileErrors.length > 0 && (
                  <List mt="xs">
                    {fileErrors.map((e, i) => (
                      <List.Item key={i}>{reason(e)}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            )}
            {confirm.error && <HrErrorAlert error={confirm.error} />}
            {result.lines.length > 0 && (
              <>
                <SegmentedControl
                  value={only}
                  onChange={(v) => {
                    setOnly(v as 'all' | 'invalid');
                    setPage(1);
                  }}
                  data={[
                    { value: 'all', label: t('hrImport.showAll', { count: result.lines.length }) },
                    {
                      value: 'invalid',
                      label: t('hrImport.showInvalid', { count: result.invalid }),
                    },
                  ]}
                  aria-label={t('hrImport.show')}
                />
                <Table.ScrollContainer minWidth={0}>
                  <Table
                    withTableBorder
                    verticalSpacing="xs"
                    aria-label={t('hrImport.tableCaption')}
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('hrImport.line')}</Table.Th>
                        <Table.Th scope="col">{t('hrEmployees.fields.name')}</Table.Th>
                        <Table.Th scope="col">{t('hrEmployees.fields.email')}</Table.Th>
                        <Table.Th scope="col">{t('hrEmployees.fields.employeeId')}</Table.Th>
                        <Table.Th scope="col">{t('hrEmployees.fields.nik')}</Table.Th>
                        <Table.Th scope="col">{t('hrImport.result')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {visible.map((l) => {
                        const bad = l.action === 'invalid';
                        return (
                          <Table.Tr
                            key={l.line}
                            bg={bad ? 'var(--mantine-color-red-light)' : undefined}
                            data-invalid={bad || undefined}
                          >
                            <Table.Th scope="row">{l.line}</Table.Th>
                            <Table.Td>{l.name}</Table.Td>
                            <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.email}</Table.Td>
                            <Table.Td>{l.employeeId}</Table.Td>
                            <Table.Td>{l.nik}</Table.Td>
                            <Table.Td>
                              <Badge
                                color={ACTION_COLORS[l.action]}
                                variant="filled"
                                miw="max-content"
                              >
                                {t(`hrImport.actions.${l.action}`)}
                              </Badge>
                              {(errorsByLine.get(l.line) ?? []).map((e, i) => (
                                <Text size="sm" key={i} c="red.9">
                                  {reason(e)}
                                </Text>
                              ))}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={setPage}
                    getControlProps={(control) => ({
                      'aria-label': t(`hrImport.paging.${control}`),
                    })}
                    getItemProps={(n) => ({ 'aria-label': t('hrImport.paging.page', { n }) })}
                  />
                )}
              </>
            )}
          </Stack>
        )
      )}
    </Stack>
  );
}
