/**
 * Writes the OpenAPI document to web/src/api/openapi.json and generates the typed client into
 * web/src/api/generated (@hey-api/openapi-ts: types + a fetch client). Needs no database or
 * Redis: the document comes from Nest's preview mode.
 *
 *   npm run api:generate   regenerate the committed files
 *   npm run api:check      regenerate into a temporary folder; fail when the committed files are
 *                          stale or when any success response is typed `unknown`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { openApiDocumentOffline } from '../src/bootstrap/openapi-offline';

const ROOT = join(__dirname, '..');
const COMMITTED = join(ROOT, 'web', 'src', 'api');

async function generate(target: string): Promise<void> {
  mkdirSync(target, { recursive: true });
  const documentPath = join(target, 'openapi.json');
  writeFileSync(documentPath, `${JSON.stringify(await openApiDocumentOffline(), null, 2)}\n`);
  const output = join(target, 'generated');
  rmSync(output, { recursive: true, force: true });
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'openapi-ts'),
    ['-i', documentPath, '-o', output, '-c', '@hey-api/client-fetch', '-s', '--no-log-file'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** Operations whose success (2xx/3xx) response type is `unknown`, from the generated types. */
export function unknownSuccessResponses(typesSource: string): string[] {
  const found: string[] = [];
  for (const match of typesSource.matchAll(/export type (\w+)Responses = \{([\s\S]*?)\n\};/g)) {
    for (const line of match[2].matchAll(/^\s+([23]\d\d): (.+);$/gm)) {
      if (/\bunknown\b/.test(line[2])) found.push(`${match[1]} ${line[1]}`);
    }
  }
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function differences(expected: string, actual: string): string[] {
  const want = files(expected);
  const have = new Set(files(actual));
  const stale = want.filter(
    (f) => !have.has(f) || readFileSync(join(expected, f)).compare(readFileSync(join(actual, f))),
  );
  const extra = [...have].filter((f) => !want.includes(f));
  return [...stale, ...extra];
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const target = check ? mkdtempSync(join(tmpdir(), 'k3-api-')) : COMMITTED;
  try {
    await generate(target);
    const problems = unknownSuccessResponses(
      readFileSync(join(target, 'generated', 'types.gen.ts'), 'utf8'),
    ).map((op) => `success response typed unknown: ${op} (declare its view class)`);
    if (check) {
      let stale: string[];
      try {
        stale = differences(target, COMMITTED);
      } catch {
        stale = ['web/src/api is missing'];
      }
      problems.push(...stale.map((f) => `stale: web/src/api/${f} (run npm run api:generate)`));
    }
    if (problems.length) console.error(problems.join('\n'));
    else console.log(check ? 'web/src/api is up to date' : 'wrote web/src/api');
    return problems.length ? 1 : 0;
  } finally {
    if (check) rmSync(target, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(e);
      process.exit(1);
    },
  );
}
