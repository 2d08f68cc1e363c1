import { DomainError } from '../errors/domain-error';
import type { AuthUser } from './roles';

/** The caller's organization; an HR or learner account without one may not act on tenant data. */
export function orgOf(actor: AuthUser): string {
  if (!actor.organizationId) {
    throw new DomainError('FORBIDDEN', 'Your account has no organization');
  }
  return actor.organizationId;
}
