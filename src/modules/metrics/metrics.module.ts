import { Global, Module } from '@nestjs/common';
import { MetricsListener } from './metrics-listener';
import { MetricsService } from './metrics.service';

/** The registry every process records into (the worker too); served over HTTP by MetricsHttpModule. */
@Global()
@Module({
  providers: [MetricsService, MetricsListener],
  exports: [MetricsService, MetricsListener],
})
export class MetricsModule {}
