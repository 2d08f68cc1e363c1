import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defineConfig, type Plugin } from 'vite';
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
 * Inlines web/src/basic-screen/basic-screen.ts into index.html's head, built on its own as one
 * self-contained script (its modules and strings included): it starts the silent session refresh
 * while the HTML is still being parsed, before the app's bundle takes the browser's six
 * connections, and draws the basic first screen on a slow connection. The API allows this inline
 * script by its hash (src/bootstrap/web-app.ts). The app's copy of web/src/app/early-refresh.ts
 * shares its state through `window`.
 */
function inlineBasicScreen(): Plugin {
  return {
    name: 'k3-inline-basic-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const built = await build({
          configFile: false,
          root: webDir,
          logLevel: 'warn',
          plugins: [basicScreenTexts()],
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            lib: {
              entry: resolve(webDir, 'src', 'basic-screen', 'basic-screen.ts'),
              formats: ['iife'],
              name: 'k3BasicScreen',
            },
          },
        });
        const [result] = Array.isArray(built) ? built : [built];
        if (!('output' in result)) throw new Error('the basic screen build gave no output');
        const code = result.output[0].code.trim();
        if (code.includes('</script')) throw new Error('the basic screen cannot be inlined');
        // Right after the charset, ahead of every tag that starts a download.
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error('index.html has no charset meta');
        // The stylesheet moves to the end of the body: in the head it blocks every paint, the
        // basic screen's included, until it has arrived. The app waits for it (main.tsx).
        const styles = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
        let page = html.replace(charset, `${charset}\n    <script>${code}</script>`);
        for (const link of styles) page = page.replace(link, '');
        return page.replace('</body>', `${styles.join('')}\n  </body>`);
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
            // Low: on a slow network the basic screen's requests (high) go first.
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,
              href: `/${file}`,
              fetchpriority: 'low',
            },
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
  plugins: [inlineBasicScreen(), basicScreenTexts(), preloadFirstScreens(), precompressAssets()],
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
