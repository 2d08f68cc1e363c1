import { renewalOffered } from './renewal-offer';

describe('renewalOffered', () => {
  const offer = (
    storedStatus: string,
    callerRole: 'admin' | 'instructor' | 'hr' | 'learner',
    currentEnrollmentMode: 'open' | 'assigned' | null,
  ) => renewalOffered({ storedStatus, callerRole, currentEnrollmentMode });

  it('offers a learner the renewal of an issued certificate of an open course', () => {
    expect(offer('issued', 'learner', 'open')).toBe(true);
  });
  it('not to a learner when the course is assigned by HR only', () => {
    expect(offer('issued', 'learner', 'assigned')).toBe(false);
  });
  it('offers HR the renewal whatever the mode', () => {
    expect(offer('issued', 'hr', 'assigned')).toBe(true);
    expect(offer('issued', 'hr', 'open')).toBe(true);
  });
  it.each(['pending', 'failed', 'revoked', 'superseded'])('never for a %s certificate', (s) => {
    expect(offer(s, 'learner', 'open')).toBe(false);
    expect(offer(s, 'hr', 'open')).toBe(false);
  });
  it('never without a published version, and never to an admin (the route refuses them)', () => {
    expect(offer('issued', 'learner', null)).toBe(false);
    expect(offer('issued', 'admin', 'open')).toBe(false);
  });
});
