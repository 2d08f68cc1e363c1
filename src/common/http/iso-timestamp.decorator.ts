import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { ISO_TIMESTAMP_HINT, parseIsoTimestamp } from '../text/iso-timestamp';

/**
 * A date field in a body or a date filter in a query: parsed by the one ISO 8601 reader
 * (`parseIsoTimestamp`) into a Date; anything else fails validation (VALIDATION_FAILED with
 * the field in details). `as: 'string'` keeps the client's text for fields typed as strings.
 */
export function IsIsoTimestamp(options: { as?: 'date' | 'string' } = {}): PropertyDecorator {
  const asString = options.as === 'string';
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (value === null || value === undefined || value instanceof Date) return value;
      const date = parseIsoTimestamp(value);
      return date && !asString ? date : value;
    }),
    ValidateBy({
      name: 'isIsoTimestamp',
      validator: {
        validate: (value: unknown) =>
          asString
            ? typeof value === 'string' && parseIsoTimestamp(value) !== null
            : value instanceof Date && !Number.isNaN(value.getTime()),
        defaultMessage: () => `$property must be ${ISO_TIMESTAMP_HINT}`,
      },
    }),
  );
}
