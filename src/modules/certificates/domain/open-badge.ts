import { gunzipSync, gzipSync } from 'node:zlib';

/** Open Badges 3.0 (1EdTech, spec v3.0 with context 3.0.3) on the W3C VC Data Model 2.0. */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_ACHIEVEMENT_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** W3C Bitstring Status List: at least 16 KB of bits per list (herd privacy). */
export const STATUS_LIST_SIZE = 131_072;

/** `did:web` of a base URL: host with its port's colon percent-encoded, path segments as `:`. */
export function didWebFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...segments].join(':');
}

export function statusListPosition(index: number): { list: number; offset: number } {
  return { list: Math.floor(index / STATUS_LIST_SIZE) + 1, offset: index % STATUS_LIST_SIZE };
}

/** Multibase base64url (`u`) of the GZIP-compressed bitstring; bit 0 is the first byte's high bit. */
export function encodeStatusList(setOffsets: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = Buffer.alloc(size / 8);
  for (const offset of setOffsets) bits[offset >> 3] |= 0x80 >> (offset & 7);
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function statusBitAt(encodedList: string, offset: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('Not a multibase base64url bitstring');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return (bits[offset >> 3] & (0x80 >> (offset & 7))) !== 0;
}

/** What a credential says right now: revoked (its status-list bit) wins over expired. */
export type CredentialStatus = 'active' | 'revoked' | 'expired';

/** `validUntil` passed: the same rule for a credential presented to us and for one we show. */
export function credentialExpired(validUntil: Date | string | null, now: Date): boolean {
  return validUntil !== null && new Date(validUntil).getTime() < now.getTime();
}

export function credentialStatus(
  facts: { revoked: boolean; validUntil: Date | string | null },
  now: Date,
): CredentialStatus {
  if (facts.revoked) return 'revoked';
  return credentialExpired(facts.validUntil, now) ? 'expired' : 'active';
}

/**
 * The status of a certificate's own credential. Its status-list bit is set exactly when the
 * certificate is revoked (`CredentialsService.encodedList` builds the list with that rule in
 * SQL); a superseded certificate is not revoked. `validUntil` is `expires_at`.
 */
export function certificateCredentialStatus(
  cert: { status: string; expiresAt: Date | null },
  now: Date,
): CredentialStatus {
  return credentialStatus({ revoked: cert.status === 'revoked', validUntil: cert.expiresAt }, now);
}

export interface CredentialFacts {
  certificateId: string;
  holderId: string;
  learnerName: string;
  number: string;
  verificationCode: string;
  courseTitleId: string;
  courseTitleEn: string;
  competencyCode: string;
  jpHours: number;
  validFrom: Date;
  validUntil: Date | null;
  statusListIndex: number;
}

export interface IssuerFacts {
  did: string;
  name: string;
  baseUrl: string;
}

export const credentialIdOf = (certificateId: string) => `urn:uuid:${certificateId}`;

/** The OpenBadgeCredential (AchievementCredential) for one certificate, unsigned. */
export function openBadgeCredential(facts: CredentialFacts, issuer: IssuerFacts) {
  const { list, offset } = statusListPosition(facts.statusListIndex);
  const statusListUrl = `${issuer.baseUrl}/api/v1/credentials/status/${list}`;
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: credentialIdOf(facts.certificateId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.courseTitleId,
    description: `Sertifikat ${facts.number} / Certificate: ${facts.courseTitleEn}`,
    issuer: {
      id: issuer.did,
      type: ['Profile'],
      name: issuer.name,
      url: issuer.baseUrl,
    },
    validFrom: facts.validFrom.toISOString(),
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    credentialSubject: {
      id: `urn:uuid:${facts.holderId}`,
      type: ['AchievementSubject'],
      name: facts.learnerName,
      achievement: {
        id: `${issuer.baseUrl}/achievements/${encodeURIComponent(facts.competencyCode)}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        humanCode: facts.competencyCode,
        name: facts.courseTitleId,
        description: facts.courseTitleEn,
        inLanguage: 'id',
        creditsAvailable: facts.jpHours,
        criteria: {
          narrative:
            `Menyelesaikan seluruh materi dan lulus ujian kompetensi ${facts.competencyCode} ` +
            `(${facts.jpHours} JP). / Completed every lesson and passed the ` +
            `${facts.competencyCode} competency examination (${facts.jpHours} learning hours).`,
        },
      },
    },
    credentialStatus: {
      id: `${statusListUrl}#${offset}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(offset),
      statusListCredential: statusListUrl,
    },
    credentialSchema: [{ id: OB_ACHIEVEMENT_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    evidence: [
      {
        id: `${issuer.baseUrl}/verify/${facts.verificationCode}`,
        type: ['Evidence'],
        name: facts.number,
      },
    ],
  };
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>;

/** JWT claims OB 3.0 §8.2 derives from the credential (the payload is the credential itself). */
export function jwtClaimsOf(credential: OpenBadgeCredential) {
  const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  return {
    iss: credential.issuer.id,
    sub: credential.credentialSubject.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...('validUntil' in credential && credential.validUntil
      ? { exp: seconds(credential.validUntil) }
      : {}),
  };
}

export function bitstringStatusListCredential(
  list: number,
  encodedList: string,
  issuer: IssuerFacts,
  now: Date,
) {
  const url = `${issuer.baseUrl}/api/v1/credentials/status/${list}`;
  return {
    '@context': [VC_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}
