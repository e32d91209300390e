import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeItemRef } from '../../src/ui/action-values.js';
import { LIST_ACTIONS, LIST_BLOCKS, listItemBlock } from '../../src/ui/ids.js';
import { risksList } from '../../src/ui/risks-list.js';
import { blockText, textsOf } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import {
  ADMIN,
  buttonsOf,
  listProgram,
  mrkdwnOf,
  OTHER_OWNER,
  OWNER,
  risk,
  STRANGER,
} from '../support/list-program.js';

const viewer = (userId: string) => ({ userId, admins: [] });

const kinds = (blocks: KnownBlock[]) => buttonsOf(blocks).map((b) => b.action_id?.replace(/:\d+$/, ''));

describe('risksList', () => {
  it('lists open risks severity first, with workstream and owning team, and counts closed ones', () => {
    const p = listProgram({
      risks: [
        risk(1, { text: 'low one', severity: 'low' }),
        risk(2, { text: 'high one', severity: 'high', workstream: 'mine' }),
        risk(3, { text: 'gone', status: 'closed', closedAt: '2026-11-20T10:00:00Z' }),
      ],
    });
    const { blocks, text } = risksList(p, viewer(STRANGER));
    const items = textsOf(blocks).join('\n');
    expect(items.indexOf('high one')).toBeLessThan(items.indexOf('low one'));
    expect(blockText(blocks, listItemBlock('risk', 2))).toContain(
      ':red_circle: *High* · high one\n_Workstream mine · Team mine_',
    );
    expect(blockText(blocks, listItemBlock('risk', 1))).toContain('_Program-wide_');
    expect(blockText(blocks, LIST_BLOCKS.closedHeader)).toContain('*Recently closed* (1 in all)');
    expect(blockText(blocks, listItemBlock('risk', 3))).toContain(
      `closed <!date^${Date.parse('2026-11-20T10:00:00Z') / 1000}^{date_short_pretty}|2026-11-20 10:00 UTC>`,
    );
    expect(text).toBe('Top risks of Builder Insights: 2 open (1 high), 1 closed');
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
  });

  it('offers Edit, Close and Reopen only where the viewer may change the risk, and Add to members', () => {
    const p = listProgram({
      risks: [
        risk(1, { workstream: 'mine' }),
        risk(2, { workstream: 'theirs' }),
        risk(3, { workstream: 'theirs', status: 'closed', closedAt: '2026-11-20T10:00:00Z' }),
      ],
    });
    expect(kinds(risksList(p, viewer(STRANGER)).blocks)).toEqual([]);
    const owner = risksList(p, viewer(OWNER)).blocks;
    expect(kinds(owner)).toEqual([LIST_ACTIONS.riskAdd, LIST_ACTIONS.riskEdit, LIST_ACTIONS.riskClose]);
    const edit = buttonsOf(owner).find((b) => b.action_id === `${LIST_ACTIONS.riskEdit}:1`);
    expect(decodeItemRef(edit?.value)).toEqual({ program: 'builder-insights', id: 1, version: 1 });
    expect(kinds(risksList(p, viewer(OTHER_OWNER)).blocks)).toEqual([
      LIST_ACTIONS.riskAdd,
      LIST_ACTIONS.riskEdit,
      LIST_ACTIONS.riskClose,
      LIST_ACTIONS.riskReopen,
    ]);
    expect(kinds(risksList(p, viewer(ADMIN)).blocks)).toHaveLength(6);
  });

  it('stays within 50 blocks with 200 risks, every action_id unique, and says how many more', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      risk(i + 1, {
        text: `risk ${i + 1} ${'x'.repeat(480)}`,
        severity: i % 2 ? 'high' : 'low',
        status: i % 10 === 9 ? 'closed' : 'open',
        closedAt: i % 10 === 9 ? '2026-11-20T10:00:00Z' : null,
      }),
    );
    const { blocks } = risksList(listProgram({ risks: many }), { userId: ADMIN, admins: [] });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    const ids = buttonsOf(blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    const shown = blocks.filter((b) => b.block_id?.startsWith('risk_item:')).length - 3;
    expect(blockText(blocks, LIST_BLOCKS.more)).toContain(`…and ${180 - shown} more open risks`);
    expect(blockText(blocks, LIST_BLOCKS.closedMore)).toContain('…and 17 more closed.');
    // High ones fill the list first.
    expect(textsOf(blocks[3]).join('\n')).toContain(':red_circle:');
  });

  it('escapes risk text, so <!channel> pings nobody, and keeps a notice with its Undo button on top', () => {
    const p = listProgram({ risks: [risk(1, { text: 'ping <!channel> & <@U123>', workstream: 'mine' })] });
    const { blocks, text } = risksList(p, viewer(OWNER), {
      notice: ':white_check_mark: Closed',
      undo: {
        type: 'button',
        action_id: LIST_ACTIONS.riskReopen,
        text: { type: 'plain_text', text: 'Undo' },
      },
    });
    const json = mrkdwnOf(blocks).join('\n');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).toContain('ping &lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(blocks[0]).toMatchObject({ block_id: LIST_BLOCKS.notice, accessory: { text: { text: 'Undo' } } });
    expect(text).not.toContain('<');
  });

  it('shows a risk’s text on its line and the workstream under it, whatever line breaks the text holds', () => {
    const p = listProgram({
      risks: [
        risk(1, { text: FORGED, severity: 'high', workstream: 'mine' }),
        risk(2, { text: `closed\n*High* · fake${BIDI}`, status: 'closed', closedAt: '2026-11-20T00:00:00Z' }),
      ],
    });
    const { blocks, text } = risksList(p, viewer(OWNER));
    const open = mrkdwnOf(blocks).find((t) => t.includes('beta risk')) ?? '';
    expect(open.split('\n')).toEqual([
      `:red_circle: *High* · ${FORGED_SHOWN}`,
      '_Workstream mine · Team mine_',
    ]);
    const closed = mrkdwnOf(blocks).find((t) => t.includes('closed ')) ?? '';
    expect(closed.split('\n')[0]).toBe(`:white_check_mark: closed *High* · fake${BIDI_SHOWN}`);
    expect(closed.split('\n')).toHaveLength(2);
    expect(forgedLines(mrkdwnOf(blocks).join('\n'))).toEqual([]);
    expect(JSON.stringify(buttonsOf(blocks))).not.toMatch(/\\n|[\u202A-\u202E]/);
    expect(text).not.toContain('\n');
  });

  it('says so when there is no risk, and offers Add to an admin', () => {
    const { blocks } = risksList(listProgram(), { userId: STRANGER, admins: [STRANGER] });
    expect(blockText(blocks, LIST_BLOCKS.summary)).toContain('No open risks.');
    expect(kinds(blocks)).toEqual([LIST_ACTIONS.riskAdd]);
  });
});
