import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { courseAuthoringApi, type VersionView } from '../../../app/api';
import { formatDate, localized } from '../../../app/format';
import { Loading } from '../../common/Loading';
import { ConfirmModal } from '../../hr/ConfirmModal';
import { CourseNav } from '../CourseNav';
import { CourseErrorAlert } from './CourseErrorAlert';
import { StatusBadge } from './StatusBadge';
import { PublishReview } from './PublishReview';
import { courseKeys, useAuthorCourse } from './queries';

/** A course's overview: its details, its versions, and publish / new draft / archive. */
export function CoursePage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const course = useAuthorCourse(courseId);
  const versions = useQuery({
    queryKey: courseKeys.versions(courseId),
    queryFn: () => courseAuthoringApi.versions(courseId),
  });
  const [reviewing, setReviewing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['instructor-course', courseId] });
    await queryClient.invalidateQueries({ queryKey: courseKeys.list });
  };
  const newDraft = useMutation({
    mutationFn: () => courseAuthoringApi.newDraft(courseId),
    onSuccess: async (next) => {
      queryClient.setQueryData(courseKeys.course(courseId), next);
      await refresh();
      setNotice(t('instructorCourses.versions.draftCreated', { no: next.draft?.versionNo ?? '' }));
    },
  });
  const archive = useMutation({
    mutationFn: () => courseAuthoringApi.archive(courseId),
    onSuccess: async (next) => {
      queryClient.setQueryData(courseKeys.course(courseId), next);
      await refresh();
      setArchiving(false);
      setNotice(t('instructorCourses.archive.done'));
    },
  });

  if (course.isPending) return <Loading />;
  if (course.error) {
    return <CourseErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  }
  const { draft, published } = course.data;
  const shown = draft ?? published;
  const isLive = published?.status === 'published';

  return (
    <Stack gap="lg">
      <CourseNav courseId={courseId} />
      <Title order={1}>{shown ? localized(i18n.language, shown) : course.data.code}</Title>
      {notice && (
        <Alert color="green" role="status" withCloseButton={false}>
          {notice}
        </Alert>
      )}
      <Group gap="sm" wrap="wrap">
        {draft ? (
          <>
            <Button onClick={() => setReviewing(true)}>
              {t('instructorCourses.publish.open', { no: draft.versionNo })}
            </Button>
            <Button variant="default" component={Link} to={`/instructor/courses/${courseId}/edit`}>
              {t('instructorCourses.versions.editDraft')}
            </Button>
          </>
        ) : (
          <Button loading={newDraft.isPending} onClick={() => newDraft.mutate()}>
            {t('instructorCourses.versions.newDraft')}
          </Button>
        )}
        {isLive && (
          <Button variant="outline" color="red" onClick={() => setArchiving(true)}>
            {t('instructorCourses.archive.open')}
          </Button>
        )}
      </Group>
      {newDraft.error != null && <CourseErrorAlert error={newDraft.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {published && (
          <VersionCard
            version={published}
            heading={t(
              isLive
                ? 'instructorCourses.overview.learnersSee'
                : 'instructorCourses.overview.archived',
              { no: published.versionNo },
            )}
          />
        )}
        {draft && (
          <VersionCard
            version={draft}
            heading={t('instructorCourses.overview.draft', { no: draft.versionNo })}
          />
        )}
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="course-versions">
        <Title order={2} size="h3" id="course-versions">
          {t('instructorCourses.versions.title')}
        </Title>
        {versions.isPending ? (
          <Loading />
        ) : versions.error ? (
          <CourseErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('instructorCourses.versions.version')}</Table.Th>
                  <Table.Th scope="col">{t('instructorCourses.list.status')}</Table.Th>
                  <Table.Th scope="col">{t('instructorCourses.versions.publishedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row" fw="normal">
                      {t('instructorCourses.pinned.versionNo', { no: v.versionNo })}
                    </Table.Th>
                    <Table.Td>
                      <StatusBadge tone={v.status}>
                        {t(`instructorCourses.versionStatus.${v.status}`)}
                      </StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      {v.publishedAt ? formatDate(i18n.language, v.publishedAt) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {draft && (
        <PublishReview
          course={course.data}
          opened={reviewing}
          onClose={() => setReviewing(false)}
          onPublished={(next) => {
            setReviewing(false);
            setNotice(t('instructorCourses.publish.done', { no: next.published?.versionNo ?? '' }));
          }}
        />
      )}
      <ConfirmModal
        opened={archiving}
        title={t('instructorCourses.archive.title', {
          name: shown ? localized(i18n.language, shown) : course.data.code,
        })}
        message={t('instructorCourses.archive.body')}
        confirmLabel={t('instructorCourses.archive.confirm')}
        danger
        busy={archive.isPending}
        onConfirm={() => archive.mutate()}
        onCancel={() => setArchiving(false)}
      />
      {archive.error != null && <CourseErrorAlert error={archive.error} />}
    </Stack>
  );
}

function VersionCard({ version, heading }: { version: VersionView; heading: string }) {
  const { t } = useTranslation();
  const lessonCount = (version.modules ?? []).reduce((n, m) => n + m.lessons.length, 0);
  const rows: [string, string][] = [
    [t('instructorCourses.fields.competencyCode'), version.competencyCode],
    [t('instructorCourses.fields.jpHours'), String(version.jpHours)],
    [
      t('instructorCourses.overview.validity'),
      version.certificateValidityMonths === 0
        ? t('instructorCourses.common.neverExpires')
        : t('instructorCourses.overview.months', { n: version.certificateValidityMonths }),
    ],
    [
      t('instructorCourses.fields.enrollmentMode'),
      t(`instructorCourses.enrollmentMode.${version.enrollmentMode}`),
    ],
    [t('instructorCourses.fields.tags'), version.tags.join(', ') || '—'],
  ];
  // Only the published and the draft version come with their outline.
  if (version.modules) {
    rows.push([
      t('instructorCourses.overview.outline'),
      t('instructorCourses.overview.outlineCount', {
        modules: version.modules.length,
        lessons: lessonCount,
      }),
    ]);
  }
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {heading}
      </Title>
      <Text fw={600}>{version.titleId}</Text>
      <Text c="dimmed" size="sm" mb="sm" lang="en">
        {version.titleEn}
      </Text>
      <Stack gap={4} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
            <Text component="dt" size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
