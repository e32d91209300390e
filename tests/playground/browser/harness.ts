import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type Playground, startPlayground } from '../../../src/playground/playground.js';
import { type BrowserSession, launchBrowser } from '../../support/browser.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * How long a step may wait for the page: the playground answers in milliseconds when the machine is idle,
 * but its two cores are shared, and under load a step can take seconds.
 */
export const STEP_MS = 10_000;

/** The demo's people as the "Act as" menu names them. */
export const PEOPLE = {
  priya: { id: 'U0PROGRAMLEAD', option: 'Priya Raman — Admin, program lead' },
  marcus: { id: 'U0IDENTITY', option: 'Marcus Chen — Owner, Identity and SSO' },
  sam: { id: 'U0MEMBER', option: 'Sam Taylor — Member, owns nothing' },
} as const;

export const PROGRAM = 'Builder Insights operationalization';

/** A playground and a browser for one test file; each test takes a page of its own. */
export interface Harness {
  playground: Playground;
  session: BrowserSession;
  /** The app's log lines, warnings and errors only. */
  logs: string[];
  /** A page acting as `as`, in a channel id or `home`, once the workspace has loaded. */
  open(as: string, where?: string): Promise<Page>;
  /**
   * Closes the test's pages and answers the problems the browser saw meanwhile, with any alert still shown
   * (a refusal the test did not expect and dismiss); then forgets them, so that they fail this test only.
   * An open page keeps refetching on every change, slowing the rest.
   */
  finishTest(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * One playground and browser for a test file, started before its tests and stopped after them; each test
 * must end with no page error, console error or unexpected alert. `started` receives the harness.
 */
export function useHarness(started: (h: Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
    started(harness);
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    expect(await harness?.finishTest()).toEqual([]);
  });
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-browser-'));
  const logs: string[] = [];
  const playground = await startPlayground({
    port: 0,
    databasePath: join(dir, 'demo.db'),
    logLevel: 'warn',
    logSink: { write: (line) => void logs.push(line) },
  });
  let session: BrowserSession;
  try {
    session = await launchBrowser();
  } catch (error) {
    await playground.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pages: Page[] = [];
  return {
    playground,
    session,
    logs,
    async open(as, where = 'C0GENERAL') {
      const page = await session.newPage();
      pages.push(page);
      page.setDefaultTimeout(STEP_MS);
      await page.goto(`${playground.url}/?as=${as}&in=${where}`);
      await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
      return page;
    },
    async finishTest() {
      for (const page of pages.splice(0)) {
        const alerts = await page.locator('.toasts [role="alert"] .toast-text').allTextContents();
        session.problems.push(...alerts.map((text) => `alert left on the page: ${text}`));
        await page.close();
      }
      return session.problems.splice(0);
    },
    async stop() {
      for (const page of pages) await page.close().catch(() => undefined);
      await session.close();
      await playground.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: ROLLOUT_SCREENSHOTS (relative to the repository) for the docs, else a scratch folder. */
const SHOTS_DIR = process.env.ROLLOUT_SCREENSHOTS
  ? resolve(ROOT, process.env.ROLLOUT_SCREENSHOTS)
  : join(tmpdir(), 'rollout-screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, name) });
}

/** Polls until `check` holds; the page refetches after each change on its own schedule. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = STEP_MS): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Types a slash command into the composer and sends it with Enter; resolves once the composer cleared,
 * which it does only when the server took the command.
 */
export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await until(`the composer to take ${text}`, async () => (await box.inputValue()) === '');
}

/**
 * Sends a command and answers the one new message matching `answers`, waiting for it: earlier answers of
 * the same kind stay in the channel (the workspace outlives each test's page).
 */
export async function sendForAnswer(page: Page, text: string, answers: Locator): Promise<Locator> {
  const before = await answers.count();
  await send(page, text);
  await until(`an answer to ${text}`, async () => (await answers.count()) > before);
  return answers.nth(before);
}

/** Messages only the acting person sees, by a piece of their text. */
export function privateAnswers(page: Page, hasText: string | RegExp): Locator {
  return page.getByRole('article').filter({ hasText: 'Only visible to you' }).filter({ hasText });
}

/** `/rollout status`'s answers: the program's overview, with a row and a Details button a workstream. */
export function statusAnswers(page: Page): Locator {
  return page
    .getByRole('article')
    .filter({ hasText: 'Only visible to you' })
    .filter({ has: page.getByRole('heading', { name: PROGRAM, exact: true }) });
}

/** A workstream's row of an overview (a status answer, the Home tab, the Status modal). */
export function row(within: Locator, workstream: string): Locator {
  return within.locator('.bk-section', { hasText: workstream });
}

/** A modal, by its title. */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title, exact: true });
}

/** Scrolls a message's top into view, as someone reading it would, for a screenshot. */
export async function scrollToTop(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}
