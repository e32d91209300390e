import { describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../../src/playground/demo-world.js';
import { dialog, type Harness, PEOPLE, PROGRAM, screenshot, scrollToTop, useHarness } from './harness.js';

let h: Harness;
useHarness((started) => {
  h = started;
});

// Generous: the machine's two cores are shared, and a loaded one makes every step slower.
describe('the digest and the Home tab in the browser', { timeout: 60_000 }, () => {
  it('posts this week’s digest to #leadership, once, and shows it there', async () => {
    const page = await h.open(PEOPLE.priya.id);
    await page.getByRole('button', { name: "Post this week's digest" }).click();
    // Once this week's slot has passed, the scheduler's first sweep at startup has already posted it (its
    // catch-up after downtime); before the slot, the button posts it. Either way the notice says where.
    const posted = page.getByRole('status').filter({
      hasText: new RegExp(
        `^(Posted this week’s digest of ${PROGRAM} to #leadership\\.|This week’s digest of ${PROGRAM} is already in #leadership; it is posted once a week\\.)`,
      ),
    });
    await posted.waitFor();

    await page.getByRole('link', { name: '#leadership' }).click();
    const digest = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: PROGRAM }) })
      .filter({ hasText: 'Weekly leadership digest' });
    await digest.waitFor();
    const text = await digest.textContent();
    expect(text).toContain('Top risks');
    expect(text).toContain('Identity and SSO');
    expect(text).not.toContain('Only visible to you');
    await digest.getByRole('button', { name: 'Full status' }).waitFor();
    // Dismissed so that the screenshot shows the digest alone.
    await posted.getByRole('button', { name: 'Dismiss' }).click();
    await posted.waitFor({ state: 'detached' });
    await scrollToTop(digest);
    await screenshot(page, 'digest.png');

    await page.getByRole('button', { name: "Post this week's digest" }).click();
    await page.getByRole('status').filter({ hasText: 'is already in #leadership' }).waitFor();
    expect(await digest.count()).toBe(1);
    expect(h.playground.slack.messagesIn(DEMO_CHANNELS.leadership)).toHaveLength(1);
  });

  it('shows an owner their workstreams on the Home tab, and a member that they own none', async () => {
    const page = await h.open(PEOPLE.marcus.id);
    await page.getByRole('button', { name: 'Rollout Home' }).click();
    const home = page.getByRole('region', { name: 'Rollout Home' });
    await home.getByRole('heading', { name: 'Your workstreams' }).waitFor();
    const mine = home.getByTitle('Update Identity and SSO');
    await mine.waitFor();
    expect(await mine.textContent()).toBe('Update');
    // Below their own: where the whole program stands.
    await home.getByRole('heading', { name: PROGRAM, exact: true }).waitFor();
    expect(await home.getByRole('button', { name: 'Details' }).count()).toBe(5);
    await screenshot(page, 'home.png');

    await page.getByRole('combobox', { name: 'Act as' }).selectOption({ label: PEOPLE.sam.option });
    await home.getByText('You don’t own any workstream yet.').waitFor();
    expect(await home.getByRole('button', { name: 'Update' }).count()).toBe(0);
  });

  it('stacks modals as Slack does: a view pushed from a modal returns to it on Cancel or Escape', async () => {
    const slack = h.playground.slack;
    const pushes = slack.callsOf('views.push').length;
    const page = await h.open(PEOPLE.marcus.id, 'home');
    const home = page.getByRole('region', { name: 'Rollout Home' });
    await home.getByTitle('Details of Identity and SSO').click();

    const workstream = dialog(page, 'Workstream');
    await workstream.waitFor();
    await workstream.getByRole('heading', { name: 'Identity and SSO' }).waitFor();

    await workstream.getByRole('button', { name: 'Update' }).click();
    const form = dialog(page, 'Update workstream');
    await form.waitFor();
    // Only the top of the stack shows, marked as having one under it.
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await form.getByTitle('1 more under this one').count()).toBe(1);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await workstream.waitFor();
    expect(await workstream.getByTitle(/more under this one/).count()).toBe(0);

    await workstream.getByRole('button', { name: 'All workstreams' }).click();
    const status = dialog(page, 'Status');
    await status.waitFor();
    await status.getByRole('heading', { name: PROGRAM, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await workstream.waitFor();

    expect(slack.callsOf('views.push').length - pushes).toBe(2);
    expect(slack.workspace.modalsOf(PEOPLE.marcus.id)).toHaveLength(1);
    await workstream.getByRole('button', { name: 'Close' }).click();
    await workstream.waitFor({ state: 'detached' });
    expect(slack.workspace.modalsOf(PEOPLE.marcus.id)).toHaveLength(0);
  });
});
