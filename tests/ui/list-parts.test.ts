import type { PlainTextOption } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { LIST_BLOCKS } from '../../src/ui/ids.js';
import { BLOCK_LIMITS } from '../../src/ui/limits.js';
import { NO_WORKSTREAM, workstreamOptions } from '../../src/ui/list-parts.js';
import { nextActionModal } from '../../src/ui/next-action-modal.js';
import { riskModal } from '../../src/ui/risk-modal.js';
import { elementOf } from '../support/modal-state.js';
import { nextAction, numberedWorkstream, program, risk } from '../support/program-objects.js';

const values = (options: PlainTextOption[]) => options.map((o) => o.value);

/** A program with more workstreams than a select can offer. */
const big = program({ workstreams: Array.from({ length: 150 }, (_, i) => numberedWorkstream(i)) });

describe('workstreamOptions', () => {
  it('offers "None" then every workstream, in order, when they fit', () => {
    const p = program({ workstreams: [numberedWorkstream(0), numberedWorkstream(1)] });
    const options = workstreamOptions(p, null);
    expect(values(options)).toEqual([NO_WORKSTREAM, 'ws-0', 'ws-1']);
    expect(options[1]).toMatchObject({ text: { text: 'Workstream 0' }, description: { text: 'Team' } });
  });

  it('stays within 100 options on a program with more than 100 workstreams', () => {
    for (const current of [null, 'ws-0', 'ws-98', 'ws-99', 'ws-149']) {
      const options = workstreamOptions(big, current);
      expect(options.length).toBeLessThanOrEqual(BLOCK_LIMITS.selectOptions);
      expect(options[0]?.value).toBe(NO_WORKSTREAM);
      expect(new Set(values(options)).size).toBe(options.length);
      if (current) expect(values(options)).toContain(current);
    }
  });

  it('keeps the current workstream when it lies past the first 99, in place of the last one shown', () => {
    const options = values(workstreamOptions(big, 'ws-149'));
    expect(options).toHaveLength(BLOCK_LIMITS.selectOptions);
    expect(options.slice(0, 99)).toEqual([NO_WORKSTREAM, ...Array.from({ length: 98 }, (_, i) => `ws-${i}`)]);
    expect(options.at(-1)).toBe('ws-149');
  });

  it('makes the current workstream the initial option of the risk and action forms', () => {
    const p = program({
      ...big,
      risks: [risk(1, { workstream: 'ws-120' })],
      actions: [nextAction(1, { workstream: 'ws-130' })],
    });
    const riskForm = riskModal(p, p.risks[0]);
    const riskSelect = elementOf(riskForm, LIST_BLOCKS.riskWorkstream);
    expect((riskSelect?.options as PlainTextOption[] | undefined)?.length).toBeLessThanOrEqual(
      BLOCK_LIMITS.selectOptions,
    );
    expect(riskSelect?.initial_option).toMatchObject({ value: 'ws-120', text: { text: 'Workstream 120' } });
    // Slack refuses an initial_option that is not one of the options.
    expect(riskSelect?.options).toContainEqual(riskSelect?.initial_option);
    expect(blockKitProblems(riskForm.blocks, 'modal')).toEqual([]);

    const actionForm = nextActionModal(p, p.actions[0]);
    const actionSelect = elementOf(actionForm, LIST_BLOCKS.nextActionWorkstream);
    expect(actionSelect?.initial_option).toMatchObject({ value: 'ws-130' });
    expect(actionSelect?.options).toContainEqual(actionSelect?.initial_option);
    expect(blockKitProblems(actionForm.blocks, 'modal')).toEqual([]);
  });

  it('starts a new item, or one without a workstream, on "None"', () => {
    expect(elementOf(riskModal(big), LIST_BLOCKS.riskWorkstream)?.initial_option).toMatchObject({
      value: NO_WORKSTREAM,
    });
    const p = program({ ...big, risks: [risk(1, { workstream: null })] });
    expect(elementOf(riskModal(p, p.risks[0]), LIST_BLOCKS.riskWorkstream)?.initial_option).toMatchObject({
      value: NO_WORKSTREAM,
    });
  });
});
