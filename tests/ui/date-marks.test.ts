import { describe, expect, it } from 'vitest';
import { dateMarks } from '../../src/domain/date-marks.js';
import { dateConflicts } from '../../src/domain/target-dates.js';
import { dateConflictNotice } from '../../src/ui/date-conflict-notice.js';
import { dayLabel, dueBeforeText, targetLine } from '../../src/ui/date-labels.js';
import { homeView } from '../../src/ui/home-view.js';
import { homeWorkstreamBlock, workstreamRowBlock } from '../../src/ui/ids.js';
import { statusOverview, statusPage, workstreamRow } from '../../src/ui/status-overview.js';
import { blockText, textOf } from '../support/blocks.js';
import { FORGED, FORGED_SHOWN } from '../support/forged-text.js';
import { program as baseProgram, milestone, workstream } from '../support/program-objects.js';

const ME = 'UME000001';

/** Identity (due 1 Feb, slipped from 18 Jan) and Gating (due 20 Jan, waits on Identity), both mine. */
function datedProgram() {
  return baseProgram({
    slug: 'dated',
    name: 'Dated',
    workstreams: [
      workstream('identity', {
        name: 'Identity and SSO',
        ownerIds: [ME],
        target: '2027-02-01',
        baseline: '2027-01-18',
      }),
      workstream('gating', {
        name: 'Readiness gating',
        ownerIds: [ME],
        dependsOn: ['identity'],
        target: '2027-01-20',
        baseline: '2027-01-20',
      }),
      workstream('calm', { name: 'Calm', target: '2027-01-01', baseline: '2027-01-01' }),
    ],
  });
}

describe('date labels', () => {
  it('says dates, slips and moves as people do', () => {
    expect(dayLabel('2027-02-01')).toBe('1 Feb 2027');
    expect(dayLabel('2027-01-15', '2027-02-01')).toBe('15 Jan');
    expect(dayLabel('2026-12-15', '2027-02-01')).toBe('15 Dec 2026');
    expect(targetLine({ target: '2027-02-01', baseline: '2027-01-18' }, 2)).toBe(
      'target 1 Feb 2027 · baseline 18 Jan: +2 weeks, moved twice',
    );
    expect(targetLine({ target: '2027-02-01', baseline: '2027-02-01' })).toBe('target 1 Feb 2027');
    expect(targetLine({ target: '2027-01-30', baseline: '2027-02-01' }, 1)).toBe(
      'target 30 Jan 2027 · baseline 1 Feb: −2 days, moved once',
    );
    expect(targetLine({ target: null, baseline: null })).toBe('no target date');
  });

  it('names at most two upstream items, escaped, and counts the rest', () => {
    const up = (name: string) => ({
      subject: { kind: 'workstream' as const, key: 's', name: 'S', target: '2027-01-01' },
      upstream: { kind: 'workstream' as const, key: name, name, target: '2027-02-01' },
    });
    expect(dueBeforeText([up('A'), up('B')])).toBe('due before A and B');
    expect(dueBeforeText([up('A'), up('B'), up('C'), up('D')])).toBe('due before A, B and 2 more');
    // Cut to stay a marker, never a paragraph; escaped, on one line.
    const forged = dueBeforeText([up(FORGED)]);
    expect(forged.startsWith(`due before ${FORGED_SHOWN.slice(0, 60)}`)).toBe(true);
    expect(forged).not.toMatch(/<@|\n/);
  });
});

describe('slips and conflicts stay visible', () => {
  it('marks a slipped row and a row due before what it depends on in the overview; not calm or done work', () => {
    const p = datedProgram();
    const { blocks } = statusOverview(p);
    expect(blockText(blocks, workstreamRowBlock('identity'))).toContain(
      ':hourglass_flowing_sand: target 1 Feb 2027 (+2 weeks)',
    );
    expect(blockText(blocks, workstreamRowBlock('gating'))).toContain(
      ':warning: due before Identity and SSO',
    );
    expect(blockText(blocks, workstreamRowBlock('calm'))).not.toMatch(/hourglass|warning/);
    expect(textOf(statusPage(p).blocks)).toContain(':warning: due before Identity and SSO');

    const done = { ...p, workstreams: p.workstreams.map((w) => ({ ...w, status: 'done' as const })) };
    expect(textOf(statusOverview(done).blocks)).not.toMatch(/hourglass|:warning:/);
  });

  it('puts the same markers on your workstreams in the App Home', () => {
    const view = homeView({ userId: ME, programs: [datedProgram()], now: new Date('2026-11-30T12:00:00Z') });
    expect(blockText(view.blocks, homeWorkstreamBlock('dated', 'identity'))).toContain(
      ':hourglass_flowing_sand: target 1 Feb 2027 (+2 weeks)',
    );
    expect(blockText(view.blocks, homeWorkstreamBlock('dated', 'gating'))).toContain(
      ':warning: due before Identity and SSO',
    );
  });

  it('computes the marks once per stored (frozen) program, not once per row', () => {
    const frozen = Object.freeze(datedProgram());
    expect(dateMarks(frozen)).toBe(dateMarks(frozen));
    expect(workstreamRow(frozen.workstreams[1] as never, dateMarks(frozen))).toContain('due before');
  });

  it('leaves out conflicts with done work on either side', () => {
    const p = datedProgram();
    expect(dateConflicts(p).map((c) => `${c.subject.key}>${c.upstream.key}`)).toEqual(['gating>identity']);
    const upstreamDone = {
      ...p,
      workstreams: p.workstreams.map((w) => (w.key === 'identity' ? { ...w, status: 'done' as const } : w)),
    };
    expect(dateConflicts(upstreamDone)).toEqual([]);
  });

  it('escapes names in the owners’ DM', () => {
    const p = baseProgram({
      name: FORGED,
      workstreams: [workstream('up', { name: FORGED, target: '2027-02-01' })],
      milestones: [milestone('Gate', ['up'], { target: '2027-01-15', owner: ME })],
    });
    const [conflict] = dateConflicts(p);
    const dm = dateConflictNotice(p, conflict as NonNullable<typeof conflict>);
    expect(dm.text).not.toContain('<@U0CEO>');
    expect(textOf(dm.blocks)).toContain(
      `Gate is due 15 Jan 2027 but depends on ${FORGED_SHOWN}, due 1 Feb 2027`,
    );
  });
});
