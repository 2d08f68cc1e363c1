import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError } from './domain-error';
import { ERROR_MAPS, ERROR_STATUS, ErrorCode } from './error-codes';

describe('error codes', () => {
  it('gives every registered code a 4xx or 5xx status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect({ code, ok: Number.isInteger(status) && status >= 400 && status <= 599 }).toEqual({
        code,
        ok: true,
      });
    }
  });

  it('registers each code in exactly one map', () => {
    const owners = new Map<string, string[]>();
    for (const [owner, map] of Object.entries(ERROR_MAPS)) {
      for (const code of Object.keys(map)) owners.set(code, [...(owners.get(code) ?? []), owner]);
    }
    const repeated = [...owners].filter(([, o]) => o.length > 1);
    expect(repeated).toEqual([]);
    expect(owners.size).toBe(Object.keys(ERROR_STATUS).length);
  });

  it('answers with the registered status of the code', () => {
    const filter = new AllExceptionsFilter();
    const code: ErrorCode = 'ATTEMPT_DEADLINE_PASSED';
    expect(filter.toBody(new DomainError(code, 'late'), 'r1').statusCode).toBe(409);
    expect(filter.toBody(new DomainError('TOO_MANY_VERIFICATIONS', 'slow'), 'r2').statusCode).toBe(
      429,
    );
  });

  it('refuses an unregistered code at compile time', () => {
    // The type check (`npx tsc -p tsconfig.json --noEmit`, run by .ci/run) fails if this line
    // stops being an error, i.e. if DomainError accepts codes that are not in ERROR_STATUS.
    // @ts-expect-error 'NO_SUCH_CODE' is not an ErrorCode
    const unregistered = new DomainError('NO_SUCH_CODE', 'x');
    expect(unregistered.code).toBe('NO_SUCH_CODE');
  });
});
