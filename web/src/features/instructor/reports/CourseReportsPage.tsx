import {
  Anchor,
  Box,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type CourseReportView } from '../../../app/api';
import { formatDate, localized } from '../../../app/format';
import { CursorPager } from '../../common/CursorPager';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import { CourseNav } from '../CourseNav';

const ROSTER_STATUSES = ['not_started', 'in_progress', 'overdue', 'completed', 'withdrawn'];

/** Dark shades: the roster's stripes leave light ones below the contrast minimum. */
const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray.8',
  in_progress: 'blue.9',
  overdue: 'red.9',
  completed: 'teal.9',
  withdrawn: 'gray.8',
};

type LessonRow = CourseReportView['lessons'][number];

/** Time spent in hours and minutes: course time runs to many hours (JP). */
function hoursMinutes(t: TFunction, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0
    ? t('courseReports.hoursMinutes', { h, m })
    : t('courseReports.minutes', { count: m });
}

const percentOf = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 100) : 0;

/** The instructor's course report: totals, a completion funnel per lesson, and the roster. */
export function CourseReportsPage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const course = useQuery({ queryKey: ['course', courseId], queryFn: () => api.course(courseId) });
  const report = useQuery({
    queryKey: ['course-report', courseId],
    queryFn: () => api.courseReport(courseId),
  });
  const version = course.data?.published ?? course.data?.draft ?? null;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('courseReports.title')}</Title>
        {version && (
          <Text c="dimmed">
            {localized(i18n.language, version)} · {course.data?.code}
          </Text>
        )}
      </Stack>
      <CourseNav courseId={courseId} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorAlert error={report.error} />
      ) : (
        <>
          <Totals report={report.data} />
          <Funnel report={report.data} />
        </>
      )}
      <Roster courseId={courseId} />
    </Stack>
  );
}

function Totals({ report }: { report: CourseReportView }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'enrolled', value: String(report.enrolled) },
    { key: 'completed', value: String(report.byStatus.completed) },
    { key: 'inProgress', value: String(report.byStatus.in_progress) },
    { key: 'overdue', value: String(report.byStatus.overdue) },
    { key: 'averagePercent', value: `${report.averagePercent}%` },
    { key: 'averageTime', value: hoursMinutes(t, report.averageTimeSpentSeconds) },
  ];
  return (
    <section aria-labelledby="course-report-totals">
      <Title order={2} size="h3" id="course-report-totals" mb="sm">
        {t('courseReports.totals')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {stats.map((s) => (
          <Card withBorder key={s.key} padding="sm">
            <Text size="sm" c="dimmed">
              {t(`courseReports.stat.${s.key}`)}
            </Text>
            <Text fw={700} size="xl">
              {s.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Funnel({ report }: { report: CourseReportView }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const versionNo = Number(chosen ?? report.versions[0]?.versionNo ?? 0);
  const enrolled = report.versions.find((v) => v.versionNo === versionNo)?.enrolled ?? 0;
  const lessons = report.lessons.filter((l) => l.versionNo === versionNo);

  return (
    <section aria-labelledby="course-report-funnel">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="course-report-funnel">
          {t('courseReports.funnel.title')}
        </Title>
        {report.versions.length > 1 && (
          <SegmentedControl
            aria-label={t('courseReports.funnel.version')}
            value={String(versionNo)}
            onChange={setChosen}
            data={report.versions.map((v) => ({
              value: String(v.versionNo),
              label: t('courseReports.funnel.versionOption', { no: v.versionNo }),
            }))}
          />
        )}
      </Group>
      {lessons.length === 0 ? (
        <Text c="dimmed">{t('courseReports.funnel.none')}</Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('courseReports.funnel.explain', { count: enrolled, no: versionNo })}
          </Text>
          {/* the bars repeat the table below, which is the accessible version */}
          <Stack gap={6} aria-hidden="true">
            {lessons.map((l, i) => (
              <FunnelBar key={l.lessonId} lesson={l} index={i} enrolled={enrolled} />
            ))}
          </Stack>
          <Group gap="lg" aria-hidden="true">
            <Legend color="green.7" label={t('courseReports.funnel.completed')} />
            <Legend color="yellow.5" label={t('courseReports.funnel.startedOnly')} />
          </Group>
          <Table.ScrollContainer minWidth={0}>
            <Table striped withTableBorder>
              <Table.Caption>{t('courseReports.funnel.caption', { no: versionNo })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('courseReports.funnel.lesson')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.funnel.started')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.funnel.completed')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.funnel.completedShare')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.funnel.averageTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lessons.map((l, i) => (
                  <Table.Tr key={l.lessonId}>
                    <Table.Th scope="row" fw="normal">
                      {i + 1}. {localized(i18n.language, l)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({t(`courseReports.lessonType.${l.type}`)})
                      </Text>
                      {l.quizId && (
                        <Anchor
                          component={Link}
                          to={`/instructor/quizzes/${l.quizId}/item-analysis`}
                          size="sm"
                          ml="xs"
                        >
                          {t('courseReports.funnel.itemAnalysis')}
                        </Anchor>
                      )}
                    </Table.Th>
                    <Table.Td>{l.started}</Table.Td>
                    <Table.Td>{l.completed}</Table.Td>
                    <Table.Td>{percentOf(l.completed, enrolled)}%</Table.Td>
                    <Table.Td>{hoursMinutes(t, l.averageTimeSpentSeconds)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </section>
  );
}

function FunnelBar({
  lesson,
  index,
  enrolled,
}: {
  lesson: LessonRow;
  index: number;
  enrolled: number;
}) {
  const { i18n } = useTranslation();
  const completed = percentOf(lesson.completed, enrolled);
  const startedOnly = Math.max(0, percentOf(lesson.started, enrolled) - completed);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="funnel-bar">
      <Text size="sm" w={{ base: 120, sm: 240 }} truncate="end">
        {index + 1}. {localized(i18n.language, lesson)}
      </Text>
      <Progress.Root size="xl" style={{ flex: 1 }}>
        <Progress.Section value={completed} color="green.7" />
        <Progress.Section value={startedOnly} color="yellow.5" />
      </Progress.Root>
      <Text size="sm" w={44} ta="right">
        {completed}%
      </Text>
    </Group>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <Box w={14} h={14} bg={color} style={{ borderRadius: 3 }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function Roster({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const cursor = params.get('cursor');
  const query = new URLSearchParams({ limit: '25' });
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const roster = useQuery({
    queryKey: ['course-roster', courseId, status, cursor],
    queryFn: () => api.courseRoster(courseId, query),
    placeholderData: keepPreviousData,
  });
  const withCursor = (next: string | null) => {
    const q = new URLSearchParams(params);
    if (next) q.set('cursor', next);
    else q.delete('cursor');
    setParams(q);
  };

  return (
    <section aria-labelledby="course-report-roster">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="course-report-roster">
          {t('courseReports.roster.title')}
        </Title>
        <Select
          label={t('courseReports.roster.status')}
          placeholder={t('courseReports.roster.allStatuses')}
          clearable
          value={status}
          onChange={(value) => setParams(value ? { status: value } : {})}
          data={ROSTER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          w={220}
        />
      </Group>
      {roster.isPending ? (
        <Loading />
      ) : roster.isError ? (
        <ErrorAlert error={roster.error} />
      ) : roster.data.items.length === 0 ? (
        <Text c="dimmed">{t('courseReports.roster.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder>
              <Table.Caption>{t('courseReports.roster.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('courseReports.roster.learner')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.version')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.status')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.progress')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.timeSpent')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.due')}</Table.Th>
                  <Table.Th scope="col">{t('courseReports.roster.completedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roster.data.items.map((r) => (
                  <Table.Tr key={r.enrollmentId}>
                    <Table.Th scope="row" fw="normal">
                      <Text fw={600}>{r.name}</Text>
                      <Text size="xs" c="dimmed">
                        {r.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>{r.versionNo}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={STATUS_COLORS[r.status] ?? 'dark'}>
                        {t(`status.${r.status}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={140}>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={r.percent}
                          style={{ flex: 1 }}
                          aria-label={t('courseReports.roster.progressOf', { name: r.name })}
                        />
                        <Text size="sm">{r.percent}%</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{hoursMinutes(t, r.timeSpentSeconds)}</Table.Td>
                    <Table.Td>
                      {r.dueAt
                        ? formatDate(i18n.language, String(r.dueAt))
                        : t('courseReports.none')}
                    </Table.Td>
                    <Table.Td>
                      {r.completedAt
                        ? formatDate(i18n.language, String(r.completedAt))
                        : t('courseReports.none')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <CursorPager
            onFirst={cursor ? () => withCursor(null) : undefined}
            nextCursor={roster.data.nextCursor}
            onNext={withCursor}
          />
        </Stack>
      )}
    </section>
  );
}
