import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDir = dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.K3_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
// Routes the API process answers itself; the dev server forwards them.
const proxied = ['/api', '/verify', '/docs', '/docs-json', '/admin/queues', '/health', '/metrics'];

/**
 * Vite 8 compiles TSX itself (oxc); @vitejs/plugin-react is not used (its peer chain conflicts
 * with Jest's Babel), so `npm run dev` reloads the page on change instead of React Fast Refresh.
 */
export default defineConfig({
  root: webDir,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(webDir, '..', 'dist', 'web'),
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: apiTarget, changeOrigin: false }])),
  },
});
