import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decisionRecordedNotice } from '../../src/ui/decision-notice.js';
import { textsOf } from '../support/blocks.js';
import { FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { listProgram, mrkdwnOf, OWNER } from '../support/list-program.js';
import { decision } from '../support/program-objects.js';

describe('decisionRecordedNotice', () => {
  const p = listProgram({ name: 'Builder <!here> Insights' });
  const d = decision(1, {
    question: FORGED,
    outcome: FORGED,
    state: 'decided',
    decidedBy: [OWNER],
    decidedAt: '2026-11-30',
    link: 'https://x.example/a|b',
    workstreams: ['mine'],
  });

  it('says who decided what, where, and the workstream moved on, escaped on one line', () => {
    const w = p.workstreams[0];
    if (!w) throw new Error('fixture');
    const n = decisionRecordedNotice({
      program: p,
      decision: d,
      actor: OWNER,
      moved: {
        workstream: w,
        changes: [{ field: 'status', oldValue: 'needs-decision', newValue: 'drafted' }],
      },
    });
    expect(blockKitProblems(n.blocks, 'message')).toEqual([]);
    const all = textsOf(n).join('\n');
    expect(all).toContain(`*Decision recorded* by <@${OWNER}> · Builder &lt;!here&gt; Insights`);
    expect(all).toContain(`> ${FORGED_SHOWN}`);
    expect(all).toContain('*Workstream mine* moves on: Needs decision → Drafted');
    expect(all).toContain('<https://x.example/a%7Cb|Where it was decided>');
    expect(all).toContain(`Decided by <@${OWNER}> on Mon 30 Nov 2026 · Held up: Workstream mine`);
    for (const t of [...mrkdwnOf(n.blocks), n.text]) expect(forgedLines(t)).toEqual([]);
    expect(n.text).not.toContain('<!here>');
    expect(n.text).not.toContain('<@U0CEO>');
  });

  it('opens the owners’ DM with why they get it', () => {
    const n = decisionRecordedNotice(
      { program: p, decision: d, actor: OWNER },
      'A decision your workstream was waiting on is made.',
    );
    expect(textsOf(n.blocks)[0]).toMatch(/^A decision your workstream was waiting on is made\.\n/);
  });
});
