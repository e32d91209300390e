import { describe, expect, it } from 'vitest';
import { viewProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decisionPromptBlocks, withDecisionLine } from '../../src/ui/decision-prompt.js';
import { noticeModal } from '../../src/ui/modal-parts.js';
import { workstreamUpdateModal } from '../../src/ui/workstream-modal.js';
import { noticeText } from '../support/blocks.js';
import { listProgram } from '../support/list-program.js';
import { labelsOf } from '../support/modal-state.js';
import { decision } from '../support/program-objects.js';

describe('the update form’s “If it needs a decision” part', () => {
  it('offers the program’s open decisions and a new one, for a workstream nothing holds up', () => {
    const p = listProgram({
      decisions: [decision(1, { workstreams: ['theirs'] }), decision(2, { state: 'decided' })],
    });
    const w = p.workstreams[0];
    if (!w) throw new Error('fixture');
    const view = workstreamUpdateModal(p, w);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(labelsOf({ blocks: decisionPromptBlocks(p, w) })).toEqual([
      'Waits on an open decision',
      'Or a new decision: the question',
      'Who decides',
      'Needed by',
    ]);
  });

  it('is left out when a pending decision already holds the workstream up', () => {
    const p = listProgram({ decisions: [decision(1, { workstreams: ['mine'], state: 'deferred' })] });
    const w = p.workstreams[0];
    if (!w) throw new Error('fixture');
    expect(decisionPromptBlocks(p, w)).toEqual([]);
  });

  it('names the decision in the saved modal, escaped', () => {
    const view = withDecisionLine(
      noticeModal('Saved', 'ok'),
      decision(1, { question: '<!here> now?' }),
      true,
    );
    expect(noticeText(view)).toContain('Decision opened: *&lt;!here&gt; now?*');
  });
});
