import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

/** Query keys of the instructor's course pages; every course page shares the course query. */
export const courseKeys = {
  list: ['instructor-courses'] as const,
  course: (courseId: string) => ['instructor-course', courseId] as const,
  versions: (courseId: string) => ['instructor-course', courseId, 'versions'] as const,
  staff: (courseId: string) => ['instructor-course', courseId, 'staff'] as const,
  preview: (courseId: string) => ['instructor-course', courseId, 'publish-preview'] as const,
  pinned: (courseId: string, cursor: string | null) =>
    ['instructor-course', courseId, 'pinned', cursor] as const,
};

/** The author's view of one course: its published version and its draft (with the outline). */
export function useAuthorCourse(courseId: string) {
  return useQuery({ queryKey: courseKeys.course(courseId), queryFn: () => api.course(courseId) });
}
