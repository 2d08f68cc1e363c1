import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { courseAuthoringApi } from '../../../app/api';
import { localized } from '../../../app/format';
import { CursorPager } from '../../common/CursorPager';
import { Loading } from '../../common/Loading';
import { CourseErrorAlert } from './CourseErrorAlert';
import { StatusBadge } from './StatusBadge';
import { courseKeys } from './queries';

/** The courses the instructor staffs (admins: every course), newest first, paged. */
export function CourseListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor');
  const list = useQuery({
    queryKey: [...courseKeys.list, cursor],
    queryFn: () => courseAuthoringApi.staffedCourses(cursor),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const withCursor = (next: string | null) => setParams(next ? { cursor: next } : {});

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('instructorCourses.list.title')}</Title>
        <Button component={Link} to="/instructor/courses/new">
          {t('instructorCourses.list.create')}
        </Button>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <CourseErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('instructorCourses.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('instructorCourses.list.course')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.fields.competencyCode')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.list.jp')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.fields.enrollmentMode')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((course) => (
                <Table.Tr key={course.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`/instructor/courses/${course.id}`} fw={600}>
                      {localized(i18n.language, course)}
                    </Anchor>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {course.code}
                      {course.tags.length > 0 && ` · ${course.tags.join(', ')}`}
                    </Text>
                  </Table.Th>
                  <Table.Td>{course.competencyCode}</Table.Td>
                  <Table.Td>{course.jpHours}</Table.Td>
                  <Table.Td>
                    {t(`instructorCourses.enrollmentMode.${course.enrollmentMode}`)}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge tone={course.status}>
                      {t(`instructorCourses.status.${course.status}`, { no: course.versionNo })}
                    </StatusBadge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager
        onFirst={cursor ? () => withCursor(null) : undefined}
        nextCursor={list.data?.nextCursor}
        onNext={withCursor}
      />
    </Stack>
  );
}
