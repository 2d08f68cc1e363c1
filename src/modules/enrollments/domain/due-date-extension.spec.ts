import { dueDateExtensionRefusal } from './due-date-extension';

describe('dueDateExtensionRefusal', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const later = new Date('2026-12-20T00:00:00Z');

  it('accepts a future date later than the current one, or a first due date', () => {
    expect(dueDateExtensionRefusal(new Date('2026-12-10T00:00:00Z'), later, now)).toBeNull();
    expect(dueDateExtensionRefusal(later, later, now)).toBeNull();
    expect(dueDateExtensionRefusal(null, later, now)).toBeNull();
  });

  it('refuses a date not in the future', () => {
    expect(dueDateExtensionRefusal(null, now, now)).toBe('DUE_DATE_IN_PAST');
    expect(dueDateExtensionRefusal(null, new Date('2026-11-30T00:00:00Z'), now)).toBe(
      'DUE_DATE_IN_PAST',
    );
  });

  it('refuses shortening an assignment', () => {
    expect(dueDateExtensionRefusal(new Date('2026-12-25T00:00:00Z'), later, now)).toBe(
      'DUE_DATE_NOT_LATER',
    );
  });
});
