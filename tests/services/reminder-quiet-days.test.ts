import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { ProgramFileInput } from '../../src/domain/program-file.js';
import { importFixture, OTHER_OWNER, OWNER, smallProgram } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

/**
 * Reminders keep quiet on a program's holidays (the day in the program's zone, and in the recipient's) and on
 * the recipient's own weekend, through the server's sweep and the Slack stand-in. Nothing was updated since the import.
 */

const dmsTo = (h: RolloutHarness, user: string) =>
  h.fake.okCallsOf('chat.postMessage').filter((c) => c.args.channel === `D${user.slice(1)}`);

describe('reminders on quiet days', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  const start = async (at: string, overrides: Partial<ProgramFileInput>) => {
    h = await RolloutHarness.start({
      clock: fixedClock(at),
      seed: (db) => importFixture(db, smallProgram(overrides), new Date('2026-11-20T18:00:00Z')),
    });
    return h;
  };

  /**
   * A Tokyo program, digest Wednesday 09:00 there, reminders on Tuesday. The owner in Los Angeles gets
   * theirs on Tuesday 09:00 in Los Angeles, which is already Wednesday in Tokyo.
   */
  const tokyoProgram = (holidays: ProgramFileInput['holidays']): Partial<ProgramFileInput> => ({
    timezone: 'Asia/Tokyo',
    digest: { channel: 'C0LEADERS', schedule: '0 9 * * 3' },
    ...(holidays ? { holidays } : {}),
  });
  const LA_TUESDAY_MORNING = '2026-12-08T17:30:00Z'; // Tue 8 Dec 09:30 in LA, Wed 9 Dec 02:30 in Tokyo
  const TOKYO_TUESDAY_MORNING = '2026-12-08T00:30:00Z'; // Tue 8 Dec 09:30 in Tokyo

  it('sends no reminder while it is a holiday on the program’s calendar, where it is not one', async () => {
    await start(
      TOKYO_TUESDAY_MORNING,
      tokyoProgram([{ from: '2026-12-09', to: '2026-12-09', name: 'Founders' }]),
    );
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    // Tuesday in Tokyo is a working day for the program: the Tokyo owner is reminded.
    expect(dmsTo(h, OWNER)).toHaveLength(1);

    h = await h.restart({ clock: fixedClock(LA_TUESDAY_MORNING) });
    h.fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    // Tuesday morning in Los Angeles is Wednesday 9 Dec, the holiday, for the program: no reminder.
    expect(dmsTo(h, OTHER_OWNER)).toHaveLength(0);
  });

  it('without the holiday, the same sweep does remind the Los Angeles owner (the control)', async () => {
    await start(LA_TUESDAY_MORNING, tokyoProgram(undefined));
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    h.fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    expect(dmsTo(h, OTHER_OWNER)).toHaveLength(1);
  });

  it('leaves out a program whose holiday it is on the recipient’s own calendar, though not yet on its own', async () => {
    // Both in Los Angeles. Builder Insights: digest Thursday 10 Dec, reminded Wednesday 9 Dec. Payments:
    // Wednesday 9 Dec is its holiday. At 09:30 on Wednesday in Tokyo it is still Tuesday in Los Angeles.
    const payments: ProgramFileInput = {
      slug: 'payments',
      name: 'Payments',
      timezone: 'America/Los_Angeles',
      digest: { channel: 'C0PAYMENTS', schedule: '0 9 * * 5' },
      holidays: [{ from: '2026-12-09', to: '2026-12-09', name: 'Offsite' }],
      workstreams: [
        {
          key: 'ledger',
          name: 'Ledger',
          owner: 'Payments',
          owner_ids: [OWNER],
          status: 'drafted',
          risk: 'low',
        },
      ],
    };
    h = await RolloutHarness.start({
      clock: fixedClock('2026-12-09T00:30:00Z'),
      seed: (db) => {
        importFixture(
          db,
          smallProgram({ digest: { channel: 'C0LEADERS', schedule: '0 9 * * 4' } }),
          new Date('2026-11-20T18:00:00Z'),
        );
        importFixture(db, payments, new Date('2026-11-20T18:00:00Z'));
      },
    });
    h.fake.addUser(OWNER, 'Asia/Tokyo');
    await h.rollout.scheduler.sweep();

    const sent = dmsTo(h, OWNER);
    expect(sent).toHaveLength(1);
    const ids = JSON.stringify(sent[0]?.args.blocks);
    expect(ids).toContain('reminder_ws:builder-insights:identity-sso');
    expect(ids).not.toContain('reminder_ws:payments:ledger');
  });

  it('sends no reminder on the recipient’s weekend, even when the week has no working day to move it to', async () => {
    // Monday 4 Jan 2027's digest; the week before is all holidays but its weekend, so the reminder stays on
    // Sunday 3 Jan: a weekend, not a holiday, in Los Angeles.
    const program = {
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' },
      holidays: [{ from: '2026-12-28', to: '2027-01-01', name: 'Winter break' }],
    };
    await start('2027-01-03T17:30:00Z', program);
    h.fake.addUser(OWNER, 'America/Los_Angeles');
    h.fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    expect(dmsTo(h, OWNER)).toHaveLength(0);
    expect(dmsTo(h, OTHER_OWNER)).toHaveLength(0);
  });

  it('does remind on a working day of both the program and the recipient (the control)', async () => {
    // Tuesday 5 Jan 2027's digest, after the break: its reminder is Monday 4 Jan, a working day.
    await start('2027-01-04T17:30:00Z', {
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * 2' },
      holidays: [{ from: '2026-12-28', to: '2027-01-01', name: 'Winter break' }],
    });
    h.fake.addUser(OWNER, 'America/Los_Angeles');
    h.fake.addUser(OTHER_OWNER, 'America/Los_Angeles');
    await h.rollout.scheduler.sweep();
    expect(dmsTo(h, OWNER)).toHaveLength(1);
    expect(dmsTo(h, OTHER_OWNER)).toHaveLength(1);
  });
});
