import { describe, expect, it } from 'vitest';
import { DECISION_BLOCKS } from '../../src/ui/ids.js';
import { workstreamDetail } from '../../src/ui/workstream-detail.js';
import { blockText } from '../support/blocks.js';
import { listProgram, OWNER } from '../support/list-program.js';
import { decision } from '../support/program-objects.js';

describe('the workstream detail’s pending decision', () => {
  const now = new Date('2026-11-30T18:00:00Z');

  it('shows the question, deciders, needed-by date and age of the decision it waits on', () => {
    const p = listProgram({
      decisions: [
        decision(1, {
          question: 'Okta <!channel>?',
          workstreams: ['mine'],
          deciders: [OWNER],
          neededBy: '2026-11-20',
        }),
      ],
    });
    const w = p.workstreams[0];
    if (!w) throw new Error('fixture');
    const { blocks } = workstreamDetail(p, w, now);
    expect(blockText(blocks, DECISION_BLOCKS.workstreamDecision)).toBe(
      `*Waiting on a decision*\nOkta &lt;!channel&gt;?\nDeciders: <@${OWNER}> · needed by Fri 20 Nov 2026 (*overdue*) · waiting 20 days`,
    );
  });

  it('shows nothing when no pending decision holds it up', () => {
    const p = listProgram({ decisions: [decision(1, { workstreams: ['mine'], state: 'decided' })] });
    const w = p.workstreams[0];
    if (!w) throw new Error('fixture');
    expect(blockText(workstreamDetail(p, w, now).blocks, DECISION_BLOCKS.workstreamDecision)).toBe('');
  });
});
