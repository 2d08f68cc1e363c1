import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { isStorableText } from '../http/input-guards';

export const MAX_PAGE_SIZE = 100;

/** Keyset paging: `cursor` is opaque to clients; `limit` is capped. No offsets. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What one position of a cursor must hold. Checked before a value reaches SQL, so a forged
 * cursor is a 400, never a cast error from PostgreSQL.
 * - `timestamp`: an ISO 8601 / PostgreSQL text timestamp with a year in 1900–9999
 * - `uuid`: a UUID
 * - `text`: a string of at most 512 characters without NUL or lone surrogates
 * - `int`: a non-negative integer that fits PostgreSQL's `integer`
 */
export type CursorField = 'timestamp' | 'uuid' | 'text' | 'int';

const PG_INT_MAX = 2147483647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(?::?([0-5]\d))?)?$/;

function isCursorTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || hour > 23 || minute > 59) {
    return false;
  }
  if (second > 59 || Number(m[9] ?? 0) > 14) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function fits(field: CursorField, value: unknown): boolean {
  switch (field) {
    case 'timestamp':
      return typeof value === 'string' && isCursorTimestamp(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 512 && isStorableText(value);
    case 'int':
      return (
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= PG_INT_MAX
      );
  }
}

/**
 * Decodes a cursor made by `encodeCursor` and checks each value against `shape`; anything
 * else (garbage, wrong arity, wrong types, out-of-range dates) is INVALID_CURSOR (400).
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: readonly CursorField[],
): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => fits(shape[i], v))
  ) {
    return values as (string | number)[];
  }
  throw new DomainError('INVALID_CURSOR', 'The paging cursor is malformed');
}

/** Fetch `limit + 1` rows, then call this to cut the page and derive the next cursor. */
export function toPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return {
    items,
    nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1])) : null,
  };
}
