import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';
import { chromiumPath } from './system-tools';
import { TestContext } from './test-app';

export const SCREENSHOTS_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
export const PHONE = { name: 'phone', width: 360, height: 740 };
export const DESKTOP = { name: 'desktop', width: 1280, height: 800 };
export const VIEWPORTS = [PHONE, DESKTOP];

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
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
}

/** The test app on a loopback port; returns its base URL for the browser. */
export async function serveOnLoopback(ctx: TestContext): Promise<string> {
  await ctx.app.listen(0, '127.0.0.1');
  return (await ctx.app.getUrl()).replace('[::1]', '127.0.0.1');
}

/**
 * At each viewport: a full-page screenshot `<name>-<viewport>.png`, no horizontal scroll, and no
 * serious or critical axe violation. Ends at the last viewport given.
 */
export async function checkPage(
  page: Page,
  name: string,
  viewports: readonly { name: string; width: number; height: number }[] = VIEWPORTS,
): Promise<void> {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150); // let Mantine's media queries settle after the resize
    await page.screenshot({
      path: join(SCREENSHOTS_DIR, `${name}-${viewport.name}.png`),
      fullPage: true,
    });
    // A string runs in the page (the test's tsconfig has no DOM types).
    const overflow = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    expect({
      name,
      viewport: viewport.name,
      fits: overflow.scrollWidth <= overflow.innerWidth,
    }).toEqual({ name, viewport: viewport.name, fits: true });
    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect({ name, viewport: viewport.name, bad }).toEqual({
      name,
      viewport: viewport.name,
      bad: [],
    });
  }
}
