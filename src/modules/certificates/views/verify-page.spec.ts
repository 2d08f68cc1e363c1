import { VerificationView } from '../domain/verification-view';
import { escapeHtml, renderNotFoundPage, renderVerifyPage } from './verify-page';

const view: VerificationView = {
  code: 'A'.repeat(26),
  number: 'K3/AK3U/2026/000001',
  version: 1,
  status: 'valid',
  learnerName: '<script>alert(1)</script> Siti',
  learnerId: { kind: 'employee_id', value: 'E-1' },
  courseTitle: { id: 'Ahli K3 Umum', en: 'General OSH Expert' },
  competencyCode: 'AK3U',
  jpHours: 32,
  completedAt: '2026-03-01T03:00:00.000Z',
  issuedAt: '2026-03-01T03:05:00.000Z',
  expiresAt: null,
  issuer: { organizationName: 'K3 "LMS"', signerName: 'Dr. A', signerTitle: 'Director' },
  sha256: 'ab'.repeat(32),
  revoked: null,
  superseded: null,
};

describe('verification page', () => {
  it('escapes every value and loads nothing external', () => {
    const html = renderVerifyPage(view, 'en', 'Asia/Jakarta', '?lang=id');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;&#47;script&#62; Siti');
    expect(html).toContain('K3 &#34;LMS&#34;');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('General OSH Expert');
    expect(html).toContain('No expiry');
  });

  it('is in Indonesian when asked, with revocation reason and date', () => {
    const html = renderVerifyPage(
      {
        ...view,
        status: 'revoked',
        revoked: { at: '2026-04-02T01:00:00Z', reason: 'Data <salah>' },
      },
      'id',
      'Asia/Jakarta',
      '?lang=en',
    );
    expect(html).toContain('Dicabut');
    expect(html).toContain('2 April 2026');
    expect(html).toContain('Data &#60;salah&#62;');
    expect(html).toContain('lang="id"');
  });

  it('names the kind of supersession', () => {
    const html = renderVerifyPage(
      { ...view, status: 'superseded', superseded: { reason: 'renewal', at: null, by: null } },
      'en',
      'UTC',
      '?lang=id',
    );
    expect(html).toContain('Superseded by renewal');
  });

  it('reveals nothing for an unknown code', () => {
    const html = renderNotFoundPage('en', '?lang=id');
    expect(html).toContain('Certificate not found');
    expect(escapeHtml('a&b')).toBe('a&#38;b');
  });
});
