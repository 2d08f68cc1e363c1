import { renderEmail } from '@app/mailer';
import { calendarDaysLeft } from './day-count';

describe('calendarDaysLeft', () => {
  const dueWib = new Date('2026-12-05T23:59:00+07:00');

  it('counts calendar days in the recipient time zone: due 5 Dec 23:59 WIB, reminded 2 Dec = 3', () => {
    for (const reminded of [
      '2026-12-02T00:05:00+07:00',
      '2026-12-02T08:00:00+07:00',
      '2026-12-02T23:30:00+07:00',
    ]) {
      expect(calendarDaysLeft(dueWib, new Date(reminded), 'Asia/Jakarta')).toBe(3);
    }
    // Rounding elapsed time up would have said 4 for a morning reminder.
    const morning = new Date('2026-12-02T08:00:00+07:00');
    expect(Math.ceil((dueWib.getTime() - morning.getTime()) / 86_400_000)).toBe(4);
  });

  it('depends on the zone: the same instants are 4 calendar days apart in UTC', () => {
    // 5 Dec 23:59 WIB is 5 Dec 16:59 UTC; 2 Dec 00:05 WIB is 1 Dec 17:05 UTC.
    expect(calendarDaysLeft(dueWib, new Date('2026-12-02T00:05:00+07:00'), 'UTC')).toBe(4);
  });

  it('is at least 1 for a deadline later the same day', () => {
    expect(calendarDaysLeft(dueWib, new Date('2026-12-05T09:00:00+07:00'), 'Asia/Jakarta')).toBe(1);
  });

  it('is what the due-soon e-mail says', () => {
    const now = new Date('2026-12-02T08:00:00+07:00');
    const email = renderEmail(
      'enrollment_due_soon',
      {
        learnerName: 'Siti',
        courseTitle: 'Ahli K3 Umum',
        dueAt: dueWib.toISOString(),
        daysLeft: calendarDaysLeft(dueWib, now, 'Asia/Jakarta'),
        courseUrl: '/courses/1',
      },
      { locale: 'en', timeZone: 'Asia/Jakarta', publicBaseUrl: 'https://k3.test' },
    );
    expect(email.subject).toBe('Reminder: "Ahli K3 Umum" is due in 3 days');
    expect(email.text).toContain('5 December 2026 (in 3 days)');
  });
});
