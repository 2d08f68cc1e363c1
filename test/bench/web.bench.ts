/**
 * The learner web app's weight and speed. (a) Initial JavaScript a learner downloads: the Vite
 * entry chunk, its static imports and the chunks the "My training" route loads, gzip level 9 and
 * brotli (target <= 200 KB gzip), plus the CSS. (b) Time until "My training" is interactive
 * under emulated slow 3G (400 ms RTT, 400 kbit/s each way, 4x CPU slowdown) in Debian's Chromium
 * against the real compiled API, 3 runs each (target <= 4 s), in three scenarios, each with its
 * request waterfall: a cold first visit (empty cache, no cookie: the sign-in page, then sign-in
 * to the list), a cold cache while signed in (refresh cookie, nothing cached) and a returning
 * learner (hashed assets in the HTTP cache, refresh cookie present); the last two time a fresh
 * navigation to `/` until the first course link is clickable.
 * Prints figures only. WEB_BENCH_BUNDLE_ONLY=true prints (a) alone; WEB_BENCH_RETURNING_ONLY=true
 * skips the two cold scenarios.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';
const ENTRY = 'index.html';
const MY_TRAINING = 'src/features/learner/MyTrainingPage.tsx';
const RUNS = 3;
const PASSWORD = 'bench password for the web app';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CONTEXT_OPTIONS = { locale: 'id-ID', viewport: { width: 360, height: 740 } };

/** Slow 3G and a 4x slower CPU on one page, counting the bytes that came over the wire. */
async function throttle(context: BrowserContext, page: Page, cacheDisabled: boolean) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const transfer = { bytes: 0 };
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    transfer.bytes += e.encodedDataLength;
  });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { cdp, transfer };
}

interface WaterfallRow {
  url: string;
  start: number;
  end?: number;
  bytes?: number;
  status?: number;
  cached: boolean;
}

/** Every request of a page load: when it started and finished, and whether the cache answered. */
function recordWaterfall(cdp: CDPSession): Map<string, WaterfallRow> {
  const rows = new Map<string, WaterfallRow>();
  cdp.on(
    'Network.requestWillBeSent',
    (e: { requestId: string; request: { url: string; method: string }; timestamp: number }) => {
      const { pathname } = new URL(e.request.url);
      rows.set(e.requestId, {
        url: `${e.request.method} ${pathname}`,
        start: e.timestamp,
        cached: false,
      });
    },
  );
  cdp.on('Network.requestServedFromCache', (e: { requestId: string }) => {
    const row = rows.get(e.requestId);
    if (row) row.cached = true;
  });
  cdp.on(
    'Network.responseReceived',
    (e: { requestId: string; response: { fromDiskCache?: boolean; status: number } }) => {
      const row = rows.get(e.requestId);
      if (!row) return;
      row.status = e.response.status;
      if (e.response.fromDiskCache) row.cached = true;
    },
  );
  cdp.on(
    'Network.loadingFinished',
    (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
      const row = rows.get(e.requestId);
      if (!row) return;
      row.end = e.timestamp;
      row.bytes = e.encodedDataLength;
    },
  );
  cdp.on('Network.loadingFailed', (e: { requestId: string }) => {
    const row = rows.get(e.requestId);
    if (row) row.url += ' (failed)';
  });
  return rows;
}

function printWaterfall(rows: WaterfallRow[], minBytes: number): void {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  const origin = sorted[0]?.start ?? 0;
  for (const row of sorted.filter((r) => (r.bytes ?? 0) >= minBytes)) {
    const from = Math.round((row.start - origin) * 1000);
    const to = row.end === undefined ? '?' : Math.round((row.end - origin) * 1000);
    const bytes = row.bytes === undefined ? '' : kb(row.bytes);
    console.log(
      `    ${String(from).padStart(5)} -> ${String(to).padStart(5)} ${bytes.padStart(9)}  ${row.cached ? 'cache' : 'net  '} ${row.status ?? '   '}  ${row.url}`,
    );
  }
}

/** Waits until the first course link of "My training" is visible and accepts a click. */
async function firstCourseClickable(page: Page): Promise<void> {
  // The section, not all of <main>: the sign-in page's main holds a link too.
  const firstCourse = page
    .getByRole('region', { name: 'Pelatihan saya' })
    .getByRole('link')
    .first();
  await firstCourse.waitFor({ state: 'visible' });
  // Interactive: the link accepts a click (trial runs the actionability checks only).
  await firstCourse.click({ trial: true });
}

/** One throttled navigation to `/` until the first course link is clickable, with its waterfall. */
async function timedVisit(
  context: BrowserContext,
  page: Page,
  baseUrl: string,
  cacheDisabled: boolean,
): Promise<{ ms: number; bytes: number; rows: WaterfallRow[] }> {
  page.setDefaultTimeout(120_000);
  const { cdp, transfer } = await throttle(context, page, cacheDisabled);
  const rows = recordWaterfall(cdp);
  const start = Date.now();
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
  await firstCourseClickable(page);
  return { ms: Date.now() - start, bytes: transfer.bytes, rows: [...rows.values()] };
}

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A chunk and everything it imports statically (what the browser fetches before running it). */
function closure(manifest: Record<string, ManifestChunk>, key: string, seen: Set<string>): void {
  if (seen.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, seen);
}

function bundleFigures(): void {
  // Always measure the current source: the build takes a couple of seconds.
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stderr}`);
  const manifestPath = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error('no Vite manifest: build.manifest is off');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const keys = new Set<string>();
  closure(manifest, ENTRY, keys);
  closure(manifest, MY_TRAINING, keys);

  const measure = (file: string) => {
    const body = readFileSync(join(DIST, file));
    return {
      file,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  };
  const print = (label: string, rows: ReturnType<typeof measure>[]) => {
    const sum = (field: 'raw' | 'gzip' | 'brotli') => rows.reduce((s, r) => s + r[field], 0);
    for (const r of rows) {
      console.log(
        `  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(9)} gzip ${kb(r.brotli).padStart(9)} br`,
      );
    }
    console.log(
      `  ${`${label} total`.padEnd(44)} ${kb(sum('raw')).padStart(10)} raw ${kb(sum('gzip')).padStart(9)} gzip ${kb(sum('brotli')).padStart(9)} br`,
    );
    return sum('gzip');
  };
  const js = [...keys].map((k) => measure(manifest[k].file)).sort((a, b) => b.gzip - a.gzip);
  const css = [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))].map(measure);
  console.log('learner initial JS (entry + static imports + My training route):');
  const jsGzip = print('JS', js);
  console.log('learner initial CSS:');
  print('CSS', css);
  console.log(`learner initial JS: ${kb(jsGzip)} gzip (target <= 200 KB)`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const line = (label: string, xs: number[]) => {
  const { min, median, max } = stats(xs);
  console.log(`  ${label.padEnd(52)} min ${min} ms, median ${median} ms, max ${max} ms`);
};

async function slow3gFigures(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const bench = await startBenchApp('web');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'k3-web-bench-'));
  try {
    const seeded = await seedCourseWithLearners(bench.db, 1, 3);
    await bench.db.query(`UPDATE users SET password_hash = $1 WHERE id = $2`, [
      await new PasswordHasher().hash(PASSWORD),
      seeded.users[0].id,
    ]);
    const [{ email }] = (await bench.db.query(`SELECT email FROM users WHERE id = $1`, [
      seeded.users[0].id,
    ])) as { email: string }[];
    console.log(`seeded a learner with 3 courses; ${NOTE}`);

    const signIn = async (page: Page) => {
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
    };

    // Cold first visit: a fresh context per run (no cookie), HTTP cache disabled.
    const loginReady: number[] = [];
    const listReady: number[] = [];
    const totals: number[] = [];
    const coldBytes: number[] = [];
    const coldWaterfalls: { ms: number; rows: WaterfallRow[] }[] = [];
    const coldRuns = process.env.WEB_BENCH_RETURNING_ONLY === 'true' ? 0 : RUNS;
    for (let run = 0; run < coldRuns; run += 1) {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const { cdp, transfer } = await throttle(context, page, true);
      const rows = recordWaterfall(cdp);

      // Navigation to "My training" while signed out lands on the login page.
      const start = Date.now();
      await page.goto(`${bench.baseUrl}/`, { waitUntil: 'commit' });
      const submit = page.getByRole('button', { name: 'Masuk' });
      await submit.waitFor({ state: 'visible' });
      const loginMs = Date.now() - start;
      await signIn(page);
      const submitted = Date.now();
      await submit.click();
      await firstCourseClickable(page);
      const listMs = Date.now() - submitted;
      loginReady.push(loginMs);
      listReady.push(listMs);
      totals.push(loginMs + listMs);
      coldBytes.push(transfer.bytes);
      coldWaterfalls.push({ ms: loginMs + listMs, rows: [...rows.values()] });
      await context.close();
    }

    // Cold cache, signed in: a learner whose browser holds the refresh cookie but no cached asset
    // (first visit after signing in elsewhere in the same browser, or an evicted cache).
    const coldSignedIn: number[] = [];
    const coldSignedInBytes: number[] = [];
    const coldSignedInWaterfalls: { ms: number; rows: WaterfallRow[] }[] = [];
    for (let run = 0; run < coldRuns; run += 1) {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      const signedIn = await context.request.post(`${bench.baseUrl}/api/v1/auth/browser/login`, {
        headers: { 'X-CSRF': '1', Origin: bench.baseUrl },
        data: { email, password: PASSWORD },
      });
      if (!signedIn.ok()) throw new Error(`browser sign-in answered ${signedIn.status()}`);
      const visit = await timedVisit(context, await context.newPage(), bench.baseUrl, true);
      coldSignedIn.push(visit.ms);
      coldSignedInBytes.push(visit.bytes);
      coldSignedInWaterfalls.push(visit);
      await context.close();
    }

    // Returning learner: one persistent profile (disk HTTP cache, cookie jar) signed in once
    // without throttling; each run is a new tab navigating to `/` with the cache enabled.
    const returning: number[] = [];
    const returningBytes: number[] = [];
    const waterfalls: { ms: number; rows: WaterfallRow[] }[] = [];
    const profile = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      ...CONTEXT_OPTIONS,
    });
    try {
      const first = await profile.newPage();
      first.setDefaultTimeout(120_000);
      await first.goto(`${bench.baseUrl}/`);
      await signIn(first);
      await first.getByRole('button', { name: 'Masuk' }).click();
      await firstCourseClickable(first);
      await first.close();
      for (let run = 0; run < RUNS; run += 1) {
        const page = await profile.newPage();
        const visit = await timedVisit(profile, page, bench.baseUrl, false);
        returning.push(visit.ms);
        returningBytes.push(visit.bytes);
        waterfalls.push(visit);
        await page.close();
      }
    } finally {
      await profile.close();
    }

    if (coldRuns > 0) {
      console.log(`slow 3G (400 ms RTT, 400 kbit/s, 4x CPU), cold first visit, ${RUNS} runs:`);
      line('navigation -> login form shown', loginReady);
      line('sign-in submitted -> first course link clickable', listReady);
      line('total (excluding typing)', totals);
      console.log(`  bytes over the wire per run (median): ${kb(stats(coldBytes).median)}`);
      const median = coldWaterfalls.find((w) => w.ms === stats(totals).median)!;
      console.log(`  requests of the median cold run over 2 KB (ms from the first request):`);
      printWaterfall(median.rows, 2048);
    }
    if (coldRuns > 0) {
      console.log(`slow 3G, cold cache but signed in (refresh cookie), ${RUNS} runs:`);
      line('navigation to / -> first course link clickable', coldSignedIn);
      console.log(`  bytes over the wire per run (median): ${kb(stats(coldSignedInBytes).median)}`);
      const median = coldSignedInWaterfalls.find((w) => w.ms === stats(coldSignedIn).median)!;
      console.log(`  requests of the median run over 2 KB (ms from the first request):`);
      printWaterfall(median.rows, 2048);
    }
    console.log(`slow 3G, returning learner (cached assets, refresh cookie), ${RUNS} runs:`);
    line('navigation to / -> first course link clickable', returning);
    console.log(`  bytes over the wire per run (median): ${kb(stats(returningBytes).median)}`);
    const median = waterfalls.find((w) => w.ms === stats(returning).median)!;
    console.log(`  waterfall of the median returning run (ms from the first request):`);
    printWaterfall(median.rows, 0);
    if (coldRuns > 0) {
      console.log(
        `My training interactive on slow 3G, cold first visit (incl. sign-in page): median ${stats(totals).median} ms (target <= 4000 ms)`,
      );
    }
    if (coldRuns > 0) {
      console.log(
        `My training interactive on slow 3G, cold cache, signed in: median ${stats(coldSignedIn).median} ms (target <= 4000 ms)`,
      );
    }
    console.log(
      `My training interactive on slow 3G, returning learner (cached assets): median ${stats(returning).median} ms (target <= 4000 ms)`,
    );
  } finally {
    await browser.close();
    await bench.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  bundleFigures();
  if (process.env.WEB_BENCH_BUNDLE_ONLY !== 'true') await slow3gFigures();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
