import { classifySmtpError } from '@app/mailer';

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 421, code: 'EENVELOPE' }, 'transient'],
    [{ responseCode: 450 }, 'transient'],
    [{ responseCode: 452, code: 'EMESSAGE' }, 'transient'],
    [{ responseCode: 535, code: 'EAUTH' }, 'permanent'],
    [{ responseCode: 550, code: 'EENVELOPE' }, 'permanent'],
    [{ responseCode: 554, code: 'EMESSAGE' }, 'permanent'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'ETIMEOUT' }, 'transient'],
    [{ code: 'EENVELOPE' }, 'permanent'],
    [{ code: 'EMAXRECIPIENTS' }, 'permanent'],
    [new Error('something odd'), 'transient'],
    ['not an error', 'transient'],
    [null, 'transient'],
  ])('classifies %p as %s', (err, expected) => {
    expect(classifySmtpError(err)).toBe(expected);
  });
});
