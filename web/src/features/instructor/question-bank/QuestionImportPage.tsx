import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type QuestionImportView } from '../../../app/api';
import { CourseNav } from '../CourseNav';
import { BankErrorAlert } from './BankErrorAlert';
import { LeaveGuardModal, useLeaveGuard } from '../../common/leave-guard';
import { useBankLeaveTexts } from './bank-leave-texts';
import { SourceEditor, type SourceEditorHandle } from './SourceEditor';

const FORMATS = ['gift', 'aiken', 'moodlexml'] as const;
type Format = (typeof FORMATS)[number];
const PAGE_SIZE = 50;

interface SourceError {
  line: number;
  code: string;
  message: string;
}

/** The dry run's answer: what would be created, or every error with its line. */
type Check =
  | { source: string; format: Format; ok: true; summary: QuestionImportView }
  | { source: string; format: Format; ok: false; errors: SourceError[] };

function importErrors(error: unknown): SourceError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return null;
  const errors = (error.details as { errors?: SourceError[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : null;
}

/**
 * Upload or paste → dry run (nothing written) → the parsed questions, or each error marked on its
 * line of the editable source → fix in place → dry run again → confirm, which imports exactly the
 * text that was checked.
 */
export function QuestionImportPage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const editor = useRef<SourceEditorHandle>(null);
  const [format, setFormat] = useState<Format>('gift');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [page, setPage] = useState(1);
  const [imported, setImported] = useState<QuestionImportView | null>(null);
  const { blocker } = useLeaveGuard(source.trim() !== '' && !imported, { searchToo: true });
  const leaveTexts = useBankLeaveTexts();

  const dryRun = useMutation({
    mutationFn: (input: { source: string; format: Format }) =>
      api.importBankQuestions(courseId, input.format, input.source, true),
    onSuccess: (summary, input) => {
      setCheck({ ...input, ok: true, summary });
      setPage(1);
    },
    onError: (error, input) => {
      const errors = importErrors(error);
      if (errors) {
        setCheck({ ...input, ok: false, errors });
        setPage(1);
      } else {
        setCheck(null);
      }
    },
  });
  const confirm = useMutation({
    mutationFn: (input: { source: string; format: Format }) =>
      api.importBankQuestions(courseId, input.format, input.source, false),
    onSuccess: async (summary) => {
      setImported(summary);
      await queryClient.invalidateQueries({ queryKey: ['bank', courseId] });
    },
  });

  const stale = !!check && (check.source !== source || check.format !== format);
  const errors = check && !check.ok && !stale ? check.errors : [];
  const badLines = new Set(errors.map((e) => e.line));
  const reason = (e: SourceError) => {
    const key = `questionBank.problems.${e.code}`;
    return i18n.exists(key) ? t(key) : e.message;
  };
  const load = async (next: File | null) => {
    setFile(next);
    if (next) setSource(await next.text());
  };
  const start = () => {
    setImported(null);
    confirm.reset();
    dryRun.mutate({ source, format });
  };
  const parsed = check?.ok && !stale ? check.summary.questions : [];
  const pages = Math.max(1, Math.ceil(parsed.length / PAGE_SIZE));
  const bankPath = `/instructor/courses/${courseId}/question-bank`;

  return (
    <Stack gap="md">
      <CourseNav courseId={courseId} />
      <Anchor component={Link} to={bankPath}>
        {t('questionBank.importPage.back')}
      </Anchor>
      <Title order={1}>{t('questionBank.importPage.title')}</Title>
      <Text>{t('questionBank.importPage.intro')}</Text>
      {imported ? (
        <Alert color="green" role="status" title={t('questionBank.importPage.doneTitle')}>
          <Stack gap="xs" align="flex-start">
            <span>{t('questionBank.importPage.done', { count: imported.created })}</span>
            <Button component={Link} to={bankPath} variant="default">
              {t('questionBank.importPage.toBank')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <Stack gap={4}>
            <Text fw={500} id="import-format-label">
              {t('questionBank.importPage.format')}
            </Text>
            <SegmentedControl
              value={format}
              onChange={(v) => setFormat(v as Format)}
              aria-labelledby="import-format-label"
              data={FORMATS.map((f) => ({ value: f, label: t(`questionBank.formats.${f}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <FileInput
            label={t('questionBank.importPage.file')}
            description={t('questionBank.importPage.fileHint')}
            accept=".txt,.gift,.xml,text/plain,application/xml,text/xml"
            value={file}
            onChange={(f) => void load(f)}
            clearable
            clearButtonProps={{ 'aria-label': t('questionBank.importPage.clearFile') }}
            w={{ base: '100%', sm: 420 }}
          />
          <SourceEditor
            ref={editor}
            label={t('questionBank.importPage.source')}
            description={t('questionBank.importPage.sourceHint')}
            value={source}
            onChange={setSource}
            badLines={badLines}
            describedBy={errors.length ? 'import-errors' : undefined}
          />
          <Group gap="sm" wrap="wrap">
            <Button onClick={start} disabled={!source.trim()} loading={dryRun.isPending}>
              {check ? t('questionBank.importPage.checkAgain') : t('questionBank.importPage.check')}
            </Button>
            {stale && (
              <Text size="sm" role="status">
                {t('questionBank.importPage.changed')}
              </Text>
            )}
          </Group>
          {dryRun.error && !importErrors(dryRun.error) && <BankErrorAlert error={dryRun.error} />}
          {errors.length > 0 && (
            <Alert
              color="red"
              title={t('questionBank.importPage.errorsTitle', { count: errors.length })}
              id="import-errors"
            >
              <Stack gap="xs">
                <Text size="sm">{t('questionBank.importPage.errorsHint')}</Text>
                <Table verticalSpacing={4} aria-label={t('questionBank.importPage.errorsTable')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('questionBank.importPage.line')}</Table.Th>
                      <Table.Th scope="col">{t('questionBank.importPage.problem')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('questionBank.importPage.action')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {errors.map((e, i) => (
                      <Table.Tr key={`${e.line}-${i}`} data-error-line={e.line}>
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{reason(e)}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="white"
                            color="red.9"
                            onClick={() => editor.current?.showLine(e.line)}
                          >
                            {t('questionBank.importPage.showLine', { line: e.line })}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Alert>
          )}
          {check?.ok && !stale && (
            <Stack gap="sm">
              <Alert color="blue" title={t('questionBank.importPage.readyTitle')}>
                <Stack gap="sm" align="flex-start">
                  <span>
                    {t('questionBank.importPage.ready', { count: check.summary.questions.length })}
                    {check.summary.categories.length > 0 &&
                      ` ${t('questionBank.importPage.categories', { names: check.summary.categories.join(', ') })}`}
                  </span>
                  <Button
                    onClick={() => confirm.mutate({ source: check.source, format: check.format })}
                    loading={confirm.isPending}
                  >
                    {t('questionBank.importPage.confirm', {
                      count: check.summary.questions.length,
                    })}
                  </Button>
                </Stack>
              </Alert>
              {confirm.error && <BankErrorAlert error={confirm.error} />}
              <Table.ScrollContainer minWidth={0}>
                <Table
                  withTableBorder
                  verticalSpacing="xs"
                  aria-label={t('questionBank.importPage.previewTable')}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('questionBank.importPage.line')}</Table.Th>
                      <Table.Th scope="col">{t('questionBank.form.type')}</Table.Th>
                      <Table.Th scope="col">{t('questionBank.form.title')}</Table.Th>
                      <Table.Th scope="col">{t('questionBank.form.category')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {parsed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((q) => (
                      <Table.Tr key={q.line}>
                        <Table.Td>{q.line}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" c="dark.8" tt="none">
                            {t(`questionBank.types.${q.type}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{q.title ?? '—'}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>
                          {q.category ?? t('questionBank.form.noCategory')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({
                    'aria-label': t(`questionBank.paging.${control}`),
                  })}
                  getItemProps={(n) => ({ 'aria-label': t('questionBank.paging.page', { n }) })}
                />
              )}
            </Stack>
          )}
        </>
      )}
      <LeaveGuardModal blocker={blocker} texts={leaveTexts} />
    </Stack>
  );
}
