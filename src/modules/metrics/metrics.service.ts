import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ALL_QUEUE_NAMES } from '@app/queue';

type Collector = (registry: Registry) => Promise<void>;

/** Prometheus registry: HTTP latency, queue depth and job outcomes, plus extra collectors modules add. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'k3_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly queueDepth = new Gauge({
    name: 'k3_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  private readonly jobOutcomes = new Gauge({
    name: 'k3_queue_job_outcomes_total',
    help: 'Jobs completed or failed per queue (BullMQ metrics, counted by the workers)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly domainEvents = new Counter({
    name: 'k3_domain_events_total',
    help: 'Domain events emitted by this process',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });
  private readonly collectors: Collector[] = [];

  constructor(private readonly moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry, prefix: 'k3_' });
  }

  addCollector(collector: Collector): void {
    this.collectors.push(collector);
  }

  async render(): Promise<string> {
    await Promise.all([
      this.collectQueues(),
      ...this.collectors.map((c) => c(this.registry).catch(() => undefined)),
    ]);
    return this.registry.metrics();
  }

  private async collectQueues(): Promise<void> {
    await Promise.all(
      ALL_QUEUE_NAMES.map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        try {
          const counts = await queue.getJobCounts(
            'waiting',
            'active',
            'delayed',
            'failed',
            'completed',
            'prioritized',
          );
          for (const [state, count] of Object.entries(counts))
            this.queueDepth.set({ queue: name, state }, count);
          for (const outcome of ['completed', 'failed'] as const) {
            const metrics = await queue.getMetrics(outcome, 0, 0);
            this.jobOutcomes.set({ queue: name, outcome }, Number(metrics.meta.count ?? 0));
          }
        } catch {
          // Redis down: /health reports it; metrics keep their last values.
        }
      }),
    );
  }
}
