/**
 * Progress heartbeat throughput against one API process, 2,000 learners each with its own
 * token and enrollment (seeded with bulk SQL). (a) capacity: closed loop, 50 connections,
 * heartbeats with a completion every 25th request, as fast as answered (target >= 1,500
 * req/s, 0 errors). (b) open loop at a fixed 500 req/s for 30 s (target p99 < 50 ms).
 * Prints figures only.
 */
import { Role } from '../../src/common/auth/roles';
import { NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';
import { openLoop, percentile } from './open-loop';

// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: object) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

const LEARNERS = 2000;

async function main() {
  const bench = await startBenchApp('progress');
  try {
    const seeded = await seedCourseWithLearners(bench.db, LEARNERS);
    const tokens = await bench.sign(
      seeded.users.map((u) => ({
        id: u.id,
        role: Role.Learner,
        organizationId: seeded.organizationId,
      })),
    );
    const learners = seeded.users.map((u, i) => ({ ...u, auth: `Bearer ${tokens[i]}` }));
    console.log(`seeded ${learners.length} in-progress learners; ${NOTE}`);
    let n = 0;
    const request = () => ({
      method: 'POST',
      setupRequest: (req: { path: string; headers: Record<string, string> }) => {
        n += 1;
        const learner = learners[n % learners.length];
        const action = n % 25 === 0 ? 'complete' : 'heartbeat';
        req.path = `/api/v1/enrollments/${learner.enrollmentId}/lessons/${seeded.lessonId}/${action}`;
        req.headers = { ...req.headers, authorization: learner.auth };
        return req;
      },
    });
    const run = (opts: object) =>
      autocannon({ url: bench.baseUrl, requests: [request()], ...opts });

    await run({ connections: 10, duration: 3 }); // warm-up (JIT, pool, caches)
    const cpuBaseline = bench.cpuMs();
    const baseline = await autocannon({
      url: `${bench.baseUrl}/health`,
      connections: 50,
      duration: 5,
    });
    print('baseline: GET /health (SELECT 1 + Redis PING), 50 connections, 5 s', baseline);
    console.log(
      `    API process CPU per request: ${((bench.cpuMs() - cpuBaseline) / baseline.requests.total).toFixed(2)} ms`,
    );
    const cpuBefore = bench.cpuMs();
    const capacity = await run({ connections: 50, duration: 20 });
    print('(a) capacity, closed loop, 50 connections, 20 s', capacity);
    console.log(
      `    API process CPU per request: ${((bench.cpuMs() - cpuBefore) / capacity.requests.total).toFixed(2)} ms`,
    );
    console.log(
      `    req/s ${capacity.requests.average.toFixed(0)} (target >= 1500), errors ${errorsOf(capacity)} (target 0)`,
    );

    let m = 0;
    const open = await openLoop(bench.baseUrl, 500, 30, () => {
      m += 1;
      const learner = learners[(m * 7) % learners.length];
      const action = m % 25 === 0 ? 'complete' : 'heartbeat';
      return {
        method: 'POST',
        path: `/api/v1/enrollments/${learner.enrollmentId}/lessons/${seeded.lessonId}/${action}`,
        headers: { authorization: learner.auth },
      };
    });
    const ms = (p: number) => percentile(open.latencies, p).toFixed(1);
    console.log('\n(b) open loop, fixed arrival rate 500 req/s, evenly spaced, 30 s');
    console.log(
      `    requests ${open.sent}, req/s ${(open.latencies.length / open.seconds).toFixed(0)}, ` +
        `p50 ${ms(50)} ms, p99 ${ms(99)} ms, max ${ms(100)} ms, errors ${open.errors}, non-2xx ${open.non2xx}`,
    );
    console.log(`    p99 ${ms(99)} ms (target < 50 ms)`);

    const [{ credited }] = await bench.db.query(
      'SELECT sum(time_spent_seconds)::int AS credited FROM enrollments',
    );
    console.log(`    seconds credited in total: ${credited}`);
  } finally {
    await bench.close();
  }
}

const errorsOf = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx;

function print(title: string, r: AutocannonResult) {
  console.log(`\n${title}`);
  console.log(
    `    requests ${r.requests.total}, req/s ${r.requests.average.toFixed(0)}, ` +
      `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ` +
      `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
