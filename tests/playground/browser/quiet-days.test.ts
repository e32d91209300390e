import { describe, expect, it } from 'vitest';
import { type Harness, PEOPLE, screenshot, send, useHarness } from './harness.js';

let h: Harness;
useHarness((started) => {
  h = started;
});

const DAY = 86_400_000;

/** Friday of next week, 09:30 in New York (Marcus's zone): the reminder morning of the Monday digest after it. */
function nextWeeksFridayMorning(): Date {
  const now = new Date();
  const daysToFriday = (5 - now.getUTCDay() + 7) % 7;
  const friday = new Date(now.getTime() + (daysToFriday + 7) * DAY);
  // 14:30 UTC is 09:30 in New York in winter and 10:30 in summer: inside the 09:00–12:00 reminder morning.
  return new Date(`${friday.toISOString().slice(0, 10)}T14:30:00Z`);
}

// Generous: the machine's two cores are shared, and a loaded one makes every step slower.
describe('quiet days in the browser', { timeout: 60_000 }, () => {
  it('reminds an owner by DM, and Still current confirms the workstream in one click', async () => {
    const { playground } = h;
    // Nothing updated for three weeks: every open workstream is stale on the reminder morning.
    playground.db
      .prepare('UPDATE workstreams SET updated_at = ?')
      .run(new Date(Date.now() - 21 * DAY).toISOString());
    const sent = await playground.rollout.services.reminders.sweep(
      playground.rollout.app.client,
      nextWeeksFridayMorning(),
    );
    expect(sent.sent).toBeGreaterThan(0);

    const page = await h.open(PEOPLE.marcus.id, `D${PEOPLE.marcus.id.slice(1)}`);
    const reminder = page.getByRole('article').filter({ hasText: 'has not been updated this week' });
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Identity and SSO');
    await reminder.getByRole('button', { name: 'Update' }).waitFor();
    await screenshot(page, 'reminder.png');

    await reminder.getByRole('button', { name: 'Still current' }).click();
    await reminder.getByText('Identity and SSO: Confirmed current, thanks.').waitFor();
    expect(await reminder.getByRole('button', { name: 'Still current' }).count()).toBe(0);
    const reviewed = playground.db
      .prepare("SELECT actor FROM history WHERE field = 'reviewed' AND entity_key = 'identity-sso'")
      .all();
    expect(reviewed).toEqual([{ actor: PEOPLE.marcus.id }]);
  });

  it('marks an owner away, and the digest preview says so beside their stale workstream', async () => {
    const { playground } = h;
    playground.db
      .prepare("UPDATE workstreams SET updated_at = ? WHERE key = 'org-aware-access'")
      .run(new Date(Date.now() - 21 * DAY).toISOString());
    const aisha = await h.open('U0ORGSYSTEMS');
    await send(aisha, '/rollout away until tomorrow');
    await aisha.getByRole('article').filter({ hasText: 'You’re away until' }).waitFor();

    const priya = await h.open(PEOPLE.priya.id);
    await send(priya, '/rollout digest');
    const preview = priya.getByRole('article').filter({ hasText: 'Preview: not posted' });
    await preview.waitFor();
    const stale = await preview.getByText(/Org-aware access — last updated/).textContent();
    expect(stale).toMatch(/owner away until \w{3} \d+ \w{3} \d{4}/);
  });
});
