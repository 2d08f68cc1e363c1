import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '../metrics';
import { OUTBOX_STATUSES } from './entities/email-outbox.entity';
import { OutboxAdminService } from './outbox-admin.service';

/** k3_email_outbox_rows{status} on /metrics, counted at scrape time. */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly outbox: OutboxAdminService,
  ) {}

  onModuleInit(): void {
    const gauge = new Gauge({
      name: 'k3_email_outbox_rows',
      help: 'E-mail outbox rows per status',
      labelNames: ['status'] as const,
      registers: [this.metrics.registry],
    });
    this.metrics.addCollector(async () => {
      const counts = await this.outbox.countsByStatus();
      for (const status of OUTBOX_STATUSES) gauge.set({ status }, counts[status] ?? 0);
    });
  }
}
