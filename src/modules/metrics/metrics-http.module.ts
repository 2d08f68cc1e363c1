import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** API side: GET /metrics. */
@Module({ controllers: [MetricsController] })
export class MetricsHttpModule {}
