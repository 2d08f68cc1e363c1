import { listUnsubscribeHeaders, signUnsubscribeToken, verifyUnsubscribeToken } from '@app/mailer';

const SECRET = 'test-secret-0123456789';
const payload = { userId: 'b6c1a0de-2f3a-4c55-9d0e-0f4a2b7c9e11', category: 'reminder' };

describe('unsubscribe tokens', () => {
  it('verifies a token it signed', () => {
    const token = signUnsubscribeToken(payload, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(payload);
  });

  it('rejects a token whose payload was swapped', () => {
    const [, signature] = signUnsubscribeToken(payload, SECRET).split('.');
    const otherBody = Buffer.from(JSON.stringify({ ...payload, userId: 'someone-else' })).toString(
      'base64url',
    );
    expect(verifyUnsubscribeToken(`${otherBody}.${signature}`, SECRET)).toBeNull();
  });

  it('rejects a token whose signature was altered', () => {
    const token = signUnsubscribeToken(payload, SECRET);
    const last = token.at(-1);
    const altered = token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect(verifyUnsubscribeToken(altered, SECRET)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    const token = signUnsubscribeToken(payload, 'another-secret');
    expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
  });

  it.each(['', 'abc', 'a.b.c', '.', `${Buffer.from('{}').toString('base64url')}.x`])(
    'rejects the malformed token %p',
    (token) => {
      expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
    },
  );

  it('rejects a correctly signed token without the payload fields', () => {
    const body = Buffer.from(JSON.stringify({ userId: 'u1' })).toString('base64url');
    const [, signatureOfOther] = signUnsubscribeToken(payload, SECRET).split('.');
    expect(verifyUnsubscribeToken(`${body}.${signatureOfOther}`, SECRET)).toBeNull();
  });

  it('refuses an empty secret', () => {
    expect(() => signUnsubscribeToken(payload, '')).toThrow(TypeError);
    expect(() => verifyUnsubscribeToken('a.b', '')).toThrow(TypeError);
  });
});

describe('listUnsubscribeHeaders', () => {
  it('builds the RFC 8058 one-click headers', () => {
    const url = 'https://lms.example.id/api/unsubscribe?token=abc.def';
    expect(listUnsubscribeHeaders(url)).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('allows plain http only for local development', () => {
    expect(listUnsubscribeHeaders('http://localhost:3000/u?t=1')['List-Unsubscribe']).toBe(
      '<http://localhost:3000/u?t=1>',
    );
    expect(() => listUnsubscribeHeaders('http://lms.example.id/u')).toThrow(/https/);
    expect(() => listUnsubscribeHeaders('javascript:alert(1)')).toThrow(TypeError);
    expect(() => listUnsubscribeHeaders('/relative')).toThrow(TypeError);
  });

  it('cannot be used to break out of the header', () => {
    const header = listUnsubscribeHeaders('https://lms.example.id/u?t=a>\r\nBcc: x@evil.example')[
      'List-Unsubscribe'
    ];
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.indexOf('>')).toBe(header.length - 1);
  });
});
