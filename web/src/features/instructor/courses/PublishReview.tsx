import { Alert, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  courseAuthoringApi,
  type CourseView,
  type PublishPreviewView,
  type VersionView,
} from '../../../app/api';
import { localized } from '../../../app/format';
import { CursorPager } from '../../common/CursorPager';
import { Loading } from '../../common/Loading';
import { CourseErrorAlert } from './CourseErrorAlert';
import { StatusBadge } from './StatusBadge';
import { courseKeys } from './queries';

type DiffField = PublishPreviewView['fields'][number];

function fieldValue(t: TFunction, version: VersionView, field: DiffField): string {
  const value = version[field];
  if (field === 'tags') return (value as string[]).join(', ') || '—';
  if (field === 'sequential')
    return t(value ? 'instructorCourses.common.yes' : 'instructorCourses.common.no');
  if (field === 'enrollmentMode') return t(`instructorCourses.enrollmentMode.${String(value)}`);
  if (field === 'language') return t(`instructorCourses.language.${String(value)}`);
  if (field === 'certificateValidityMonths' && value === 0) {
    return t('instructorCourses.common.neverExpires');
  }
  return String(value) || '—';
}

/**
 * Publish, after showing what changes for learners: the draft against the published version,
 * and who stays on an older version (count, and a paged list). Nothing is published until the
 * instructor confirms.
 */
export function PublishReview({
  course,
  opened,
  onClose,
  onPublished,
}: {
  course: CourseView;
  opened: boolean;
  onClose: () => void;
  onPublished: (course: CourseView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: courseKeys.preview(course.id),
    queryFn: () => courseAuthoringApi.publishPreview(course.id),
    enabled: opened,
    refetchOnMount: 'always',
  });
  const publish = useMutation({
    mutationFn: () => courseAuthoringApi.publish(course.id),
    onSuccess: async (next) => {
      queryClient.setQueryData(courseKeys.course(course.id), next);
      await queryClient.invalidateQueries({ queryKey: ['instructor-course', course.id] });
      await queryClient.invalidateQueries({ queryKey: courseKeys.list });
      onPublished(next);
    },
  });
  const draftNo = course.draft?.versionNo ?? 0;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('instructorCourses.publish.title', { no: draftNo })}
      size="xl"
      closeButtonProps={{ 'aria-label': t('instructorCourses.common.close') }}
    >
      {preview.isPending ? (
        <Loading />
      ) : preview.error ? (
        <CourseErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="md">
          <Text>
            {t(
              preview.data.publishedVersionNo
                ? 'instructorCourses.publish.intro'
                : 'instructorCourses.publish.introFirst',
              { no: draftNo, old: preview.data.publishedVersionNo ?? '' },
            )}
          </Text>
          {preview.data.problems.length > 0 && (
            <Alert color="red" title={t('instructorCourses.publish.problemsTitle')} role="alert">
              <List size="sm">
                {preview.data.problems.map((p, i) => (
                  <List.Item key={`${p.code}-${p.lessonId ?? i}`}>
                    {t(`instructorCourses.publish.problems.${p.code}`, {
                      lesson: lessonTitle(course, p.lessonId),
                    })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Changes course={course} preview={preview.data} />
          <PinnedLearners courseId={course.id} />
          {publish.error != null && <CourseErrorAlert error={publish.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('instructorCourses.common.cancel')}
            </Button>
            <Button
              onClick={() => publish.mutate()}
              loading={publish.isPending}
              disabled={preview.data.problems.length > 0}
            >
              {t('instructorCourses.publish.confirm', { no: draftNo })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function lessonTitle(course: CourseView, lessonId: string | undefined): string {
  const lesson = course.draft?.modules?.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  return lesson ? `${lesson.titleId} / ${lesson.titleEn}` : '';
}

function Changes({ course, preview }: { course: CourseView; preview: PublishPreviewView }) {
  const { t, i18n } = useTranslation();
  const title = (item: { titleId: string; titleEn: string }) => localized(i18n.language, item);
  const { modules, lessons, quizzes, fields } = preview;
  if (!preview.hasChanges) {
    return (
      <Alert color="gray" role="status">
        {t('instructorCourses.publish.noChanges', { old: preview.publishedVersionNo ?? '' })}
      </Alert>
    );
  }
  const published = course.published;
  const draft = course.draft;
  const changeLabels = (changes: string[]) =>
    changes.map((c) => t(`instructorCourses.publish.changeKinds.${c}`)).join(', ');
  const section = (key: string, items: { key: string; text: string }[]) =>
    items.length > 0 && (
      <Stack gap={4} key={key}>
        <Title order={4} size="h5">
          {t(`instructorCourses.publish.sections.${key}`, { n: items.length })}
        </Title>
        <List size="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item.key}>{item.text}</List.Item>
          ))}
        </List>
      </Stack>
    );
  const groups: [string, { key: string; text: string }[]][] = [
    [
      'fields',
      published && draft
        ? fields.map((f) => ({
            key: f,
            text: t('instructorCourses.publish.fieldChange', {
              field: t(`instructorCourses.diffFields.${f}`),
              before: fieldValue(t, published, f),
              after: fieldValue(t, draft, f),
            }),
          }))
        : [],
    ],
    [
      'lessonsAdded',
      lessons.added.map((l) => ({
        key: l.key,
        text: `${title(l)} (${t(`instructorCourses.lessonTypes.${l.type}`)})`,
      })),
    ],
    [
      'lessonsChanged',
      lessons.changed.map((l) => ({ key: l.key, text: `${title(l)}: ${changeLabels(l.changes)}` })),
    ],
    ['lessonsRemoved', lessons.removed.map((l) => ({ key: l.key, text: title(l) }))],
    [
      'quizzes',
      quizzes.map((q) => ({
        key: q.key,
        text: t(`instructorCourses.publish.quizChange.${q.change}`, {
          lesson: title(q),
          fields: q.fields.map((f) => t(`instructorCourses.quizDiffFields.${f}`)).join(', '),
        }),
      })),
    ],
    ['modulesAdded', modules.added.map((m) => ({ key: m.key, text: title(m) }))],
    [
      'modulesChanged',
      modules.changed.map((m) => ({ key: m.key, text: `${title(m)}: ${changeLabels(m.changes)}` })),
    ],
    ['modulesRemoved', modules.removed.map((m) => ({ key: m.key, text: title(m) }))],
  ];
  return (
    <Stack gap="sm" component="section" aria-labelledby="publish-changes">
      <Title order={3} size="h4" id="publish-changes">
        {t('instructorCourses.publish.changesTitle')}
      </Title>
      {groups.map(([kind, items]) => section(kind, items))}
    </Stack>
  );
}

function PinnedLearners({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState<string | null>(null);
  const pinned = useQuery({
    queryKey: courseKeys.pinned(courseId, cursor),
    queryFn: () => courseAuthoringApi.pinnedLearners(courseId, cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="publish-pinned">
      <Title order={3} size="h4" id="publish-pinned">
        {t('instructorCourses.pinned.title')}
      </Title>
      {pinned.isPending ? (
        <Loading />
      ) : pinned.error ? (
        <CourseErrorAlert error={pinned.error} onRetry={() => void pinned.refetch()} />
      ) : pinned.data.total === 0 ? (
        <Text size="sm">{t('instructorCourses.pinned.none')}</Text>
      ) : (
        <>
          <Text size="sm" data-testid="pinned-summary">
            {t('instructorCourses.pinned.summary', {
              n: pinned.data.total,
              versions: pinned.data.byVersion
                .map((v) =>
                  t('instructorCourses.pinned.onVersion', { no: v.versionNo, n: v.count }),
                )
                .join(', '),
            })}
          </Text>
          <Table.ScrollContainer minWidth={0}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('instructorCourses.pinned.learner')}</Table.Th>
                  <Table.Th scope="col">{t('instructorCourses.pinned.version')}</Table.Th>
                  <Table.Th scope="col">{t('instructorCourses.pinned.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pinned.data.items.map((l) => (
                  <Table.Tr key={l.enrollmentId}>
                    <Table.Th scope="row" fw="normal">
                      <Text fw={600} size="sm">
                        {l.name}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {l.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <StatusBadge tone="superseded">
                        {t('instructorCourses.pinned.versionNo', { no: l.versionNo })}
                      </StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      {t(`instructorCourses.pinned.status.${l.status}`)} · {l.percent}%
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <CursorPager
            onFirst={cursor ? () => setCursor(null) : undefined}
            nextCursor={pinned.data.nextCursor}
            onNext={setCursor}
          />
        </>
      )}
    </Stack>
  );
}
