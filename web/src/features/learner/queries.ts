import { useQuery } from '@tanstack/react-query';
import { api, type EnrollmentView } from '../../app/api';

export const keys = {
  myCourses: ['my-courses'] as const,
  catalogue: ['catalogue'] as const,
  course: (courseId: string) => ['course', courseId] as const,
  enrollment: (id: string) => ['enrollment', id] as const,
  lesson: (enrollmentId: string, lessonId: string) => ['lesson', enrollmentId, lessonId] as const,
  certificates: ['certificates'] as const,
  certificate: (id: string) => ['certificate', id] as const,
};

export function useMyCourses() {
  return useQuery({ queryKey: keys.myCourses, queryFn: api.myCourses });
}

/** The learner's current enrollment in a course (an active one first, else the newest). */
export function pickEnrollment(items: EnrollmentView[], courseId: string): EnrollmentView | null {
  const mine = items.filter((e) => e.courseId === courseId);
  return mine.find((e) => e.status !== 'withdrawn') ?? mine[0] ?? null;
}

/** The enrollment (with its lessons) for `courseId`; `enrollment` is null when not enrolled. */
export function useCourseEnrollment(courseId: string) {
  const list = useMyCourses();
  const summary = list.data ? pickEnrollment(list.data.items, courseId) : null;
  const detail = useQuery({
    queryKey: keys.enrollment(summary?.id ?? 'none'),
    queryFn: () => api.enrollment(summary!.id),
    enabled: summary !== null,
  });
  return {
    isPending: list.isPending || (summary !== null && detail.isPending),
    error: list.error ?? detail.error,
    refetch: () => void (list.error ? list.refetch() : detail.refetch()),
    notEnrolled: list.isSuccess && summary === null,
    enrollment: detail.data ?? null,
  };
}
