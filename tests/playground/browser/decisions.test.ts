import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../../src/playground/demo-world.js';
import type { StoredMessage } from '../../../src/slack-standin/workspace.js';
import {
  dialog,
  type Harness,
  PEOPLE,
  privateAnswers,
  screenshot,
  scrollToTop,
  sendForAnswer,
  until,
  useHarness,
} from './harness.js';

let h: Harness;
useHarness((started) => {
  h = started;
});

let seeded: StoredMessage | undefined;
afterEach(() => {
  if (seeded) h.playground.slack.workspace.remove(seeded);
  seeded = undefined;
  h.playground.slack.changed();
});

const OKTA = 'Which Okta path and claims model does the enterprise rollout use?';

function program() {
  const found = h.playground.rollout.services.programs.get('builder-insights');
  if (!found) throw new Error('the demo program is missing');
  return found;
}

function decisionsAnswers(page: Page): Locator {
  return privateAnswers(page, 'Decisions · ');
}

/** A decision's row and the buttons under it, by a piece of its question. */
function decisionButtons(answer: Locator, question: string): Locator {
  return answer.locator('.bk-section', { hasText: question }).locator('xpath=following-sibling::*[1]');
}

describe('decisions and milestones in the browser', { timeout: 60_000 }, () => {
  it('the decider records a decision from the list; its owner hears of it in a DM', async () => {
    const outcome = 'Okta OIDC with <b>SAML</b> **now** as fallback';
    const page = await h.open(PEOPLE.priya.id, DEMO_CHANNELS.leadership);
    const answer = await sendForAnswer(page, '/rollout decisions', decisionsAnswers(page));
    const text = await answer.textContent();
    expect(text).toContain('3 decisions waiting');
    for (const d of program().decisions) expect(text).toContain(d.question);
    // Slack offers no message shortcuts on an answer only Priya sees.
    expect(await answer.getByRole('button', { name: 'More actions' }).count()).toBe(0);
    await scrollToTop(answer);
    await screenshot(page, 'decisions.png');

    await decisionButtons(answer, OKTA).getByRole('button', { name: 'Record decision' }).click();
    const form = dialog(page, 'Record decision');
    await form.waitFor();
    expect(await form.textContent()).toContain(OKTA);
    await form.getByLabel('Outcome', { exact: true }).fill(outcome);
    await form.getByRole('button', { name: 'Record' }).click();

    const recorded = dialog(page, 'Recorded');
    await recorded.waitFor();
    const says = await recorded.textContent();
    // What Priya typed is shown as typed: no bold, no HTML.
    expect(says).toContain(outcome);
    expect(await recorded.locator('b, strong', { hasText: 'SAML' }).count()).toBe(0);
    await recorded.getByRole('button', { name: 'Done' }).click();
    await recorded.waitFor({ state: 'detached' });
    const okta = program().decisions.find((d) => d.question === OKTA);
    expect(okta).toMatchObject({ state: 'decided', outcome });

    const again = await sendForAnswer(page, '/rollout decisions', decisionsAnswers(page));
    const now = await again.textContent();
    expect(now).toContain('2 decisions waiting');
    expect(await again.locator('.bk-section', { hasText: outcome }).count()).toBeGreaterThan(0);
    expect(await again.locator('b, strong', { hasText: 'SAML' }).count()).toBe(0);

    // Marcus owns the workstream the decision held up: Rollout tells him in their DM.
    const marcus = await h.open(PEOPLE.marcus.id);
    await marcus.getByRole('link', { name: 'Rollout' }).click();
    const dm = marcus.getByRole('article').filter({ hasText: OKTA });
    await dm.first().waitFor();
    const dmText = await dm.first().textContent();
    expect(dmText).toContain(outcome);
    expect(dmText).not.toContain('Only visible to you');
  });

  it('records a decision from a message with the More actions menu, prefilled from the message', async () => {
    const said = 'We agreed: Okta OIDC with group claims';
    const { slack } = h.playground;
    seeded = slack.workspace.post({ channel: DEMO_CHANNELS.general, user: PEOPLE.marcus.id, text: said });
    slack.changed();
    const page = await h.open(PEOPLE.priya.id, DEMO_CHANNELS.general);
    const message = page.getByRole('article').filter({ hasText: said });
    await message.waitFor();

    // Slack's menu lists the app's message shortcuts, and nothing else; the keyboard closes it.
    const more = message.getByRole('button', { name: 'More actions' });
    await message.hover();
    await more.click();
    const menu = page.getByRole('menu', { name: 'More actions' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Record decision']);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);

    await more.press(' ');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await more.press('Enter');
    await menu.waitFor();
    const item = menu.getByRole('menuitem', { name: 'Record decision' });
    expect(await item.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    const form = dialog(page, 'Record decision');
    await form.waitFor();
    expect(await form.getByLabel('Outcome', { exact: true }).inputValue()).toBe(said);
    const link = await form.getByLabel('Link', { exact: true }).inputValue();
    expect(link).toBe(
      `https://test.slack.com/archives/${DEMO_CHANNELS.general}/p${seeded.ts.replace('.', '')}`,
    );
    const sent = slack.traffic.filter((t) => t.name === 'message_action decision_record_from_message');
    expect(sent.at(-1)).toMatchObject({ ok: true, status: 200 });

    const telemetry = program().decisions.find((d) => d.question.startsWith('Which telemetry'));
    if (!telemetry) throw new Error('the telemetry decision is missing');
    await form.getByLabel('Which decision', { exact: true }).selectOption({ label: telemetry.question });
    // The app fills "Decided by" with the picked decision's deciders; what was typed stays.
    const decidedBy = form.getByLabel('Decided by', { exact: true });
    await until('Decided by filled from the decision', async () =>
      (
        await decidedBy.evaluate((el) => [...(el as HTMLSelectElement).selectedOptions].map((o) => o.value))
      ).includes(PEOPLE.priya.id),
    );
    expect(await form.getByLabel('Outcome', { exact: true }).inputValue()).toBe(said);
    expect(await form.getByLabel('Link', { exact: true }).inputValue()).toBe(link);
    // Tall enough to show the form down to the prefilled link.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await screenshot(page, 'record-decision.png');
    await form.getByRole('button', { name: 'Record' }).click();

    const recorded = dialog(page, 'Recorded');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain(said);
    await recorded.getByRole('button', { name: 'Done' }).click();
    await recorded.waitFor({ state: 'detached' });
    expect(program().decisions.find((d) => d.id === telemetry.id)).toMatchObject({
      state: 'decided',
      outcome: said,
      link,
    });
  });

  it('moves a milestone’s target only with a reason, and the list shows the slip', async () => {
    const page = await h.open(PEOPLE.priya.id, DEMO_CHANNELS.leadership);
    const milestones = privateAnswers(page, 'Milestones · ');
    const answer = await sendForAnswer(page, '/rollout milestones', milestones);
    const text = await answer.textContent();
    expect(text).toContain('Internal readiness gate');
    expect(text).toContain('target 15 Jan 2027');
    expect(text).toContain('Broader internal rollout timing');
    expect(text).toContain('target 26 Feb 2027');

    const gate = answer.locator('.bk-section', { hasText: 'Internal readiness gate' }).first();
    await gate.getByRole('button', { name: 'Edit' }).click();
    const form = dialog(page, 'Edit milestone');
    await form.waitFor();
    await form.getByLabel('Target date', { exact: true }).fill('2027-01-29');
    await form.getByRole('button', { name: 'Save' }).click();
    const error = form.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('Say why the target moved');
    expect(await form.getByLabel('Reason', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(program().milestones.find((m) => m.key === 'internal-readiness-gate')?.target).toBe('2027-01-15');

    await form.getByLabel('Reason', { exact: true }).fill('Security review moved to January');
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = dialog(page, 'Saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Internal readiness gate is updated.');
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });
    expect(program().milestones.find((m) => m.key === 'internal-readiness-gate')).toMatchObject({
      target: '2027-01-29',
      baseline: '2027-01-15',
    });

    const after = await sendForAnswer(page, '/rollout milestones', milestones);
    const moved = await after
      .locator('.bk-section', { hasText: 'Internal readiness gate' })
      .first()
      .textContent();
    expect(moved).toContain('29 Jan 2027');
    expect(moved).toContain('+2 weeks');
    await scrollToTop(after);
    await screenshot(page, 'milestones.png');
  });
});
