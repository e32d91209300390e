import { describe, expect, it } from 'vitest';
import { viewProblems } from '../../src/slack-standin/block-kit-rules.js';
import {
  decidedByBlock,
  decisionAskModal,
  deferDecisionModal,
  isDecidedByBlock,
  pickProgramModal,
  readCarried,
  recordDecisionModal,
  withdrawDecisionModal,
} from '../../src/ui/decision-modals.js';
import { DECISION_BLOCKS } from '../../src/ui/ids.js';
import { listProgram, OWNER, ws } from '../support/list-program.js';
import { elementOf, labelsOf } from '../support/modal-state.js';
import { decision } from '../support/program-objects.js';

const title = (v: unknown) => (v as { title?: { text: string } }).title?.text ?? '';

describe('the decision forms', () => {
  const d = decision(7, { workstreams: ['mine'], deciders: [OWNER, 'not an id'], neededBy: '2026-12-11' });
  const p = listProgram({ decisions: [d, decision(8)] });

  it('are valid Block Kit with titles within 24 characters', () => {
    const views = [
      decisionAskModal(p),
      decisionAskModal(p, d),
      recordDecisionModal({ program: p, decision: d, today: '2026-11-30' }),
      recordDecisionModal({
        program: p,
        today: '2026-11-30',
        outcome: 'x'.repeat(5000),
        link: 'https://a.example',
      }),
      deferDecisionModal(p, d),
      withdrawDecisionModal(p, d),
      pickProgramModal([{ slug: 'a', name: 'A' }], { outcome: 'o', link: 'l' }),
    ];
    for (const v of views) {
      expect(viewProblems(v, 'modal')).toEqual([]);
      expect(title(v).length).toBeLessThanOrEqual(24);
    }
  });

  it('prefill the record form: deciders who are users, today, and the one workstream it holds up', () => {
    const v = recordDecisionModal({ program: p, decision: d, today: '2026-11-30' });
    expect(elementOf(v, DECISION_BLOCKS.decidedBy)).toMatchObject({ initial_users: [OWNER] });
    expect(elementOf(v, DECISION_BLOCKS.decidedAt)).toMatchObject({ initial_date: '2026-11-30' });
    expect(elementOf(v, DECISION_BLOCKS.moveWorkstream)).toMatchObject({
      initial_option: { value: '1:mine' },
    });
    expect(elementOf(v, DECISION_BLOCKS.moveStatus)).toMatchObject({
      initial_option: { value: 'drafted' },
    });
  });

  it('leave the move-on part out when the decision holds up no workstream', () => {
    const v = recordDecisionModal({ program: p, decision: decision(8), today: '2026-11-30' });
    expect(labelsOf(v)).toEqual(['Outcome', 'Decided by', 'Decided on', 'Link']);
  });

  it('from a message: ask which decision, prefill the outcome cut to its limit and the link', () => {
    const v = recordDecisionModal({
      program: p,
      today: '2026-11-30',
      outcome: 'x'.repeat(5000),
      link: 'https://a.example',
    });
    expect(labelsOf(v).slice(0, 3)).toEqual(['Which decision', 'Question', 'Outcome']);
    expect(String(elementOf(v, DECISION_BLOCKS.outcome)?.initial_value).length).toBe(1000);
    expect(elementOf(v, DECISION_BLOCKS.link)).toMatchObject({ initial_value: 'https://a.example' });
    // A new decision may move any workstream of the program on.
    expect(elementOf(v, DECISION_BLOCKS.moveWorkstream)?.options).toHaveLength(2);
  });

  it('from a message: picking a decision tells the app, which shows its deciders under a block of their own', () => {
    const asked = recordDecisionModal({ program: p, today: '2026-11-30' });
    expect(asked.blocks.find((b) => b.block_id === DECISION_BLOCKS.pick)).toMatchObject({
      dispatch_action: true,
    });
    expect(elementOf(asked, DECISION_BLOCKS.decidedBy)?.initial_users).toBeUndefined();

    const picked = recordDecisionModal({ program: p, today: '2026-11-30', outcome: 'typed', picked: d });
    expect(viewProblems(picked, 'modal')).toEqual([]);
    expect(elementOf(picked, DECISION_BLOCKS.pick)).toMatchObject({ initial_option: { value: '7:1' } });
    expect(elementOf(picked, DECISION_BLOCKS.decidedBy)).toBeUndefined();
    expect(elementOf(picked, decidedByBlock(d))).toMatchObject({ initial_users: [OWNER] });
    expect(isDecidedByBlock(decidedByBlock(d))).toBe(true);
    expect(isDecidedByBlock(DECISION_BLOCKS.decidedAt)).toBe(false);
    expect(elementOf(picked, DECISION_BLOCKS.outcome)).toMatchObject({ initial_value: 'typed' });
  });

  it('offer at most 100 workstreams and decisions in their selects', () => {
    const big = listProgram({
      workstreams: Array.from({ length: 150 }, (_, i) => ws(`w${i}`, [OWNER])),
      decisions: Array.from({ length: 150 }, (_, i) => decision(i + 1)),
    });
    expect(viewProblems(recordDecisionModal({ program: big, today: '2026-11-30' }), 'modal')).toEqual([]);
    expect(viewProblems(decisionAskModal(big), 'modal')).toEqual([]);
  });

  it('carry the message from the program step to the record form', () => {
    expect(readCarried(JSON.stringify({ o: 'text', l: 'https://x' }))).toEqual({
      outcome: 'text',
      link: 'https://x',
    });
    expect(readCarried('not json')).toEqual({ outcome: '', link: '' });
  });
});
