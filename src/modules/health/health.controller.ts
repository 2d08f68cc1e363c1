import { Controller, Get, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/roles';
import { InjectRedis, type RedisClient } from '../redis';

class Check {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() latencyMs!: number;
  @ApiPropertyOptional({ description: 'Why the check failed' }) error?: string;
}

class HealthChecks {
  @ApiProperty({ type: Check }) database!: Check;
  @ApiProperty({ type: Check }) redis!: Check;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: HealthChecks }) checks!: HealthChecks;
}

async function timed(probe: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: (e as Error).message,
    };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: RedisClient,
  ) {}

  /** 200 when PostgreSQL and Redis both answer within a second, else 503 with the failing check. */
  @Get()
  @Public()
  @ApiResponse({ status: 200, description: 'PostgreSQL and Redis answer', type: HealthView })
  @ApiResponse({
    status: 503,
    description: 'PostgreSQL or Redis is down; `checks` names which',
    type: HealthView,
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const [database, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1'), 1000),
      timed(() => this.redis.ping(), 1000),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}
