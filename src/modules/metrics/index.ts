// Public surface of the metrics module: other modules import only from here.
export { MetricsModule } from './metrics.module';
export { MetricsService } from './metrics.service';
export { MetricsListener } from './metrics-listener';
export { MetricsHttpModule } from './metrics-http.module';
