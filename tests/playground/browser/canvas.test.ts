import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../../src/playground/demo-world.js';
import type { StandInCanvas } from '../../../src/slack-standin/workspace.js';
import {
  dialog,
  type Harness,
  PEOPLE,
  PROGRAM,
  screenshot,
  send,
  sendForAnswer,
  statusAnswers,
  until,
  useHarness,
} from './harness.js';

let h: Harness;
useHarness((started) => {
  h = started;
});

const GENERAL = 'C0GENERAL';
const TITLE = 'Launch checklist';

/** What a person might have put in #general's canvas, with markup that must stay text. */
const MARKDOWN = [
  '# Launch plan',
  'Owned by ![](@U0IDENTITY), discussed in ![](#C0LEADERSHIP). **Bold**, *italic*, ~~struck~~ and `code`.',
  '## Workstreams',
  '| Workstream | Owner | Status |',
  '|---|---|:---:|',
  '| Identity \\| SSO | ![](@U0IDENTITY) | On track |',
  '| Kanopy hosting | ![](@U0PLATFORM) | At risk |',
  '### Before launch',
  '- [x] Security review',
  '- [ ] Load test',
  '1. Announce',
  '2. Ship',
  '---',
  'Pasted: <script>alert(1)</script> and <img src=x onerror=alert(1)> &amp; [docs](https://example.com/docs)',
].join('\n');

let seeded: StandInCanvas | undefined;
afterEach(() => {
  if (seeded) h.playground.slack.workspace.deleteCanvas(seeded.id);
  seeded = undefined;
  h.playground.slack.changed();
});

function seed(): StandInCanvas {
  const canvas = h.playground.slack.workspace.addCanvas({
    channel: GENERAL,
    title: TITLE,
    markdown: MARKDOWN,
    createdBy: PEOPLE.priya.id,
  });
  canvas.edits = 3;
  seeded = canvas;
  return canvas;
}

describe('a channel’s canvas in the browser', { timeout: 60_000 }, () => {
  it('shows as a tab of the channel, rendered as a canvas, with nothing of it read as HTML', async () => {
    seed();
    const page = await h.open(PEOPLE.priya.id, GENERAL);
    const tabs = page.getByRole('tablist', { name: '#general tabs' });
    await tabs.getByRole('tab', { name: TITLE }).click();
    expect(await tabs.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).toBe('false');

    const canvas = page.getByRole('document', { name: TITLE });
    await canvas.waitFor();
    expect(await canvas.getByRole('heading', { level: 1, name: 'Launch plan' }).count()).toBe(1);
    expect(await canvas.getByRole('heading', { level: 2, name: 'Workstreams' }).count()).toBe(1);
    expect(await canvas.getByRole('heading', { level: 3, name: 'Before launch' }).count()).toBe(1);
    expect(await canvas.getByRole('columnheader', { name: 'Workstream' }).count()).toBe(1);
    expect(await canvas.getByRole('cell', { name: 'Identity | SSO' }).count()).toBe(1);
    expect(await canvas.getByRole('cell', { name: '@kenji' }).count()).toBe(1);
    expect(await canvas.locator('.canvas-mention', { hasText: '@marcus' }).count()).toBe(2);
    expect(await canvas.locator('.canvas-mention', { hasText: '#leadership' }).count()).toBe(1);
    expect(await canvas.getByRole('checkbox', { checked: true }).count()).toBe(1);
    expect(await canvas.getByRole('link', { name: 'docs' }).getAttribute('href')).toBe(
      'https://example.com/docs',
    );
    const text = await canvas.textContent();
    expect(text).toContain('Canvas · edited 3 times · updated Today at');
    expect(text).toContain('Pasted: <script>alert(1)</script> and <img src=x onerror=alert(1)> & docs');
    // The markup is text: no element came of it.
    expect(await page.locator('.canvas script, .canvas img').count()).toBe(0);

    await tabs.getByRole('tab', { name: 'Messages' }).click();
    await canvas.waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
  });

  it('opens a canvas linked from a message in the page, and follows it as the app changes it', async () => {
    const made = seed();
    h.playground.slack.addMessageFrom({ user: PEOPLE.marcus.id }, 'C0UPDATES', {
      text: `Plan is in <https://test.slack.com/docs/T0001/${made.id}|the launch canvas>`,
    });
    const page = await h.open(PEOPLE.priya.id, 'C0UPDATES');
    await page.getByRole('link', { name: 'the launch canvas' }).click();

    // Its own channel's tab, not a new browser tab.
    const canvas = page.getByRole('document', { name: TITLE });
    await canvas.waitFor();
    expect(page.url()).toContain(`in=${GENERAL}`);
    expect(page.url()).toContain(`canvas=${made.id}`);
    expect(await page.getByRole('tab', { name: TITLE }).getAttribute('aria-selected')).toBe('true');

    made.markdown = '# Launch plan, revised';
    made.edits++;
    h.playground.slack.changed();
    await canvas.getByRole('heading', { name: 'Launch plan, revised' }).waitFor();
    expect(await canvas.textContent()).toContain('edited 4 times');

    // Deleted, the tab goes and the channel's messages show again.
    h.playground.slack.workspace.deleteCanvas(made.id);
    seeded = undefined;
    h.playground.slack.changed();
    await canvas.waitFor({ state: 'detached' });
    expect(await page.getByRole('tablist').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
  });
});

const LEADERSHIP = DEMO_CHANNELS.leadership;
/** Markup typed into the update form: the canvas must show it as the text it is. */
const BLOCKER = 'waiting on **legal** <b>review</b> of the [x](https://evil.example) terms';
/** The app's canvas lags a change by a 2 s poll and 4 s between edits; the machine may be loaded. */
const CANVAS_MS = 15_000;

/** #leadership's tab of the program's canvas, chosen; the app makes that canvas when it starts. */
async function openProgramCanvas(page: Page): Promise<Locator> {
  const tab = page.getByRole('tablist', { name: '#leadership tabs' }).getByRole('tab', { name: PROGRAM });
  await tab.waitFor({ timeout: CANVAS_MS });
  await tab.click();
  const canvas = page.getByRole('document', { name: PROGRAM });
  await canvas.waitFor();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  return canvas;
}

/** A row of the canvas's executive summary, by its area. */
function summaryRow(canvas: Locator, area: string): Locator {
  // Inner locators of `has` are matched within the outer one, so they start from the page.
  const page = canvas.page();
  return canvas
    .locator('.canvas-table')
    .filter({ has: page.getByRole('columnheader', { name: 'Area', exact: true }) })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: area, exact: true }) });
}

/** The items listed under the canvas's "Recent changes" heading (the page's last section). */
function recentChanges(canvas: Locator): Locator {
  return canvas.locator('h2:text-is("Recent changes (last 7 days)") ~ ul > li');
}

describe('the program’s page as #leadership’s canvas, kept by the app', { timeout: 60_000 }, () => {
  it('shows the page the app made: title, executive summary, delivery signal, recent changes', async () => {
    const page = await h.open(PEOPLE.priya.id, LEADERSHIP);
    const canvas = await openProgramCanvas(page);
    expect(page.url()).toContain(`in=${LEADERSHIP}`);

    expect(await canvas.getByRole('heading', { level: 1, name: PROGRAM, exact: true }).count()).toBe(1);
    expect(await canvas.getByRole('heading', { level: 2, name: 'Executive summary' }).count()).toBe(1);
    const identity = summaryRow(canvas, 'Identity and SSO');
    expect(await identity.count()).toBe(1);
    expect(await identity.locator('.canvas-mention', { hasText: '@marcus' }).count()).toBe(1);
    expect(await identity.textContent()).toContain('Needs decision');
    expect(await canvas.getByRole('heading', { level: 2, name: 'Delivery signal' }).count()).toBe(1);
    expect(
      await canvas.getByRole('heading', { level: 2, name: 'Recent changes (last 7 days)' }).count(),
    ).toBe(1);
    // People show by name, never as the IDs the Markdown holds.
    expect(await canvas.textContent()).not.toMatch(/U0[A-Z]{4,}/);

    await screenshot(page, 'canvas.png');
  });

  it('follows an owner’s update within seconds, with what they typed as plain text', async () => {
    const page = await h.open(PEOPLE.marcus.id);
    await send(page, '/rollout update identity-sso');
    const form = dialog(page, 'Update workstream');
    await form.waitFor();
    await form.getByLabel('Main blocker', { exact: true }).fill(BLOCKER);
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = dialog(page, 'Saved');
    await saved.waitFor();
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });

    const lead = await h.open(PEOPLE.priya.id, LEADERSHIP);
    const canvas = await openProgramCanvas(lead);
    const change = recentChanges(canvas).filter({ hasText: BLOCKER });
    await until('the canvas to list the new blocker', async () => (await change.count()) === 1, CANVAS_MS);
    const said = await change.textContent();
    expect(said).toMatch(/ · @marcus · Identity and SSO · Main blocker: /);
    expect(said).toContain(`“approved Okta path and claims model” → “${BLOCKER}”`);
    expect(await change.locator('.canvas-mention', { hasText: '@marcus' }).count()).toBe(1);
    // The workstream's snapshot shows it too, and the line at the top says who changed the page last.
    const snapshot = canvas.getByRole('listitem').filter({ hasText: `main blocker: ${BLOCKER}` });
    expect(await snapshot.count()).toBe(1);
    expect(await canvas.textContent()).toMatch(/Last changed .+ by @marcus\./);

    // What Marcus typed stayed text: no element, no bold, no link came of it.
    expect(await canvas.locator('b').count()).toBe(0);
    expect(await canvas.locator('strong', { hasText: 'legal' }).count()).toBe(0);
    expect(await canvas.locator('a[href*="evil.example"]').count()).toBe(0);
    expect(await canvas.getByRole('link', { name: 'x', exact: true }).count()).toBe(0);
  });

  it('opens from the foot of /rollout status: “The page” is #leadership’s canvas, in the page', async () => {
    const page = await h.open(PEOPLE.priya.id);
    const answer = await sendForAnswer(page, '/rollout status', statusAnswers(page));
    const link = answer.getByRole('link', { name: 'The page', exact: true });
    expect(await link.getAttribute('href')).toMatch(
      /^https:\/\/[^/]+\.slack\.com\/docs\/T[A-Z0-9]+\/F[A-Z0-9]+$/,
    );
    await link.click();

    const canvas = page.getByRole('document', { name: PROGRAM });
    await canvas.waitFor();
    expect(page.url()).toContain(`in=${LEADERSHIP}`);
    expect(page.url()).toMatch(/[?&]canvas=F[A-Z0-9]+/);
    const tabs = page.getByRole('tablist', { name: '#leadership tabs' });
    expect(await tabs.getByRole('tab', { name: PROGRAM }).getAttribute('aria-selected')).toBe('true');
    expect(await canvas.getByRole('heading', { level: 1, name: PROGRAM, exact: true }).count()).toBe(1);
    // The page opened it itself: no other browser tab.
    expect(page.context().pages()).toHaveLength(1);
  });
});
