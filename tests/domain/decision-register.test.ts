import { describe, expect, it } from 'vitest';
import {
  pendingDecisionOf,
  pendingDecisions,
  recentlyDecided,
  waitingLabel,
} from '../../src/domain/decision-register.js';
import { formatDayLabel } from '../../src/domain/week.js';
import { listProgram } from '../support/list-program.js';
import { decision } from '../support/program-objects.js';

describe('the decision register', () => {
  // 23:30 on 30 Nov in Los Angeles is already 1 Dec in UTC: the program's zone decides what is overdue.
  const now = new Date('2026-12-01T07:30:00Z');
  const p = listProgram({
    timezone: 'America/Los_Angeles',
    decisions: [
      decision(1, { neededBy: '2026-11-30', openedAt: '2026-11-20T10:00:00Z', workstreams: ['mine'] }),
      decision(2, { neededBy: '2026-11-29', openedAt: '2026-11-25T10:00:00Z', workstreams: ['mine'] }),
      decision(3, { openedAt: '2026-11-01T10:00:00Z', state: 'deferred' }),
      decision(4, { state: 'decided', decidedAt: '2026-11-16' }),
      decision(5, { state: 'decided', decidedAt: '2026-11-15' }),
    ],
  });

  it('puts overdue first (in the program’s zone), then the oldest', () => {
    const pending = pendingDecisions(p, now);
    expect(pending.map((x) => [x.decision.id, x.overdue, x.waitingDays])).toEqual([
      [2, true, 5],
      [3, false, 29],
      [1, false, 10],
    ]);
  });

  it('keeps decided ones of the last 14 days, latest first', () => {
    expect(recentlyDecided(p, now).map((d) => d.id)).toEqual([4]);
  });

  it('finds the decision a workstream waits on, the most pressing one', () => {
    expect(pendingDecisionOf(p, 'mine', now)?.decision.id).toBe(2);
    expect(pendingDecisionOf(p, 'theirs', now)).toBeUndefined();
  });

  it('says how long and when', () => {
    expect([waitingLabel(0), waitingLabel(1), waitingLabel(12)]).toEqual([
      'opened today',
      'waiting 1 day',
      'waiting 12 days',
    ]);
    expect(formatDayLabel('2026-12-11')).toBe('Fri 11 Dec 2026');
  });
});
