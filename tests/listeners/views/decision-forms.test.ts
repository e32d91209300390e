import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { viewProblems } from '../../../src/slack-standin/block-kit-rules.js';
import type { InputValue } from '../../../src/slack-standin/requests.js';
import { encodeItemRef, encodeProgramRef } from '../../../src/ui/action-values.js';
import { DECISION_BLOCKS, DECISION_VIEWS } from '../../../src/ui/ids.js';
import { noticeText, textOf } from '../../support/blocks.js';
import {
  DECIDER,
  decisionRow,
  NOW,
  Q,
  seedDecisions,
  slackHistory,
  UPDATES,
} from '../../support/decision-program.js';
import { date, errorsOf, select, state, text } from '../../support/modal-state.js';
import { ADMIN, OTHER_OWNER, OWNER, STRANGER } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const users = (...ids: string[]): InputValue => ({ type: 'multi_users_select', selected_users: ids });
const many = (...values: string[]): InputValue => ({
  type: 'multi_static_select',
  selected_options: values.map((value) => ({ value })),
});
const LINK = 'https://test.slack.com/archives/C0CHANNEL1/p1764522000000100';

interface RecordForm {
  outcome?: string;
  decidedBy?: string[];
  decidedAt?: string;
  link?: string;
  /** `version:key`, as the form's select carries it; none leaves the workstream as it is. */
  move?: string;
  status?: string;
  blocker?: string;
}

/** The record form as submitted, from what it is prefilled with (Identity and SSO's status and blocker). */
function recordValues(form: RecordForm = {}) {
  return state({
    [DECISION_BLOCKS.outcome]: text(form.outcome ?? 'Okta with the enterprise claims model'),
    [DECISION_BLOCKS.decidedBy]: users(...(form.decidedBy ?? [DECIDER])),
    [DECISION_BLOCKS.decidedAt]: date(form.decidedAt ?? '2026-11-30'),
    [DECISION_BLOCKS.link]: text(form.link ?? LINK),
    [DECISION_BLOCKS.moveWorkstream]: {
      type: 'static_select',
      selected_option: form.move ? { value: form.move } : null,
    },
    [DECISION_BLOCKS.moveStatus]: select(form.status ?? 'needs-decision'),
    [DECISION_BLOCKS.moveBlocker]: text(form.blocker ?? 'approved Okta path and claims model'),
  });
}

const workstream = (h: RolloutHarness, key: string) =>
  h.db.prepare('SELECT status, blocker, version, updated_by FROM workstreams WHERE key = ?').get(key) as {
    status: string;
    blocker: string;
    version: number;
    updated_by: string | null;
  };

describe('the decision forms', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = () => RolloutHarness.start({ clock: fixedClock(NOW), seed: (db) => seedDecisions(db) });
  const meta = (question: string, version?: number) => {
    const row = decisionRow(h.db, question);
    return encodeItemRef({ program: 'builder-insights', id: row.id, version: version ?? row.version });
  };
  const record = (user: string, form: RecordForm = {}, question: string = Q.okta) =>
    h.submit({
      user,
      callbackId: DECISION_VIEWS.record,
      privateMetadata: meta(question),
      values: recordValues(form),
    });

  it('records a decision as a decider: decided, its history, a notice in the thread, a DM to the owners', async () => {
    h = await start();
    const res = await record(DECIDER);
    expect(res.json?.response_action).toBe('update');
    expect(viewProblems(res.json?.view, 'modal')).toEqual([]);
    expect(noticeText(res.json?.view)).toContain('Okta with the enterprise claims model');

    const row = decisionRow(h.db, Q.okta);
    expect(row).toMatchObject({
      state: 'decided',
      outcome: 'Okta with the enterprise claims model',
      decided_by: DECIDER,
      decided_at: '2026-11-30',
      link: LINK,
      version: 2,
    });
    expect(slackHistory(h.db, 'decision')).toEqual(
      [
        ['state', 'open', 'decided'],
        ['outcome', '', 'Okta with the enterprise claims model'],
        ['decided_by', '', DECIDER],
        ['decided_at', null, '2026-11-30'],
        ['link', null, LINK],
      ].map(([field, old_value, new_value]) => ({
        entity_key: String(row.id),
        field,
        old_value,
        new_value,
        actor: DECIDER,
        note: '',
      })),
    );
    // Nothing of the workstream moved: the prefilled part was left as it was.
    expect(workstream(h, 'identity-sso')).toMatchObject({ status: 'needs-decision', version: 1 });
    expect(slackHistory(h.db, 'workstream')).toEqual([]);

    const reply = await h.fake.waitFor(() => h.fake.messagesIn(UPDATES).find((m) => m.thread_ts));
    const parent = h.fake.messagesIn(UPDATES).find((m) => !m.thread_ts);
    expect(reply.thread_ts).toBe(parent?.ts);
    expect(parent?.text).toContain('*Identity and SSO*: Needs decision');
    expect(textOf(reply)).toContain(`*Decision recorded* by <@${DECIDER}>`);
    expect(textOf(reply)).toContain(`*${Q.okta}*`);
    const dm = await h.fake.waitFor(() => h.fake.okCallsOf('conversations.open')[0]);
    expect(dm.args.users).toBe(OWNER);
    const sent = await h.fake.waitFor(() =>
      h.fake.okCallsOf('chat.postMessage').find((c) => String(c.args.channel).startsWith('D')),
    );
    expect(String(sent.args.text)).toContain('Decision recorded in Builder Insights operationalization');
    expect(JSON.stringify(sent.args.blocks)).toContain('A decision your workstream was waiting on is made.');
  });

  it('moves the blocked workstream on in the same transaction, written as the owner’s update', async () => {
    h = await start();
    const res = await record(OWNER, { move: '1:identity-sso', status: 'drafted', blocker: '' });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain(
      '*Identity and SSO* moves on:\n*Status:* Needs decision → Drafted',
    );
    expect(decisionRow(h.db, Q.okta).state).toBe('decided');
    expect(workstream(h, 'identity-sso')).toEqual({
      status: 'drafted',
      blocker: '',
      version: 2,
      updated_by: OWNER,
    });
    expect(slackHistory(h.db, 'workstream')).toEqual([
      {
        entity_key: 'identity-sso',
        field: 'status',
        old_value: 'needs-decision',
        new_value: 'drafted',
        actor: OWNER,
        note: `Decision recorded: ${Q.okta}`,
      },
      {
        entity_key: 'identity-sso',
        field: 'blocker',
        old_value: 'approved Okta path and claims model',
        new_value: '',
        actor: OWNER,
        note: `Decision recorded: ${Q.okta}`,
      },
    ]);
    expect(h.logsOf('decision_recorded')[0]).toMatchObject({
      level: 'info',
      user: OWNER,
      workstream: 'identity-sso',
      moved: ['status', 'blocker'],
    });
    const reply = await h.fake.waitFor(() => h.fake.messagesIn(UPDATES).find((m) => m.thread_ts));
    expect(textOf(reply)).toContain(
      '*Identity and SSO* moves on: Needs decision → Drafted; blocker now “none”',
    );
    expect(h.fake.messagesIn(UPDATES).find((m) => !m.thread_ts)?.text).toContain(
      '*Identity and SSO*: Drafted',
    );
  });

  it('writes nothing when the workstream changed since the form was opened, naming who changed it', async () => {
    h = await start();
    h.db
      .prepare("UPDATE workstreams SET version = 2, updated_by = ? WHERE key = 'identity-sso'")
      .run(OTHER_OWNER);
    const res = await record(OWNER, { move: '1:identity-sso', status: 'drafted' });
    expect(errorsOf(res)[DECISION_BLOCKS.moveWorkstream]).toMatch(
      new RegExp(`^${OTHER_OWNER} changed this workstream at .*Nothing was saved`),
    );
    expect(decisionRow(h.db, Q.okta)).toMatchObject({ state: 'open', version: 1 });
    expect(workstream(h, 'identity-sso')).toMatchObject({ status: 'needs-decision', version: 2 });
    expect(slackHistory(h.db, 'decision')).toEqual([]);
    expect(slackHistory(h.db, 'workstream')).toEqual([]);
  });

  it('lets a decider record, but not move a workstream they may not update', async () => {
    h = await start();
    const res = await record(DECIDER, { move: '1:identity-sso', status: 'drafted' });
    expect(errorsOf(res)[DECISION_BLOCKS.moveWorkstream]).toContain(
      'Only the owners of Identity and SSO, its backups or an admin of Builder Insights operationalization can change it. Leave the workstream empty',
    );
    expect(decisionRow(h.db, Q.okta).state).toBe('open');
  });

  it('refuses a member who neither decides nor waits on it, saying who may', async () => {
    h = await start();
    const res = await record(OTHER_OWNER);
    expect(errorsOf(res)[DECISION_BLOCKS.outcome]).toBe(
      'Only its deciders, the owners of Identity and SSO or an admin of Builder Insights operationalization can change this decision.',
    );
    expect(decisionRow(h.db, Q.okta).state).toBe('open');
    expect(h.logsOf('decision_record_forbidden')[0]).toMatchObject({ level: 'warn', user: OTHER_OWNER });
  });

  it('checks each field inline: outcome, who decided, a web link', async () => {
    h = await start();
    const res = await record(DECIDER, { outcome: ' ', decidedBy: [], link: 'javascript:alert(1)' });
    expect(errorsOf(res)).toEqual({
      [DECISION_BLOCKS.outcome]: 'Say what was decided',
      [DECISION_BLOCKS.decidedBy]: 'Choose who decided',
      [DECISION_BLOCKS.link]: 'Expected a full link such as https://example.slack.com/archives/…',
    });
  });

  it('refuses a stale decision, naming who changed it', async () => {
    h = await start();
    const stale = meta(Q.okta);
    const first = await h.submit({
      user: ADMIN,
      callbackId: DECISION_VIEWS.defer,
      privateMetadata: stale,
      values: state({
        [DECISION_BLOCKS.neededBy]: date('2026-12-18'),
        [DECISION_BLOCKS.reason]: text('waiting for legal'),
      }),
    });
    expect(first.json?.response_action).toBe('update');
    const res = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.record,
      privateMetadata: stale,
      values: recordValues(),
    });
    expect(errorsOf(res)[DECISION_BLOCKS.outcome]).toMatch(
      new RegExp(`^${ADMIN} changed this decision at .*press Record decision again`),
    );
    expect(decisionRow(h.db, Q.okta).state).toBe('deferred');
  });

  it('defers: a new needed-by date and a reason, kept in the history', async () => {
    h = await start();
    const res = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.defer,
      privateMetadata: meta(Q.runtime),
      values: state({
        [DECISION_BLOCKS.neededBy]: date('2026-12-18'),
        [DECISION_BLOCKS.reason]: text('needs the platform review'),
      }),
    });
    expect(res.json?.response_action).toBe('update');
    expect(decisionRow(h.db, Q.runtime)).toMatchObject({
      state: 'deferred',
      needed_by: '2026-12-18',
      reason: 'needs the platform review',
      version: 2,
    });
    expect(slackHistory(h.db, 'decision').map((r) => [r.field, r.old_value, r.new_value, r.note])).toEqual([
      ['state', 'open', 'deferred', 'needs the platform review'],
      ['needed_by', '2026-11-20', '2026-12-18', 'needs the platform review'],
      ['reason', '', 'needs the platform review', 'needs the platform review'],
    ]);
    const listed = await h.command(DECIDER, 'decisions');
    expect(JSON.stringify(listed.json)).toContain('_Deferred: needs the platform review_');
  });

  it('withdraws with a reason, and asks for one', async () => {
    h = await start();
    const empty = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.withdraw,
      privateMetadata: meta(Q.runtime),
      values: state({ [DECISION_BLOCKS.reason]: text('') }),
    });
    expect(errorsOf(empty)).toEqual({ [DECISION_BLOCKS.reason]: 'Say why' });
    const res = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.withdraw,
      privateMetadata: meta(Q.runtime),
      values: state({ [DECISION_BLOCKS.reason]: text('hosting moved to the vendor') }),
    });
    expect(res.json?.response_action).toBe('update');
    expect(decisionRow(h.db, Q.runtime)).toMatchObject({
      state: 'withdrawn',
      reason: 'hosting moved to the vendor',
    });
    expect(JSON.stringify((await h.command(DECIDER, 'decisions')).json)).not.toContain(Q.runtime);
  });

  it('edits what a decision asks: one history entry per changed field, “Nothing to save” when unchanged', async () => {
    h = await start();
    const values = (question: string, deciders: string[]) =>
      state({
        [DECISION_BLOCKS.question]: text(question),
        [DECISION_BLOCKS.workstreams]: many('identity-sso'),
        [DECISION_BLOCKS.deciders]: users(...deciders),
        [DECISION_BLOCKS.neededBy]: date('2026-12-11'),
      });
    const same = await h.submit({
      user: OWNER,
      callbackId: DECISION_VIEWS.edit,
      privateMetadata: meta(Q.okta),
      values: values(Q.okta, [DECIDER]),
    });
    expect(same.json?.view).toMatchObject({ title: { text: 'Nothing to save' } });
    const res = await h.submit({
      user: OWNER,
      callbackId: DECISION_VIEWS.edit,
      privateMetadata: meta(Q.okta),
      values: values('Okta or Entra?', [DECIDER, ADMIN]),
    });
    expect(res.json?.response_action).toBe('update');
    expect(decisionRow(h.db, 'Okta or Entra?')).toMatchObject({
      deciders: `${DECIDER},${ADMIN}`,
      version: 2,
    });
    expect(slackHistory(h.db, 'decision').map((r) => [r.field, r.old_value, r.new_value])).toEqual([
      ['question', Q.okta, 'Okta or Entra?'],
      ['deciders', DECIDER, `${DECIDER}, ${ADMIN}`],
    ]);
  });

  it('adds a decision for members, refuses people who own nothing', async () => {
    h = await start();
    const values = state({
      [DECISION_BLOCKS.question]: text('Who signs off the <!channel> launch?'),
      [DECISION_BLOCKS.workstreams]: many('kanopy-hosting'),
      [DECISION_BLOCKS.deciders]: users(ADMIN),
      [DECISION_BLOCKS.neededBy]: date('2027-01-15'),
    });
    const refused = await h.submit({
      user: STRANGER,
      callbackId: DECISION_VIEWS.add,
      privateMetadata: encodeProgramRef('builder-insights'),
      values,
    });
    expect(errorsOf(refused)[DECISION_BLOCKS.question]).toContain('Only people who own a workstream');
    const res = await h.submit({
      user: OWNER,
      callbackId: DECISION_VIEWS.add,
      privateMetadata: encodeProgramRef('builder-insights'),
      values,
    });
    expect(res.json?.response_action).toBe('update');
    expect(noticeText(res.json?.view)).toContain('Who signs off the &lt;!channel&gt; launch?');
    const row = decisionRow(h.db, 'Who signs off the <!channel> launch?');
    expect(row).toMatchObject({
      state: 'open',
      workstreams: 'kanopy-hosting',
      deciders: ADMIN,
      needed_by: '2027-01-15',
    });
    expect(slackHistory(h.db, 'decision')).toEqual([
      {
        entity_key: String(row.id),
        field: 'created',
        old_value: null,
        new_value: 'Who signs off the <!channel> launch?',
        actor: OWNER,
        note: '',
      },
    ]);
  });

  it('escapes user text in the notice, the DM and their fallback text', async () => {
    h = await start();
    h.db
      .prepare('UPDATE decisions SET question = ? WHERE question = ?')
      .run('Ship <@U0EVIL1> & <!here>?', Q.okta);
    const res = await h.submit({
      user: DECIDER,
      callbackId: DECISION_VIEWS.record,
      privateMetadata: meta('Ship <@U0EVIL1> & <!here>?'),
      values: recordValues({ outcome: 'Yes <!channel>\n*Readiness*: Ready <https://evil.example|docs>' }),
    });
    expect(res.json?.response_action).toBe('update');
    const posts = await h.fake.waitFor(() => {
      const calls = h.fake.okCallsOf('chat.postMessage');
      return calls.length >= 3 ? calls : undefined;
    });
    for (const post of posts) {
      const all = `${String(post.args.text)}\n${JSON.stringify(post.args.blocks)}`;
      expect(all).not.toContain('<!channel>');
      expect(all).not.toContain('<!here>');
      expect(all).not.toContain('<@U0EVIL1>');
      expect(all).not.toContain('<https://evil.example');
    }
    const reply = posts.find((p) => p.args.thread_ts);
    expect(String(reply?.args.text)).toContain(
      'Yes &lt;!channel&gt; *Readiness*: Ready &lt;https://evil.example|docs&gt;',
    );
  });

  it('saves the decision even when Slack refuses the notice and the DM, and logs why', async () => {
    h = await start();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' }, 5);
    const res = await record(DECIDER);
    expect(res.json?.response_action).toBe('update');
    expect(decisionRow(h.db, Q.okta).state).toBe('decided');
    await h.fake.waitFor(() => h.logsOf('decision_dm_failed')[0]);
    await h.fake.waitFor(() => h.logsOf('update_notice_failed')[0]);
  });
});
