import { describe, expect, it } from 'vitest';
import { blockKitProblems, viewProblems } from '../../src/slack-standin/block-kit-rules.js';
import { LIST_BLOCKS, MILESTONE_BLOCKS, milestoneItemBlock } from '../../src/ui/ids.js';
import { milestoneModal } from '../../src/ui/milestone-modal.js';
import { milestonesList } from '../../src/ui/milestones-list.js';
import { blockText, textOf } from '../support/blocks.js';
import { FORGED, FORGED_SHOWN } from '../support/forged-text.js';
import { labelsOf } from '../support/modal-state.js';
import { milestone, program, workstream } from '../support/program-objects.js';

const ADMIN = 'UADMIN01';
const viewer = (userId: string) => ({ userId, admins: [] });

function manyMilestones(n: number) {
  const workstreams = Array.from({ length: 30 }, (_, i) =>
    workstream(`ws-${i}`, {
      name: `Workstream ${i} ${'with a long name '.repeat(8)}`,
      status: i % 3 === 0 ? 'blocked' : 'drafted',
      risk: 'high',
      target: '2027-03-01',
    }),
  );
  return program({
    slug: 'big',
    name: 'Big',
    admins: [ADMIN],
    workstreams,
    milestones: Array.from({ length: n }, (_, i) =>
      milestone(
        `Gate ${i} ${'n'.repeat(130)}`,
        workstreams.map((w) => w.key),
        {
          id: i + 1,
          key: `gate-${i}`,
          owner: 'x'.repeat(200),
          target: '2027-01-15',
          baseline: '2026-12-01',
        },
      ),
    ),
  });
}

describe('milestonesList', () => {
  it('keeps 200 milestones with the longest texts within Block Kit limits, saying how many more', () => {
    const message = milestonesList(manyMilestones(200), viewer(ADMIN), new Map([['gate-0', 12]]));
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(blockText(message.blocks, MILESTONE_BLOCKS.more)).toBe(
      '…and 154 more milestones. An admin can export them all with `rollout export big`.',
    );
    const first = blockText(message.blocks, milestoneItemBlock(1));
    expect(first).toContain('baseline 1 Dec 2026: +45 days, moved 12 times');
    expect(first).toContain('*Waits on:* Workstream 0');
    expect(first).toContain('and 26 more');
    expect(first).toContain('; and 26 more');
    // Two conflicts spelt out, the rest counted: the section is never cut through a line.
    expect(first.match(/:warning: Due/g)).toHaveLength(2);
    expect(first).toContain(':warning: …and 28 more things it depends on due after it\nEdit');
  });

  it('puts a notice on top once a form is saved, and still fits 50 blocks', () => {
    const notice = ':white_check_mark: Milestone saved: *Gate 0*';
    const message = milestonesList(manyMilestones(200), viewer(ADMIN), new Map(), { notice });
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks[0]).toMatchObject({ block_id: LIST_BLOCKS.notice });
    expect(blockText(message.blocks, LIST_BLOCKS.notice)).toBe(notice);
    expect(blockText(message.blocks, MILESTONE_BLOCKS.more)).toContain('…and 155 more milestones');
    expect(blockText(milestonesList(manyMilestones(1), viewer(ADMIN)).blocks, LIST_BLOCKS.notice)).toBe('');
  });

  it('escapes what people typed', () => {
    const p = program({
      workstreams: [workstream('up', { name: FORGED, status: 'blocked', target: '2027-02-01' })],
      milestones: [milestone(FORGED, ['up'], { id: 1, owner: FORGED, target: '2027-01-15' })],
    });
    const text = textOf(milestonesList(p, viewer('U1')).blocks);
    expect(text).not.toContain('<@U0CEO>');
    expect(text).toContain(`:warning: Due 15 Jan 2027 but depends on ${FORGED_SHOWN}, due 1 Feb 2027`);
  });
});

describe('milestoneModal', () => {
  const p = program({
    name: 'P',
    milestones: [milestone('Gate', [], { id: 3, target: '2027-01-15', baseline: '2027-01-01' })],
  });
  const gate = p.milestones[0];

  it('asks for a reason, and offers the re-baseline box only when told the person may', () => {
    const owners = milestoneModal(p, gate, false);
    expect(viewProblems(owners, 'modal')).toEqual([]);
    expect(labelsOf(owners)).toEqual(['Milestone', 'Owner', 'Owner not in Slack', 'Target date', 'Reason']);
    const admins = milestoneModal(p, gate, true);
    expect(viewProblems(admins, 'modal')).toEqual([]);
    expect(labelsOf(admins)).toContain('Baseline');
    expect(JSON.stringify(admins)).toContain('"initial_date":"2027-01-15"');
  });

  it('adds with a note instead', () => {
    const add = milestoneModal(p);
    expect(viewProblems(add, 'modal')).toEqual([]);
    expect(labelsOf(add)).toEqual(['Milestone', 'Owner', 'Owner not in Slack', 'Target date', 'Note']);
  });
});
