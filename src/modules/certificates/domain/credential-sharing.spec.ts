import { credentialSharing, linkedInAddToProfileUrl, sharingWithheld } from './credential-sharing';
import { certificateCredentialStatus, credentialStatus } from './open-badge';

const cert = {
  name: 'Ahli K3 Umum & Listrik / Tingkat 1',
  organizationName: 'PT Contoh K3 (Lembaga Sertifikasi) ñ',
  issuedAt: new Date('2026-03-31T18:30:00Z'), // 1 April in Jakarta
  expiresAt: new Date('2029-03-31T18:30:00Z'),
  certUrl: 'https://lms.example.id/verify/ABCDEFGH?x=1&y=2',
  certId: 'K3/AK3U/2026/000001',
  timeZone: 'Asia/Jakarta',
};

function paramsOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('linkedInAddToProfileUrl', () => {
  it('fills in name, organization, dates, verification URL and number', () => {
    const url = linkedInAddToProfileUrl(cert);
    expect(
      url.startsWith('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&'),
    ).toBe(true);
    expect(paramsOf(url)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: cert.name,
      organizationName: cert.organizationName,
      issueYear: '2026',
      issueMonth: '4',
      expirationYear: '2029',
      expirationMonth: '4',
      certUrl: cert.certUrl,
      certId: cert.certId,
    });
  });

  it('percent-encodes every value, spaces as %20', () => {
    const url = linkedInAddToProfileUrl(cert);
    expect(url).toContain('&name=Ahli%20K3%20Umum%20%26%20Listrik%20%2F%20Tingkat%201&');
    expect(url).toContain('&organizationName=PT%20Contoh%20K3%20(Lembaga%20Sertifikasi)%20%C3%B1&');
    expect(url).toContain(
      '&certUrl=https%3A%2F%2Flms.example.id%2Fverify%2FABCDEFGH%3Fx%3D1%26y%3D2&',
    );
    expect(url.endsWith('&certId=K3%2FAK3U%2F2026%2F000001')).toBe(true);
    expect(url).not.toContain(' ');
    expect(url).not.toContain('+');
  });

  it('leaves the expiration out when the certificate never expires', () => {
    const params = paramsOf(linkedInAddToProfileUrl({ ...cert, expiresAt: null }));
    expect(params).not.toHaveProperty('expirationYear');
    expect(params).not.toHaveProperty('expirationMonth');
    expect(params.issueYear).toBe('2026');
  });

  it('takes year and month in the given time zone', () => {
    const utc = paramsOf(linkedInAddToProfileUrl({ ...cert, timeZone: 'UTC' }));
    expect([utc.issueYear, utc.issueMonth]).toEqual(['2026', '3']);
    const newYear = paramsOf(
      linkedInAddToProfileUrl({ ...cert, issuedAt: new Date('2026-12-31T20:00:00Z') }),
    );
    expect([newYear.issueYear, newYear.issueMonth]).toEqual(['2027', '1']);
  });
});

describe('credential status and sharing', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  const past = new Date('2026-12-31T23:59:59Z');
  const future = new Date('2027-01-01T00:00:01Z');

  it('revoked wins over expired; no validUntil never expires', () => {
    expect(credentialStatus({ revoked: true, validUntil: past }, now)).toBe('revoked');
    expect(credentialStatus({ revoked: false, validUntil: past }, now)).toBe('expired');
    expect(credentialStatus({ revoked: false, validUntil: future }, now)).toBe('active');
    expect(credentialStatus({ revoked: false, validUntil: null }, now)).toBe('active');
    expect(credentialStatus({ revoked: false, validUntil: past.toISOString() }, now)).toBe(
      'expired',
    );
  });

  it("a certificate's credential is revoked only when the certificate is, never when superseded", () => {
    expect(certificateCredentialStatus({ status: 'revoked', expiresAt: future }, now)).toBe(
      'revoked',
    );
    expect(certificateCredentialStatus({ status: 'superseded', expiresAt: null }, now)).toBe(
      'active',
    );
    expect(certificateCredentialStatus({ status: 'issued', expiresAt: past }, now)).toBe('expired');
  });

  it('offers sharing for valid and expired certificates, says why not otherwise', () => {
    expect(sharingWithheld('valid')).toBeNull();
    expect(sharingWithheld('expired')).toBeNull();
    expect(sharingWithheld('revoked')).toBe('revoked');
    expect(sharingWithheld('superseded')).toBe('superseded');
  });

  it('puts them together for a certificate row: nothing while unpublished, no link when withheld', () => {
    const facts = {
      status: 'issued' as const,
      expiresAt: past,
      issuedAt: new Date('2024-01-10T00:00:00Z'),
      courseTitle: 'Ahli K3 Umum',
      number: 'K3/AK3U/2024/000001',
      verifyUrl: 'https://lms.example.id/verify/ABC',
    };
    const issuer = { organizationName: 'PT Contoh K3', timeZone: 'Asia/Jakarta' };
    const expired = credentialSharing(facts, issuer, now);
    expect(expired).toMatchObject({ status: 'expired', withheld: null });
    expect(paramsOf(expired!.linkedInUrl!)).toMatchObject({
      name: 'Ahli K3 Umum',
      organizationName: 'PT Contoh K3',
      issueYear: '2024',
      issueMonth: '1',
      expirationYear: '2027',
      expirationMonth: '1',
      certUrl: facts.verifyUrl,
      certId: facts.number,
    });
    expect(credentialSharing({ ...facts, status: 'revoked' }, issuer, now)).toEqual({
      status: 'revoked',
      withheld: 'revoked',
      linkedInUrl: null,
    });
    expect(credentialSharing({ ...facts, status: 'superseded' }, issuer, now)).toEqual({
      status: 'expired',
      withheld: 'superseded',
      linkedInUrl: null,
    });
    expect(credentialSharing({ ...facts, status: 'pending' }, issuer, now)).toBeNull();
    expect(credentialSharing({ ...facts, status: 'failed' }, issuer, now)).toBeNull();
  });
});
