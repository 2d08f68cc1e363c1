export type SmtpFailureKind = 'transient' | 'permanent';

// Errors without an SMTP reply that concern the message itself (a malformed or missing recipient
// address, too many recipients): resending the same message fails the same way every time.
const PERMANENT_MESSAGE_CODES = new Set(['EENVELOPE', 'EMAXRECIPIENTS']);

/**
 * Decides whether a failed send is worth retrying. An SMTP reply code decides when there is one
 * (RFC 5321: 4xx transient, 5xx permanent). Everything else, including network failures
 * (ETIMEDOUT, ECONNECTION, ESOCKET, ECONNREFUSED, ...) and unrecognised errors, is transient so
 * that a message is never dropped on a guess.
 */
export function classifySmtpError(err: unknown): SmtpFailureKind {
  if (typeof err !== 'object' || err === null) return 'transient';
  const { responseCode, code } = err as Record<string, unknown>;

  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) {
    return responseCode >= 500 ? 'permanent' : 'transient';
  }
  if (typeof code === 'string' && PERMANENT_MESSAGE_CODES.has(code)) return 'permanent';
  return 'transient';
}
