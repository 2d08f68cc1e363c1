import { pickLanguage, statusLabelOf } from './verification-view';

describe('pickLanguage', () => {
  it('prefers the query, then Accept-Language by weight, then the default', () => {
    expect(pickLanguage('en', 'id', 'id')).toBe('en');
    expect(pickLanguage(undefined, 'fr;q=1, en;q=0.8, id;q=0.5', 'id')).toBe('en');
    expect(pickLanguage(undefined, 'id-ID,id;q=0.9,en;q=0.1', 'en')).toBe('id');
    expect(pickLanguage(undefined, 'de', 'id')).toBe('id');
    expect(pickLanguage('xx', undefined, 'en')).toBe('en');
  });
});

describe('statusLabelOf', () => {
  it('names the kind of supersession, else the status', () => {
    expect(statusLabelOf({ status: 'valid', superseded: null })).toBe('valid');
    expect(
      statusLabelOf({
        status: 'superseded',
        superseded: { reason: 'renewal', at: null, by: null },
      }),
    ).toBe('supersededRenewal');
    expect(
      statusLabelOf({
        status: 'superseded',
        superseded: { reason: 'reissue', at: null, by: null },
      }),
    ).toBe('supersededReissue');
  });
});
