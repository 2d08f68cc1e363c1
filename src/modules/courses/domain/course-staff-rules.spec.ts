import { addStaffRefusal, removeStaffRefusal } from './course-staff-rules';

describe('course staff rules', () => {
  it('lets the owner or an admin add instructors only', () => {
    const instructor = { candidateRole: 'instructor' };
    expect(addStaffRefusal({ actorIsAdmin: false, actorStaffRole: 'owner', ...instructor })).toBe(
      null,
    );
    expect(addStaffRefusal({ actorIsAdmin: true, actorStaffRole: null, ...instructor })).toBe(null);
    expect(
      addStaffRefusal({ actorIsAdmin: false, actorStaffRole: 'co_instructor', ...instructor }),
    ).toBe('NOT_COURSE_OWNER');
    expect(addStaffRefusal({ actorIsAdmin: false, actorStaffRole: null, ...instructor })).toBe(
      'NOT_COURSE_OWNER',
    );
    for (const candidateRole of ['learner', 'hr', 'admin']) {
      expect(addStaffRefusal({ actorIsAdmin: true, actorStaffRole: null, candidateRole })).toBe(
        'STAFF_MUST_BE_INSTRUCTOR',
      );
    }
  });

  it('never removes the owner, and only the owner or an admin removes', () => {
    expect(
      removeStaffRefusal({ actorIsAdmin: true, actorStaffRole: null, targetStaffRole: 'owner' }),
    ).toBe('COURSE_OWNER_NOT_REMOVABLE');
    expect(
      removeStaffRefusal({
        actorIsAdmin: false,
        actorStaffRole: 'owner',
        targetStaffRole: 'co_instructor',
      }),
    ).toBe(null);
    expect(
      removeStaffRefusal({
        actorIsAdmin: false,
        actorStaffRole: 'co_instructor',
        targetStaffRole: 'co_instructor',
      }),
    ).toBe('NOT_COURSE_OWNER');
  });
});
