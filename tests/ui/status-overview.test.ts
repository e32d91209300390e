import { describe, expect, it } from 'vitest';
import type { Workstream } from '../../src/domain/program.js';
import { statusOverview, statusOverviewOf, workstreamRow } from '../../src/ui/status-overview.js';
import { blockKitProblems } from '../support/block-kit-rules.js';
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
    expect(JSON.stringify(fits.blocks)).not.toContain('more workstream');
    const cut = statusOverview(program(Array.from({ length: 48 }, (_, i) => ws(i))));
    expect(cut.blocks).toHaveLength(50);
    expect(JSON.stringify(cut.blocks)).toContain('…and 2 more workstreams');
  });

  it('keeps a row within a section even with the longest stored texts', () => {
    const long = ws(1, { name: 'n'.repeat(150), ownerTeam: '&'.repeat(200), blocker: '<'.repeat(500) });
    const row = workstreamRow(long);
    expect(row.length).toBeLessThanOrEqual(3000);
    expect(row).toContain('&amp;&amp;');
    expect(blockKitProblems(statusOverview(program([long])).blocks, 'message')).toEqual([]);
  });

  it('says an empty program has no workstreams yet', () => {
    expect(JSON.stringify(statusOverview(program([])).blocks)).toContain('no workstreams yet');
  });
});

describe('statusOverviewOf', () => {
  it('builds the overview once per program snapshot and again for a new one', () => {
    const snapshot = program([ws(1)]);
    const first = statusOverviewOf(snapshot);
    expect(statusOverviewOf(snapshot)).toBe(first);
    expect(first).toEqual(statusOverview(snapshot));
    const changed = program([ws(1, { status: 'blocked', blocker: 'b' })]);
    expect(statusOverviewOf(changed)).not.toBe(first);
    expect(JSON.stringify(statusOverviewOf(changed))).toContain('Blocked');
  });
});
