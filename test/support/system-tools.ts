import { existsSync } from 'node:fs';

/** One line naming the package to install, instead of a bare ENOENT from spawn. */
export function missingTool(tool: string, aptPackage: string): Error {
  return new Error(
    `${tool} not found: install ${aptPackage} (apt-get install -y ${aptPackage}, or run scripts/system-deps.sh)`,
  );
}

export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Debian's Chromium, driven by playwright-core (never `npx playwright install`). */
export function chromiumPath(): string {
  const path = '/usr/bin/chromium';
  if (!existsSync(path)) throw missingTool(path, 'chromium');
  return path;
}
