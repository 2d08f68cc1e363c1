import { validateEnv } from './env.schema';

const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('validateEnv', () => {
  it('applies defaults', () => {
    const env = validateEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.TZ).toBe('Asia/Jakarta');
    expect(env.DEFAULT_LOCALE).toBe('id');
  });

  it('names the bad variable in one line and hides URL values', () => {
    expect(() => validateEnv({ ...base, PORT: 'abc' })).toThrow(/^Invalid configuration: PORT=/);
    try {
      validateEnv({ ...base, DATABASE_URL: 'mysql://secret@x/y' });
      throw new Error('expected failure');
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('DATABASE_URL=(hidden)');
      expect(message).not.toContain('secret');
      expect(message.split('\n')).toHaveLength(1);
    }
  });

  const pdfKey = {
    PDF_SIGNING_KEY: '/run/secrets/pdf.key',
    PDF_SIGNING_CERT: '/run/secrets/pdf.crt',
  };
  // Production also needs the credential key; only its shape is checked here.
  const credentialKey = {
    CREDENTIAL_SIGNING_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' }),
  };

  it('requires JWT_SECRET in production', () => {
    expect(() => validateEnv({ ...base, ...pdfKey, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(
      validateEnv({
        ...base,
        ...pdfKey,
        ...credentialKey,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
      }).JWT_SECRET,
    ).toHaveLength(32);
  });

  it('requires the PDF signing key in production, as a pair or a PKCS#12 file', () => {
    const production = {
      ...base,
      ...credentialKey,
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
    };
    expect(() => validateEnv(production)).toThrow(
      /^Invalid configuration: PDF_SIGNING_KEY \+ PDF_SIGNING_CERT \(or PDF_SIGNING_P12\) is required when NODE_ENV=production$/,
    );
    expect(validateEnv({ ...production, ...pdfKey }).PDF_SIGNING_KEY).toBe(pdfKey.PDF_SIGNING_KEY);
    expect(validateEnv({ ...production, PDF_SIGNING_P12: '/k.p12' }).PDF_SIGNING_P12).toBe(
      '/k.p12',
    );
    expect(validateEnv(base).PDF_SIGNING_KEY).toBeUndefined();
  });

  it('rejects half a PDF key pair or two key sources', () => {
    expect(() => validateEnv({ ...base, PDF_SIGNING_KEY: '/k' })).toThrow(
      'PDF_SIGNING_KEY and PDF_SIGNING_CERT must be set together',
    );
    expect(() => validateEnv({ ...base, ...pdfKey, PDF_SIGNING_P12: '/k.p12' })).toThrow(
      'not both',
    );
  });

  it('rejects an unknown locale', () => {
    expect(() => validateEnv({ ...base, DEFAULT_LOCALE: 'fr' })).toThrow(/DEFAULT_LOCALE/);
  });

  it('reads TRUST_PROXY as false, true, a hop count or a list of proxy addresses', () => {
    expect(validateEnv(base).TRUST_PROXY).toBe(false);
    expect(validateEnv({ ...base, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(validateEnv({ ...base, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(validateEnv({ ...base, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(validateEnv({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => validateEnv({ ...base, TRUST_PROXY: 'yes please' })).toThrow(
      /^Invalid configuration: TRUST_PROXY=/,
    );
  });

  it('validates the S3 storage settings only when STORAGE_DRIVER=s3, never echoing secrets', () => {
    expect(validateEnv(base).STORAGE_DRIVER).toBe('local');
    expect(() => validateEnv({ ...base, STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER=/);
    expect(() => validateEnv({ ...base, STORAGE_DRIVER: 's3' })).toThrow(
      /S3_BUCKET=undefined: is required when STORAGE_DRIVER=s3/,
    );
    try {
      validateEnv({ ...base, STORAGE_DRIVER: 's3', S3_BUCKET: 'k3', S3_SECRET_ACCESS_KEY: 'hush' });
      throw new Error('expected failure');
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('S3_BUCKET=');
      expect(message).toContain('S3_ACCESS_KEY_ID=(hidden): is required when S3_SECRET_ACCESS_KEY');
      expect(message).not.toContain('hush');
    }
    const env = validateEnv({
      ...base,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'k3-files',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(env).toMatchObject({ S3_BUCKET: 'k3-files', S3_FORCE_PATH_STYLE: true });
  });
});
