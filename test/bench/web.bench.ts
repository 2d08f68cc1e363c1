/**
 * The learner web app's weight and speed. (a) Initial JavaScript a learner downloads: the Vite
 * entry chunk, its static imports and the chunks the "My training" route loads, gzip level 9 and
 * brotli (target <= 200 KB gzip), plus the CSS. (b) Time until "My training" is interactive
 * under emulated slow 3G (400 ms RTT, 400 kbit/s each way, 4x CPU slowdown) in Debian's Chromium
 * against the real compiled API, cold cache, 3 runs (target <= 4 s). Prints figures only.
 * WEB_BENCH_BUNDLE_ONLY=true prints (a) alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';
const ENTRY = 'index.html';
const MY_TRAINING = 'src/features/learner/MyTrainingPage.tsx';
const RUNS = 3;
const PASSWORD = 'bench password for the web app';

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

async function slow3gFigures(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const bench = await startBenchApp('web');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
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

    const loginReady: number[] = [];
    const listReady: number[] = [];
    const totals: number[] = [];
    const transferredBytes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context per run: empty HTTP cache, no cookies.
      const context = await browser.newContext({
        locale: 'id-ID',
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let transferred = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength;
      });
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1024) / 8,
        uploadThroughput: (400 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

      // Navigation to "My training" while signed out lands on the login page.
      const start = Date.now();
      await page.goto(`${bench.baseUrl}/`, { waitUntil: 'commit' });
      const submit = page.getByRole('button', { name: 'Masuk' });
      await submit.waitFor({ state: 'visible' });
      const loginMs = Date.now() - start;
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      const submitted = Date.now();
      await submit.click();
      const firstCourse = page.getByRole('main').getByRole('link').first();
      await firstCourse.waitFor({ state: 'visible' });
      // Interactive: the link accepts a click (trial runs the actionability checks only).
      await firstCourse.click({ trial: true });
      const listMs = Date.now() - submitted;
      loginReady.push(loginMs);
      listReady.push(listMs);
      totals.push(loginMs + listMs);
      transferredBytes.push(transferred);
      await context.close();
    }
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
    };
    const line = (label: string, xs: number[]) => {
      const { min, median, max } = stats(xs);
      console.log(`  ${label.padEnd(52)} min ${min} ms, median ${median} ms, max ${max} ms`);
    };
    console.log(`slow 3G (400 ms RTT, 400 kbit/s, 4x CPU), cold cache, ${RUNS} runs:`);
    line('navigation -> login form shown', loginReady);
    line('sign-in submitted -> first course link clickable', listReady);
    line('total (excluding typing)', totals);
    console.log(`  bytes over the wire per run (median): ${kb(stats(transferredBytes).median)}`);
    console.log(
      `My training interactive on slow 3G: median ${stats(totals).median} ms (target <= 4000 ms)`,
    );
  } finally {
    await browser.close();
    await bench.close();
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
