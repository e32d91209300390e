import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../src/domain/field-limits.js';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { BLOCKS } from '../../src/ui/ids.js';
import { workstreamDetail } from '../../src/ui/workstream-detail.js';
import { blockText } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { milestone, program, workstream } from '../support/program-objects.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const sectionText = (blocks: KnownBlock[], blockId: string) =>
  (blocks.find((b) => b.block_id === blockId) as SectionBlock | undefined)?.text?.text ?? '';

describe('workstreamDetail', () => {
  it('names the backups beside the owners, and leaves the field out when there are none', () => {
    const backed = workstream('backed', { ownerIds: ['UOWNER01'], backupIds: ['UBACKUP01', 'UBACKUP02'] });
    const { blocks } = workstreamDetail(program({ workstreams: [backed] }), backed, NOW);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blockText(blocks, BLOCKS.workstreamFacts)).toContain('*Backups*\n<@UBACKUP01>, <@UBACKUP02>');
    const alone = workstream('alone', { ownerIds: ['UOWNER01'] });
    expect(
      blockText(
        workstreamDetail(program({ workstreams: [alone] }), alone, NOW).blocks,
        BLOCKS.workstreamFacts,
      ),
    ).not.toContain('Backups');
  });

  it('keeps the main blocker whole when the state and snapshot are at their longest and full of &', () => {
    const w = workstream('rnd', {
      state: 'R&D '.repeat(FIELD_LIMITS.state / 4),
      summary: 'R&D '.repeat(FIELD_LIMITS.summary / 4),
      blocker: `waiting on <!channel> & legal ${'x'.repeat(400)} END`,
    });
    const { blocks } = workstreamDetail(program({ workstreams: [w] }), w, NOW);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    const blocker = sectionText(blocks, BLOCKS.workstreamBlocker);
    expect(blocker).toContain('*Main blocker*\nwaiting on &lt;!channel&gt; &amp; legal');
    expect(blocker.endsWith('END')).toBe(true);
    expect(sectionText(blocks, BLOCKS.workstreamSnapshot)).toMatch(/^\*Snapshot\*\n> R&amp;D /);
    expect(sectionText(blocks, BLOCKS.workstreamState)).toMatch(/^\*Current state\*\nR&amp;D /);
  });

  it('shows one-line fields on one line and the snapshot quoted, line by line, so neither fakes a label', () => {
    const w = workstream('forged', {
      name: `SSO\n*Status*${BIDI}`,
      ownerTeam: FORGED,
      state: FORGED,
      blocker: FORGED,
      summary: `Path is understood.\n\n*Main blocker*\nnone ${BIDI}\n> quoted`,
    });
    const { blocks, text } = workstreamDetail(program({ workstreams: [w] }), w, NOW);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(sectionText(blocks, BLOCKS.workstreamBlocker)).toBe(`*Main blocker*\n${FORGED_SHOWN}`);
    expect(sectionText(blocks, BLOCKS.workstreamState)).toBe(`*Current state*\n${FORGED_SHOWN}`);
    expect(sectionText(blocks, BLOCKS.workstreamSnapshot)).toBe(
      `*Snapshot*\n> Path is understood.\n>\n> *Main blocker*\n> none ${BIDI_SHOWN}\n> &gt; quoted`,
    );
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: `SSO *Status*${BIDI_SHOWN}` } });
    expect(blockText(blocks, BLOCKS.workstreamFacts)).toContain(`*Owning team*\n${FORGED_SHOWN}`);
    expect(text).toBe(`SSO *Status*${BIDI_SHOWN}: Drafted, Low risk (blocker: ${FORGED_SHOWN})`);
    expect(forgedLines(text)).toEqual([]);
  });

  it('shows a dash for what is not known yet', () => {
    const w = workstream('empty', { state: '', summary: '', blocker: '' });
    const { blocks } = workstreamDetail(program({ workstreams: [w] }), w, NOW);
    expect(sectionText(blocks, BLOCKS.workstreamBlocker)).toBe('*Main blocker*\n—');
  });

  it('shows the target against its baseline, with how often it moved', () => {
    const w = workstream('sso', { target: '2027-02-01', baseline: '2027-01-18' });
    const { blocks } = workstreamDetail(program({ workstreams: [w] }), w, NOW, 2);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(sectionText(blocks, BLOCKS.workstreamDates)).toBe(
      'Target 1 Feb 2027 · baseline 18 Jan: +2 weeks, moved twice',
    );
  });

  it('says when the target was cleared, and shows nothing for work that never had a date', () => {
    const cleared = workstream('sso', { target: null, baseline: '2027-01-18' });
    const p = program({ workstreams: [cleared] });
    expect(sectionText(workstreamDetail(p, cleared, NOW, 1).blocks, BLOCKS.workstreamDates)).toBe(
      'No target date · baseline 18 Jan 2027',
    );
    const undated = workstream('new');
    const { blocks } = workstreamDetail(program({ workstreams: [undated] }), undated, NOW);
    expect(blocks.some((b) => b.block_id === BLOCKS.workstreamDates)).toBe(false);
  });

  it('warns of each thing it depends on due after it, escaped, counting past the first two', () => {
    const upstream = (key: string, name: string, target: string) => workstream(key, { name, target });
    const w = workstream('gate', {
      target: '2027-01-15',
      baseline: '2027-01-15',
      dependsOn: ['sso', 'kanopy', 'gone-done', 'm'],
    });
    const p = program({
      workstreams: [
        w,
        upstream('sso', 'Identity & SSO', '2027-02-01'),
        upstream('kanopy', 'Kanopy', '2027-01-20'),
        { ...upstream('gone-done', 'Done work', '2027-03-01'), status: 'done' },
      ],
      milestones: [milestone('Beta', [], { key: 'm', target: '2027-01-30' })],
    });
    expect(sectionText(workstreamDetail(p, w, NOW).blocks, BLOCKS.workstreamDates)).toBe(
      [
        'Target 15 Jan 2027',
        ':warning: due before Identity &amp; SSO, due 1 Feb 2027',
        ':warning: due before Kanopy, due 20 Jan 2027',
        ':warning: …and 1 more thing it depends on due after it',
      ].join('\n'),
    );
  });
});
