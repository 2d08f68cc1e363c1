/** PostgreSQL SQLSTATE checks, so services can turn constraint hits into domain errors. */
export function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.driverError?.code ?? err?.code;
}

export const isUniqueViolation = (e: unknown): boolean => pgCode(e) === '23505';
export const isForeignKeyViolation = (e: unknown): boolean => pgCode(e) === '23503';

export function constraintOf(e: unknown): string | undefined {
  const err = e as { constraint?: string; driverError?: { constraint?: string } };
  return err?.driverError?.constraint ?? err?.constraint;
}
