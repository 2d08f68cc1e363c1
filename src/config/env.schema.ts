import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const PROXY_ADDRESS = /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/;

/** TRUST_PROXY as Fastify takes it; an invalid value stays a string so validation names it. */
function parseTrustProxy(value: unknown): boolean | number | string[] | string {
  if (value === undefined || value === null || value === false || value === 'false' || value === '')
    return false;
  if (value === true || value === 'true') return true;
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const addresses = text.split(',').map((a) => a.trim());
  return addresses.every((a) => PROXY_ADDRESS.test(a)) ? addresses : `invalid:${text}`;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every environment variable the service reads. Validated once at boot. */
export class EnvSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** A streaming replica for reports, exports and compliance queries; unset = the primary. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /** Connections per process in the main PostgreSQL pool (the heartbeat pool has its own). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 10;

  /** How long a request waits for a free pool connection before it is answered 503 DATABASE_BUSY. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60000)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 5000;

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL!: string;

  /**
   * Redis Cluster seed nodes, `host:port,host:port,...`: BullMQ, throttling and rate limits then
   * use the cluster (credentials and TLS still come from REDIS_URL). QUEUE_PREFIX must then carry
   * a hash tag such as `{k3}`.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, {
    message: 'must be host:port[,host:port...]',
  })
  REDIS_CLUSTER_NODES?: string;

  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'K3 LMS <no-reply@k3-lms.local>';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Private JWK (Ed25519 `OKP` or P-256 `EC`) signing Open Badges credentials; required in production. */
  @IsOptional()
  @IsString()
  CREDENTIAL_SIGNING_KEY?: string;

  /** JSON array of retired public JWKs, still listed in the DID document so old credentials verify. */
  @IsOptional()
  @IsString()
  CREDENTIAL_PREVIOUS_KEYS?: string;

  /** Where development and test keep the generated credential key when CREDENTIAL_SIGNING_KEY is unset. */
  @IsString()
  CREDENTIAL_KEY_FILE = '.data/credential-signing-key.json';

  /** How long the access check may trust its Redis copy of a user's or organization's state. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300)
  ACCESS_STATE_CACHE_SECONDS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsIn(['id', 'en'])
  DEFAULT_LOCALE: 'id' | 'en' = 'id';

  @IsString()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, {
    message: 'must be an IANA time zone like Asia/Jakarta',
  })
  TZ = 'Asia/Jakarta';

  @IsString()
  STORAGE_DIR = '.data/storage';

  /** `local` (STORAGE_DIR, one node only) or `s3` (any S3-compatible store, shared by every node). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Custom endpoint (MinIO, Ceph, ...); empty for AWS itself. */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  S3_ENDPOINT?: string;

  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'must be a region name like us-east-1' })
  S3_REGION = 'us-east-1';

  @ValidateIf((env: EnvSchema) => env.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'is required when STORAGE_DRIVER=s3 (a bucket name, 3-63 lowercase characters)',
  })
  S3_BUCKET?: string;

  /** Both or neither: without them the SDK's default chain (instance role, AWS_* env) is used. */
  @ValidateIf((env: EnvSchema) => env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString()
  @MinLength(1, { message: 'is required when S3_SECRET_ACCESS_KEY is set' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: EnvSchema) => env.S3_ACCESS_KEY_ID !== undefined)
  @IsString()
  @MinLength(1, { message: 'is required when S3_ACCESS_KEY_ID is set' })
  S3_SECRET_ACCESS_KEY?: string;

  /** `true` for MinIO and most self-hosted stores (bucket in the path, not the host name). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  S3_FORCE_PATH_STYLE = false;

  /** Comma-separated list of allowed browser origins; empty disables CORS. */
  @IsString()
  CORS_ORIGINS = '';

  /** BullMQ key prefix; tests give each file its own so they run in parallel. */
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/, { message: 'letters, digits and : _ - { } only' })
  QUEUE_PREFIX = 'k3';

  /** Hard lock: failed attempts per (account, client IP) per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT_IP = 20;

  /** Failed attempts per account across all IPs after which every attempt is delayed (no lock). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_SLOWDOWN_AFTER_FAILURES_PER_ACCOUNT = 100;

  /** First delay above the slowdown threshold; doubles with every further failure. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  LOGIN_SLOWDOWN_BASE_DELAY_MS = 500;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60000)
  LOGIN_SLOWDOWN_MAX_DELAY_MS = 10000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 3600;

  /**
   * After a quiz deadline, how long an answer given before it (on a phone that was offline) is
   * still taken; the automatic submit waits this long. A learner can gain at most this much time.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  QUIZ_OFFLINE_GRACE_SECONDS = 120;

  /** Lifetime of the one-time set-password link in an invitation e-mail. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  INVITE_TTL_HOURS = 72;

  /** Lifetime of a "forgot password" reset link. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  RESET_TTL_MINUTES = 60;

  /** "Forgot password" requests per client IP per window (429 + Retry-After above). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  FORGOT_PASSWORD_MAX_PER_IP = 20;

  /** "Forgot password" requests per e-mail address (existing or not) per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  FORGOT_PASSWORD_MAX_PER_ADDRESS = 3;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  FORGOT_PASSWORD_WINDOW_SECONDS = 3600;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

  /**
   * Which X-Forwarded-For hops to believe: `false`, `true` (every hop: only safe when the proxy
   * overwrites the header), a hop count (`1` = the address the nearest proxy saw), or a
   * comma-separated list of proxy addresses / CIDRs. Per-IP throttling depends on it.
   */
  @Transform(({ value }) => parseTrustProxy(value))
  @ValidateIf((_env, value) => typeof value === 'string')
  @Matches(/^$/, {
    message: 'must be true, false, a hop count or a comma-separated list of IPs/CIDRs',
  })
  TRUST_PROXY: boolean | number | string[] | string = false;

  /** Tokens: {COMPETENCY} {YYYY} {SEQ} {SEQ<n>} (zero-padded to n digits). */
  @IsString()
  @Matches(/\{SEQ\d?\}/, { message: 'must contain {SEQ} or {SEQ<n>}' })
  CERTIFICATE_NUMBER_PATTERN = 'K3/{COMPETENCY}/{YYYY}/{SEQ6}';

  @IsString()
  @MinLength(1)
  CERTIFICATE_ISSUER_NAME = 'K3 LMS';

  @IsString()
  @MinLength(1)
  CERTIFICATE_SIGNER_NAME = 'Direktur Pelatihan';

  @IsString()
  @MinLength(1)
  CERTIFICATE_SIGNER_TITLE = 'Direktur / Director';

  /**
   * PDF signing key (PKCS#8 / SEC1 / PKCS#1 PEM, ECDSA P-256 or RSA-2048+) and its certificate
   * (PEM, signer first, then any chain). Each value is the PEM text itself when it starts with
   * `-----BEGIN`, otherwise a file path (Docker secrets). Required in production unless
   * PDF_SIGNING_P12 is set; development generates a self-signed pair under `.data/`.
   */
  @IsOptional()
  @IsString()
  PDF_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  PDF_SIGNING_CERT?: string;

  /** PKCS#12 file path, or `base64:<the file's bytes in base64>`; instead of KEY + CERT. */
  @IsOptional()
  @IsString()
  PDF_SIGNING_P12?: string;

  @IsOptional()
  @IsString()
  PDF_SIGNING_P12_PASSWORD?: string;

  /** A certificate still `pending` this long after its last change is re-enqueued. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CERTIFICATE_SWEEP_AFTER_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  CERTIFICATE_SWEEP_INTERVAL_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  CERTIFICATE_RENDER_ATTEMPTS = 5;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  CERTIFICATE_RENDER_BACKOFF_MS = 5000;

  /**
   * Render jobs one worker process runs at once. A render is ~2 ms of CPU between database and
   * storage round trips; the renders in flight share their database statements (group
   * commit), so more of them means fewer statements per certificate. The issuance bench:
   * 8 -> 32 took worker CPU per certificate from 6.9 to 4.1 ms; 64 gained nothing more.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  CERTIFICATE_RENDER_CONCURRENCY = 32;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  VERIFY_MAX_REQUESTS_PER_MINUTE = 60;

  /** How the public verification page, JSON and document check show a NIK. */
  @IsIn(['masked', 'full', 'hidden'])
  VERIFY_NIK_DISPLAY: 'masked' | 'full' | 'hidden' = 'masked';

  /** Per-user budget of heavy requests (ZIP, CSV/XLSX exports, imports) per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HEAVY_ROUTE_MAX_REQUESTS_PER_USER = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  HEAVY_ROUTE_WINDOW_SECONDS = 600;

  // --- metrics ---
  /** Serve /metrics only on this port (API port answers 404); 0 picks a free port (tests). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** Interface of the METRICS_PORT listener; keep it private. */
  @IsString()
  @MinLength(1)
  METRICS_HOST = '127.0.0.1';

  /** Without METRICS_PORT: /metrics on the API port needs `Authorization: Bearer <token>`. */
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;
  // --- notifications ---
  /** Signs one-click unsubscribe links; derived from JWT_SECRET when unset (dev only). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  UNSUBSCRIBE_SECRET?: string;

  /** Mails per recipient domain per minute; 0 disables the limit. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_MAX_ATTEMPTS = 6;

  /** First retry delay after a transient SMTP failure; doubles on every attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  EMAIL_RETRY_BASE_DELAY_MS = 2000;

  /** A row claimed longer ago than this is considered abandoned; keep it above EMAIL_SMTP_TIMEOUT_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_SEND_LEASE_SECONDS = 300;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_SWEEP_EVERY_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  EMAIL_SEND_CONCURRENCY = 10;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  EMAIL_SMTP_TIMEOUT_MS = 30000;

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  EMAIL_ATTACH_CERTIFICATE_PDF = false;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  REMINDER_SCAN_EVERY_SECONDS = 3600;

  /** Cron pattern (in TZ) for the weekly HR digest. */
  @IsString()
  @Matches(/^[0-9*,/ -]{9,64}$/, { message: 'must be a 5-field cron pattern' })
  HR_DIGEST_CRON = '0 8 * * 1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  INACTIVITY_DAYS_DEFAULT = 14;
}

export class ConfigValidationError extends Error {}

/** Returns the validated config or throws one line naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvSchema {
  const env = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const value = e.property.match(/SECRET|PASSWORD|URL|TOKEN|SIGNING|KEY/)
        ? '(hidden)'
        : JSON.stringify(raw[e.property]);
      return `${e.property}=${value}: ${Object.values(e.constraints ?? {}).join(', ')}`;
    });
    throw new ConfigValidationError(`Invalid configuration: ${lines.join('; ')}`);
  }
  if (env.REDIS_CLUSTER_NODES && !/\{[^{}]+\}/.test(env.QUEUE_PREFIX)) {
    throw new ConfigValidationError(
      `Invalid configuration: QUEUE_PREFIX must contain a hash tag such as {k3} when REDIS_CLUSTER_NODES is set (got "${env.QUEUE_PREFIX}"), so each queue's keys share one cluster slot`,
    );
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigValidationError(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production',
    );
  }
  const pdfKeyProblem = pdfSigningKeyProblem(env);
  if (pdfKeyProblem) throw new ConfigValidationError(`Invalid configuration: ${pdfKeyProblem}`);
  if (env.NODE_ENV === 'production' && !env.CREDENTIAL_SIGNING_KEY) {
    throw new ConfigValidationError(
      'Invalid configuration: CREDENTIAL_SIGNING_KEY (a private Ed25519 or P-256 JWK) is required when NODE_ENV=production',
    );
  }
  const keyProblem = credentialKeyProblem(env);
  if (keyProblem) throw new ConfigValidationError(`Invalid configuration: ${keyProblem}`);
  return env;
}

function pdfSigningKeyProblem(env: EnvSchema): string | null {
  const pair = Boolean(env.PDF_SIGNING_KEY) || Boolean(env.PDF_SIGNING_CERT);
  if (pair && env.PDF_SIGNING_P12) {
    return 'set either PDF_SIGNING_KEY + PDF_SIGNING_CERT or PDF_SIGNING_P12, not both';
  }
  if (pair && !(env.PDF_SIGNING_KEY && env.PDF_SIGNING_CERT)) {
    return 'PDF_SIGNING_KEY and PDF_SIGNING_CERT must be set together';
  }
  if (env.NODE_ENV === 'production' && !pair && !env.PDF_SIGNING_P12) {
    return 'PDF_SIGNING_KEY + PDF_SIGNING_CERT (or PDF_SIGNING_P12) is required when NODE_ENV=production';
  }
  return null;
}

/** The credential keys are JSON; a malformed one names the variable, never its value. */
function credentialKeyProblem(env: EnvSchema): string | null {
  const isKey = (k: unknown): k is Record<string, unknown> =>
    typeof k === 'object' &&
    k !== null &&
    ((k as { kty?: unknown }).kty === 'OKP' || (k as { kty?: unknown }).kty === 'EC');
  try {
    if (env.CREDENTIAL_SIGNING_KEY) {
      const key: unknown = JSON.parse(env.CREDENTIAL_SIGNING_KEY);
      if (!isKey(key) || typeof key.d !== 'string') {
        return 'CREDENTIAL_SIGNING_KEY=(hidden): must be a private OKP (Ed25519) or EC (P-256) JWK';
      }
    }
  } catch {
    return 'CREDENTIAL_SIGNING_KEY=(hidden): must be JSON (a private JWK)';
  }
  try {
    if (env.CREDENTIAL_PREVIOUS_KEYS) {
      const keys: unknown = JSON.parse(env.CREDENTIAL_PREVIOUS_KEYS);
      if (!Array.isArray(keys) || !keys.every((k) => isKey(k) && k.d === undefined)) {
        return 'CREDENTIAL_PREVIOUS_KEYS: must be a JSON array of public JWKs (no "d")';
      }
    }
  } catch {
    return 'CREDENTIAL_PREVIOUS_KEYS: must be JSON (an array of public JWKs)';
  }
  return null;
}
