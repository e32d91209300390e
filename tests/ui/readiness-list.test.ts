import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeItemRef } from '../../src/ui/action-values.js';
import { LIST_ACTIONS, LIST_BLOCKS } from '../../src/ui/ids.js';
import { readinessList } from '../../src/ui/readiness-list.js';
import { blockText } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { ADMIN, buttonsOf, listProgram, mrkdwnOf, OWNER, readinessItem } from '../support/list-program.js';

describe('readinessList', () => {
  it('shows each dimension’s signal and note, with a Change button for admins only', () => {
    const p = listProgram({
      readiness: [
        readinessItem(1, {
          name: 'Identity readiness',
          signal: 'not-ready',
          note: 'until Okta is confirmed',
        }),
        readinessItem(2, { name: 'Hosting readiness', signal: 'ready', note: '' }),
      ],
    });
    const admin = readinessList(p, { userId: ADMIN, admins: [] });
    const texts = mrkdwnOf(admin.blocks).join('\n');
    expect(texts).toContain(':red_circle: *Identity readiness* — Not ready\nuntil Okta is confirmed');
    expect(texts).toContain(':large_green_circle: *Hosting readiness* — Ready\n_no note_');
    const buttons = buttonsOf(admin.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([
      `${LIST_ACTIONS.readinessEdit}:1`,
      `${LIST_ACTIONS.readinessEdit}:2`,
    ]);
    expect(decodeItemRef(buttons[0]?.value)).toEqual({ program: 'builder-insights', id: 1, version: 1 });
    expect(admin.text).toBe('Readiness of Builder Insights: 2 dimensions, 1 not ready');

    const owner = readinessList(p, { userId: OWNER, admins: [] });
    expect(buttonsOf(owner.blocks)).toEqual([]);
    expect(mrkdwnOf(owner.blocks).join('\n')).toContain(
      'changes readiness: it is the program’s go/no-go call',
    );
  });

  it('shows a dimension’s name on its line and its note on one line under it', () => {
    const p = listProgram({
      readiness: [readinessItem(1, { name: `Identity\n:red_circle: *Hosting*${BIDI}`, note: FORGED })],
    });
    const { blocks } = readinessList(p, { userId: ADMIN, admins: [] });
    const item = mrkdwnOf(blocks).find((t) => t.includes('beta risk')) ?? '';
    expect(item.split('\n')).toEqual([
      `:large_yellow_circle: *Identity :red_circle: *Hosting*${BIDI_SHOWN}* — Partially ready`,
      FORGED_SHOWN,
    ]);
    expect(forgedLines(mrkdwnOf(blocks).join('\n'))).toEqual([]);
    expect(JSON.stringify(buttonsOf(blocks))).not.toMatch(/\\n|[\u202A-\u202E\u2066-\u2069]/);
  });

  it('stays within 50 blocks with 200 dimensions, escaped, and says how many more', () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      readinessItem(i + 1, { name: `<!here> dim ${i}`, note: `${'n'.repeat(495)} <b>` }),
    );
    const { blocks } = readinessList(listProgram({ readiness: items }), { userId: ADMIN, admins: [] });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    const shown = blocks.filter((b) => b.block_id?.startsWith('readiness_item:')).length;
    expect(blockText(blocks, LIST_BLOCKS.more)).toContain(`…and ${200 - shown} more dimensions.`);
    expect(mrkdwnOf(blocks).join('\n')).not.toMatch(/<!here>|<b>/);
  });
});
