import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's chromium, found through CHROMIUM_PATH or on PATH (`apt-get install -y chromium`; .ci/run
 * installs it). Playwright's own browser download cannot work here, so it is never attempted.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error(
    'The browser tests need Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this machine's
// closed network refuses; --no-sandbox because CI runs as root.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface BrowserSession {
  browser: Browser;
  /** A new page at 1280×800 whose page errors and console errors are collected in `problems`. */
  newPage(): Promise<Page>;
  /** Every page error and console error seen so far: a test that ends with any has failed. */
  problems: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // Playwright gives each launch a fresh profile of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
  const problems: string[] = [];
  return {
    browser,
    problems,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
