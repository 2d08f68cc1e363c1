import { escapeLike } from './like-pattern';

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character, nothing else', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('Budi Santoso')).toBe('Budi Santoso');
  });
});
