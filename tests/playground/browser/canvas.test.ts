import { afterEach, describe, expect, it } from 'vitest';
import type { StandInCanvas } from '../../../src/slack-standin/workspace.js';
import { type Harness, PEOPLE, screenshot, useHarness } from './harness.js';

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

    await screenshot(page, 'canvas.png');
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
