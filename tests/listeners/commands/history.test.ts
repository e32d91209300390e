import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Db } from '../../../src/db/open.js';
import { HistoryWriter } from '../../../src/store/history-writer.js';
import { HISTORY_BLOCKS } from '../../../src/ui/ids.js';
import { blockText, textOf } from '../../support/blocks.js';
import { ADMIN, importFixture, largeProgram, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const blocksOf = (json: Record<string, unknown> | undefined) => (json?.blocks ?? []) as KnownBlock[];
const entryTexts = (body: Record<string, unknown>) =>
  blocksOf(body)
    .filter((b) => String(b.block_id).startsWith('history_entry:'))
    .map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));

/** Imported on the 20th; re-imported by an admin on the 23rd (status and blocker); a noted change on the 25th. */
function seed(db: Db): void {
  importFixture(db, smallProgram(), new Date('2026-11-20T08:00:00Z'));
  const changed = smallProgram();
  const first = changed.workstreams?.[0];
  if (first) {
    first.status = 'blocked';
    first.blocker = '<!channel> see <https://evil.example|docs> & more';
  }
  const { programId } = importFixture(db, changed, new Date('2026-11-23T17:14:00Z'), ADMIN);
  const writer = new HistoryWriter(db);
  db.transaction(() =>
    writer.record(programId, {
      entity: 'workstream',
      entityKey: 'identity-sso',
      entityLabel: 'Identity and SSO',
      field: 'risk',
      oldValue: 'high',
      newValue: 'medium',
      actor: OWNER,
      at: '2026-11-25T09:00:00Z',
      note: 'Okta path <!here> agreed',
    }),
  )();
}

describe('/rollout history', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const start = () => RolloutHarness.start({ clock: fixedClock('2026-11-26T12:00:00Z'), seed });

  /** The answer posted to this command's response_url (the first time, the ack itself is empty). */
  const answerTo = (responseUrl: string) => h.fake.responseTo(responseUrl).then((r) => r.body);

  it('acks at once, then answers privately with the changes newest first, in the viewer’s time zone', async () => {
    h = await start();
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    const res = await h.command(OWNER, 'history identity-sso');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const body = await answerTo(res.responseUrl);
    expect(body.response_type).toBe('ephemeral');
    expect(h.fake.callsOf('users.info')[0]?.args.user).toBe(OWNER);

    const entries = entryTexts(body);
    expect(entries[0]).toContain('*Risk*: High → Medium');
    expect(entries[0]).toContain('by <@UOWNER01> · 1 day ago · Wed 25 Nov 2026, 18:00 GMT+9');
    expect(entries[0]).toContain('_Note:_ Okta path &lt;!here&gt; agreed');
    const status = entries.find((e) => e.startsWith('*Status*'));
    expect(status).toContain('*Status*: Needs decision → Blocked');
    expect(status).toContain('by <@UADMIN01> · 3 days ago · Tue 24 Nov 2026, 02:14 GMT+9');
    const blocker = entries.find((e) => e.startsWith('*Main blocker*'));
    expect(blocker).toContain(
      'approved Okta path and claims model → &lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more',
    );
    expect(entries.at(-1)).toContain('*Created*: Identity and SSO');
    expect(entries.at(-1)).toContain('by an import · 6 days ago · Fri 20 Nov 2026, 17:00 GMT+9');
    expect(blockText(body, HISTORY_BLOCKS.zone)).toContain('Times are in your time zone (Asia/Tokyo)');
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    expect(JSON.stringify(body)).not.toContain('<!here>');
  });

  it('shows another viewer the same change at their own clock time', async () => {
    h = await start();
    h.fake.addUser('UVIEWERLA', 'America/Los_Angeles');
    const res = await h.command('UVIEWERLA', 'history Identity and SSO');
    const status = entryTexts(await answerTo(res.responseUrl)).find((e) => e.startsWith('*Status*'));
    expect(status).toContain('3 days ago · Mon 23 Nov 2026, 09:14 PST');
  });

  it('answers in the ack once it knows the viewer’s zone, asking Slack once', async () => {
    h = await start();
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    const first = await h.command(OWNER, 'history identity-sso');
    expect(first.text).toBe('');
    const asked = entryTexts(await answerTo(first.responseUrl));
    const again = await h.command(OWNER, 'history identity-sso');
    const body = JSON.parse(again.text) as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(entryTexts(body)).toEqual(asked);
    expect(entryTexts(body)[0]).toContain('Wed 25 Nov 2026, 18:00 GMT+9');
    expect(h.fake.callsOf('users.info')).toHaveLength(1);
    expect(h.fake.responses.filter((r) => again.responseUrl.endsWith(`/response/${r.id}`))).toEqual([]);
  });

  it('acks before Slack answers users.info, however slow', async () => {
    h = await start();
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.failNext('users.info', { delayMs: 1500 });
    const res = await h.command(OWNER, 'history identity-sso');
    expect(res.status).toBe(200);
    // The ack came back while users.info was still pending: nothing had been answered yet.
    expect(h.fake.responses.some((r) => res.responseUrl.endsWith(`/response/${r.id}`))).toBe(false);
    expect(entryTexts(await answerTo(res.responseUrl)).join('\n')).toContain('GMT+9');
  });

  it('falls back to UTC, says so, and logs a warning when users.info fails', async () => {
    h = await start();
    h.fake.failNext('users.info', { error: 'user_not_found' });
    const res = await h.command(OWNER, 'history identity-sso');
    const body = await answerTo(res.responseUrl);
    const status = entryTexts(body).find((e) => e.startsWith('*Status*'));
    expect(status).toContain('Mon 23 Nov 2026, 17:14 UTC');
    expect(blockText(body, HISTORY_BLOCKS.zone)).toContain(
      'Times are in UTC: I could not read your time zone from Slack.',
    );
    const warn = h.logsOf('users_info_failed').find((l) => l.for === 'time zone');
    expect(warn?.level).toBe('warn');
    expect(String(warn?.error)).toContain('user_not_found');
  });

  it('answers helpfully, in the ack, when the workstream is missing or unknown', async () => {
    h = await start();
    const missing = await h.command(OWNER, 'history');
    expect(missing.json?.response_type).toBe('ephemeral');
    expect(textOf(missing.json)).toContain('Which workstream? `/rollout history identity-sso`');
    const unknown = await h.command(OWNER, 'history nonsense');
    const text = textOf(blocksOf(unknown.json));
    expect(text).toContain('No workstream of Builder Insights operationalization matches “nonsense”');
    expect(text).toContain('`kanopy-hosting`');
    expect(h.fake.callsOf('users.info')).toEqual([]);
  });

  it('with several programs, takes PROGRAM WORKSTREAM, and asks which program otherwise', async () => {
    h = await RolloutHarness.start({
      clock: fixedClock('2026-11-26T12:00:00Z'),
      seed: (db) => {
        importFixture(db, smallProgram(), new Date('2026-11-20T08:00:00Z'));
        importFixture(
          db,
          smallProgram({ slug: 'second', name: 'Second program' }),
          new Date('2026-11-21T08:00:00Z'),
        );
      },
    });
    const ask = await h.command(OWNER, 'history');
    expect(textOf(ask.json)).toContain('`/rollout history PROGRAM WORKSTREAM`');
    const res = await h.command(OWNER, 'history second kanopy-hosting');
    const body = await answerTo(res.responseUrl);
    expect(blockText(body, HISTORY_BLOCKS.zone)).toContain('Second program');
    expect(entryTexts(body)).toEqual([expect.stringContaining('*Created*: Kanopy hosting')]);
    expect(entryTexts(body)[0]).toContain('5 days ago · Sat 21 Nov 2026, 08:00 UTC');

    // Naming only the program: the example to follow names it too, so following it works.
    const which = await h.command(OWNER, 'history second');
    expect(textOf(which.json)).toContain('Which workstream? `/rollout history second identity-sso`');
  });

  it('takes a word that is both a program and one of its workstreams as the workstream', async () => {
    h = await RolloutHarness.start({
      seed: (db) => {
        const program = largeProgram(2, { slug: 'payments', name: 'Payments' });
        const first = program.workstreams?.[0];
        if (first) first.key = 'payments';
        importFixture(db, program);
      },
    });
    const res = await h.command(OWNER, 'history payments');
    expect(res.json).toBeUndefined();
    const body = await answerTo(res.responseUrl);
    expect(entryTexts(body)[0]).toContain('*Created*');
  });
});
