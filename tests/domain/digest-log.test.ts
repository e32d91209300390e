import { describe, expect, it } from 'vitest';
import { digestLog, type RunRecord, summarizeDigestLog } from '../../src/domain/digest-log.js';

const ZONE = 'America/Los_Angeles';
const MONDAYS = '0 9 * * 1';

function run(weekKey: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    weekKey,
    seq: 0,
    status: 'posted',
    trigger: 'schedule',
    claimedAt: '2026-11-02T17:00:00.000Z',
    claimedBy: 'host:1',
    postedAt: '2026-11-02T17:00:01.000Z',
    channel: 'C0LEADERS',
    messageTs: '1762102801.000100',
    attempts: 1,
    error: null,
    ...over,
  };
}

const kinds = (rows: ReturnType<typeof digestLog>) => rows.map((r) => [r.weekKey, r.outcome.kind]);

describe('digestLog', () => {
  it('lists every week from the first run to now, newest first, a week with no run as missed', () => {
    const rows = digestLog({
      runs: [
        run('2026-W48', { status: 'failed', error: 'channel_not_found', attempts: 2, postedAt: null }),
        run('2026-W47', { trigger: 'catch-up', attempts: 2 }),
        run('2026-W45'),
      ],
      schedule: MONDAYS,
      timeZone: ZONE,
      // Wednesday 25 Nov 2026 (W48).
      now: new Date('2026-11-25T20:00:00Z'),
    });

    expect(kinds(rows)).toEqual([
      ['2026-W48', 'failed'],
      ['2026-W47', 'posted'],
      ['2026-W46', 'missed'],
      ['2026-W45', 'posted'],
    ]);
    expect(rows[1]?.outcome).toMatchObject({ kind: 'posted', caughtUp: true });
    expect(rows[3]?.outcome).toMatchObject({ kind: 'posted', caughtUp: false });
    const missed = rows[2]?.outcome;
    expect(missed?.kind === 'missed' && missed.dueAt.toISOString()).toBe('2026-11-09T17:00:00.000Z');
    expect(summarizeDigestLog(rows)).toEqual({
      weeks: 4,
      posted: 2,
      caughtUp: 1,
      failed: 1,
      inProgress: 0,
      missed: 1,
      overdue: 0,
      merged: 0,
      extras: 0,
    });
  });

  it('shows this week as due before its time, overdue after it (the sweep sends it), never as missed', () => {
    const runs = [run('2026-W47')];
    const before = digestLog({
      runs,
      schedule: MONDAYS,
      timeZone: ZONE,
      now: new Date('2026-11-23T16:59:00Z'),
    });
    const after = digestLog({
      runs,
      schedule: MONDAYS,
      timeZone: ZONE,
      now: new Date('2026-11-23T17:01:00Z'),
    });

    expect(kinds(before)).toEqual([
      ['2026-W48', 'due'],
      ['2026-W47', 'posted'],
    ]);
    expect(kinds(after)[0]).toEqual(['2026-W48', 'overdue']);
    expect(summarizeDigestLog(before).weeks).toBe(1);
    expect(summarizeDigestLog(after).overdue).toBe(1);
  });

  it('puts forced extras under their week, and a claimed run as in progress', () => {
    const rows = digestLog({
      runs: [
        run('2026-W48', { seq: 2, trigger: 'forced' }),
        run('2026-W48', { seq: 0, status: 'claimed', postedAt: null, messageTs: null }),
        run('2026-W48', { seq: 1, trigger: 'forced' }),
      ],
      schedule: MONDAYS,
      timeZone: ZONE,
      now: new Date('2026-11-25T20:00:00Z'),
    });

    expect(kinds(rows)).toEqual([['2026-W48', 'in-progress']]);
    expect(rows[0]?.extras.map((r) => r.seq)).toEqual([1, 2]);
    expect(summarizeDigestLog(rows)).toMatchObject({ weeks: 1, inProgress: 1, extras: 2 });
  });

  it('misses nothing in a week the schedule does not fire, nor without a schedule', () => {
    const monthly = digestLog({
      runs: [run('2026-W45')],
      // The 1st of the month at 09:00: 1 Dec falls in W49, nothing in W46–W48.
      schedule: '0 9 1 * *',
      timeZone: ZONE,
      now: new Date('2026-11-25T20:00:00Z'),
    });
    const none = digestLog({
      runs: [run('2026-W45')],
      schedule: null,
      timeZone: ZONE,
      now: new Date('2026-11-25T20:00:00Z'),
    });

    expect(kinds(monthly)).toEqual([['2026-W45', 'posted']]);
    expect(kinds(none)).toEqual([['2026-W45', 'posted']]);
  });

  it('is empty with no runs and no schedule, and caps the weeks it lists', () => {
    expect(
      digestLog({ runs: [], schedule: null, timeZone: ZONE, now: new Date('2026-11-25T20:00:00Z') }),
    ).toEqual([]);
    const capped = digestLog({
      runs: [run('2024-W01')],
      schedule: MONDAYS,
      timeZone: ZONE,
      now: new Date('2026-11-25T20:00:00Z'),
      maxWeeks: 10,
    });
    expect(capped).toHaveLength(10);
    expect(capped[0]?.weekKey).toBe('2026-W48');
  });
});
