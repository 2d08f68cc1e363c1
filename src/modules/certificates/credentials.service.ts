import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CompactSign, compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { CertificatesService, credentialFileName } from './certificates.service';
import { assignedNumber } from './certificates.views';
import { CredentialKeys } from './credential-keys';
import {
  bitstringStatusListCredential,
  credentialExpired,
  encodeStatusList,
  IssuerFacts,
  jwtClaimsOf,
  openBadgeCredential,
  STATUS_LIST_SIZE,
  statusBitAt,
  statusListPosition,
} from './domain/open-badge';
import { normalizeVerificationCode } from './domain/verification-code';
import { VerificationView } from './domain/verification-view';
import { Certificate, CertificateStatus } from './entities/certificate.entity';
import { PUBLISHED, VerificationService } from './verification.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CredentialCheck {
  signatureValid: boolean;
  issuer: string | null;
  keyId: string | null;
  status: 'active' | 'revoked' | null;
  validFrom: string | null;
  validUntil: string | null;
  expired: boolean;
  certificate: VerificationView | null;
}

export interface CredentialFile {
  jwt: string;
  fileName: string;
}

/** Open Badges 3.0 credentials (VC-JWT), the issuer's DID document and the revocation list. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly keys: CredentialKeys,
    private readonly certificates: CertificatesService,
    private readonly verification: VerificationService,
  ) {}

  private get issuer(): IssuerFacts {
    return {
      did: this.keys.did,
      name: this.config.certificateIssuer.organizationName,
      baseUrl: this.config.publicBaseUrl,
    };
  }

  /** Holder, their HR or an admin; issued, expired, revoked and superseded certificates alike. */
  async forCertificate(id: string, actor: AuthUser): Promise<CredentialFile> {
    const cert = await this.certificates.getScoped(id, actor);
    if (!PUBLISHED.includes(cert.status) || !cert.sha256) {
      throw new DomainError('CERTIFICATE_NOT_ISSUED', 'The certificate has not been issued yet');
    }
    return { jwt: await this.sign(cert), fileName: credentialFileName(cert) };
  }

  async forCode(rawCode: string): Promise<CredentialFile> {
    const code = normalizeVerificationCode(rawCode);
    const cert = code
      ? await this.db
          .getRepository(Certificate)
          .findOneBy({ verificationCode: code, status: In(PUBLISHED) })
      : null;
    if (!cert || !cert.sha256) throw notFound('Certificate');
    return { jwt: await this.sign(cert), fileName: credentialFileName(cert) };
  }

  didDocument() {
    const did = this.keys.did;
    const ids = this.keys.verificationMethods.map((m) => m.id);
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
      id: did,
      verificationMethod: this.keys.verificationMethods.map((m) => ({
        id: m.id,
        type: 'JsonWebKey',
        controller: did,
        publicKeyJwk: m.publicJwk,
      })),
      assertionMethod: ids,
    };
  }

  /** The list is derived from `status = 'revoked'`, so a revocation shows as soon as it commits. */
  async statusList(list: number): Promise<string> {
    const encoded = await this.encodedList(list);
    const credential = bitstringStatusListCredential(list, encoded, this.issuer, new Date());
    return this.signPayload({
      ...credential,
      iss: credential.issuer,
      sub: credential.credentialSubject.id,
      jti: credential.id,
      nbf: Math.floor(Date.now() / 1000),
    });
  }

  async verify(jws: string): Promise<CredentialCheck> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(jws);
      claims = decodeJwt(jws);
    } catch {
      throw new DomainError('CREDENTIAL_MALFORMED', 'Not a compact JWS with a JSON payload');
    }
    const types = Array.isArray(claims.type) ? (claims.type as unknown[]) : [];
    if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) {
      throw new DomainError('CREDENTIAL_MALFORMED', 'The payload is not an OpenBadgeCredential');
    }
    const validFrom = typeof claims.validFrom === 'string' ? claims.validFrom : null;
    const validUntil = typeof claims.validUntil === 'string' ? claims.validUntil : null;
    const expired = credentialExpired(validUntil, new Date());
    const unverified: CredentialCheck = {
      signatureValid: false,
      issuer: typeof claims.iss === 'string' ? claims.iss : null,
      keyId: typeof header.kid === 'string' ? header.kid : null,
      status: null,
      validFrom,
      validUntil,
      expired,
      certificate: null,
    };
    const method = this.keys.verificationMethods.find(
      (m) => m.id === header.kid && m.alg === header.alg,
    );
    if (!method || claims.iss !== this.keys.did) return unverified;
    try {
      await compactVerify(jws, method.key, { algorithms: [method.alg] });
    } catch {
      return unverified;
    }
    const certificateId =
      typeof claims.jti === 'string' ? claims.jti.replace(/^urn:uuid:/, '') : '';
    const cert = UUID.test(certificateId)
      ? await this.db
          .getRepository(Certificate)
          .findOneBy({ id: certificateId, status: In(PUBLISHED) })
      : null;
    const status = cert ? await this.statusOf(cert.statusListIndex) : null;
    return {
      ...unverified,
      signatureValid: true,
      status,
      certificate: cert ? await this.verification.viewOf(cert) : null,
    };
  }

  private async statusOf(index: number): Promise<'active' | 'revoked'> {
    const { list, offset } = statusListPosition(index);
    return statusBitAt(await this.encodedList(list), offset) ? 'revoked' : 'active';
  }

  /** The bit is set exactly for revoked certificates, as `certificateCredentialStatus` says. */
  private async encodedList(list: number): Promise<string> {
    const first = (list - 1) * STATUS_LIST_SIZE;
    const rows: { offset: number }[] = await this.db.query(
      `SELECT status_list_index - $1 AS offset FROM certificates
       WHERE status = $2 AND status_list_index >= $1 AND status_list_index < $1 + $3`,
      [first, CertificateStatus.Revoked, STATUS_LIST_SIZE],
    );
    return encodeStatusList(rows.map((r) => r.offset));
  }

  private sign(cert: Certificate): Promise<string> {
    const credential = openBadgeCredential(
      {
        certificateId: cert.id,
        holderId: cert.userId,
        learnerName: cert.learnerName,
        number: assignedNumber(cert),
        verificationCode: cert.verificationCode,
        courseTitleId: cert.courseTitleId,
        courseTitleEn: cert.courseTitleEn,
        competencyCode: cert.competencyCode,
        jpHours: cert.jpHours,
        validFrom: cert.issuedAt ?? cert.completedAt,
        validUntil: cert.expiresAt,
        statusListIndex: cert.statusListIndex,
      },
      this.issuer,
    );
    return this.signPayload({ ...credential, ...jwtClaimsOf(credential) });
  }

  private signPayload(payload: object): Promise<string> {
    const { key, alg, kid } = this.keys.signing;
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg, kid, typ: 'vc+jwt' })
      .sign(key);
  }
}
