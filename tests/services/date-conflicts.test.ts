import { afterEach, describe, expect, it } from 'vitest';
import { encodeItemRef } from '../../src/ui/action-values.js';
import { MILESTONE_BLOCKS, MILESTONE_VIEWS } from '../../src/ui/ids.js';
import { textOf } from '../support/blocks.js';
import { datedProgram, GATE_OWNER } from '../support/milestone-program.js';
import { date, state, text, user } from '../support/modal-state.js';
import { ADMIN, importFixture, OTHER_OWNER } from '../support/programs.js';
import { RolloutHarness } from '../support/rollout-server.js';

const GATE_DM = `D${GATE_OWNER.slice(1)}`;
const GATING_DM = `D${OTHER_OWNER.slice(1)}`;

/** The DMs Rollout sent, by channel. */
function dms(h: RolloutHarness, channel: string) {
  return h.fake.okCallsOf('chat.postMessage').filter((c) => c.args.channel === channel);
}

function told(h: RolloutHarness) {
  return h.db.prepare('SELECT subject, upstream FROM date_conflicts_told ORDER BY subject').all();
}

describe('date conflicts are told to their owners once', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });
  const start = () => RolloutHarness.start({ seed: (db) => importFixture(db, datedProgram()) });

  /** Moves the gate's target as an admin would in the form. */
  const moveGate = async (target: string, reason: string) => {
    const row = h.db
      .prepare("SELECT id, version FROM milestones WHERE key = 'internal-readiness-gate'")
      .get() as {
      id: number;
      version: number;
    };
    const res = await h.submit({
      user: ADMIN,
      callbackId: MILESTONE_VIEWS.edit,
      privateMetadata: encodeItemRef({ program: 'builder-insights', id: row.id, version: row.version }),
      values: state({
        [MILESTONE_BLOCKS.name]: text('Internal readiness gate'),
        [MILESTONE_BLOCKS.owner]: user(GATE_OWNER),
        [MILESTONE_BLOCKS.ownerName]: text(''),
        [MILESTONE_BLOCKS.target]: date(target),
        [MILESTONE_BLOCKS.reason]: text(reason),
      }),
    });
    expect(res.json?.response_action).toBe('update');
  };

  it('two sweeps: one DM to each owner of work due before what it depends on', async () => {
    h = await start();
    await h.rollout.scheduler.sweep();
    await h.rollout.scheduler.sweep();
    expect(dms(h, GATE_DM)).toHaveLength(1);
    expect(dms(h, GATING_DM)).toHaveLength(1);
    expect(textOf(dms(h, GATE_DM)[0]?.args.blocks)).toContain(
      ':warning: *Date conflict in Builder Insights operationalization:* Internal readiness gate is due 15 Jan 2027 but depends on Readiness gating, due 20 Jan 2027.',
    );
    expect(textOf(dms(h, GATING_DM)[0]?.args.blocks)).toContain(
      'Readiness gating is due 20 Jan 2027 but depends on Identity and SSO, due 1 Feb 2027.',
    );
    // Nobody else: Identity and SSO's owner and the broader rollout's team have nothing due too early.
    expect(h.fake.okCallsOf('chat.postMessage')).toHaveLength(2);
    expect(told(h)).toEqual([
      { subject: 'internal-readiness-gate', upstream: 'readiness-gating' },
      { subject: 'readiness-gating', upstream: 'identity-sso' },
    ]);
    expect(h.logsOf('date_conflict_notice_sent')).toHaveLength(2);
  });

  it('a conflict resolved by an edit is forgotten, and told again when a later edit brings it back', async () => {
    h = await start();
    await h.rollout.scheduler.sweep();
    expect(dms(h, GATE_DM)).toHaveLength(1);

    await moveGate('2027-01-25', 'after gating, as it should be');
    await h.fake.waitFor(() => told(h).length === 1);
    expect(told(h)).toEqual([{ subject: 'readiness-gating', upstream: 'identity-sso' }]);

    await moveGate('2027-01-15', 'leadership wants the old date');
    await h.fake.waitFor(() => dms(h, GATE_DM).length === 2);
    await h.rollout.scheduler.sweep();
    expect(dms(h, GATE_DM)).toHaveLength(2);
    expect(dms(h, GATING_DM)).toHaveLength(1);
  });

  it('an import that brings a conflict is told at the next sweep, and the list shows the move', async () => {
    const gateAt = (target: string) =>
      datedProgram({
        milestones: (datedProgram().milestones ?? []).map((m) =>
          m.key === 'internal-readiness-gate' ? { ...m, target } : m,
        ),
      });
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, gateAt('2027-01-25')) });
    await h.rollout.scheduler.sweep();
    expect(dms(h, GATE_DM)).toHaveLength(0);
    importFixture(h.db, gateAt('2027-01-15'));
    await h.rollout.scheduler.sweep();
    expect(dms(h, GATE_DM)).toHaveLength(1);
    const list = await h.command(ADMIN, 'milestones');
    expect(textOf(list.json)).toContain('target 15 Jan 2027 · baseline 25 Jan: −10 days, moved once');
  });

  it('records the conflict before telling: a DM Slack refused is logged and not sent again', async () => {
    h = await start();
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' }, 2);
    await h.rollout.scheduler.sweep();
    expect(h.logsOf('date_conflict_notice_failed')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', user: GATE_OWNER, reason: 'channel_not_found' }),
        expect.objectContaining({ level: 'warn', user: OTHER_OWNER, reason: 'channel_not_found' }),
      ]),
    );
    await h.rollout.scheduler.sweep();
    expect(h.fake.okCallsOf('chat.postMessage')).toHaveLength(0);
    expect(h.logsOf('sweep_failed')).toEqual([]);
  });
});
