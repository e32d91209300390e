import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { ACTIONS } from '../../src/ui/ids.js';
import { blockText } from '../support/blocks.js';
import { importFixture, OTHER_OWNER, OWNER, STRANGER, smallProgram } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

/**
 * Quiet people through the real server and the Slack stand-in. The example program (Los Angeles, digest
 * Mondays 09:00, reminders a working day before) is imported on Monday 5 Jan 2026 and never updated after:
 * Friday 16 Jan is its reminder day, Monday 19 Jan its digest (everything 14 days stale by then).
 */
const IMPORTED = new Date('2026-01-05T18:00:00Z');
const FRIDAY_LA_MORNING = new Date('2026-01-16T17:30:00Z');
const THURSDAY_LA_MORNING = new Date('2026-01-15T17:30:00Z');
const MONDAY_DIGEST = new Date('2026-01-19T17:05:00Z');
const BACKUP = 'UBACKUP01';
const LA = 'America/Los_Angeles';
const dm = (user: string) => `D${user.slice(1)}`;

type Blocks = { block_id?: string; elements?: { action_id: string; value: string }[] }[];

function withBackup(over: Partial<ProgramFileInput> = {}): ProgramFileInput {
  const base = smallProgram(over);
  return {
    ...base,
    workstreams: (base.workstreams ?? []).map((w) =>
      w.key === 'identity-sso' ? { ...w, backup_ids: [BACKUP] } : w,
    ),
  };
}

/** A second program where OWNER owns one workstream, with its digest on Fridays (reminded Thursdays). */
const payments: ProgramFileInput = {
  slug: 'payments',
  name: 'Payments',
  timezone: LA,
  digest: { channel: 'C0PAYMENTS', schedule: '0 9 * * 5' },
  workstreams: [
    { key: 'ledger', name: 'Ledger', owner: 'Payments', owner_ids: [OWNER], status: 'drafted', risk: 'low' },
  ],
};

let h: RolloutHarness;
afterEach(async () => {
  await h?.stop();
});

async function start(at: Date | string, programs: ProgramFileInput[] = [withBackup()]) {
  const clock = fixedClock(at);
  h = await RolloutHarness.start({
    clock,
    slackLookupDeadlineMs: 300,
    seed: (db) => {
      for (const p of programs) importFixture(db, p, IMPORTED);
    },
  });
  for (const user of [OWNER, OTHER_OWNER, BACKUP, STRANGER]) h.fake.addUser(user, LA);
  return clock;
}

const sweep = (at: Date) => h.rollout.services.reminders.sweep(h.rollout.app.client, at);
const dmsTo = (user: string) => h.fake.messagesIn(dm(user));
const answer = (res: { json: Record<string, unknown> | undefined }) => String(res.json?.text ?? '');
const awayRow = (user: string) => h.db.prepare('SELECT until FROM people_away WHERE user_id = ?').get(user);

describe('/rollout away and /rollout back', () => {
  it('marks you away through a date, in words or ISO, and back again', async () => {
    await start('2026-01-05T20:00:00Z'); // Monday 5 Jan, noon in Los Angeles

    const iso = await h.command(OWNER, 'away until 2026-01-20');
    expect(answer(iso)).toContain('You’re away until Tue 20 Jan 2026 (included)');
    expect(iso.json?.response_type).toBe('ephemeral');
    expect(awayRow(OWNER)).toEqual({ until: '2026-01-20' });

    expect(answer(await h.command(OWNER, 'away until Friday'))).toContain('Fri 9 Jan 2026');
    expect(answer(await h.command(OWNER, 'away until 2 Feb'))).toContain('Mon 2 Feb 2026');
    expect(awayRow(OWNER)).toEqual({ until: '2026-02-02' });
    expect(h.logsOf('away_set')).toHaveLength(3);

    const back = await h.command(OWNER, 'back');
    expect(answer(back)).toContain('Welcome back');
    expect(awayRow(OWNER)).toBeUndefined();
    expect(answer(await h.command(OWNER, 'back'))).toContain('You weren’t marked away');
  });

  it('answers a date it cannot read, or one already past, with an example, and stores nothing', async () => {
    await start('2026-01-05T20:00:00Z');

    const bad = await h.command(OWNER, 'away until someday');
    expect(answer(bad)).toBe(
      'I can’t read `someday` as a date. Try `/rollout away until 2026-12-24` (or `until Friday`, `until 24 Dec`).',
    );
    expect(answer(await h.command(OWNER, 'away'))).toContain('Until when? Try `/rollout away until');
    expect(answer(await h.command(OWNER, 'away until 2026-02-30'))).toContain('can’t read');
    expect(answer(await h.command(OWNER, 'away until 2026-01-02'))).toContain('has already passed');
    expect(awayRow(OWNER)).toBeUndefined();
  });

  it('is listed in /rollout help', async () => {
    await start('2026-01-05T20:00:00Z');
    const help = JSON.stringify((await h.command(OWNER, 'help')).json);
    expect(help).toContain('/rollout away until DATE');
    expect(help).toContain('/rollout back');
  });
});

describe('away by Slack status (users.profile.get)', () => {
  const awayOn = (user: string, date = '2026-01-16') =>
    h.rollout.services.peopleAway.awayOn(h.rollout.app.client, user, date, LA);

  it('counts an away emoji as away until the status expires, and any other emoji as present', async () => {
    await start(FRIDAY_LA_MORNING);
    // Clears at midnight starting Friday 23 Jan in Los Angeles: away through Thursday 22 Jan.
    h.fake.setStatus(OWNER, {
      emoji: ':palm_tree:',
      text: 'Hiking',
      expiration: Date.parse('2026-01-23T08:00:00Z') / 1000,
    });
    h.fake.setStatus(OTHER_OWNER, { emoji: ':coffee:', text: 'Focus' });
    h.fake.setStatus(BACKUP, { emoji: ':face_with_thermometer:' });

    expect(await awayOn(OWNER)).toEqual({ until: '2026-01-22', source: 'slack-status' });
    expect(await awayOn(OWNER, '2026-01-23')).toBeUndefined();
    expect(await awayOn(OTHER_OWNER)).toBeUndefined();
    expect(await awayOn(BACKUP)).toEqual({ until: null, source: 'slack-status' });
    // One lookup per person for a while, however often the sweep asks.
    expect(h.fake.callsOf('users.profile.get').filter((c) => c.args.user === OWNER)).toHaveLength(1);
  });

  it('counts a status whose text says so (ROLLOUT_AWAY_WORDS: OOO, out of office…) as away, whatever its emoji', async () => {
    await start(FRIDAY_LA_MORNING);
    h.fake.setStatus(OWNER, { emoji: ':mountain:', text: 'OOO – back Monday' });
    h.fake.setStatus(OTHER_OWNER, { emoji: ':calendar:', text: 'In a meeting' });

    expect(await awayOn(OWNER)).toEqual({ until: null, source: 'slack-status' });
    expect(await awayOn(OTHER_OWNER)).toBeUndefined();
    await sweep(FRIDAY_LA_MORNING);
    expect(dmsTo(OWNER)).toHaveLength(0);
    expect(dmsTo(BACKUP)).toHaveLength(1);
  });

  it('takes the later of what you said and what your status says', async () => {
    await start(FRIDAY_LA_MORNING);
    h.rollout.services.peopleAway.store.set(OWNER, '2026-01-30', FRIDAY_LA_MORNING);
    h.fake.setStatus(OWNER, { emoji: ':airplane:', expiration: Date.parse('2026-01-20T08:00:00Z') / 1000 });
    expect(await awayOn(OWNER)).toEqual({ until: '2026-01-30', source: 'command' });
  });

  it('counts a failed or slow lookup as present, and logs it', async () => {
    await start(FRIDAY_LA_MORNING);
    h.fake.users.delete(STRANGER);
    expect(await awayOn(STRANGER)).toBeUndefined();
    expect(h.logsOf('users_profile_failed')[0]).toMatchObject({ user: STRANGER, reason: 'user_not_found' });

    h.fake.setStatus(OWNER, { emoji: ':palm_tree:' });
    h.fake.failNext('users.profile.get', { delayMs: 2000 });
    const started = Date.now();
    expect(await awayOn(OWNER)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(h.logsOf('users_profile_slow')[0]).toMatchObject({ user: OWNER });
  });
});

describe('reminders and people away', () => {
  it('does not remind an away owner; their workstream’s backup gets it instead', async () => {
    await start(FRIDAY_LA_MORNING);
    h.rollout.services.peopleAway.store.set(OWNER, '2026-01-20', IMPORTED);

    expect(await sweep(FRIDAY_LA_MORNING)).toEqual({ sent: 2, failed: 0 });

    expect(dmsTo(OWNER)).toHaveLength(0);
    const [toBackup] = dmsTo(BACKUP);
    expect(blockText(toBackup?.blocks, 'reminder_ws:builder-insights:identity-sso')).toContain(
      'You back it up, and its owners are away',
    );
    expect(dmsTo(OTHER_OWNER)).toHaveLength(1);
    expect(h.logsOf('reminder_sent').find((l) => l.user === BACKUP)).toMatchObject({
      asBackup: ['identity-sso'],
    });
  });

  it('reminds the owner, not the backup, while the owner is around', async () => {
    await start(FRIDAY_LA_MORNING);
    await sweep(FRIDAY_LA_MORNING);
    expect(dmsTo(OWNER)).toHaveLength(1);
    expect(dmsTo(BACKUP)).toHaveLength(0);
  });

  it('with nobody to remind sends nothing, and the digest says the owner is away instead', async () => {
    const clock = await start(FRIDAY_LA_MORNING);
    h.fake.setStatus(OWNER, { emoji: ':palm_tree:', expiration: Date.parse('2026-01-21T08:00:00Z') / 1000 });
    h.rollout.services.peopleAway.store.set(BACKUP, '2026-01-30', IMPORTED);

    await sweep(FRIDAY_LA_MORNING);
    expect(dmsTo(OWNER)).toHaveLength(0);
    expect(dmsTo(BACKUP)).toHaveLength(0);
    expect(dmsTo(OTHER_OWNER)).toHaveLength(1);

    clock.set(MONDAY_DIGEST);
    const program = h.rollout.services.programs.get('builder-insights');
    if (!program) throw new Error('no program');
    const sent = await h.rollout.services.digest.send(program, { trigger: 'manual' });
    expect(sent.kind).toBe('posted');
    const digest = JSON.stringify(h.fake.messagesIn('C0LEADERS')[0]?.blocks);
    expect(digest).toMatch(/Identity and SSO\*[^"]*:palm_tree: owner away until Tue 20 Jan 2026/);
    expect(digest).not.toMatch(/Kanopy hosting\*[^"]*away/);
  });

  it('sends each person one DM a week, listing all their stale workstreams across programs', async () => {
    await start(THURSDAY_LA_MORNING, [withBackup(), payments]);

    // Thursday is Payments' reminder day: OWNER's one DM of the week lists both programs' work.
    expect(await sweep(THURSDAY_LA_MORNING)).toEqual({ sent: 1, failed: 0 });
    const [only] = dmsTo(OWNER);
    const ids = ((only?.blocks ?? []) as Blocks).map((b) => b.block_id);
    expect(ids).toEqual(
      expect.arrayContaining(['reminder_ws:builder-insights:identity-sso', 'reminder_ws:payments:ledger']),
    );
    expect(only?.text).toBe(
      'Reminder: your programs’ digests go out soon; please update Identity and SSO, Ledger.',
    );

    // Friday is Builder Insights' day: OTHER_OWNER hears now, OWNER not again.
    expect(await sweep(FRIDAY_LA_MORNING)).toEqual({ sent: 1, failed: 0 });
    expect(dmsTo(OWNER)).toHaveLength(1);
    expect(dmsTo(OTHER_OWNER)).toHaveLength(1);
    expect(h.db.prepare('SELECT week_key AS week FROM reminders_sent WHERE user_id = ?').all(OWNER)).toEqual([
      { week: '2026-W03' },
      { week: '2026-W03' },
    ]);
  });
});

describe('the /rollout digest preview and people away', () => {
  const preview = async () => JSON.stringify((await h.command(STRANGER, 'digest')).json?.blocks);

  it('says an owner is away from what they told Rollout, at once', async () => {
    await start(FRIDAY_LA_MORNING);
    expect(await preview()).not.toContain('away');
    await h.command(OWNER, 'away until 2026-01-20');

    const said = await preview();
    expect(said).toMatch(/Identity and SSO\*[^"]*:palm_tree: owner away until Tue 20 Jan 2026/);
    expect(said).not.toMatch(/Kanopy hosting\*[^"]*away/);

    await h.command(OWNER, 'back');
    expect(await preview()).not.toContain('away');
  });

  it('looks stale owners’ Slack statuses up after answering, so the next preview has them', async () => {
    await start(FRIDAY_LA_MORNING);
    h.fake.setStatus(OTHER_OWNER, { emoji: ':airplane:' });
    h.fake.failNext('users.profile.get', { delayMs: 200 }, 3);

    const first = await preview();
    // Answered without waiting on Slack: the lookups were still out.
    expect(h.fake.okCallsOf('users.profile.get')).toHaveLength(0);
    expect(first).not.toMatch(/Kanopy hosting\*[^"]*away/);

    await h.fake.waitFor(() =>
      h.fake.okCallsOf('users.profile.get').some((c) => c.args.user === OTHER_OWNER),
    );
    await expect.poll(preview).toMatch(/Kanopy hosting\*[^"]*:palm_tree: owner away/);
    // Only stale work's owners are looked up, once each for a while.
    const asked = h.fake.okCallsOf('users.profile.get').map((c) => c.args.user);
    expect(new Set(asked)).toEqual(new Set([OWNER, OTHER_OWNER]));
    expect(asked).toHaveLength(2);
  });
});

describe('a program reminded later in the week', () => {
  it('lists only the work not updated this week, not everything open', async () => {
    const wednesday: ProgramFileInput = {
      ...payments,
      digest: { channel: 'C0PAYMENTS', schedule: '0 9 * * 3' },
      workstreams: [
        ...(payments.workstreams ?? []),
        {
          key: 'payouts',
          name: 'Payouts',
          owner: 'Payments',
          owner_ids: [OWNER],
          status: 'drafted',
          risk: 'low',
        },
      ],
    };
    await start(FRIDAY_LA_MORNING, [withBackup(), wednesday]);
    h.db
      .prepare("UPDATE workstreams SET updated_at = '2026-01-14T18:00:00.000Z' WHERE key = 'payouts'")
      .run();

    await sweep(FRIDAY_LA_MORNING);

    const ids = ((dmsTo(OWNER)[0]?.blocks ?? []) as Blocks).map((b) => b.block_id);
    expect(ids).toContain('reminder_ws:payments:ledger');
    expect(ids).not.toContain('reminder_ws:payments:payouts');
  });
});

describe('"Still current" from the reminder DM', () => {
  async function clickStillCurrent(user: string, from: string, shown = dmsTo(from)[0]) {
    // A copy: the stand-in replaces the stored message in place, and a stale DM keeps its old buttons.
    const message = shown && structuredClone(shown);
    if (!message) throw new Error('no reminder');
    const buttons = (message.blocks as Blocks).find(
      (b) => b.block_id === 'reminder_buttons:builder-insights:identity-sso',
    );
    const still = buttons?.elements?.find((e) => e.action_id.startsWith(`${ACTIONS.confirmCurrent}:`));
    if (!still) throw new Error('no Still current button');
    return h.action({
      user,
      actionId: still.action_id,
      blockId: buttons?.block_id,
      value: still.value,
      channel: dm(from),
      message: { ts: message.ts, text: message.text ?? '', blocks: message.blocks },
    });
  }

  const reviewed = () =>
    h.db
      .prepare("SELECT actor, field, entity_key AS key FROM history WHERE field = 'reviewed' ORDER BY id")
      .all();

  it('records an unchanged save in one click and replaces the DM’s line', async () => {
    const clock = await start(FRIDAY_LA_MORNING);
    await sweep(FRIDAY_LA_MORNING);
    clock.set('2026-01-16T18:00:00Z');
    const asSent = structuredClone(dmsTo(OWNER)[0]);

    await clickStillCurrent(OWNER, OWNER);

    await expect.poll(reviewed).toEqual([{ actor: OWNER, field: 'reviewed', key: 'identity-sso' }]);
    await expect
      .poll(() => blockText(dmsTo(OWNER)[0]?.blocks, 'reminder_ws:builder-insights:identity-sso'))
      .toBe(':white_check_mark: *Identity and SSO*: Confirmed current, thanks.');
    const ids = ((dmsTo(OWNER)[0]?.blocks ?? []) as Blocks).map((b) => b.block_id);
    expect(ids).not.toContain('reminder_buttons:builder-insights:identity-sso');
    const row = h.db
      .prepare("SELECT updated_at AS at, updated_by AS by FROM workstreams WHERE key = 'identity-sso'")
      .get();
    expect(row).toEqual({ at: '2026-01-16T18:00:00.000Z', by: OWNER });

    // A second click (the same DM, its old button) records nothing more.
    const updatedOnce = h.logsOf('workstream_updated').length;
    await clickStillCurrent(OWNER, OWNER, asSent);
    await expect
      .poll(() => blockText(dmsTo(OWNER)[0]?.blocks, 'reminder_ws:builder-insights:identity-sso'))
      .toContain('Updated since this reminder');
    expect(reviewed()).toHaveLength(1);
    expect(h.logsOf('workstream_updated')).toHaveLength(updatedOnce);
  });

  it('lets a backup confirm the workstream they back up, and refuses someone else', async () => {
    await start(FRIDAY_LA_MORNING);
    h.rollout.services.peopleAway.store.set(OWNER, '2026-01-20', IMPORTED);
    await sweep(FRIDAY_LA_MORNING);

    await clickStillCurrent(BACKUP, BACKUP);
    await expect.poll(reviewed).toEqual([{ actor: BACKUP, field: 'reviewed', key: 'identity-sso' }]);

    await clickStillCurrent(STRANGER, BACKUP);
    const toStranger = () => h.fake.workspace.messages.filter((m) => m.ephemeralTo === STRANGER);
    await expect
      .poll(() => JSON.stringify(toStranger()))
      .toContain('Only the owners of Identity and SSO, its backups or an admin');
    expect(reviewed()).toHaveLength(1);
  });
});
