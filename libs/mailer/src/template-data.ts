import { toSingleLine } from './escape';
import { resolveLinkUnderBase } from './links';
import { TemplateDataError } from './template-data-error';

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * Reads and checks the fields a template needs. Every getter throws TemplateDataError naming the
 * field, so a bad payload fails at render time instead of producing a half-empty mail.
 * Strings come back on a single line; links come back absolute and under publicBaseUrl.
 */
export class TemplateDataReader {
  private readonly data: Record<string, unknown>;

  constructor(
    private readonly template: string,
    data: unknown,
    private readonly baseUrl: string,
    private readonly fieldPrefix = '',
  ) {
    if (!isRecord(data)) throw this.error('', 'must be an object');
    this.data = data;
  }

  text(field: string): string {
    const value = this.data[field];
    if (typeof value !== 'string' || toSingleLine(value) === '') {
      throw this.error(field, 'is required and must be a non-empty string');
    }
    return toSingleLine(value);
  }

  integer(field: string, min: number): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw this.error(field, `is required and must be an integer >= ${min}`);
    }
    return value;
  }

  numberInRange(field: string, min: number, max: number): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw this.error(field, `is required and must be a number between ${min} and ${max}`);
    }
    return value;
  }

  date(field: string): Date {
    const value = this.optionalDate(field);
    if (value === null) throw this.error(field, 'is required and must be an ISO 8601 date');
    return value;
  }

  /** null and undefined mean "no date"; anything else has to be a valid date. */
  optionalDate(field: string): Date | null {
    const value = this.data[field];
    if (value === null || value === undefined) return null;
    const date =
      value instanceof Date
        ? value
        : typeof value === 'string' && ISO_DATE_PREFIX.test(value)
          ? new Date(value)
          : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw this.error(field, 'must be an ISO 8601 date');
    }
    return date;
  }

  link(field: string): string {
    const value = this.data[field];
    const href = typeof value === 'string' ? resolveLinkUnderBase(value, this.baseUrl) : null;
    if (href === null) {
      throw this.error(field, `is required and must be a path or a URL under ${this.baseUrl}`);
    }
    return href;
  }

  list<T>(field: string, readItem: (item: TemplateDataReader) => T): T[] {
    const value = this.data[field];
    if (!Array.isArray(value)) throw this.error(field, 'is required and must be an array');
    return value.map((item, index) =>
      readItem(
        new TemplateDataReader(this.template, item, this.baseUrl, `${this.path(field)}[${index}].`),
      ),
    );
  }

  private path(field: string): string {
    return `${this.fieldPrefix}${field}`;
  }

  private error(field: string, reason: string): TemplateDataError {
    const path = field ? this.path(field) : this.fieldPrefix.replace(/\.$/, '') || '(data)';
    return new TemplateDataError(this.template, path, reason);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
