/**
 * Whether POST /certificates/:id/renew would start a renewal for this caller: only an issued
 * certificate (valid or expired, never revoked or superseded) is renewed; HR renews as an
 * assignment, a learner as self-enrolment, which an assigned-only course refuses.
 */
export function renewalOffered(input: {
  storedStatus: string;
  callerRole: 'admin' | 'instructor' | 'hr' | 'learner';
  currentEnrollmentMode: 'open' | 'assigned' | null;
}): boolean {
  if (input.storedStatus !== 'issued') return false;
  if (input.currentEnrollmentMode === null) return false; // no published version to enrol in
  if (input.callerRole === 'hr') return true;
  if (input.callerRole === 'learner') return input.currentEnrollmentMode === 'open';
  return false;
}
