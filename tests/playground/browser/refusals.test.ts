import { describe, expect, it } from 'vitest';
import {
  dialog,
  type Harness,
  PEOPLE,
  PROGRAM,
  privateAnswers,
  send,
  sendForAnswer,
  useHarness,
} from './harness.js';

let h: Harness;
useHarness((started) => {
  h = started;
});

function identityVersion(): number | undefined {
  return h.playground.rollout.services.programs
    .get('builder-insights')
    ?.workstreams.find((w) => w.key === 'identity-sso')?.version;
}

// Generous: the machine's two cores are shared, and a loaded one makes every step slower.
describe('what the browser shows when something is refused', { timeout: 60_000 }, () => {
  it('tells a member who owns nothing why they cannot update a workstream', async () => {
    const version = identityVersion();
    const page = await h.open(PEOPLE.sam.id);

    await send(page, '/rollout update identity-sso');
    const refusal = dialog(page, 'Not yours to update');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `Only the owners of Identity and SSO, its backups or an admin of ${PROGRAM} can change it.`,
    );
    // A notice, not a form: nothing to fill in, nothing to submit.
    expect(await refusal.getByRole('textbox').count()).toBe(0);
    expect(await refusal.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await refusal.getByRole('button', { name: 'Close' }).click();
    await refusal.waitFor({ state: 'detached' });

    // Without a workstream there is nothing of theirs to pick; the answer says who can.
    const answer = await sendForAnswer(page, '/rollout update', privateAnswers(page, 'You do not own'));
    const text = await answer.textContent();
    expect(text).toContain(`You do not own a workstream of ${PROGRAM}.`);
    expect(text).toContain("updated by its owners or the program's admins");
    expect(text).toContain('/rollout status WORKSTREAM shows who owns it');

    // The Update button of someone else's workstream leads to the same refusal.
    const details = privateAnswers(page, 'Main blocker').filter({
      has: page.getByRole('heading', { name: 'Identity and SSO', exact: true }),
    });
    const detail = await sendForAnswer(page, '/rollout status identity-sso', details);
    await detail.getByRole('button', { name: 'Update' }).click();
    await refusal.waitFor();
    await page.keyboard.press('Escape');
    await refusal.waitFor({ state: 'detached' });

    expect(identityVersion()).toBe(version);
    expect(h.logs.filter((l) => l.includes('"update_refused"'))).toHaveLength(2);
  });

  it('shows Slack refusing a call, in the alert region and in the inspector', async () => {
    const page = await h.open(PEOPLE.marcus.id);
    const details = privateAnswers(page, 'Main blocker').filter({
      has: page.getByRole('heading', { name: 'Identity and SSO', exact: true }),
    });
    const detail = await sendForAnswer(page, '/rollout status identity-sso', details);

    h.playground.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const apology = privateAnswers(page, 'Sorry, that failed on our side.');
    expect(await apology.count()).toBe(0);
    await detail.getByRole('button', { name: 'Update' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Slack refused views.open: expired_trigger_id' });
    await alert.waitFor();
    // Rollout's own apology arrives through the click's response_url, and no modal opened.
    await apology.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Inspector' }).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const opens = inspector.getByRole('listitem').filter({ hasText: 'views.open' });
    const refused = opens.filter({ hasText: 'expired_trigger_id' });
    await refused.waitFor();
    const entry = await refused.textContent();
    expect(entry).toContain('app → Web API');
    expect(entry).toContain('expired_trigger_id');
    expect(
      await inspector.getByRole('listitem').filter({ hasText: 'block_actions' }).count(),
    ).toBeGreaterThan(0);

    // The alert stays until dismissed; the fault was for one call, so the next click opens the form.
    const opened = await opens.count();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    await detail.getByRole('button', { name: 'Update' }).click();
    const form = dialog(page, 'Update workstream');
    await form.waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await opens.count()).toBe(opened + 1);
    expect(await refused.count()).toBe(1);
  });
});
