import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Newest modification time of any file under `dir` (0 when missing). */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than a file under web/ (or package.json). */
export function webBuildIsStale(root: string): boolean {
  const index = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return (
    Math.max(newestMtime(join(root, 'web')), statSync(join(root, 'package.json')).mtimeMs) > built
  );
}

/**
 * Builds the web app with Vite when its output is missing or stale (`npm start`, browser tests).
 * Skipped where there are no web sources (the production image ships dist/web prebuilt).
 */
export function ensureWebBuilt(root: string, say: (line: string) => void): void {
  if (process.env.K3_SKIP_WEB_BUILD === 'true' || !existsSync(join(root, 'web', 'index.html')))
    return;
  if (!webBuildIsStale(root)) return;
  say('Web app: dist/web is missing or older than web/; building it (vite build)...');
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
  say(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
