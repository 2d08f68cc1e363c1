import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { metricsAccessOnApiPort } from './domain/metrics-access';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint on the API port: only with `Authorization: Bearer $METRICS_TOKEN`;
 * 404 when no token is configured or when METRICS_PORT serves it on its own listener.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async render(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const access = metricsAccessOnApiPort(
      { dedicatedPort: this.config.metrics.port !== null, token: this.config.metrics.token },
      authorization,
    );
    if (access === 'not_served') throw new DomainError('ROUTE_NOT_FOUND', 'Cannot GET /metrics');
    if (access === 'unauthenticated') {
      void reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DomainError('UNAUTHENTICATED', 'A metrics bearer token is required');
    }
    const body = await this.metrics.render();
    void reply
      .header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
      .header('Cache-Control', 'no-store');
    return body;
  }
}
