import {
  Box,
  Button,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, type ItemAnalysisPageView } from '../../app/api';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';

type Row = ItemAnalysisPageView['items'][number];
type OptionShare = NonNullable<Row['options']>[number];

/** A colour per plain-words level: green is good, red asks the author to look again. */
const DISCRIMINATION_COLORS: Record<string, string> = {
  very_good: 'green.7',
  adequate: 'teal.6',
  weak: 'yellow.6',
  very_weak: 'orange.7',
  bad: 'red.7',
};

function useNumber() {
  const { i18n } = useTranslation();
  return (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);
}

function IndexCell({
  value,
  level,
  levelKey,
  color,
}: {
  value: number | null;
  level: string | null;
  levelKey: string;
  color?: string;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  if (value === null || level === null) {
    return <Text c="dimmed">{t('itemAnalysis.notDefined')}</Text>;
  }
  return (
    <Stack gap={2}>
      <Text fw={700} size="lg">
        {number(value)}
      </Text>
      <Group gap={6} wrap="nowrap">
        {color && (
          <Box
            aria-hidden="true"
            w={10}
            h={10}
            bg={color}
            style={{ borderRadius: '50%', flexShrink: 0 }}
          />
        )}
        <Text size="sm">{t(`itemAnalysis.${levelKey}.${level}`)}</Text>
      </Group>
    </Stack>
  );
}

function OptionBars({ row }: { row: Row }) {
  const { t } = useTranslation();
  const number = useNumber();
  if (!row.options) return <Text c="dimmed">{t('itemAnalysis.noOptions')}</Text>;
  const label = (o: OptionShare) =>
    row.type === 'true_false' ? t(`itemAnalysis.trueFalse.${o.id}`) : o.text;
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {row.options.map((o) => (
        <li key={o.id}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" lineClamp={2} fw={o.correct ? 600 : 400}>
              {label(o)}
              {o.correct && <VisuallyHidden> {t('itemAnalysis.correct')}</VisuallyHidden>}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('itemAnalysis.chosen', { count: o.count, percent: number(o.percent) })}
            </Text>
          </Group>
          <Progress
            aria-hidden="true"
            size="sm"
            value={o.percent}
            color={o.correct ? 'green.7' : 'gray.6'}
          />
        </li>
      ))}
    </Stack>
  );
}

/** Moodle's quiz statistics per question, for the course staff: which questions work. */
export function ItemAnalysisPage() {
  const { t } = useTranslation();
  const { quizId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const quiz = useQuery({
    queryKey: ['author-quiz', quizId],
    queryFn: () => api.authorQuiz(quizId),
  });
  const analysis = useQuery({
    queryKey: ['item-analysis', quizId, params.toString()],
    queryFn: () => api.itemAnalysis(quizId, params),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const attempts = params.get('attempts') === 'all' ? 'all' : 'first';
  const onLaterPage = params.has('cursor');
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'cursor') next.delete('cursor');
    setParams(next);
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('itemAnalysis.title')}</Title>
        {quiz.data && <Text c="dimmed">{quiz.data.title}</Text>}
      </div>
      <Text size="sm" maw={720}>
        {t('itemAnalysis.intro')}
      </Text>
      <Group gap="md" align="center" wrap="wrap">
        <SegmentedControl
          aria-label={t('itemAnalysis.attemptsLabel')}
          value={attempts}
          onChange={(value) => withParam('attempts', value === 'all' ? 'all' : null)}
          data={[
            { value: 'first', label: t('itemAnalysis.firstAttempts') },
            { value: 'all', label: t('itemAnalysis.allAttempts') },
          ]}
        />
        {analysis.data && (
          <Text size="sm">
            {t(`itemAnalysis.counted.${analysis.data.analysedAttempts}`, {
              count: analysis.data.attemptCount,
            })}
          </Text>
        )}
      </Group>
      {analysis.isPending ? (
        <Loading />
      ) : analysis.error ? (
        <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />
      ) : analysis.data.items.length === 0 ? (
        <Text>{t('itemAnalysis.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('itemAnalysis.legend')}
          </Text>
          <Table.ScrollContainer minWidth={0}>
            <Table striped withTableBorder verticalSpacing="sm" layout="fixed">
              <Table.Caption>{t('itemAnalysis.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="30%">
                    {t('itemAnalysis.question')}
                  </Table.Th>
                  <Table.Th scope="col" w="17%">
                    {t('itemAnalysis.facility')}
                  </Table.Th>
                  <Table.Th scope="col" w="17%">
                    {t('itemAnalysis.discrimination')}
                  </Table.Th>
                  <Table.Th scope="col">{t('itemAnalysis.options')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {analysis.data.items.map((row) => (
                  <Table.Tr key={row.questionId} data-question={row.questionId}>
                    <Table.Th scope="row" fw={400} style={{ verticalAlign: 'top' }}>
                      <Text fw={600} size="sm" lineClamp={3}>
                        {row.snippet}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`itemAnalysis.type.${row.type}`)} ·{' '}
                        {t('itemAnalysis.attempts', { count: row.attempts })}
                      </Text>
                    </Table.Th>
                    <Table.Td style={{ verticalAlign: 'top' }} data-cell="facility">
                      <IndexCell
                        value={row.facility}
                        level={row.facilityLevel}
                        levelKey="facilityLevel"
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }} data-cell="discrimination">
                      <IndexCell
                        value={row.discrimination}
                        level={row.discriminationLevel}
                        levelKey="discriminationLevel"
                        color={
                          row.discriminationLevel
                            ? DISCRIMINATION_COLORS[row.discriminationLevel]
                            : undefined
                        }
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <OptionBars row={row} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group gap="sm">
            {onLaterPage && (
              <Button variant="default" onClick={() => withParam('cursor', null)}>
                {t('itemAnalysis.firstPage')}
              </Button>
            )}
            {analysis.data.nextCursor && (
              <Button onClick={() => withParam('cursor', analysis.data.nextCursor)}>
                {t('itemAnalysis.nextPage')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
