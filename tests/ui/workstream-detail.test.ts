import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../src/domain/field-limits.js';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { BLOCKS } from '../../src/ui/ids.js';
import { workstreamDetail } from '../../src/ui/workstream-detail.js';
import { program, workstream } from '../support/program-objects.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const sectionText = (blocks: KnownBlock[], blockId: string) =>
  (blocks.find((b) => b.block_id === blockId) as SectionBlock | undefined)?.text?.text ?? '';

describe('workstreamDetail', () => {
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
    expect(sectionText(blocks, BLOCKS.workstreamSnapshot)).toMatch(/^\*Snapshot\*\nR&amp;D /);
    expect(sectionText(blocks, BLOCKS.workstreamState)).toMatch(/^\*Current state\*\nR&amp;D /);
  });

  it('shows a dash for what is not known yet', () => {
    const w = workstream('empty', { state: '', summary: '', blocker: '' });
    const { blocks } = workstreamDetail(program({ workstreams: [w] }), w, NOW);
    expect(sectionText(blocks, BLOCKS.workstreamBlocker)).toBe('*Main blocker*\n—');
  });
});
