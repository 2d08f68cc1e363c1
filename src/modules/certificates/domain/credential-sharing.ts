import { calendarDate } from '@app/calendar';
import { effectiveStatus, type PublicStatus, type StatusFacts } from './certificate-status';
import { certificateCredentialStatus, type CredentialStatus } from './open-badge';

/** Why the credential download and the LinkedIn link are not offered. */
export type SharingWithheld = 'revoked' | 'superseded';

/**
 * The credential download and "Add to LinkedIn profile" are offered while the certificate is
 * still the holder's: valid or expired (an expired certification is still listed, with its
 * dates), never revoked or superseded (the replacement is the one to share).
 */
export function sharingWithheld(
  status: Exclude<PublicStatus, 'pending' | 'failed'>,
): SharingWithheld | null {
  return status === 'revoked' || status === 'superseded' ? status : null;
}

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add';

export interface LinkedInCertification {
  name: string;
  organizationName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  /** The public verification page. */
  certUrl: string;
  /** The certificate number. */
  certId: string;
  /** Year and month are those of the date printed on the certificate, in this zone. */
  timeZone: string;
}

/**
 * LinkedIn's "Add to profile" link for a certification, with the form filled in
 * (`startTask=CERTIFICATION_NAME`; months 1-12; no expiration parameters when it never expires).
 * Values are percent-encoded (`%20` for a space).
 */
export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const issued = calendarDate(cert.issuedAt, cert.timeZone);
  const expires = cert.expiresAt ? calendarDate(cert.expiresAt, cert.timeZone) : null;
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', cert.name],
    ['organizationName', cert.organizationName],
    ['issueYear', String(issued.year)],
    ['issueMonth', String(issued.month)],
    ...(expires
      ? ([
          ['expirationYear', String(expires.year)],
          ['expirationMonth', String(expires.month)],
        ] as [string, string][])
      : []),
    ['certUrl', cert.certUrl],
    ['certId', cert.certId],
  ];
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${LINKEDIN_ADD_TO_PROFILE}?${query}`;
}

/** What the pages show about a published certificate's credential. */
export interface CredentialSharingView {
  status: CredentialStatus;
  withheld: SharingWithheld | null;
  /** Null when withheld. */
  linkedInUrl: string | null;
}

export interface SharingFacts {
  status: StatusFacts['status'];
  expiresAt: Date | null;
  issuedAt: Date;
  /** The certificate's official (Indonesian) title, as the credential's `name`. */
  courseTitle: string;
  /** Null only before the first render, when there is no credential to share. */
  number: string | null;
  verifyUrl: string;
}

/** Null while the certificate is not published (pending or failed): there is no credential. */
export function credentialSharing(
  facts: SharingFacts,
  issuer: { organizationName: string; timeZone: string },
  now: Date,
): CredentialSharingView | null {
  const status = effectiveStatus(facts, now);
  if (status === 'pending' || status === 'failed') return null;
  const withheld = sharingWithheld(status);
  return {
    status: certificateCredentialStatus(facts, now),
    withheld,
    linkedInUrl: withheld
      ? null
      : linkedInAddToProfileUrl({
          name: facts.courseTitle,
          organizationName: issuer.organizationName,
          issuedAt: facts.issuedAt,
          expiresAt: facts.expiresAt,
          certUrl: facts.verifyUrl,
          certId: facts.number ?? '',
          timeZone: issuer.timeZone,
        }),
  };
}
