import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EnvSchema, validateEnv } from './env.schema';

/** The typed configuration the rest of the code reads; never `process.env` directly. */
export class AppConfig {
  readonly nodeEnv: EnvSchema['NODE_ENV'];
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly publicBaseUrl: string;
  readonly jwtSecret: string;
  readonly jwtAccessTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly port: number;
  readonly logLevel: EnvSchema['LOG_LEVEL'];
  readonly defaultLocale: 'id' | 'en';
  readonly timeZone: string;
  readonly storageDir: string;
  readonly corsOrigins: string[];
  readonly queuePrefix: string;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerIp: number;
  readonly loginFailureWindowSeconds: number;
  readonly maxUploadBytes: number;
  readonly trustProxy: boolean;

  constructor(env: EnvSchema) {
    this.nodeEnv = env.NODE_ENV;
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.smtpUrl = env.SMTP_URL;
    this.mailFrom = env.MAIL_FROM;
    this.port = env.PORT;
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(
      /\/+$/,
      '',
    );
    this.jwtSecret = env.JWT_SECRET ?? AppConfig.generatedDevSecret();
    this.jwtAccessTtlSeconds = env.JWT_ACCESS_TTL_SECONDS;
    this.refreshTokenTtlDays = env.REFRESH_TOKEN_TTL_DAYS;
    this.logLevel = env.LOG_LEVEL;
    this.defaultLocale = env.DEFAULT_LOCALE;
    this.timeZone = env.TZ;
    this.storageDir = env.STORAGE_DIR;
    this.corsOrigins = env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    this.queuePrefix = env.QUEUE_PREFIX;
    this.loginMaxFailuresPerAccount = env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    this.loginMaxFailuresPerIp = env.LOGIN_MAX_FAILURES_PER_IP;
    this.loginFailureWindowSeconds = env.LOGIN_FAILURE_WINDOW_SECONDS;
    this.maxUploadBytes = env.MAX_UPLOAD_BYTES;
    this.trustProxy = env.TRUST_PROXY;
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
