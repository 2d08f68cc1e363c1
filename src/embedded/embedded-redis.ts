import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';

export interface RedisHandle {
  url: string;
  stop: () => Promise<void>;
}

export class RedisUnavailableError extends Error {}

export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function redisServerOnPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

const INSTALL_HINT =
  'No Redis found. Install it (Debian/Ubuntu: `apt-get install redis-server`; macOS: `brew install redis`) ' +
  'or set REDIS_URL=redis://host:6379 to use an existing one.';

/**
 * Uses 127.0.0.1:<port> if Redis already answers there; otherwise spawns `redis-server`
 * from PATH with its data under `dataDir`; otherwise throws with install instructions.
 */
export async function ensureRedis(
  dataDir: string,
  port = 6379,
  log: (line: string) => void = () => undefined,
): Promise<RedisHandle> {
  const url = `redis://127.0.0.1:${port}`;
  if (await redisAnswers(url)) {
    log(`Redis answers on ${url}; using it`);
    return { url, stop: async () => undefined };
  }
  const binary = redisServerOnPath();
  if (!binary) throw new RedisUnavailableError(INSTALL_HINT);
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
    ],
    { stdio: 'ignore', detached: false },
  );
  for (let i = 0; i < 50; i += 1) {
    if (await redisAnswers(url, 200)) {
      log(`Started redis-server on ${url} (data in ${dataDir})`);
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(
    `redis-server at ${binary} did not start on port ${port}. ${INSTALL_HINT}`,
  );
}
