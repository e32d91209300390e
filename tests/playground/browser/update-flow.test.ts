import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../../src/playground/demo-world.js';
import {
  dialog,
  type Harness,
  PEOPLE,
  privateAnswers,
  row,
  screenshot,
  scrollToTop,
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

function identity() {
  const program = h.playground.rollout.services.programs.get('builder-insights');
  const workstream = program?.workstreams.find((w) => w.key === 'identity-sso');
  if (!workstream) throw new Error('identity-sso is missing from the demo program');
  return workstream;
}

async function actAs(page: Page, option: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Act as' }).selectOption({ label: option });
}

// Generous: the machine's two cores are shared, and a loaded one makes every step slower.
describe('updating a workstream in the browser', { timeout: 60_000 }, () => {
  it('an owner reads the status, updates their workstream from it, and the updates channel hears of it', async () => {
    const page = await h.open(PEOPLE.marcus.id);
    const answer = await sendForAnswer(page, '/rollout status', statusAnswers(page));
    const mine = row(answer, 'Identity and SSO');
    expect(await mine.textContent()).toContain('Needs decision');
    expect(await answer.textContent()).toContain('5 workstreams');
    await scrollToTop(answer);
    await screenshot(page, 'status.png');

    const details = privateAnswers(page, 'Main blocker').filter({
      has: page.getByRole('heading', { name: 'Identity and SSO', exact: true }),
    });
    const shown = await details.count();
    await mine.getByRole('button', { name: 'Details' }).click();
    await until('the workstream’s details', async () => (await details.count()) > shown);
    const detail = details.nth(shown);
    expect(await detail.textContent()).toContain('approved Okta path and claims model');

    await detail.getByRole('button', { name: 'Update' }).click();
    const form = dialog(page, 'Update workstream');
    await form.waitFor();
    const blocker = form.getByLabel('Main blocker', { exact: true });
    expect(await blocker.inputValue()).toBe('approved Okta path and claims model');
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Blocked' });
    await blocker.fill('Okta tenant frozen until the security review');
    await screenshot(page, 'update-modal.png');
    await form.getByRole('button', { name: 'Save' }).click();

    // The confirmation takes the form's place in the same modal.
    const saved = dialog(page, 'Saved');
    await saved.waitFor();
    const confirmation = await saved.textContent();
    expect(confirmation).toContain('Identity and SSO is updated.');
    expect(confirmation).toContain('Status: Needs decision → Blocked');
    expect(confirmation).toContain(
      'Main blocker: approved Okta path and claims model → Okta tenant frozen until the security review',
    );
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(identity()).toMatchObject({
      status: 'blocked',
      blocker: 'Okta tenant frozen until the security review',
    });

    await page.getByRole('link', { name: '#builder-insights-updates' }).click();
    const notice = page.getByRole('article').filter({ hasText: 'Needs decision → Blocked' });
    await notice.waitFor();
    const noticeText = await notice.textContent();
    expect(noticeText).toContain(
      'Identity and SSO: Needs decision → Blocked; updated main blocker, by @marcus',
    );
    expect(noticeText).not.toContain('Only visible to you');
    // One parent for the week, showing the current status, with the change as its thread's one reply.
    const posted = h.playground.slack.messagesIn(DEMO_CHANNELS.updates);
    expect(posted).toHaveLength(2);
    const parents = posted.filter((m) => !m.thread_ts);
    expect(parents).toHaveLength(1);
    expect(parents[0]?.text).toContain('*Identity and SSO*: Blocked');
    expect(parents[0]?.text).toContain('Changes this week in the thread');
    expect(posted.filter((m) => m.thread_ts === parents[0]?.ts)).toHaveLength(1);

    await page.getByRole('link', { name: '#general' }).click();
    const again = await sendForAnswer(page, '/rollout status', statusAnswers(page));
    const now = await row(again, 'Identity and SSO').textContent();
    expect(now).toContain('Blocked');
    expect(now).toContain('Okta tenant frozen until the security review');
    expect(now).not.toContain('Needs decision');
  });

  it('refuses a stale form inline, naming who changed the workstream since it opened', async () => {
    const page = await h.open(PEOPLE.marcus.id);
    await send(page, '/rollout update identity-sso');
    const form = dialog(page, 'Update workstream');
    await form.waitFor();

    // Priya has no modal of her own: Marcus's form stays in his stack, out of her sight.
    await actAs(page, PEOPLE.priya.option);
    await form.waitFor({ state: 'detached' });
    await send(page, '/rollout update identity-sso');
    await form.waitFor();
    await form
      .getByLabel('Snapshot', { exact: true })
      .fill('Decision meeting with security set for Thursday.');
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = dialog(page, 'Saved');
    await saved.waitFor();
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });
    expect(identity().summary).toBe('Decision meeting with security set for Thursday.');

    await actAs(page, PEOPLE.marcus.option);
    await form.waitFor();
    // The form still holds what it was opened on, not Priya's change.
    expect(await form.getByLabel('Snapshot', { exact: true }).inputValue()).not.toContain('Thursday');
    await form.getByLabel('Current state', { exact: true }).fill('waiting on the security review');
    await form.getByRole('button', { name: 'Save' }).click();

    const error = form.getByRole('alert');
    await error.waitFor();
    const says = await error.textContent();
    expect(says).toMatch(
      /^priya changed this workstream at .+, after you opened this form\. Nothing was saved/,
    );
    expect(says).toContain('press Update again');
    // The error sits beside the field it is attached to, and the form keeps what was typed.
    expect(await form.getByLabel('Status', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Current state', { exact: true }).inputValue()).toBe(
      'waiting on the security review',
    );
    expect(identity().state).not.toBe('waiting on the security review');
    expect(identity().summary).toBe('Decision meeting with security set for Thursday.');

    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('shows what people type as text: no markup, no mention, no image', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const mentions = '<!channel> &amp; <@U0PROGRAMLEAD>';
    const page = await h.open(PEOPLE.marcus.id);
    await send(page, '/rollout update identity-sso');
    const form = dialog(page, 'Update workstream');
    await form.waitFor();
    await form.getByLabel('Main blocker', { exact: true }).fill(hostile);
    await form.getByLabel('Current state', { exact: true }).fill(mentions);
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = dialog(page, 'Saved');
    await saved.waitFor();
    const confirmation = await saved.textContent();
    expect(confirmation).toContain(`→ ${hostile}`);
    expect(confirmation).toContain(`→ ${mentions}`);
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });
    expect(identity()).toMatchObject({ blocker: hostile, state: mentions });

    const answer = await sendForAnswer(page, '/rollout status', statusAnswers(page));
    expect(await row(answer, 'Identity and SSO').textContent()).toContain(`Blocker: ${hostile}`);

    const details = privateAnswers(page, 'Current state').filter({
      has: page.getByRole('heading', { name: 'Identity and SSO', exact: true }),
    });
    const detail = await sendForAnswer(page, '/rollout status identity-sso', details);
    const text = await detail.textContent();
    expect(text).toContain(`Current state${mentions}`);
    expect(text).toContain(`Main blocker${hostile}`);
    expect(text).not.toContain('@channel');

    await page.getByRole('link', { name: '#builder-insights-updates' }).click();
    const notice = page.getByRole('article').filter({ hasText: 'updated current state, main blocker' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('by @marcus');

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
