import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { AppConfig } from '../../config/app-config';

/**
 * Heartbeats are the hottest write in the system and each one commits. This small pool's
 * sessions use `synchronous_commit = off`: a commit returns before its WAL reaches disk, so a
 * heartbeat no longer waits for an fsync. Consistency is unaffected; a database crash can lose
 * at most the last few hundred milliseconds of credited seconds, which the next heartbeat's
 * interval (capped) does not re-credit — an acceptable loss for a time counter, never for
 * completions or certificates, which stay on the main, synchronous pool.
 */
@Injectable()
export class HeartbeatPool implements OnModuleDestroy {
  private pool?: Pool;

  constructor(private readonly config: AppConfig) {}

  get(): Pool {
    this.pool ??= new Pool({
      connectionString: this.config.databaseUrl,
      max: 10,
      options: '-c synchronous_commit=off',
      application_name: 'k3-lms-heartbeat',
    });
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
