/** Pure rules for who may change a course's staff list. */

export type StaffRole = 'owner' | 'co_instructor';

export type StaffChangeRefusal =
  'NOT_COURSE_OWNER' | 'STAFF_MUST_BE_INSTRUCTOR' | 'COURSE_OWNER_NOT_REMOVABLE';

/** Only the owner or an admin adds co-instructors, and only users whose role is instructor. */
export function addStaffRefusal(input: {
  actorIsAdmin: boolean;
  actorStaffRole: StaffRole | null;
  candidateRole: string;
}): StaffChangeRefusal | null {
  if (!input.actorIsAdmin && input.actorStaffRole !== 'owner') return 'NOT_COURSE_OWNER';
  if (input.candidateRole !== 'instructor') return 'STAFF_MUST_BE_INSTRUCTOR';
  return null;
}

/** The owner or an admin removes co-instructors; the owner is never removed. */
export function removeStaffRefusal(input: {
  actorIsAdmin: boolean;
  actorStaffRole: StaffRole | null;
  targetStaffRole: StaffRole;
}): StaffChangeRefusal | null {
  if (!input.actorIsAdmin && input.actorStaffRole !== 'owner') return 'NOT_COURSE_OWNER';
  if (input.targetStaffRole === 'owner') return 'COURSE_OWNER_NOT_REMOVABLE';
  return null;
}
