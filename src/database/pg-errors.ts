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

/** SQLSTATEs PostgreSQL answers when it takes no more connections for now. */
const BUSY_SQLSTATES = new Set([
  '53300', // too_many_connections
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
]);

/**
 * The database cannot take this request right now (pool exhausted for longer than the acquire
 * timeout, server refusing connections): a retry later may well succeed. pg-pool gives its
 * timeouts no code, so the message is all there is to recognise them by.
 */
export function isDatabaseBusy(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (BUSY_SQLSTATES.has(pgCode(e) ?? '')) return true;
  return (
    e.message === 'timeout exceeded when trying to connect' ||
    e.message === 'Connection terminated due to connection timeout'
  );
}
