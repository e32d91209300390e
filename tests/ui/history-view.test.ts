import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Workstream } from '../../src/domain/program.js';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { historyView } from '../../src/ui/history-view.js';
import { HISTORY_BLOCKS } from '../../src/ui/ids.js';
import { blocksText, blockText, textsOf } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { numberedWorkstream, program } from '../support/program-objects.js';

const NOW = new Date('2026-11-26T12:00:00Z');

const PROGRAM = program({
  name: 'Program <one>',
  workstreams: [
    numberedWorkstream(0, { key: 'identity-sso', name: 'Identity and SSO' }),
    numberedWorkstream(1, { key: 'hosting', name: 'Hosting' }),
  ],
});
const WS = PROGRAM.workstreams[0] as Workstream;

let nextId = 1;
function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: nextId++,
    entity: 'workstream',
    entityKey: 'identity-sso',
    entityLabel: 'Identity and SSO',
    field: 'status',
    oldValue: 'needs-decision',
    newValue: 'blocked',
    actor: 'UOWNER01',
    at: '2026-11-23T17:14:00Z',
    note: '',
    ...over,
  };
}

type History = ReturnType<typeof historyView>;
const json = (m: History) => JSON.stringify(m.blocks);
/** The texts of the history's entries, one a line. */
const entryTexts = (m: History) => blocksText(m.blocks, 'history_entry:');
const view = (entries: HistoryEntry[], over: Partial<Parameters<typeof historyView>[0]> = {}) =>
  historyView({
    program: PROGRAM,
    workstream: WS,
    entries,
    now: NOW,
    zone: 'America/Los_Angeles',
    zoneFallback: false,
    ...over,
  });

describe('historyView', () => {
  it('shows each change with its label, old → new as labels, who, relative and absolute time, and the note', () => {
    const m = view([
      entry({ note: 'Okta path rejected' }),
      entry({
        field: 'risk',
        oldValue: 'medium',
        newValue: 'high',
        actor: 'import',
        at: '2026-11-20T08:00:00Z',
      }),
    ]);
    const entries = m.blocks.filter((b) => String(b.block_id).startsWith('history_entry:'));
    expect(entries).toHaveLength(2);
    const first = textsOf(entries[0]).join('\n');
    expect(first).toContain('*Status*: Needs decision → Blocked');
    expect(first).toContain('by <@UOWNER01> · 3 days ago · Mon 23 Nov 2026, 09:14 PST');
    expect(first).toContain('_Note:_ Okta path rejected');
    const second = textsOf(entries[1]).join('\n');
    expect(second).toContain('*Risk*: Medium → High');
    expect(second).toContain('by an import · 6 days ago · Fri 20 Nov 2026, 00:00 PST');
    expect(blockText(m.blocks, HISTORY_BLOCKS.zone)).toContain(
      'Times are in your time zone (America/Los_Angeles)',
    );
    expect(blockKitProblems(m.blocks, 'message')).toEqual([]);
    expect(m.text).toBe('History of Identity and SSO: 2 most recent changes');
  });

  it('writes absolute times in the viewer’s zone, and says when it fell back to UTC', () => {
    expect(entryTexts(view([entry({})], { zone: 'Asia/Tokyo' }))).toContain('Tue 24 Nov 2026, 02:14 GMT+9');
    const utc = view([entry({})], { zone: 'UTC', zoneFallback: true });
    expect(entryTexts(utc)).toContain('Mon 23 Nov 2026, 17:14 UTC');
    expect(blockText(utc.blocks, HISTORY_BLOCKS.zone)).toContain(
      'Times are in UTC: I could not read your time zone from Slack.',
    );
  });

  it('labels text fields, mentions owners, names dependencies, and marks empty values', () => {
    const t = entryTexts(
      view([
        entry({ field: 'blocker', oldValue: '', newValue: 'waiting on Okta' }),
        entry({ field: 'summary', oldValue: 'a', newValue: 'b' }),
        entry({ field: 'state', oldValue: 'x', newValue: null }),
        entry({ field: 'owner_ids', oldValue: 'U1AAA, U2BBB', newValue: 'U2BBB' }),
        entry({ field: 'depends_on', oldValue: null, newValue: 'hosting, gone-key' }),
        entry({ field: 'created', oldValue: null, newValue: 'Identity and SSO' }),
        entry({ field: 'owner_team', oldValue: 'A', newValue: 'B' }),
      ]),
    );
    expect(t).toContain('*Main blocker*: — → waiting on Okta');
    expect(t).toContain('*Snapshot*: a → b');
    expect(t).toContain('*Current state*: x → —');
    expect(t).toContain('*Owners*: <@U1AAA>, <@U2BBB> → <@U2BBB>');
    expect(t).toContain('*Depends on*: — → Hosting, gone-key');
    expect(t).toContain('*Created*: Identity and SSO');
    expect(t).toContain('*Owning team*: A → B');
  });

  it('escapes stored text: values, notes, actors that are not user IDs, the program name', () => {
    const m = view([
      entry({
        field: 'blocker',
        oldValue: '<!channel>',
        newValue: '<https://evil.example|docs> & more',
        note: '<!here> ping',
        actor: '<@UEVIL>',
      }),
    ]);
    const t = json(m);
    expect(t).not.toContain('<!channel>');
    expect(t).not.toContain('<!here>');
    expect(t).not.toContain('<https://evil');
    expect(t).not.toContain('<@UEVIL>');
    expect(entryTexts(m)).toContain('&lt;!channel&gt; → &lt;https://evil.example|docs&gt; &amp; more');
    expect(entryTexts(m)).toContain('_Note:_ &lt;!here&gt; ping');
    expect(blockText(m.blocks, HISTORY_BLOCKS.zone)).toContain('Program &lt;one&gt;');
  });

  it('shows every value and note on the line it belongs to, snapshots included, without bidi controls', () => {
    const m = view(
      [
        entry({ id: 901, field: 'blocker', oldValue: 'none', newValue: FORGED, note: FORGED }),
        entry({
          id: 902,
          field: 'summary',
          oldValue: 'Old.\n\nParagraph',
          newValue: `New.\n*Status*: Done${BIDI}`,
        }),
      ],
      { workstream: { ...WS, name: `Identity\n${BIDI}` } },
    );
    const entries = m.blocks.filter((b) => b.block_id?.startsWith('history_entry:'));
    const lines = entries.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '').split('\n'));
    expect(lines[0]?.[0]).toBe(`*Main blocker*: none → ${FORGED_SHOWN}`);
    expect(lines[0]?.[2]).toBe(`_Note:_ ${FORGED_SHOWN}`);
    expect(lines[0]).toHaveLength(3);
    expect(lines[1]?.[0]).toBe(`*Snapshot*: Old. Paragraph → New. *Status*: Done${BIDI_SHOWN}`);
    expect(lines[1]).toHaveLength(2);
    expect(forgedLines(json(m).replace(/\\n/g, '\n'))).toEqual([]);
    expect(m.blocks[0]).toMatchObject({ text: { text: `History: Identity ${BIDI_SHOWN}` } });
    expect(m.text).toBe(`History of Identity ${BIDI_SHOWN}: 2 most recent changes`);
  });

  it('shows the 20 newest and counts the rest; long values stay within a section', () => {
    const long = 'x'.repeat(5000);
    const many = Array.from({ length: 45 }, (_, i) =>
      entry({
        field: 'blocker',
        oldValue: long,
        newValue: long,
        note: long,
        at: `2026-11-2${i % 5}T00:00:00Z`,
      }),
    );
    const m = view(many);
    expect(m.blocks.filter((b) => String(b.block_id).startsWith('history_entry:'))).toHaveLength(20);
    expect(blockText(m.blocks, HISTORY_BLOCKS.more)).toContain('…and 25 more earlier changes.');
    expect(blockKitProblems(m.blocks, 'message')).toEqual([]);
    const capped = view(many, { capped: true });
    expect(blockText(capped.blocks, HISTORY_BLOCKS.more)).toContain('…and more than 25 earlier changes.');
    const big = view(many, { limit: 500 });
    expect(big.blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems(big.blocks, 'message')).toEqual([]);
  });

  it('says when nothing is recorded yet', () => {
    const m = view([]);
    expect(blockText(m.blocks, HISTORY_BLOCKS.empty)).toContain(
      'No changes of Identity and SSO are recorded yet.',
    );
    expect(m.text).toBe('History of Identity and SSO: no changes recorded yet');
  });
});
