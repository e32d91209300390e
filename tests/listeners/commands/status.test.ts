import type { KnownBlock, SectionBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { blockKitProblems } from '../../../src/slack-standin/block-kit-rules.js';
import { commandBody } from '../../../src/slack-standin/requests.js';
import { ACTIONS, BLOCKS, workstreamRowBlock } from '../../../src/ui/ids.js';
import { STATUS_PAGE_SIZE } from '../../../src/ui/status-overview.js';
import { actionIdsOf, blockText, blockWithId, textOf, textsWith } from '../../support/blocks.js';
import { importFixture, largeProgram, OWNER, STRANGER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

const blocksOf = (json: Record<string, unknown> | undefined) => (json?.blocks ?? []) as KnownBlock[];
const rowTexts = (blocks: KnownBlock[]) =>
  blocks
    .filter((b): b is SectionBlock => b.type === 'section' && String(b.block_id).startsWith('ws_row:'))
    .map((b) => b.text?.text ?? '');

describe('/rollout status', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('answers privately, in the ack, with every workstream: status, risk, owning team, blocker; high risks first', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const res = await h.command(STRANGER, 'status');
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    const blocks = blocksOf(res.json);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Builder Insights operationalization' },
    });
    const rows = rowTexts(blocks);
    expect(rows[0]).toContain('*Identity and SSO*');
    expect(rows[0]).toContain('Needs decision');
    expect(rows[0]).toContain('High risk');
    expect(rows[0]).toContain('_Identity and Security_');
    expect(rows[0]).toContain('*Blocker:* approved Okta path and claims model');
    expect(blockText(blocks, workstreamRowBlock('kanopy-hosting'))).toContain('Kanopy hosting');
    expect(blockText(blocks, BLOCKS.statusCounts)).toContain('Blocked: *1*');
    expect(blockText(blocks, BLOCKS.statusCounts)).toContain('High risk: *1*');
    expect(res.json?.text).toBe('Builder Insights operationalization: 3 workstreams, 1 blocked, 1 high risk');
  });

  it('treats an empty /rollout as status', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const res = await h.command(OWNER, '');
    const blocks = blocksOf(res.json);
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Builder Insights operationalization' },
    });
    expect(rowTexts(blocks)).toHaveLength(smallProgram().workstreams?.length ?? -1);
  });

  it('shows one workstream in detail by key or by name, with an Update button', async () => {
    const clock = fixedClock('2026-11-25T18:00:00Z');
    h = await RolloutHarness.start({
      clock,
      seed: (db) => importFixture(db, smallProgram(), new Date('2026-11-20T18:00:00Z')),
    });
    for (const query of ['identity-sso', 'Identity and SSO', '"identity and sso"']) {
      const res = await h.command(OWNER, `status ${query}`);
      const blocks = blocksOf(res.json);
      expect(res.json?.response_type).toBe('ephemeral');
      expect(blockText(blocks, BLOCKS.workstreamState)).toContain(
        'directionally clear, enterprise path not finalized',
      );
      expect(blockText(blocks, BLOCKS.workstreamBlocker)).toContain('approved Okta path and claims model');
      expect(blockText(blocks, BLOCKS.workstreamFacts)).toContain('<@UOWNER01>');
      const updated = textsWith(blocks, 'Last updated by');
      expect(updated).toHaveLength(1);
      expect(updated[0]).toContain('Last updated by an import <!date^1795197600^');
      expect(updated[0]).toContain('(5 days ago)');
      expect(actionIdsOf(blockWithId(blocks, BLOCKS.workstreamActions))).toContain(
        ACTIONS.openWorkstreamUpdate,
      );
    }
    const dependent = await h.command(OWNER, 'status readiness-gating');
    expect(blockText(dependent.json, BLOCKS.workstreamFacts)).toContain('Identity and SSO');
  });

  it('escapes user text so a blocker cannot ping the channel or hide a link', async () => {
    const program = smallProgram();
    const first = program.workstreams?.[0];
    if (first) first.blocker = '<!channel> see <https://evil.example|docs> & more';
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, program) });
    for (const text of ['status', 'status identity-sso']) {
      const res = await h.command(OWNER, text);
      const body = JSON.stringify(res.json);
      expect(body).not.toContain('<!channel>');
      expect(body).not.toContain('<https://evil.example|docs>');
      expect(textOf(res.json?.blocks)).toContain(
        '&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more',
      );
    }
  });

  it('shows a program of 1,000 workstreams a page at a time, saying how many more, with a Next button', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, largeProgram(1000)) });
    const res = await h.command(OWNER, 'status');
    const blocks = blocksOf(res.json);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blocks.filter((b) => String(b.block_id).startsWith('ws_row:'))).toHaveLength(STATUS_PAGE_SIZE);
    expect(blockText(blocks, BLOCKS.statusMore)).toContain(
      'Workstreams 1–20 of 1,000, high risks first; …and 980 more workstreams',
    );
    expect(actionIdsOf(blockWithId(blocks, BLOCKS.statusPages))).toContain(ACTIONS.statusPageNext);
  });

  it('with several programs, asks which one, and takes a slug', async () => {
    h = await RolloutHarness.start({
      seed: (db) => {
        importFixture(db, smallProgram());
        importFixture(db, smallProgram({ slug: 'second', name: 'Second program' }));
      },
    });
    const ask = await h.command(OWNER, 'status');
    expect(textOf(blocksOf(ask.json))).toContain('`second`');
    expect(textOf(blocksOf(ask.json))).toContain('`builder-insights`');
    const second = await h.command(OWNER, 'status second');
    expect(blocksOf(second.json)[0]).toMatchObject({ type: 'header', text: { text: 'Second program' } });
    const detail = await h.command(OWNER, 'status second kanopy-hosting');
    expect(blocksOf(detail.json)[0]).toMatchObject({ type: 'header', text: { text: 'Kanopy hosting' } });
  });

  it('says what to do when there is no program, or no such workstream', async () => {
    h = await RolloutHarness.start();
    const none = await h.command(OWNER, 'status');
    expect(textOf(blocksOf(none.json))).toContain('rollout import FILE');
    await h.restart().then((next) => {
      h = next;
    });
    importFixture(h.db, smallProgram());
    const unknown = await h.command(OWNER, 'status nonsense');
    const text = textOf(blocksOf(unknown.json));
    expect(text).toContain('No workstream of Builder Insights operationalization matches “nonsense”');
    expect(text).toContain('`identity-sso`');
  });
});

describe('/rollout help and unknown subcommands', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('lists what Rollout can do, and answers an unknown subcommand with that list', async () => {
    h = await RolloutHarness.start();
    const help = await h.command(OWNER, 'help');
    expect(help.json?.response_type).toBe('ephemeral');
    expect(textOf(blocksOf(help.json))).toContain('/rollout status');
    const unknown = await h.command(OWNER, 'frobnicate <!here>');
    const text = textOf(blocksOf(unknown.json));
    expect(text).toContain('I don’t know `/rollout frobnicate`');
    expect(text).toContain('/rollout update');
  });

  it('answers whatever the command is named in a copy of the app (say /rollout-dev), never leaving it unanswered', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const body = commandBody({
      user: OWNER,
      text: 'help',
      command: '/rollout-dev',
      responseUrl: h.fake.responseUrl(),
      triggerId: h.fake.mintTrigger(),
    });
    const res = await h.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(blocksOf(res.json))).toContain('/rollout status');
  });

  it('answers names every JavaScript object has, constructor and __proto__, as unknown subcommands', async () => {
    h = await RolloutHarness.start();
    for (const sub of ['constructor', '__proto__']) {
      const res = await h.command(OWNER, sub);
      expect(res.status).toBe(200);
      expect(textOf(blocksOf(res.json))).toContain(`I don’t know \`/rollout ${sub}\``);
    }
  });
});
