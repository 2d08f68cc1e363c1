import { categoriesForRole, isUnsubscribable } from './categories';
import { recipientDomain } from './recipient';
import {
  dueSoonKey,
  hrDigestKey,
  isoWeek,
  overdueKey,
  thresholdFor,
  weeksOverdue,
} from './reminder-keys';
import { decideAfterFailure, describeError, isUserUnknown } from './send-outcome';

const DAY = 86_400_000;

describe('reminder keys and thresholds', () => {
  it('picks the tightest due-soon threshold', () => {
    expect(thresholdFor(8 * DAY, [7, 3, 1])).toBeNull();
    expect(thresholdFor(7 * DAY, [7, 3, 1])).toBe(7);
    expect(thresholdFor(5 * DAY, [7, 3, 1])).toBe(7);
    expect(thresholdFor(3 * DAY - 1, [7, 3, 1])).toBe(3);
    expect(thresholdFor(2 * 3600_000, [7, 3, 1])).toBe(1);
    expect(thresholdFor(0, [7, 3, 1])).toBeNull();
    expect(thresholdFor(45 * DAY, [90, 30, 7])).toBe(90);
  });

  it('counts whole weeks overdue', () => {
    const due = new Date('2030-01-01T00:00:00Z');
    expect(weeksOverdue(due, new Date('2030-01-01T01:00:00Z'))).toBe(0);
    expect(weeksOverdue(due, new Date('2030-01-08T00:00:00Z'))).toBe(1);
    expect(weeksOverdue(due, new Date('2030-01-21T23:00:00Z'))).toBe(2);
    expect(overdueKey('e1', 2)).toBe('overdue:e1:w2');
    expect(dueSoonKey('e1', 3)).toBe('due:e1:3');
  });

  it('formats ISO weeks across year boundaries', () => {
    expect(isoWeek(new Date('2026-11-27T10:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T10:00:00Z'))).toBe('2025-W01');
    expect(hrDigestKey('u', new Date('2026-11-27T10:00:00Z'))).toBe('hr-digest:u:2026-W48');
  });
});

describe('send outcome', () => {
  it('retries transient failures until attempts run out and never retries permanent ones', () => {
    expect(decideAfterFailure('transient', 1, 3)).toBe('retry');
    expect(decideAfterFailure('transient', 3, 3)).toBe('failed');
    expect(decideAfterFailure('permanent', 1, 3)).toBe('failed');
  });

  it('recognises "user unknown" replies only for 5xx', () => {
    expect(isUserUnknown({ responseCode: 550, response: '550 5.1.1 <x@y>: User unknown' })).toBe(
      true,
    );
    expect(isUserUnknown({ responseCode: 550, response: '550 No such user here' })).toBe(true);
    expect(isUserUnknown({ responseCode: 552, response: '552 Message size exceeds' })).toBe(false);
    expect(
      isUserUnknown({ responseCode: 450, response: '450 4.1.1 User unknown, try later' }),
    ).toBe(false);
    expect(isUserUnknown(new Error('boom'))).toBe(false);
  });

  it('describes errors on one bounded line', () => {
    const text = describeError({ responseCode: 451, message: 'try\r\nlater' });
    expect(text).toBe('451 try later');
    expect(describeError({ message: 'x'.repeat(5000) }).length).toBe(1000);
  });

  it('derives the rate-limit key and category rules', () => {
    expect(recipientDomain('Budi@Mail.Example.CO.ID')).toBe('mail.example.co.id');
    expect(isUnsubscribable('reminder')).toBe(true);
    expect(isUnsubscribable('transactional')).toBe(false);
  });

  it('offers each role only the categories of mail it receives', () => {
    expect(categoriesForRole('learner')).toEqual(['reminder', 'notification']);
    expect(categoriesForRole('hr')).toEqual(['digest']);
    expect(categoriesForRole('admin')).toEqual([]);
    expect(categoriesForRole('instructor')).toEqual([]);
    expect(categoriesForRole('unknown')).toEqual([]);
  });
});
