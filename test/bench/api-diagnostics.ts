/**
 * Bench-only readout from inside the API process (never loaded by the app itself): event-loop
 * delay, GC pauses, pg pool occupancy and time spent waiting for a pool connection, and the
 * server-side latency per route from the app's own request histogram.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
  performance,
} from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { MetricsService } from '../../src/modules/metrics';

export interface RouteLatency {
  route: string;
  count: number;
  /** Quantiles interpolated inside the histogram's buckets, as Prometheus does. */
  p50Ms: number;
  p99Ms: number;
}

export interface ApiDiagnostics {
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number };
  gc: {
    count: number;
    totalMs: number;
    maxMs: number;
    /** Largest heap used just after a mark-compact (the live heap, near enough); 0 if none ran. */
    liveAfterMajorGc: number;
  };
  pool: {
    max: number;
    acquires: number;
    waitP50Ms: number;
    waitP99Ms: number;
    waitMaxMs: number;
    waitTotalMs: number;
    /** Largest number of callers queued for a connection at one sample (every 10 ms). */
    peakWaiting: number;
    /** Share of samples in which every connection was checked out. */
    saturatedShare: number;
  };
  routes: RouteLatency[];
  /** The process's memory split at the sample (every 10 ms) with the highest RSS, in bytes. */
  memoryAtPeak: MemorySplit;
}

export interface MemorySplit {
  rss: number;
  heapUsed: number;
  /** V8 heap committed, by space (new_space, old_space, code_space, large_object_space...). */
  heapCommitted: Record<string, number>;
  external: number;
  arrayBuffers: number;
}

function memorySplit(): MemorySplit {
  const usage = process.memoryUsage();
  const heapCommitted: Record<string, number> = {};
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_size > 0) heapCommitted[space.space_name] = space.physical_space_size;
  }
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapCommitted,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
  };
}

type BucketValue = { labels: Record<string, string | number>; value: number; metricName?: string };

function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return 0;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return prevLe * 1000; // beyond the last bound: report the bound
      const inBucket = count - prevCount;
      const fraction = inBucket === 0 ? 1 : (rank - prevCount) / inBucket;
      return (prevLe + (le - prevLe) * fraction) * 1000;
    }
    prevLe = le;
    prevCount = count;
  }
  return prevLe * 1000;
}

const pick = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

export function installApiDiagnostics(app: INestApplication): {
  reset: () => void;
  read: () => Promise<ApiDiagnostics>;
} {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  let gcPauses: number[] = [];
  let liveAfterMajorGc = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauses.push(entry.duration);
      if (
        (entry as { detail?: { kind?: number } }).detail?.kind ===
        constants.NODE_PERFORMANCE_GC_MAJOR
      ) {
        liveAfterMajorGc = Math.max(liveAfterMajorGc, process.memoryUsage().heapUsed);
      }
    }
  }).observe({ entryTypes: ['gc'] });

  const pool = (app.get(DataSource).driver as unknown as { master: Pool }).master;
  const max = (pool as unknown as { options: { max: number } }).options.max;
  let waits: number[] = [];
  const connect = pool.connect.bind(pool) as (
    cb: (err: Error | undefined, client: PoolClient, release: () => void) => void,
  ) => void;
  // TypeORM acquires with the callback form; time from the request to the hand-over.
  (pool as unknown as { connect: typeof connect }).connect = (cb) => {
    const t0 = performance.now();
    connect((err, client, release) => {
      waits.push(performance.now() - t0);
      cb(err, client, release);
    });
  };
  let samples = 0;
  let saturated = 0;
  let peakWaiting = 0;
  let memoryAtPeak = memorySplit();
  setInterval(() => {
    samples++;
    if (process.memoryUsage.rss() > memoryAtPeak.rss) memoryAtPeak = memorySplit();
    if (pool.totalCount - pool.idleCount >= max) saturated++;
    peakWaiting = Math.max(peakWaiting, pool.waitingCount);
  }, 10).unref();

  const metrics = app.get(MetricsService);
  return {
    reset: () => {
      loop.reset();
      gcPauses = [];
      liveAfterMajorGc = 0;
      waits = [];
      samples = saturated = peakWaiting = 0;
      memoryAtPeak = memorySplit();
      metrics.httpDuration.reset();
    },
    read: async () => {
      const sortedWaits = [...waits].sort((a, b) => a - b);
      const byRoute = new Map<string, { le: number; count: number }[]>();
      for (const v of (await metrics.httpDuration.get()).values as BucketValue[]) {
        if (!v.metricName?.endsWith('_bucket')) continue;
        const route = `${v.labels.method} ${v.labels.route}`;
        const le = v.labels.le === '+Inf' ? Infinity : Number(v.labels.le);
        const list = byRoute.get(route) ?? [];
        // Buckets are cumulative per status; sum them across statuses.
        const existing = list.find((b) => b.le === le);
        if (existing) existing.count += v.value;
        else list.push({ le, count: v.value });
        byRoute.set(route, list);
      }
      const routes = [...byRoute].map(([route, buckets]) => {
        buckets.sort((a, b) => a.le - b.le);
        return {
          route,
          count: buckets.at(-1)?.count ?? 0,
          p50Ms: histogramQuantile(0.5, buckets),
          p99Ms: histogramQuantile(0.99, buckets),
        };
      });
      return {
        eventLoop: {
          p50Ms: loop.percentile(50) / 1e6,
          p99Ms: loop.percentile(99) / 1e6,
          maxMs: loop.max / 1e6,
        },
        gc: {
          count: gcPauses.length,
          totalMs: gcPauses.reduce((a, b) => a + b, 0),
          maxMs: Math.max(0, ...gcPauses),
          liveAfterMajorGc,
        },
        pool: {
          max,
          acquires: waits.length,
          waitP50Ms: pick(sortedWaits, 0.5),
          waitP99Ms: pick(sortedWaits, 0.99),
          waitMaxMs: sortedWaits.at(-1) ?? 0,
          waitTotalMs: waits.reduce((a, b) => a + b, 0),
          peakWaiting,
          saturatedShare: samples ? saturated / samples : 0,
        },
        routes: routes.filter((r) => r.count > 0),
        memoryAtPeak,
      };
    },
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)}`;

/** "RSS 150.4 MB: V8 heap committed 74.5 (new 8.0, old 60.2, ...; used 63.9), external 8.7 ...". */
export function formatMemorySplit(m: MemorySplit): string {
  const heap = Object.values(m.heapCommitted).reduce((a, b) => a + b, 0);
  const spaces = Object.entries(m.heapCommitted)
    .filter(([, bytes]) => bytes >= 512 * 1024)
    .map(([name, bytes]) => `${name.replace(/_space$/, '')} ${mib(bytes)}`)
    .join(', ');
  return (
    `RSS ${mib(m.rss)} MB: V8 heap committed ${mib(heap)} (${spaces}; used ${mib(m.heapUsed)}), ` +
    `external ${mib(m.external)} (array buffers ${mib(m.arrayBuffers)}), rest ${mib(m.rss - heap - m.external)}`
  );
}

/** Where the memory sat at the RSS peak since the last reset, and the live heap beside it. */
export function formatMemoryAtPeak(d: ApiDiagnostics): string {
  return (
    `${formatMemorySplit(d.memoryAtPeak)}; live heap after mark-compact ` +
    `${mib(d.gc.liveAfterMajorGc)} MB (${d.gc.count} GCs)`
  );
}

export function formatApiDiagnostics(d: ApiDiagnostics, indent = '    '): string {
  const f = (n: number) => n.toFixed(1);
  return [
    `event loop delay p50=${f(d.eventLoop.p50Ms)}ms p99=${f(d.eventLoop.p99Ms)}ms max=${f(d.eventLoop.maxMs)}ms   (target p99 < 20 ms)`,
    `GC pauses n=${d.gc.count} total=${f(d.gc.totalMs)}ms max=${f(d.gc.maxMs)}ms`,
    `pg pool (max ${d.pool.max}): ${d.pool.acquires} acquires, wait p50=${f(d.pool.waitP50Ms)}ms p99=${f(d.pool.waitP99Ms)}ms max=${f(d.pool.waitMaxMs)}ms total=${(d.pool.waitTotalMs / 1000).toFixed(1)}s; peak queued ${d.pool.peakWaiting}, all busy in ${(d.pool.saturatedShare * 100).toFixed(0)}% of samples`,
    'server-side latency (request histogram):',
    ...d.routes.map(
      (r) => `  ${r.route.padEnd(48)} n=${r.count} p50≈${f(r.p50Ms)}ms p99≈${f(r.p99Ms)}ms`,
    ),
  ]
    .map((line) => indent + line)
    .join('\n');
}
