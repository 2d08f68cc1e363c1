import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** The registry every process records into (the worker too); served over HTTP by MetricsHttpModule. */
@Global()
@Module({
  providers: [MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
