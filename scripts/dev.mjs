// `npm run dev`: the API (as `npm start`) plus Vite's dev server on :5173, which proxies /api,
// /verify, /docs, /health... to the API. Ctrl+C (or SIGTERM) stops both.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const port = process.env.PORT ?? '3000';

const children = [
  spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'ts-node', 'dist', 'bin.js'),
      '--swc',
      '-r',
      'tsconfig-paths/register',
      'src/start.ts',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // The dev server serves the web app itself; the API need not build dist/web first.
      env: { ...process.env, PORT: port, K3_SKIP_WEB_BUILD: 'true' },
    },
  ),
  spawn(process.execPath, [vite, '--config', 'web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port },
  }),
];
process.stdout.write(
  `[k3-lms dev] web app (live reload) http://localhost:5173/   API http://localhost:${port}/api/v1\n`,
);

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM');
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null))
      process.exit(code ?? 0);
  });
}
