import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { encodeUpdateRef } from '../../../src/ui/action-values.js';
import { VIEWS } from '../../../src/ui/ids.js';
import { workstreamForm } from '../../support/modal-state.js';
import { importFixture, OTHER_OWNER, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const CHANNEL = 'C0UPDATES';
// A Wednesday afternoon in Los Angeles, the program's zone: ISO week 2026-W48.
const WEDNESDAY = '2026-11-25T20:00:00Z';

const meta = (version: number) =>
  encodeUpdateRef({ program: 'builder-insights', workstream: 'identity-sso', version });

describe('the updates channel: one thread per workstream per week', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const clock = fixedClock(WEDNESDAY);
  const start = () => {
    clock.set(WEDNESDAY);
    return RolloutHarness.start({
      clock,
      seed: (db) => importFixture(db, smallProgram({ updates_channel: CHANNEL, admins: [OTHER_OWNER] })),
    });
  };
  const topLevel = () => h.fake.messagesIn(CHANNEL).filter((m) => !m.thread_ts);
  const replies = (ts: string | undefined) => h.fake.messagesIn(CHANNEL).filter((m) => m.thread_ts === ts);
  const change = async (user: string, version: number, form: Parameters<typeof workstreamForm>[0]) => {
    const res = await h.submit({
      user,
      callbackId: VIEWS.workstreamUpdate,
      privateMetadata: meta(version),
      values: workstreamForm(form),
    });
    expect(res.json?.response_action).toBe('update');
  };
  const threadRows = () =>
    h.db.prepare('SELECT workstream_key, week, channel, ts FROM update_threads ORDER BY id').all();

  it('posts one parent with the current status and the first change as its reply', async () => {
    h = await start();
    await change(OWNER, 1, { status: 'drafted', note: 'Okta <!channel> path approved' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 2 || undefined);

    expect(topLevel()).toHaveLength(1);
    const parent = topLevel()[0];
    expect(parent?.text).toContain('*Identity and SSO*: Drafted · High risk · Blocker: approved Okta path');
    expect(parent?.text).toContain('Changes this week in the thread');
    const [reply] = replies(parent?.ts);
    expect(reply?.text).toContain('*Identity and SSO*: Needs decision → Drafted');
    expect(reply?.text).toContain(`by <@${OWNER}>`);
    expect(reply?.text).toContain('> Okta &lt;!channel&gt; path approved');
    expect(threadRows()).toEqual([
      { workstream_key: 'identity-sso', week: '2026-W48', channel: CHANNEL, ts: parent?.ts },
    ]);
  });

  it('answers a second change that week in the thread and edits the parent, never posting at the top again', async () => {
    h = await start();
    await change(OWNER, 1, { status: 'drafted' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 2 || undefined);
    const parentTs = topLevel()[0]?.ts;

    // Sunday 23:30 in Los Angeles is already Monday in UTC, and still the program's week 48.
    clock.set('2026-11-30T07:30:00Z');
    await change(OTHER_OWNER, 2, { status: 'blocked', risk: 'medium', blocker: 'legal review' });
    await h.fake.waitFor(() => h.fake.okCallsOf('chat.update')[0]);
    await h.fake.waitFor(() => replies(parentTs).length === 2 || undefined);

    expect(topLevel()).toHaveLength(1);
    const parent = topLevel()[0];
    expect(parent?.ts).toBe(parentTs);
    expect(parent?.edited).toBe(true);
    expect(parent?.text).toContain('*Identity and SSO*: Blocked · Medium risk · Blocker: legal review');
    expect(parent?.text).not.toContain('Drafted');
    const second = replies(parentTs)[1];
    expect(second?.text).toContain('Drafted → Blocked; High risk → Medium risk; updated main blocker');
    expect(second?.text).toContain(`by <@${OTHER_OWNER}>`);
    expect(h.logsOf('update_notice_failed')).toEqual([]);
  });

  it('starts a new parent in the next week', async () => {
    h = await start();
    await change(OWNER, 1, { status: 'drafted' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 2 || undefined);
    const firstTs = topLevel()[0]?.ts;

    clock.set('2026-12-02T20:00:00Z');
    await change(OWNER, 2, { status: 'done', blocker: '' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 4 || undefined);

    expect(topLevel()).toHaveLength(2);
    const second = topLevel()[1];
    expect(second?.ts).not.toBe(firstTs);
    expect(second?.text).toContain('*Identity and SSO*: Done · High risk · Blocker: none');
    expect(replies(firstTs)).toHaveLength(1);
    expect(replies(second?.ts)[0]?.text).toContain('Drafted → Done');
    expect(h.fake.callsOf('chat.update')).toHaveLength(0);
    expect(threadRows()).toMatchObject([{ week: '2026-W48' }, { week: '2026-W49' }]);
  });

  it('gives a deleted parent a successor and logs nothing as failed', async () => {
    h = await start();
    await change(OWNER, 1, { status: 'drafted' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 2 || undefined);
    const gone = topLevel()[0];
    h.fake.workspace.messages.splice(h.fake.workspace.messages.indexOf(gone as never), 1);

    await change(OWNER, 2, { status: 'drafted', risk: 'low' });
    await h.fake.waitFor(() =>
      topLevel().length === 1 && topLevel()[0]?.ts !== gone?.ts ? true : undefined,
    );
    await h.fake.waitFor(() => replies(topLevel()[0]?.ts)[0]);

    const parent = topLevel()[0];
    expect(parent?.text).toContain('*Identity and SSO*: Drafted · Low risk');
    expect(replies(parent?.ts)[0]?.text).toContain('High risk → Low risk');
    expect(threadRows()).toMatchObject([{ week: '2026-W48', ts: parent?.ts }]);
    expect(h.logsOf('update_notice_failed')).toEqual([]);
  });

  it('logs a parent Slack refuses with its reason, keeps the save, and tries again on the next change', async () => {
    h = await start();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await change(OWNER, 1, { status: 'drafted' });
    await h.fake.waitFor(() => h.logsOf('update_notice_failed')[0]);
    expect(h.logsOf('update_notice_failed')[0]).toMatchObject({
      level: 'warn',
      reason: 'not_in_channel',
      step: 'parent',
      channel: CHANNEL,
      program: 'builder-insights',
    });
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(0);
    expect(threadRows()).toEqual([]);

    await change(OWNER, 2, { status: 'drafted', risk: 'low' });
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNEL).length === 2 || undefined);
    expect(topLevel()).toHaveLength(1);
    expect(topLevel()[0]?.text).toContain('Drafted · Low risk');
  });

  it('finds a parent whose answer was lost in the channel instead of posting a second one', async () => {
    h = await start();
    h.fake.failNext('chat.postMessage', { lostAnswer: 500 });
    await change(OWNER, 1, { status: 'drafted' });
    await h.fake.waitFor(() => h.logsOf('update_notice_failed')[0]);
    expect(topLevel()).toHaveLength(1);
    expect(threadRows()).toMatchObject([{ ts: null }]);

    // Once the claim is stale, the next change takes it over and reads the channel first.
    clock.set('2026-11-25T20:02:00Z');
    await change(OWNER, 2, { status: 'blocked' });
    await h.fake.waitFor(() => h.fake.okCallsOf('chat.update')[0]);
    await h.fake.waitFor(() => replies(topLevel()[0]?.ts)[0]);

    expect(topLevel()).toHaveLength(1);
    const parent = topLevel()[0];
    expect(parent?.text).toContain('*Identity and SSO*: Blocked');
    expect(replies(parent?.ts)[0]?.text).toContain('Drafted → Blocked');
    expect(threadRows()).toMatchObject([{ ts: parent?.ts }]);
  });
});
