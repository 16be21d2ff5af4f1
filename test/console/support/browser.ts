import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the pages' screenshots go: kept by CI as artefacts, ignored by git. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-artifacts/screenshots');

/**
 * Debian's Chromium, found on PATH or at CHROMIUM_PATH. Playwright's own browser download cannot
 * reach its host from our machines, so playwright-core drives the system browser instead.
 */
export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // Try the next name.
    }
  }
  throw new Error('Chromium is not installed: `apt-get install -y chromium fonts-wqy-zenhei` (.ci/run does it)');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Root in CI has no user namespace for Chromium's sandbox; the pages come from our own server.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A full-page screenshot named after the test's step, e.g. `leader-campaign.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A phone's screen (leaders read the console on theirs). */
export const PHONE = { width: 390, height: 844 };
