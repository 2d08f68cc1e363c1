import { DomainError } from '../../common/errors/domain-error';

/** Editing and publishing both need a draft version; published versions never change. */
export function draftRequired(courseId: string): DomainError {
  return new DomainError(
    'DRAFT_REQUIRED',
    'Published versions are frozen: create a new draft version to edit',
    { courseId },
  );
}
