import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './own-redis';
import { waitUntil } from './spawn';

/**
 * A real PostgreSQL primary and a streaming replica of it (pg_basebackup -R), on loopback ports,
 * from the machine's PostgreSQL server binaries (Debian's `postgresql` package). PostgreSQL
 * refuses to run as root, so as root the servers run as the `postgres` system user.
 */
export interface ReplicaPair {
  primaryUrl: (database: string) => string;
  replicaUrl: (database: string) => string;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp: () => Promise<void>;
  stop: () => Promise<void>;
}

export function postgresBinDir(): string {
  try {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(bin, 'pg_basebackup')) && existsSync(join(bin, 'initdb'))) return bin;
  } catch {
    // pg_config is the client package's; the server binaries may still be installed.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_basebackup'))) return bin;
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, postgres, pg_basebackup) not found: apt-get install -y postgresql',
  );
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = postgresBinDir();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'k3-replica-'));
  if (asRoot) chownSync(dir, postgresUid(), postgresGid());
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  const servers: ChildProcess[] = [];
  const startServer = (dataDir: string, port: number) => {
    const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
    args.push('-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off');
    const child = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], {
          stdio: 'ignore',
        })
      : spawn(join(bin, 'postgres'), args, { stdio: 'ignore' });
    servers.push(child);
    dataDirs.push(dataDir);
  };
  const primaryPort = await freePort();
  const replicaPort = await freePort();
  const url = (port: number) => (database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  const primaryUrl = url(primaryPort);
  const replicaUrl = url(replicaPort);
  const dataDirs: string[] = [];
  const stop = async () => {
    // The replica first, so the primary's fast shutdown has no walsender to wait for.
    for (const dataDir of [...dataDirs].reverse()) {
      try {
        run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      } catch {
        // Already down (or never up): the exit wait below covers it.
      }
    }
    await Promise.all(
      servers.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primaryDir = join(dir, 'primary');
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    appendFileSync(join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    startServer(primaryDir, primaryPort);
    await waitUntil(() => canConnect(primaryUrl('postgres')), 'the primary to accept connections');
    const replicaDir = join(dir, 'replica');
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    startServer(replicaDir, replicaPort);
    await waitUntil(() => canConnect(replicaUrl('postgres')), 'the replica to accept connections');
  } catch (e) {
    await stop();
    throw e;
  }
  const caughtUp = async () => {
    const primary = new Client({ connectionString: primaryUrl('postgres') });
    await primary.connect();
    const [{ lsn }] = (await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows as {
      lsn: string;
    }[];
    await primary.end();
    await waitUntil(async () => {
      const replica = new Client({ connectionString: replicaUrl('postgres') });
      await replica.connect();
      try {
        const { rows } = await replica.query(
          'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
          [lsn],
        );
        return (rows[0] as { done: boolean }).done;
      } finally {
        await replica.end();
      }
    }, 'the replica to catch up with the primary');
  };
  return { primaryUrl, replicaUrl, caughtUp, stop };
}

async function canConnect(connectionString: string): Promise<boolean> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
}

function postgresGid(): number {
  return Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
}
