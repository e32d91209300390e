import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Workstream } from '../../src/domain/program.js';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeStatusPageRef } from '../../src/ui/action-values.js';
import { ACTIONS, BLOCKS } from '../../src/ui/ids.js';
import {
  STATUS_PAGE_SIZE,
  statusLine,
  statusOverview,
  statusPage,
  WHOLE_PROGRAM_ROWS,
  workstreamRow,
} from '../../src/ui/status-overview.js';
import { blockText, blockWithId, textsWith } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_PLAIN, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { program as baseProgram, numberedWorkstream } from '../support/program-objects.js';

const ws = numberedWorkstream;
const program = (workstreams: Workstream[]) => baseProgram({ workstreams });

describe('statusOverview', () => {
  it('orders high risk first and done work last', () => {
    const p = program([
      ws(0, { name: 'Done high', status: 'done', risk: 'high' }),
      ws(1, { name: 'Low' }),
      ws(2, { name: 'High', risk: 'high' }),
    ]);
    const rows = statusOverview(p).blocks.filter((b) => b.block_id?.startsWith('ws_row:'));
    expect(rows.map((b) => b.block_id)).toEqual(['ws_row:ws-2', 'ws_row:ws-1', 'ws_row:ws-0']);
  });

  it('shows every workstream when they fit exactly, and cuts with "and N more" when not', () => {
    const fits = statusOverview(program(Array.from({ length: 47 }, (_, i) => ws(i))));
    expect(fits.blocks).toHaveLength(50);
    expect(textsWith(fits.blocks, 'more workstream')).toEqual([]);
    const cut = statusOverview(program(Array.from({ length: 48 }, (_, i) => ws(i))));
    expect(cut.blocks).toHaveLength(50);
    expect(blockText(cut.blocks, BLOCKS.statusMore)).toContain('…and 2 more workstreams');
  });

  it('keeps a row within a section even with the longest stored texts', () => {
    const long = ws(1, { name: 'n'.repeat(150), ownerTeam: '&'.repeat(200), blocker: '<'.repeat(500) });
    const { blocks } = statusOverview(program([long]));
    // The row as Slack gets it: the section builder cuts it to a section's 3,000 characters.
    const row = (blocks.find((b) => b.block_id === 'ws_row:ws-1') as SectionBlock).text?.text ?? '';
    expect(row.length).toBeLessThanOrEqual(3000);
    expect(row).toContain('&amp;&amp;');
    expect(row.startsWith(workstreamRow(long).slice(0, 2000))).toBe(true);
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
  });

  it('keeps every user text of a row on its own line, without bidi controls, in blocks and buttons', () => {
    const w = ws(1, { name: `Identity${BIDI}\n*Blocker:* none`, ownerTeam: FORGED, blocker: FORGED });
    const row = workstreamRow(w);
    expect(row.split('\n')).toEqual([
      `*Identity${BIDI_SHOWN} *Blocker:* none*`,
      statusLine(w),
      `_${FORGED_SHOWN}_`,
      `*Blocker:* ${FORGED_SHOWN}`,
    ]);
    expect(forgedLines(row)).toEqual([]);
    const p = baseProgram({ name: `Program\n${FORGED}`, workstreams: [w] });
    const { blocks, text } = statusOverview(p);
    expect(blocks[0]).toMatchObject({ text: { text: `Program ${FORGED_PLAIN}` } });
    expect(blockWithId(blocks, 'ws_row:ws-1')).toMatchObject({
      accessory: { accessibility_label: `Details of Identity${BIDI_SHOWN} *Blocker:* none` },
    });
    expect(text).toBe(`Program ${FORGED_SHOWN}: 1 workstream, 0 blocked, 0 high risk`);
  });

  it('shows the current state on the row’s block, escaped and on one line, and nothing for an empty state', () => {
    const p = program([
      ws(1, { state: 'likely path <!channel>\n*Blocker:* none & more' }),
      ws(2, { state: '' }),
    ]);
    const { blocks } = statusOverview(p);
    expect(blockText(blocks, 'ws_row:ws-1').split('\n')).toContain(
      '*State:* likely path &lt;!channel&gt; *Blocker:* none &amp; more',
    );
    expect(blockText(blocks, 'ws_row:ws-2')).not.toContain('State:');
    expect(blockText(statusPage(p).blocks, 'ws_row:ws-1')).toContain('*State:* likely path');
  });

  it('ends with the program’s references as links, titles escaped, a non-http URL not linked', () => {
    const p = baseProgram({
      workstreams: [ws(1)],
      references: [
        { position: 0, title: 'Decision <Register> & co', url: 'https://wiki.example.com/a|b?x=1&y=2' },
        { position: 1, title: 'Share', url: 'ftp://files.example.com/x' },
        { position: 2, title: 'Notes', url: null },
      ],
    });
    for (const { blocks } of [statusOverview(p), statusPage(p)]) {
      expect(blocks.at(-1)?.block_id).toBe(BLOCKS.statusReferences);
      const line = blockText(blocks, BLOCKS.statusReferences);
      expect(line).toContain(
        '<https://wiki.example.com/a%7Cb?x=1&amp;y=2|Decision &lt;Register&gt; &amp; co>',
      );
      expect(line).toContain('Share (ftp://files.example.com/x)');
      expect(line).not.toContain('<ftp:');
      expect(line).toContain('Notes');
      expect(blockKitProblems(blocks, 'message')).toEqual([]);
    }
    expect(statusOverview(program([ws(1)])).blocks.some((b) => b.block_id === BLOCKS.statusReferences)).toBe(
      false,
    );
  });

  it('keeps references within the line and the program within 50 blocks', () => {
    const references = Array.from({ length: 100 }, (_, i) => ({
      position: i,
      title: `${'&'.repeat(200)} ${i}`,
      url: `https://wiki.example.com/${'p'.repeat(1900)}/${i}`,
    }));
    const p = baseProgram({ workstreams: Array.from({ length: 60 }, (_, i) => ws(i)), references });
    for (const { blocks } of [statusOverview(p), statusPage(p), statusPage(p, 2)]) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      const line = blockText(blocks, BLOCKS.statusReferences);
      expect(line.length).toBeLessThanOrEqual(3000);
      expect(line).toMatch(/…and \d+ more$/);
      expect(blockKitProblems(blocks, 'message')).toEqual([]);
    }
    const whole = statusPage(
      baseProgram({ workstreams: Array.from({ length: 47 }, (_, i) => ws(i)), references }),
    );
    expect(whole.blocks.length).toBeLessThanOrEqual(50);
  });

  it('says an empty program has no workstreams yet', () => {
    expect(blockText(statusOverview(program([])).blocks, BLOCKS.statusCounts)).toContain(
      'no workstreams yet',
    );
  });
});

describe('statusPage', () => {
  const rowIds = (blocks: KnownBlock[]) =>
    blocks.filter((b) => b.block_id?.startsWith('ws_row:')).map((b) => b.block_id);
  const pageButtons = (blocks: KnownBlock[]) =>
    ((blocks.find((b) => b.block_id === BLOCKS.statusPages) as ActionsBlock | undefined)?.elements ??
      []) as Button[];

  it('shows a program that fits in one message whole, without page buttons, and pages one that does not', () => {
    const whole = statusPage(program(Array.from({ length: WHOLE_PROGRAM_ROWS }, (_, i) => ws(i))));
    expect(whole.blocks).toHaveLength(50);
    expect(rowIds(whole.blocks)).toHaveLength(WHOLE_PROGRAM_ROWS);
    expect(whole.blocks.some((b) => b.block_id === BLOCKS.statusPages)).toBe(false);
    expect(textsWith(whole.blocks, 'more workstream')).toEqual([]);

    const paged = statusPage(program(Array.from({ length: WHOLE_PROGRAM_ROWS + 1 }, (_, i) => ws(i))));
    expect(rowIds(paged.blocks)).toHaveLength(STATUS_PAGE_SIZE);
    expect(blockText(paged.blocks, BLOCKS.statusMore)).toContain(
      `…and ${WHOLE_PROGRAM_ROWS + 1 - STATUS_PAGE_SIZE} more`,
    );
  });

  it('pages a large program in the overview order, saying which rows and how many more', () => {
    const p = program(Array.from({ length: 1000 }, (_, i) => ws(i, i % 2 ? {} : { risk: 'high' })));
    const first = statusPage(p, 0);
    expect(rowIds(first.blocks)).toEqual(
      Array.from({ length: STATUS_PAGE_SIZE }, (_, i) => `ws_row:ws-${2 * i}`),
    );
    expect(blockText(first.blocks, BLOCKS.statusMore)).toContain(
      'Workstreams 1–20 of 1,000, high risks first; …and 980 more',
    );
    expect(pageButtons(first.blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      [ACTIONS.statusPageNext, 'Next 20 ›'],
    ]);
    expect(decodeStatusPageRef(pageButtons(first.blocks)[0]?.value)).toEqual({ program: p.slug, page: 1 });

    const second = statusPage(p, 1);
    expect(rowIds(second.blocks)[0]).toBe('ws_row:ws-40');
    expect(pageButtons(second.blocks).map((b) => b.action_id)).toEqual([
      ACTIONS.statusPagePrevious,
      ACTIONS.statusPageNext,
    ]);
    expect(decodeStatusPageRef(pageButtons(second.blocks)[0]?.value)).toEqual({ program: p.slug, page: 0 });

    for (const page of [first, second, statusPage(p, 49)])
      expect(blockKitProblems(page.blocks, 'message')).toEqual([]);
  });

  it('ends with the last rows and no Next button; a page past the end shows the last one', () => {
    const p = program(Array.from({ length: 52 }, (_, i) => ws(i)));
    const last = statusPage(p, 2);
    expect(rowIds(last.blocks)).toEqual(Array.from({ length: 12 }, (_, i) => `ws_row:ws-${40 + i}`));
    expect(blockText(last.blocks, BLOCKS.statusMore)).toContain('Workstreams 41–52 of 52, high risks first.');
    expect(pageButtons(last.blocks).map((b) => b.text.text)).toEqual(['‹ Previous 20']);
    expect(statusPage(p, 7)).toEqual(last);
    expect(statusPage(p, -3)).toEqual(statusPage(p, 0));
  });

  it('escapes the program name in the fallback text', () => {
    const p = baseProgram({ name: '<!channel> & co', workstreams: [ws(1)] });
    expect(statusPage(p).text).toContain('&lt;!channel&gt; &amp; co');
  });
});
