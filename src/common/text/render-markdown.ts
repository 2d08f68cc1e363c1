import { createRequire } from 'node:module';

// The parser and the sanitiser (with postcss and htmlparser2 behind it) load on the first render,
// not at boot: an idle API does not hold them.
const lazyRequire = createRequire(__filename);
let libraries:
  | { marked: typeof import('marked').marked; sanitizeHtml: typeof import('sanitize-html') }
  | undefined;
function markdownLibraries(): NonNullable<typeof libraries> {
  libraries ??= {
    marked: (lazyRequire('marked') as typeof import('marked')).marked,
    sanitizeHtml: lazyRequire('sanitize-html') as typeof import('sanitize-html'),
  };
  return libraries;
}

/** Authors write markdown; learners receive sanitised HTML (no scripts, handlers or iframes). */
export function renderMarkdown(markdown: string): string {
  const { marked, sanitizeHtml } = markdownLibraries();
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2'],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title'],
      code: ['class'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https', 'data'] },
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
    },
  });
}
