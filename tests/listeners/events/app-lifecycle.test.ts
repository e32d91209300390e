import { afterEach, describe, expect, it } from 'vitest';
import { RolloutHarness } from '../../support/rollout-server.js';

describe('app_uninstalled and tokens_revoked', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('are acknowledged and tell the operator that nothing Rollout sends will arrive', async () => {
    h = await RolloutHarness.start();
    const uninstalled = await h.event({ type: 'app_uninstalled', event_ts: '1700000000.000100' });
    const revoked = await h.event({
      type: 'tokens_revoked',
      tokens: { oauth: [], bot: ['UBOTROLLOUT'] },
      event_ts: '1700000000.000200',
    });
    expect([uninstalled.status, revoked.status]).toEqual([200, 200]);
    await h.fake.waitFor(() => h.logsOf('tokens_revoked')[0]);
    expect(h.logsOf('app_uninstalled')[0]).toMatchObject({
      level: 'warn',
      msg: expect.stringContaining('reinstall'),
    });
    expect(h.logsOf('tokens_revoked')[0]).toMatchObject({
      level: 'warn',
      bot: true,
      msg: expect.stringContaining('SLACK_BOT_TOKEN'),
    });
  });
});
