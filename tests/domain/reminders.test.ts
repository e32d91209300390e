import { describe, expect, it } from 'vitest';
import {
  dueSlot,
  inMorning,
  morningSomewhere,
  type ReminderProgram,
  reminderSlots,
  staleByOwner,
} from '../../src/domain/reminders.js';
import { program, workstream } from '../support/digest-fixture.js';

/** Digest on Mondays at 09:00 in Los Angeles; the one of Mon 23 Nov 2026 (17:00 UTC) is week 2026-W48. */
const LA_PROGRAM: ReminderProgram = {
  timezone: 'America/Los_Angeles',
  digest: { channel: 'C0LEADERS', schedule: '0 9 * * 2' },
  reminderDaysBefore: 1,
};
const at = (iso: string) => new Date(iso);
const slotsAt = (iso: string, p: ReminderProgram = LA_PROGRAM) => reminderSlots(p, at(iso));
const dueFor = (iso: string, zone: string, p: ReminderProgram = LA_PROGRAM) =>
  dueSlot(slotsAt(iso, p), at(iso), zone);

describe('reminderSlots', () => {
  it('puts the reminder N days before the digest, on the program’s calendar, keyed by the digest’s week', () => {
    const slots = slotsAt('2026-11-23T12:00:00Z');
    const w48 = slots.find((s) => s.weekKey === '2026-W48');

    expect(slots.map((s) => s.date)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(w48?.digestAt.toISOString()).toBe('2026-11-24T17:00:00.000Z');
    // Monday's week began Monday 16 Nov at 00:00 in Los Angeles: updated since then is "updated this week".
    expect(w48?.updatedSince.toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('counts down to a digest a holiday moved, and reminds the working day before it goes out', () => {
    // Tuesday 24 Nov is a holiday: the digest goes out Wednesday 25 Nov at 09:00, reminded on Tuesday's eve.
    const moved = slotsAt('2026-11-23T12:00:00Z', {
      ...LA_PROGRAM,
      holidays: [{ from: '2026-11-24', to: '2026-11-24', name: 'Offsite' }],
    }).find((s) => s.weekKey === '2026-W48');

    expect(moved?.digestAt.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    // The day before is the holiday itself: the reminder moves back to the working day before it.
    expect(moved?.date).toBe('2026-11-23');
  });

  it('follows reminder_days_before (up to 6) and is off when it is null or there is no digest', () => {
    const three = slotsAt('2026-11-21T12:00:00Z', { ...LA_PROGRAM, reminderDaysBefore: 3 });
    // Three days before Tuesday is a Saturday: the Friday before.
    expect(three.find((s) => s.weekKey === '2026-W48')?.date).toBe('2026-11-20');
    const six = slotsAt('2026-11-21T12:00:00Z', { ...LA_PROGRAM, reminderDaysBefore: 6 });
    expect(six.find((s) => s.weekKey === '2026-W48')?.date).toBe('2026-11-18');

    expect(slotsAt('2026-11-23T17:00:00Z', { ...LA_PROGRAM, reminderDaysBefore: null })).toEqual([]);
    expect(slotsAt('2026-11-23T17:00:00Z', { ...LA_PROGRAM, digest: null })).toEqual([]);
    expect(slotsAt('2026-11-23T17:00:00Z', { ...LA_PROGRAM, reminderDaysBefore: 7 })).toEqual([]);
  });
});

describe('reminderSlots on working days', () => {
  const monday: ReminderProgram = { ...LA_PROGRAM, digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' } };

  it('moves a reminder off the weekend: the day before a Monday digest is the Friday before', () => {
    const slot = slotsAt('2026-11-20T12:00:00Z', monday).find((s) => s.weekKey === '2026-W48');
    expect(slot?.date).toBe('2026-11-20');
    // Still "this week" for what counts as updated: Friday's week began Monday 16 Nov.
    expect(slot?.updatedSince.toISOString()).toBe('2026-11-16T08:00:00.000Z');
  });

  it('moves it off the program’s holidays too, but never into the week before', () => {
    const holiday = { from: '2026-11-19', to: '2026-11-20', name: 'Offsite' };
    const slot = slotsAt('2026-11-18T12:00:00Z', { ...monday, holidays: [holiday] }).find(
      (s) => s.weekKey === '2026-W48',
    );
    expect(slot?.date).toBe('2026-11-18');
    const week = { from: '2026-11-16', to: '2026-11-20', name: 'Closed' };
    const closed = slotsAt('2026-11-18T12:00:00Z', { ...monday, holidays: [week] }).find(
      (s) => s.weekKey === '2026-W48',
    );
    expect(closed?.date).toBe('2026-11-22');
  });
});

describe('dueSlot: each owner in their own morning, on the reminder’s date', () => {
  it('reaches an owner in Tokyo at 09:00 Monday in Tokyo (Sunday afternoon in Los Angeles)', () => {
    expect(dueFor('2026-11-22T23:59:00Z', 'Asia/Tokyo')).toBeUndefined();
    expect(dueFor('2026-11-23T00:00:00Z', 'Asia/Tokyo')?.weekKey).toBe('2026-W48');
    expect(dueFor('2026-11-23T02:59:00Z', 'Asia/Tokyo')?.weekKey).toBe('2026-W48');
    expect(dueFor('2026-11-23T03:00:00Z', 'Asia/Tokyo')).toBeUndefined();
  });

  it('reaches an owner in Los Angeles at 09:00 Monday in Los Angeles, not at Tokyo’s morning', () => {
    expect(dueFor('2026-11-23T00:30:00Z', 'America/Los_Angeles')).toBeUndefined();
    expect(dueFor('2026-11-23T16:59:00Z', 'America/Los_Angeles')).toBeUndefined();
    expect(dueFor('2026-11-23T17:00:00Z', 'America/Los_Angeles')?.weekKey).toBe('2026-W48');
    expect(dueFor('2026-11-23T19:59:00Z', 'America/Los_Angeles')?.weekKey).toBe('2026-W48');
    expect(dueFor('2026-11-23T20:00:00Z', 'America/Los_Angeles')).toBeUndefined();
  });

  it('does not remind on other days', () => {
    expect(dueFor('2026-11-22T17:30:00Z', 'America/Los_Angeles')).toBeUndefined();
    expect(dueFor('2026-11-24T17:30:00Z', 'America/Los_Angeles')).toBeUndefined();
  });

  it('sends nothing once the digest is out, even if it is still the reminder’s date somewhere', () => {
    // Digest at 00:30 on Mondays in Tokyo: Monday 09:00 in Los Angeles is already Monday 02:00 in Tokyo.
    const tokyo: ReminderProgram = {
      timezone: 'Asia/Tokyo',
      digest: { channel: 'C0LEADERS', schedule: '30 0 * * 2' },
      reminderDaysBefore: 1,
    };
    expect(dueFor('2026-11-23T17:30:00Z', 'America/Los_Angeles', tokyo)).toBeUndefined();
    expect(dueFor('2026-11-23T00:30:00Z', 'Asia/Tokyo', tokyo)?.weekKey).toBe('2026-W48');
  });

  it('reads the morning on the owner’s clock', () => {
    expect(inMorning(at('2026-11-23T00:00:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(inMorning(at('2026-11-23T00:00:00Z'), 'Europe/Berlin')).toBe(false);
    expect(inMorning(at('2026-11-23T08:00:00Z'), 'Europe/Berlin')).toBe(true);
  });
});

describe('morningSomewhere', () => {
  it('is true only while the reminder’s date is a morning in some zone on Earth, before the digest', () => {
    const slot = slotsAt('2026-11-23T12:00:00Z').find((s) => s.weekKey === '2026-W48');
    if (!slot) throw new Error('no slot');
    // 09:00 on the 22nd at UTC+14 is 19:00 UTC on the 21st; 12:00 at UTC−12 is 00:00 UTC on the 23rd.
    expect(morningSomewhere(slot, at('2026-11-22T18:59:00Z'))).toBe(false);
    expect(morningSomewhere(slot, at('2026-11-22T19:00:00Z'))).toBe(true);
    expect(morningSomewhere(slot, at('2026-11-23T23:59:00Z'))).toBe(true);
    expect(morningSomewhere(slot, at('2026-11-24T00:00:00Z'))).toBe(false);
  });
});

describe('staleByOwner', () => {
  it('lists each owner’s open workstreams not updated since the week began, in the program’s order', () => {
    const since = at('2026-11-16T08:00:00Z');
    const p = program({
      workstreams: [
        workstream('b', 1, { ownerIds: ['UA', 'UB'], updatedAt: '2026-11-10T00:00:00Z' }),
        workstream('a', 0, { ownerIds: ['UA'], updatedAt: '2026-11-16T07:59:59Z' }),
        workstream('fresh', 2, { ownerIds: ['UC'], updatedAt: '2026-11-16T08:00:00Z' }),
        workstream('done', 3, { ownerIds: ['UD'], status: 'done', updatedAt: '2026-01-01T00:00:00Z' }),
        workstream('nobody', 4, { ownerIds: [], updatedAt: '2026-01-01T00:00:00Z' }),
      ],
    });

    const owners = staleByOwner(p.workstreams, since);

    expect([...owners.keys()].sort()).toEqual(['UA', 'UB']);
    expect(owners.get('UA')?.map((w) => w.key)).toEqual(['a', 'b']);
    expect(owners.get('UB')?.map((w) => w.key)).toEqual(['b']);
  });
});
