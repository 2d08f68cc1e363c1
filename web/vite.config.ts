import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { BASIC_SCREEN_KEYS } from './src/basic-screen/texts';

const webDir = dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.K3_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
// Routes the API process answers itself; the dev server forwards them.
const proxied = ['/api', '/verify', '/docs', '/docs-json', '/admin/queues', '/health', '/metrics'];

/**
 * Writes `.br` and `.gz` beside every built JS/CSS asset; the API serves them to browsers that
 * accept them (@fastify/static `preCompressed`), so a phone downloads the compressed bytes
 * without the server compressing on each request.
 */
function precompressAssets(): Plugin {
  return {
    name: 'k3-precompress-assets',
    apply: 'build',
    writeBundle(options) {
      const assets = resolve(options.dir!, 'assets');
      for (const name of readdirSync(assets).filter((f) => /\.(js|css)$/.test(f))) {
        const body = readFileSync(resolve(assets, name));
        writeFileSync(resolve(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
        writeFileSync(
          resolve(assets, `${name}.br`),
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * Loads a module as its own `async` module script in index.html's head, so it runs as soon as its
 * tiny chunk is in, in parallel with parsing the app's bundle (which imports the same modules, so
 * they share one instance): web/src/app/early-refresh.ts starts the silent session refresh,
 * web/src/basic-screen/basic-screen.ts draws the basic first screen on a slow connection.
 */
function asyncHeadScript(name: string, file: string): Plugin {
  const id = resolve(webDir, 'src', file);
  return {
    name: `k3-async-head-script-${name}`,
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id, name });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === id,
        );
        if (!chunk) throw new Error(`the ${name} chunk is missing from the bundle`);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/**
 * `virtual:basic-screen-texts`: only the catalogue strings the basic first screen shows
 * (BASIC_SCREEN_KEYS), taken from web/src/locales at build time.
 */
function basicScreenTexts(): Plugin {
  const virtualId = 'virtual:basic-screen-texts';
  const resolvedId = `\0${virtualId}`;
  return {
    name: 'k3-basic-screen-texts',
    resolveId: (id) => (id === virtualId ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      const keys: readonly string[] = BASIC_SCREEN_KEYS;
      const texts: Record<string, Record<string, string>> = {};
      for (const language of ['id', 'en']) {
        this.addWatchFile(resolve(webDir, 'src', 'locales', `${language}.json`));
        const catalogue = JSON.parse(
          readFileSync(resolve(webDir, 'src', 'locales', `${language}.json`), 'utf8'),
        ) as Record<string, unknown>;
        texts[language] = Object.fromEntries(
          keys.map((key) => {
            const text = key
              .split('.')
              .reduce<unknown>(
                (node, part) => (node as Record<string, unknown> | undefined)?.[part],
                catalogue,
              );
            if (typeof text !== 'string') throw new Error(`${language}.json has no text ${key}`);
            return [key, text];
          }),
        );
      }
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}

/**
 * The first screen is either the sign-in page (signed out) or "My training" (signed in), and the
 * router only requests a page's chunk after the framework chunk has arrived and run (seconds on a
 * slow phone network). Preloading both pages' chunks and their static imports from index.html's
 * head lets them download alongside the framework instead; once cached (hashed, immutable) they
 * cost a returning learner nothing.
 */
function preloadFirstScreens(): Plugin {
  const ids = [
    resolve(webDir, 'src', 'features', 'auth', 'LoginPage.tsx'),
    resolve(webDir, 'src', 'features', 'learner', 'MyTrainingPage.tsx'),
  ];
  return {
    name: 'k3-preload-first-screens',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const files = new Set<string>();
        const add = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) {
            add(imported);
          }
        };
        for (const id of ids) {
          const page = chunks.find((c) => c.facadeModuleId === id);
          if (!page) throw new Error(`the chunk of ${id} is missing from the bundle`);
          add(page.fileName);
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

// What the shell, the sign-in page and "My training" render (directly or inside another component).
const FIRST_SCREEN_COMPONENTS = [
  'ActionIcon',
  'Alert',
  'Anchor',
  'AppShell',
  'Badge',
  'Box',
  'Burger',
  'Button',
  'Card',
  'Center',
  'CloseButton',
  'Combobox[\\\\/]ComboboxChevron',
  'Group',
  'Input',
  'InputBase',
  'Loader',
  'NativeSelect',
  'Paper',
  'PasswordInput',
  'Progress',
  'SimpleGrid',
  'Stack',
  'Text',
  'TextInput',
  'Title',
  'Transition',
  'UnstyledButton',
  'VisuallyHidden',
];
const firstScreenUi = new RegExp(
  String.raw`node_modules[\\/]@mantine[\\/]core[\\/]esm[\\/](core|utils|components[\\/](${FIRST_SCREEN_COMPONENTS.join('|')}))[\\/]`,
);

/**
 * Vite 8 compiles TSX itself (oxc); @vitejs/plugin-react is not used (its peer chain conflicts
 * with Jest's Babel), so `npm run dev` reloads the page on change instead of React Fast Refresh.
 */
export default defineConfig(({ mode }) => ({
  root: webDir,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    // head-prepend: the later one lands first, so the refresh request leaves first.
    asyncHeadScript('basic-screen', 'basic-screen/basic-screen.ts'),
    asyncHeadScript('early-refresh', 'app/early-refresh.ts'),
    basicScreenTexts(),
    preloadFirstScreens(),
    precompressAssets(),
  ],
  resolve: {
    // React Router's package exports point every bundler at its development build (warnings,
    // invariant messages); production bundles take the production one.
    alias:
      mode === 'production'
        ? [
            {
              find: /^react-router$/,
              replacement: resolve(
                webDir,
                '..',
                'node_modules/react-router/dist/production/index.mjs',
              ),
            },
          ]
        : [],
  },
  build: {
    target: 'es2022',
    outDir: resolve(webDir, '..', 'dist', 'web'),
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The framework every screen needs is one long-cached chunk; Mantine components and page
        // code stay split by route so a learner only fetches what the learner screens use.
        advancedChunks: {
          groups: [
            // The Mantine modules the first screens use, as one file: split per component they were
            // ~35 requests, and a phone's browser opens only six connections per host, so on a
            // 400 ms RTT network each wave of six costs a round trip. What only later pages use
            // stays with those pages.
            { name: 'first-screen-ui', test: firstScreenUi },
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query|i18next|react-i18next)[\\/]/,
            },
          ],
        },
      },
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
}));
