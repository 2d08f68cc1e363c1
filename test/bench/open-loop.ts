import { Agent, request } from 'node:http';

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface OpenLoopResult {
  sent: number;
  errors: number;
  non2xx: number;
  /** Milliseconds from each request's scheduled send time to its response (no coordinated omission). */
  latencies: number[];
  seconds: number;
}

/**
 * A true open-loop load generator: requests are scheduled at a fixed arrival rate, evenly
 * spaced, whether or not earlier ones have been answered, and latency is measured from the
 * scheduled time. (autocannon's `overallRate` releases each connection's quota in bursts,
 * which measures its own queueing rather than the server's.)
 */
export async function openLoop(
  baseUrl: string,
  rate: number,
  seconds: number,
  next: (i: number) => OpenLoopRequest,
): Promise<OpenLoopResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now();
  await new Promise<void>((finish) => {
    const fire = (i: number) => {
      const scheduled = start + i * interval;
      const spec = next(i);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode! >= 300) non2xx += 1;
            latencies.push(performance.now() - scheduled);
            if (++done === total) finish();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        if (++done === total) finish();
      });
      req.end();
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, errors, non2xx, latencies, seconds: (performance.now() - start) / 1000 };
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
