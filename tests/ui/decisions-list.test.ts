import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decisionsList, linkMrkdwn } from '../../src/ui/decisions-list.js';
import { DECISION_ACTIONS, DECISION_BLOCKS, decidedItemBlock, decisionItemBlock } from '../../src/ui/ids.js';
import { blockText, textsOf } from '../support/blocks.js';
import { FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { buttonsOf, listProgram, mrkdwnOf, OTHER_OWNER, OWNER, STRANGER } from '../support/list-program.js';
import { decision } from '../support/program-objects.js';

const NOW = new Date('2026-11-30T18:00:00Z');
const viewer = (userId: string) => ({ userId, admins: [] });

describe('decisionsList', () => {
  it('orders pending decisions overdue first, then oldest, and lists the last 14 days’ decided ones', () => {
    const p = listProgram({
      decisions: [
        decision(1, { neededBy: '2026-12-20', openedAt: '2026-11-20T10:00:00Z' }),
        decision(2, {
          neededBy: '2026-11-29',
          openedAt: '2026-11-25T10:00:00Z',
          state: 'deferred',
          reason: 'waits',
        }),
        decision(3, { openedAt: '2026-11-01T10:00:00Z' }),
        decision(4, { state: 'decided', outcome: 'yes', decidedAt: '2026-11-16', decidedBy: [OWNER] }),
        decision(5, { state: 'decided', outcome: 'no', decidedAt: '2026-11-15' }),
        decision(6, { state: 'withdrawn' }),
      ],
    });
    const { blocks, text } = decisionsList(p, viewer(OWNER), NOW);
    const ids = blocks.map((b) => b.block_id ?? '').filter((id) => /^decision_(item|decided):/.test(id));
    expect(ids).toEqual([
      decisionItemBlock(2),
      decisionItemBlock(3),
      decisionItemBlock(1),
      decidedItemBlock(4),
    ]);
    expect(blockText(blocks, decisionItemBlock(2))).toContain(
      'waiting 5 days · needed by Sun 29 Nov 2026 · *overdue*',
    );
    expect(blockText(blocks, decisionItemBlock(2))).toContain('_Deferred: waits_');
    expect(blockText(blocks, decisionItemBlock(3))).toContain('waiting 29 days · no needed-by date');
    expect(blockText(blocks, decidedItemBlock(4))).toContain(`Decided by <@${OWNER}> on Mon 16 Nov 2026`);
    expect(text).toContain('3 waiting (1 overdue), 1 decided in the last 14 days');
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
  });

  it('escapes every piece of user text and keeps it on one line', () => {
    const p = listProgram({
      decisions: [
        decision(1, { question: FORGED, workstreams: ['mine'] }),
        decision(2, { question: FORGED, state: 'decided', outcome: FORGED, decidedAt: '2026-11-29' }),
      ],
    });
    const message = decisionsList(p, viewer(OWNER), NOW);
    for (const t of mrkdwnOf(message.blocks)) expect(forgedLines(t)).toEqual([]);
    expect(blockText(message.blocks, decisionItemBlock(1))).toContain(FORGED_SHOWN);
    expect(textsOf(message).join('\n')).not.toContain('<@U0CEO>');
  });

  it('shows buttons to deciders, blocked owners and admins only, and Add to members', () => {
    const p = listProgram({
      decisions: [
        decision(1, { workstreams: ['mine'], deciders: [STRANGER.replace('USTRANGER', 'U0DEC1')] }),
      ],
    });
    const kinds = (user: string) =>
      buttonsOf(decisionsList(p, viewer(user), NOW).blocks).map((b) => b.action_id?.replace(/:\d+$/, ''));
    expect(kinds(OWNER)).toEqual([
      DECISION_ACTIONS.add,
      DECISION_ACTIONS.record,
      DECISION_ACTIONS.defer,
      DECISION_ACTIONS.edit,
      DECISION_ACTIONS.withdraw,
    ]);
    expect(kinds(OTHER_OWNER)).toEqual([DECISION_ACTIONS.add]);
    expect(kinds('U0DEC1')).toEqual([
      DECISION_ACTIONS.record,
      DECISION_ACTIONS.defer,
      DECISION_ACTIONS.edit,
      DECISION_ACTIONS.withdraw,
    ]);
    expect(kinds(STRANGER)).toEqual([]);
  });

  it('fits 200 long decisions into 50 blocks, saying how many more', () => {
    const p = listProgram({
      decisions: Array.from({ length: 200 }, (_, i) =>
        decision(i + 1, {
          question: 'q'.repeat(500),
          workstreams: ['mine', 'theirs'],
          neededBy: '2026-01-01',
        }),
      ),
    });
    const { blocks } = decisionsList(p, viewer(OWNER), NOW);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blockText(blocks, DECISION_BLOCKS.more)).toMatch(/^…and \d+ more pending decisions/);
  });

  it('makes a link that cannot be ended early by the URL', () => {
    expect(linkMrkdwn('https://x.example/a|b>c&d', 'here')).toBe('<https://x.example/a%7Cb%3Ec&amp;d|here>');
  });
});
