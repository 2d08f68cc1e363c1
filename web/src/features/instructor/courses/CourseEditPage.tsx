import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { courseAuthoringApi, type CourseView } from '../../../app/api';
import { Loading } from '../../common/Loading';
import { CourseNav } from '../CourseNav';
import { CourseErrorAlert } from './CourseErrorAlert';
import { bodyOf, CourseForm, type CourseFormValues, EMPTY_COURSE, valuesOf } from './CourseForm';
import { courseKeys, useAuthorCourse } from './queries';
import { StaffSection } from './StaffSection';

/** /instructor/courses/new and /instructor/courses/:courseId/edit. */
export function CourseEditPage() {
  const { courseId } = useParams();
  return courseId ? <EditCourse courseId={courseId} /> : <NewCourse />;
}

function NewCourse() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: CourseFormValues) => courseAuthoringApi.createCourse(bodyOf(values)),
    onSuccess: async (course: CourseView) => {
      queryClient.setQueryData(courseKeys.course(course.id), course);
      await queryClient.invalidateQueries({ queryKey: courseKeys.list });
    },
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('instructorCourses.new.title')}</Title>
      <Text c="dimmed">{t('instructorCourses.new.intro')}</Text>
      <CourseForm
        initial={EMPTY_COURSE}
        draftName="course:new"
        creating
        saving={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutateAsync(values)}
        onSaved={(course) =>
          void navigate(`/instructor/courses/${course.id}/edit`, { state: { created: true } })
        }
        onCancel={() => void navigate('/instructor')}
      />
    </Stack>
  );
}

function EditCourse({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const course = useAuthorCourse(courseId);
  const [saved, setSaved] = useState(0);
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const update = useMutation({
    mutationFn: (values: CourseFormValues) => {
      const { code: _code, ...fields } = bodyOf(values);
      return courseAuthoringApi.updateCourse(courseId, fields);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(courseKeys.course(courseId), next);
      void queryClient.invalidateQueries({ queryKey: courseKeys.list });
      setSaved((n) => n + 1);
    },
  });
  const newDraft = useMutation({
    mutationFn: () => courseAuthoringApi.newDraft(courseId),
    onSuccess: (next) => queryClient.setQueryData(courseKeys.course(courseId), next),
  });

  if (course.isPending) return <Loading />;
  if (course.error)
    return <CourseErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  const draft = course.data.draft;
  return (
    <Stack gap="lg">
      <CourseNav courseId={courseId} />
      <Title order={1}>{t('instructorCourses.edit.title')}</Title>
      {created && saved === 0 && (
        <Alert color="green" role="status">
          {t('instructorCourses.edit.created')}
        </Alert>
      )}
      {saved > 0 && (
        <Alert color="green" role="status">
          {t('instructorCourses.edit.saved', { no: draft?.versionNo ?? '' })}
        </Alert>
      )}
      {draft ? (
        <>
          <Text c="dimmed">{t('instructorCourses.edit.draftNote', { no: draft.versionNo })}</Text>
          <CourseForm
            key={`${draft.id}-${saved}`}
            initial={valuesOf(course.data.code, draft)}
            draftName={`course:${draft.id}`}
            creating={false}
            saving={update.isPending}
            error={update.error}
            onSubmit={(values) => update.mutateAsync(values)}
            onCancel={() => void navigate(`/instructor/courses/${courseId}`)}
          />
        </>
      ) : (
        <Alert color="blue" title={t('instructorCourses.edit.frozenTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text>{t('instructorCourses.edit.frozenBody')}</Text>
            <Button loading={newDraft.isPending} onClick={() => newDraft.mutate()}>
              {t('instructorCourses.versions.newDraft')}
            </Button>
            {newDraft.error != null && <CourseErrorAlert error={newDraft.error} />}
          </Stack>
        </Alert>
      )}
      <StaffSection courseId={courseId} />
    </Stack>
  );
}
