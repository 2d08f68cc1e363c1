import { generateKeyPairSync } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { readOrCreateOnce } from '../../common/files/create-once';
import { AppConfig } from '../../config/app-config';
import { didWebFor } from './domain/open-badge';

type CredentialAlg = 'EdDSA' | 'ES256';
type Key = Awaited<ReturnType<typeof importJWK>>;

export interface VerificationMethod {
  id: string;
  alg: CredentialAlg;
  publicJwk: JWK;
  key: Key;
}

function algOf(jwk: JWK): CredentialAlg {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  throw new Error('Credential keys must be Ed25519 (OKP) or P-256 (EC) JWKs');
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, y } = jwk;
  return y === undefined ? { kty, crv, x } : { kty, crv, x, y };
}

/**
 * The issuer's Open Badges keys: the current signing key and every previous public key, each
 * a verification method `did:web:…#<JWK thumbprint>` of the DID document.
 */
@Injectable()
export class CredentialKeys implements OnModuleInit {
  private readonly logger = new Logger(CredentialKeys.name);
  readonly did: string;
  private signingKey!: Key;
  private current!: VerificationMethod;
  private methods: VerificationMethod[] = [];

  constructor(private readonly config: AppConfig) {
    this.did = didWebFor(config.publicBaseUrl);
  }

  async onModuleInit() {
    const privateJwk =
      (this.config.credentialKeys.signing as JWK | null) ?? (await this.generatedKey());
    const alg = algOf(privateJwk);
    this.signingKey = await importJWK(privateJwk, alg);
    this.current = await this.method(publicPart(privateJwk));
    const previous = await Promise.all(
      this.config.credentialKeys.previous.map((jwk) => this.method(publicPart(jwk as JWK))),
    );
    this.methods = [this.current, ...previous.filter((m) => m.id !== this.current.id)];
  }

  get signing(): { key: Key; alg: CredentialAlg; kid: string } {
    return { key: this.signingKey, alg: this.current.alg, kid: this.current.id };
  }

  get verificationMethods(): readonly VerificationMethod[] {
    return this.methods;
  }

  private async method(publicJwk: JWK): Promise<VerificationMethod> {
    const alg = algOf(publicJwk);
    return {
      id: `${this.did}#${await calculateJwkThumbprint(publicJwk)}`,
      alg,
      publicJwk,
      key: await importJWK(publicJwk, alg),
    };
  }

  /** Development and test only (production boot requires CREDENTIAL_SIGNING_KEY). */
  private async generatedKey(): Promise<JWK> {
    const file = this.config.credentialKeys.generatedFile;
    const { text, created } = await readOrCreateOnce(file, () =>
      JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
    );
    if (created) {
      this.logger.warn(
        `CREDENTIAL_SIGNING_KEY is not set: generated an Ed25519 key in ${file} (development only).`,
      );
    }
    return JSON.parse(text) as JWK;
  }
}
