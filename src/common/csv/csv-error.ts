import { DomainError } from '../errors/domain-error';
import type { CsvRowError } from './read-csv';

/** All-or-nothing CSV imports: every row error (first 1000) in one CSV_INVALID answer. */
export function csvError(
  errors: readonly CsvRowError[],
  nothingWas: 'assigned' | 'imported',
): DomainError {
  return new DomainError(
    'CSV_INVALID',
    `${errors.length} row error(s); nothing was ${nothingWas}`,
    {
      errors: errors.slice(0, 1000),
    },
  );
}
