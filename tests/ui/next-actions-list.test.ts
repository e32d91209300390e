import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { LIST_ACTIONS, LIST_BLOCKS } from '../../src/ui/ids.js';
import { nextActionsList } from '../../src/ui/next-actions-list.js';
import { blockText } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import {
  ADMIN,
  buttonsOf,
  listProgram,
  mrkdwnOf,
  nextAction,
  OTHER_OWNER,
  OWNER,
  STRANGER,
} from '../support/list-program.js';

// 20:00 UTC on 1 Dec: still 1 Dec in Los Angeles, already 2 Dec in Auckland.
const NOW = new Date('2026-12-01T20:00:00Z');
const kinds = (blocks: Parameters<typeof buttonsOf>[0]) =>
  buttonsOf(blocks).map((b) => b.action_id?.replace(/:\d+$/, ''));

describe('nextActionsList', () => {
  it('marks overdue actions against the program’s own calendar date', () => {
    const actions = [nextAction(1, { text: 'due 1 Dec', due: '2026-12-01' })];
    const la = mrkdwnOf(
      nextActionsList(listProgram({ actions, timezone: 'America/Los_Angeles' }), viewer(), NOW).blocks,
    );
    expect(la.join('\n')).toContain('due 1 Dec\nOwner: _nobody yet_ · _Program-wide_ · *Due today*');
    expect(la.join('\n')).not.toContain('OVERDUE');
    const nz = nextActionsList(listProgram({ actions, timezone: 'Pacific/Auckland' }), viewer(), NOW);
    expect(mrkdwnOf(nz.blocks).join('\n')).toContain(':warning: *OVERDUE* · due 1 Dec\n');
    expect(mrkdwnOf(nz.blocks).join('\n')).toContain('*Due Tue 1 Dec 2026* (1 day late)');
    expect(nz.text).toBe('Next actions of Builder Insights: 1 open, 1 overdue, 0 done');
  });

  it('lists open actions soonest due first, owners mentioned or escaped, done ones counted', () => {
    const p = listProgram({
      actions: [
        nextAction(1, { text: 'undated', owner: 'Platform <!here> team' }),
        nextAction(2, { text: 'later', due: '2026-12-20', owner: OWNER, workstream: 'mine' }),
        nextAction(3, { text: 'sooner', due: '2026-12-05' }),
        nextAction(4, { text: 'finished', done: true }),
      ],
    });
    const { blocks } = nextActionsList(p, viewer(), NOW);
    const texts = mrkdwnOf(blocks).join('\n');
    expect(texts.indexOf('sooner')).toBeLessThan(texts.indexOf('later'));
    expect(texts.indexOf('later')).toBeLessThan(texts.indexOf('undated'));
    expect(texts).not.toContain('finished');
    expect(texts).toContain(':white_check_mark: 1 done');
    expect(texts).toContain(`Owner: <@${OWNER}> · _Workstream mine · Team mine_ · Due Sun 20 Dec 2026`);
    expect(texts).toContain('Owner: Platform &lt;!here&gt; team');
    expect(texts).not.toContain('<!here>');
  });

  it('shows an action’s text on its line and its owner, workstream and date under it, whatever the text holds', () => {
    const p = listProgram({
      actions: [nextAction(1, { text: FORGED, owner: `Platform\n*Owner:* team${BIDI}`, workstream: 'mine' })],
    });
    const { blocks, text } = nextActionsList(p, viewer(), NOW);
    const item = mrkdwnOf(blocks).find((t) => t.includes('beta risk')) ?? '';
    expect(item.split('\n')).toEqual([
      FORGED_SHOWN,
      `Owner: Platform *Owner:* team${BIDI_SHOWN} · _Workstream mine · Team mine_ · No due date`,
    ]);
    expect(forgedLines(mrkdwnOf(blocks).join('\n'))).toEqual([]);
    expect(text).not.toContain('\n');
  });

  it('offers Edit and Mark done where the viewer may change the action, Add to members', () => {
    const p = listProgram({
      actions: [
        nextAction(1, { workstream: 'mine' }),
        nextAction(2, { workstream: 'theirs', owner: STRANGER }),
      ],
    });
    expect(kinds(nextActionsList(p, viewer(OWNER), NOW).blocks)).toEqual([
      LIST_ACTIONS.nextActionAdd,
      LIST_ACTIONS.nextActionEdit,
      LIST_ACTIONS.nextActionDone,
    ]);
    // The person an action is assigned to may mark it done, though they may not add.
    expect(kinds(nextActionsList(p, viewer(STRANGER), NOW).blocks)).toEqual([
      LIST_ACTIONS.nextActionEdit,
      LIST_ACTIONS.nextActionDone,
    ]);
    expect(kinds(nextActionsList(p, viewer(OTHER_OWNER), NOW).blocks)).toHaveLength(3);
    expect(kinds(nextActionsList(p, viewer(ADMIN), NOW).blocks)).toHaveLength(5);
  });

  it('stays within 50 blocks with 200 actions, every action_id unique, and says how many more', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      nextAction(i + 1, {
        text: `action ${i} ${'y'.repeat(490)}`,
        owner: i % 2 ? OWNER : 'x'.repeat(100),
        due: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
        done: i % 20 === 19,
      }),
    );
    const { blocks, text } = nextActionsList(listProgram({ actions: many }), viewer(ADMIN), NOW);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    const ids = buttonsOf(blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    const shown = blocks.filter((b) => b.block_id?.startsWith('action_item:')).length;
    expect(blockText(blocks, LIST_BLOCKS.more)).toContain(`…and ${190 - shown} more open actions`);
    expect(text).toBe('Next actions of Builder Insights: 190 open, 0 overdue, 10 done');
  });
});

function viewer(userId = STRANGER) {
  return { userId, admins: [] };
}
