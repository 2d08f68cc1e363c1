import { createHmac, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EnvSchema, validateEnv } from './env.schema';

/** The typed configuration the rest of the code reads; never `process.env` directly. */
export class AppConfig {
  readonly nodeEnv: EnvSchema['NODE_ENV'];
  readonly databaseUrl: string;
  readonly databaseReadUrl: string | null;
  readonly databasePool: { size: number; acquireTimeoutMs: number };
  readonly redisUrl: string;
  /** Redis Cluster seed nodes (REDIS_CLUSTER_NODES); null = the single Redis at redisUrl. */
  readonly redisClusterNodes: { host: string; port: number }[] | null;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly publicBaseUrl: string;
  readonly jwtSecret: string;
  readonly jwtAccessTtlSeconds: number;
  readonly credentialKeys: {
    signing: Record<string, unknown> | null;
    previous: Record<string, unknown>[];
    generatedFile: string;
  };
  readonly accessStateCacheSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly port: number;
  readonly logLevel: EnvSchema['LOG_LEVEL'];
  readonly defaultLocale: 'id' | 'en';
  readonly timeZone: string;
  readonly storageDir: string;
  readonly storage: StorageSettings;
  readonly corsOrigins: string[];
  readonly queuePrefix: string;
  readonly loginMaxFailuresPerAccountIp: number;
  readonly loginSlowdown: {
    afterFailuresPerAccount: number;
    baseDelayMs: number;
    maxDelayMs: number;
  };
  readonly loginMaxFailuresPerIp: number;
  readonly loginFailureWindowSeconds: number;
  readonly passwordTokens: {
    inviteTtlHours: number;
    resetTtlMinutes: number;
    forgotMaxPerIp: number;
    forgotMaxPerAddress: number;
    forgotWindowSeconds: number;
  };
  readonly maxUploadBytes: number;
  /** Late-delivered answers given before a quiz deadline are taken this long after it. */
  readonly quizOfflineGraceSeconds: number;
  readonly trustProxy: boolean | number | string[];
  readonly certificateNumberPattern: string;
  readonly certificateIssuer: { organizationName: string; signerName: string; signerTitle: string };
  /** Raw values (PEM text or file paths); `null` = generate a development key. */
  readonly pdfSigning: {
    key: string | null;
    cert: string | null;
    p12: string | null;
    p12Password: string;
  };
  readonly certificateSweepAfterSeconds: number;
  readonly certificateSweepIntervalSeconds: number;
  readonly certificateRenderAttempts: number;
  readonly certificateRenderBackoffMs: number;
  readonly certificateRenderConcurrency: number;
  readonly verifyMaxRequestsPerMinute: number;
  readonly verifyNikDisplay: EnvSchema['VERIFY_NIK_DISPLAY'];
  readonly heavyRoutes: { maxRequestsPerUser: number; windowSeconds: number };
  readonly metrics: { port: number | null; host: string; token: string | null };
  readonly notifications: NotificationSettings;

  constructor(env: EnvSchema) {
    this.nodeEnv = env.NODE_ENV;
    this.databaseUrl = env.DATABASE_URL;
    this.databaseReadUrl = env.DATABASE_READ_URL ?? null;
    this.databasePool = {
      size: env.DATABASE_POOL_SIZE,
      acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
    };
    this.redisUrl = env.REDIS_URL;
    this.redisClusterNodes = env.REDIS_CLUSTER_NODES
      ? env.REDIS_CLUSTER_NODES.split(',').map((node) => {
          const [host, port] = node.split(':');
          return { host, port: Number(port) };
        })
      : null;
    this.smtpUrl = env.SMTP_URL;
    this.mailFrom = env.MAIL_FROM;
    this.port = env.PORT;
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(
      /\/+$/,
      '',
    );
    this.jwtSecret = env.JWT_SECRET ?? AppConfig.generatedDevSecret();
    this.jwtAccessTtlSeconds = env.JWT_ACCESS_TTL_SECONDS;
    this.credentialKeys = {
      signing: env.CREDENTIAL_SIGNING_KEY
        ? (JSON.parse(env.CREDENTIAL_SIGNING_KEY) as Record<string, unknown>)
        : null,
      previous: env.CREDENTIAL_PREVIOUS_KEYS
        ? (JSON.parse(env.CREDENTIAL_PREVIOUS_KEYS) as Record<string, unknown>[])
        : [],
      generatedFile: env.CREDENTIAL_KEY_FILE,
    };
    this.accessStateCacheSeconds = env.ACCESS_STATE_CACHE_SECONDS;
    this.refreshTokenTtlDays = env.REFRESH_TOKEN_TTL_DAYS;
    this.logLevel = env.LOG_LEVEL;
    this.defaultLocale = env.DEFAULT_LOCALE;
    this.timeZone = env.TZ;
    this.storageDir = env.STORAGE_DIR;
    this.storage =
      env.STORAGE_DRIVER === 's3'
        ? {
            driver: 's3',
            bucket: env.S3_BUCKET!,
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          }
        : { driver: 'local', dir: env.STORAGE_DIR };
    this.corsOrigins = env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    this.queuePrefix = env.QUEUE_PREFIX;
    this.loginMaxFailuresPerAccountIp = env.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP;
    this.loginSlowdown = {
      afterFailuresPerAccount: env.LOGIN_SLOWDOWN_AFTER_FAILURES_PER_ACCOUNT,
      baseDelayMs: env.LOGIN_SLOWDOWN_BASE_DELAY_MS,
      maxDelayMs: env.LOGIN_SLOWDOWN_MAX_DELAY_MS,
    };
    this.loginMaxFailuresPerIp = env.LOGIN_MAX_FAILURES_PER_IP;
    this.loginFailureWindowSeconds = env.LOGIN_FAILURE_WINDOW_SECONDS;
    this.passwordTokens = {
      inviteTtlHours: env.INVITE_TTL_HOURS,
      resetTtlMinutes: env.RESET_TTL_MINUTES,
      forgotMaxPerIp: env.FORGOT_PASSWORD_MAX_PER_IP,
      forgotMaxPerAddress: env.FORGOT_PASSWORD_MAX_PER_ADDRESS,
      forgotWindowSeconds: env.FORGOT_PASSWORD_WINDOW_SECONDS,
    };
    this.maxUploadBytes = env.MAX_UPLOAD_BYTES;
    this.quizOfflineGraceSeconds = env.QUIZ_OFFLINE_GRACE_SECONDS;
    this.trustProxy = env.TRUST_PROXY as boolean | number | string[];
    this.notifications = notificationSettings(env, this.jwtSecret);
    this.certificateNumberPattern = env.CERTIFICATE_NUMBER_PATTERN;
    this.certificateIssuer = {
      organizationName: env.CERTIFICATE_ISSUER_NAME,
      signerName: env.CERTIFICATE_SIGNER_NAME,
      signerTitle: env.CERTIFICATE_SIGNER_TITLE,
    };
    this.pdfSigning = {
      key: env.PDF_SIGNING_KEY || null,
      cert: env.PDF_SIGNING_CERT || null,
      p12: env.PDF_SIGNING_P12 || null,
      p12Password: env.PDF_SIGNING_P12_PASSWORD ?? '',
    };
    this.certificateSweepAfterSeconds = env.CERTIFICATE_SWEEP_AFTER_SECONDS;
    this.certificateSweepIntervalSeconds = env.CERTIFICATE_SWEEP_INTERVAL_SECONDS;
    this.certificateRenderAttempts = env.CERTIFICATE_RENDER_ATTEMPTS;
    this.certificateRenderBackoffMs = env.CERTIFICATE_RENDER_BACKOFF_MS;
    this.certificateRenderConcurrency = env.CERTIFICATE_RENDER_CONCURRENCY;
    this.verifyMaxRequestsPerMinute = env.VERIFY_MAX_REQUESTS_PER_MINUTE;
    this.verifyNikDisplay = env.VERIFY_NIK_DISPLAY;
    this.heavyRoutes = {
      maxRequestsPerUser: env.HEAVY_ROUTE_MAX_REQUESTS_PER_USER,
      windowSeconds: env.HEAVY_ROUTE_WINDOW_SECONDS,
    };
    this.metrics = {
      port: env.METRICS_PORT ?? null,
      host: env.METRICS_HOST,
      token: env.METRICS_TOKEN ?? null,
    };
  }

  static fromEnv(raw: Record<string, unknown> = process.env): AppConfig {
    return new AppConfig(validateEnv(raw));
  }

  private static devSecret?: string;
  private static generatedDevSecret(): string {
    if (!AppConfig.devSecret) {
      AppConfig.devSecret = randomBytes(32).toString('base64url');
      new Logger('Config').warn(
        'JWT_SECRET is not set: using a random secret for this process. Tokens will not survive a restart; set JWT_SECRET in production.',
      );
    }
    return AppConfig.devSecret;
  }
}

export type StorageSettings =
  | { driver: 'local'; dir: string }
  | {
      driver: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      accessKeyId?: string;
      secretAccessKey?: string;
    };

export interface NotificationSettings {
  unsubscribeSecret: string;
  rateLimitPerDomainPerMinute: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  sendLeaseSeconds: number;
  sweepEverySeconds: number;
  sendConcurrency: number;
  smtpTimeoutMs: number;
  attachCertificatePdf: boolean;
  reminderScanEverySeconds: number;
  hrDigestCron: string;
  inactivityDaysDefault: number;
}

function notificationSettings(env: EnvSchema, jwtSecret: string): NotificationSettings {
  let unsubscribeSecret = env.UNSUBSCRIBE_SECRET;
  if (!unsubscribeSecret) {
    unsubscribeSecret = createHmac('sha256', jwtSecret)
      .update('k3-unsubscribe')
      .digest('base64url');
    if (env.NODE_ENV !== 'test') {
      new Logger('Config').warn(
        'UNSUBSCRIBE_SECRET is not set: deriving it from JWT_SECRET. Set UNSUBSCRIBE_SECRET in production.',
      );
    }
  }
  return {
    unsubscribeSecret,
    rateLimitPerDomainPerMinute: env.EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE,
    maxAttempts: env.EMAIL_MAX_ATTEMPTS,
    retryBaseDelayMs: env.EMAIL_RETRY_BASE_DELAY_MS,
    sendLeaseSeconds: env.EMAIL_SEND_LEASE_SECONDS,
    sweepEverySeconds: env.EMAIL_SWEEP_EVERY_SECONDS,
    sendConcurrency: env.EMAIL_SEND_CONCURRENCY,
    smtpTimeoutMs: env.EMAIL_SMTP_TIMEOUT_MS,
    attachCertificatePdf: env.EMAIL_ATTACH_CERTIFICATE_PDF,
    reminderScanEverySeconds: env.REMINDER_SCAN_EVERY_SECONDS,
    hrDigestCron: env.HR_DIGEST_CRON,
    inactivityDaysDefault: env.INACTIVITY_DAYS_DEFAULT,
  };
}
