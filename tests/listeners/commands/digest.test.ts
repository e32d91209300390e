import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Db } from '../../../src/db/open.js';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { DIGEST_BLOCKS, DIGEST_PREVIEW_BLOCK } from '../../../src/ui/ids.js';
import { blockText, textOf } from '../../support/blocks.js';
import { ADMIN, importFixture, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const CHANNEL = 'C0LEADERS';
const GLOBAL_ADMIN = 'UGLOBAL01';

function seed(db: Db): void {
  importFixture(db, smallProgram(), new Date('2026-11-20T08:00:00Z'));
}

describe('/rollout digest', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  // Monday 23 Nov 2026, 08:00 in Los Angeles: this week's digest (09:00) is not due yet.
  const start = () =>
    RolloutHarness.start({
      clock: fixedClock('2026-11-23T16:00:00Z'),
      env: { ROLLOUT_ADMINS: GLOBAL_ADMIN },
      seed,
    });

  const answerTo = (responseUrl: string) => h.fake.responseTo(responseUrl).then((r) => r.body);

  it('previews the digest privately for anyone, as the channel would get it, marked as not posted', async () => {
    h = await start();

    const res = await h.command(STRANGER, 'digest');

    expect(res.json?.response_type).toBe('ephemeral');
    const blocks = (res.json?.blocks ?? []) as KnownBlock[];
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Builder Insights operationalization · Week of 23 Nov 2026' },
    });
    expect(blocks[1]).toMatchObject({ type: 'context', block_id: 'digest_preview' });
    expect(blockText(blocks, DIGEST_PREVIEW_BLOCK)).toContain('Preview: not posted.');
    const ids = blocks.map((b) => b.block_id);
    expect(ids).toContain('digest_headline');
    expect(ids).toContain('digest_blocked:0');
    expect(String(res.json?.text)).toMatch(
      /^Preview, not posted: Builder Insights operationalization — Week of/,
    );
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('builds the preview once per program snapshot and day: again after an edit, and on the next day', async () => {
    const clock = fixedClock('2026-11-23T16:00:00Z');
    h = await RolloutHarness.start({ clock, seed });
    const built = vi.spyOn(h.rollout.services.digest, 'preview');

    const first = await h.command(STRANGER, 'digest');
    const again = await h.command(OWNER, 'digest');
    expect(again.json?.blocks).toEqual(first.json?.blocks);
    expect(built).toHaveBeenCalledTimes(1);

    // Any change to the database is a new snapshot: the next preview is built from it.
    h.db.prepare("UPDATE programs SET name = 'Renamed program' WHERE slug = 'builder-insights'").run();
    const edited = await h.command(STRANGER, 'digest');
    expect(blockText(edited.json?.blocks, DIGEST_BLOCKS.header)).toContain('Renamed program');
    expect(built).toHaveBeenCalledTimes(2);

    // Days blocked and overdue are counted to today, in the program's zone.
    clock.advance(24 * 3_600_000);
    await h.command(STRANGER, 'digest');
    expect(built).toHaveBeenCalledTimes(3);
  });

  it('lets an admin send it: acks at once, posts once, answers with the link; a second send says it is out', async () => {
    h = await start();

    const res = await h.command(ADMIN, 'digest send');
    expect(res.json?.response_type).toBe('ephemeral');
    expect(String(res.json?.text)).toContain(
      'Sending the digest of *Builder Insights operationalization* to <#C0LEADERS>…',
    );
    const answer = textOf(await answerTo(res.responseUrl));
    const [posted] = h.fake.messagesIn(CHANNEL);
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(1);
    expect(answer).toContain(
      'Posted the digest of *Builder Insights operationalization* (Week of 23 Nov 2026)',
    );
    expect(answer).toContain(`https://slack.com/archives/${CHANNEL}/p${posted?.ts.replace('.', '')}|view it`);

    const again = await h.command(GLOBAL_ADMIN, 'digest send builder-insights');
    const second = textOf(await answerTo(again.responseUrl));
    expect(second).toContain(
      'This week’s digest of *Builder Insights operationalization* (Week of 23 Nov 2026) is already out',
    );
    expect(second).toContain('Nothing was posted again.');
    expect(h.fake.okCallsOf('chat.postMessage')).toHaveLength(1);
    expect(h.logsOf('digest_send_requested').map((l) => l.outcome)).toEqual(['posted', 'already-posted']);

    // The preview no longer invites a send: it says the week's digest is out, and where.
    const preview = (await h.command(OWNER, 'digest')).json;
    expect(textOf(preview)).toContain('this week’s digest is already out in <#C0LEADERS>');
    expect(textOf(preview)).toContain(`p${posted?.ts.replace('.', '')}|view it`);
    expect(JSON.stringify(preview)).not.toContain('/rollout digest send');
  });

  it('refuses to send for someone who is not an admin, saying why, and logs a warning', async () => {
    h = await start();

    const res = await h.command(OWNER, 'digest send');

    expect(res.json?.response_type).toBe('ephemeral');
    expect(String(res.json?.text)).toContain(
      'Only an admin of Builder Insights operationalization can send its digest.',
    );
    expect(h.logsOf('digest_send_refused')[0]).toMatchObject({
      level: 'warn',
      user: OWNER,
      program: 'builder-insights',
    });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM digest_runs').get()).toEqual({ n: 0 });
  });

  it('says what failed when Slack refuses the post', async () => {
    h = await start();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });

    const res = await h.command(ADMIN, 'digest send');

    const answer = textOf(await answerTo(res.responseUrl));
    expect(answer).toContain('could not be posted: `not_in_channel`');
    expect(h.fake.messagesIn(CHANNEL)).toHaveLength(0);
  });

  it('answers an unknown program name with the one there is', async () => {
    h = await start();

    const res = await h.command(ADMIN, 'digest send nonsense');

    expect(String(res.json?.text)).toContain(
      'There is no program “nonsense”. Try `/rollout digest send builder-insights`.',
    );
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });
});
