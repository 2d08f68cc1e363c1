import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** Path ids must be UUIDs; anything else is a 404 (it cannot exist), not a 500. */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => new DomainError('NOT_FOUND', 'Not found'),
});
