import type { InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { viewProblems } from '../../src/slack-standin/block-kit-rules.js';
import { BLOCKS } from '../../src/ui/ids.js';
import { REBASELINE } from '../../src/ui/target-inputs.js';
import { updateSavedModal, workstreamUpdateModal } from '../../src/ui/workstream-modal.js';
import { noticeText } from '../support/blocks.js';
import { elementOf, labelsOf } from '../support/modal-state.js';
import { decision, program, workstream } from '../support/program-objects.js';

const inputOf = (view: { blocks: unknown[] }, blockId: string) =>
  view.blocks.find((b) => (b as InputBlock).block_id === blockId) as InputBlock | undefined;

describe('workstreamUpdateModal: the target date', () => {
  const moved = workstream('sso', { name: 'SSO', target: '2027-02-01', baseline: '2027-01-18' });

  it('prefills the date picker and says, under the reason, where the date stands', () => {
    const view = workstreamUpdateModal(program({ workstreams: [moved] }), moved);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(elementOf(view, BLOCKS.wsTarget)).toMatchObject({
      type: 'datepicker',
      initial_date: '2027-02-01',
    });
    const reason = inputOf(view, BLOCKS.wsTargetReason);
    expect(reason).toMatchObject({ optional: true, label: { text: 'Why the date moved' } });
    expect(reason?.hint?.text).toBe(
      'Needed when the target moves or is cleared; kept in the history. Now: target 1 Feb 2027 · baseline 18 Jan: +2 weeks.',
    );
    expect(labelsOf(view)).not.toContain('Baseline');
  });

  it('asks no reason of a first target, and leaves the picker empty', () => {
    const w = workstream('sso');
    const view = workstreamUpdateModal(program({ workstreams: [w] }), w);
    expect(elementOf(view, BLOCKS.wsTarget)).not.toHaveProperty('initial_date');
    expect(inputOf(view, BLOCKS.wsTargetReason)?.hint?.text).toBe(
      'Not needed for a first target date, which becomes the baseline.',
    );
  });

  it('gives admins the re-baseline box, unticked, naming the baseline now', () => {
    const view = workstreamUpdateModal(program({ workstreams: [moved] }), moved, true);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(elementOf(view, BLOCKS.wsRebaseline)).toMatchObject({
      type: 'checkboxes',
      action_id: 'value',
      options: [
        {
          text: { type: 'plain_text', text: 'Re-baseline to this target' },
          value: REBASELINE,
          description: { type: 'plain_text', text: 'now 18 Jan 2027; the history records the re-baseline' },
        },
      ],
    });
  });

  it('stays within Block Kit limits with every part shown and names at their longest', () => {
    const w = workstream('sso', {
      name: 'N'.repeat(200),
      target: '2027-02-01',
      baseline: '2027-01-18',
      status: 'drafted',
    });
    const decisions = Array.from({ length: 150 }, (_, i) => decision(i + 1, { question: 'Q'.repeat(300) }));
    const view = workstreamUpdateModal(program({ workstreams: [w], decisions }), w, true);
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('updateSavedModal', () => {
  it('shows moved dates as days', () => {
    const view = updateSavedModal(workstream('sso', { name: 'SSO' }), [
      { field: 'target', oldValue: '2027-01-18', newValue: '2027-02-01' },
      { field: 'baseline', oldValue: null, newValue: '2027-02-01' },
    ]);
    expect(noticeText(view)).toContain('*Target:* 18 Jan 2027 → 1 Feb 2027\n*Baseline:* — → 1 Feb 2027');
  });
});
