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
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every environment variable the service reads. Validated once at boot. */
export class EnvSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL!: string;

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

  /** Comma-separated list of allowed browser origins; empty disables CORS. */
  @IsString()
  CORS_ORIGINS = '';

  /** BullMQ key prefix; tests give each file its own so they run in parallel. */
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/, { message: 'letters, digits and : _ - { } only' })
  QUEUE_PREFIX = 'k3';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 100;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 3600;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  TRUST_PROXY = false;

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

  @Type(() => Number)
  @IsInt()
  @Min(1)
  VERIFY_MAX_REQUESTS_PER_MINUTE = 60;
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
      const value = e.property.match(/SECRET|PASSWORD|URL/)
        ? '(hidden)'
        : JSON.stringify(raw[e.property]);
      return `${e.property}=${value}: ${Object.values(e.constraints ?? {}).join(', ')}`;
    });
    throw new ConfigValidationError(`Invalid configuration: ${lines.join('; ')}`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigValidationError(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production',
    );
  }
  return env;
}
