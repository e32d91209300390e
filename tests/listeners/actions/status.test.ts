import { afterEach, describe, expect, it } from 'vitest';
import { encodeProgramRef, encodeWorkstreamRef } from '../../../src/ui/action-values.js';
import { ACTIONS } from '../../../src/ui/ids.js';
import { importFixture, OWNER, smallProgram } from '../../support/programs.js';
import { RolloutHarness } from '../../support/rollout-server.js';

describe('status buttons', () => {
  let h: RolloutHarness;
  afterEach(async () => {
    await h?.stop();
  });

  it('Details answers the clicker privately with the workstream, leaving the original message', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const click = await h.action({
      user: OWNER,
      actionId: ACTIONS.showWorkstream,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'kanopy-hosting' }),
    });
    expect(click.status).toBe(200);
    const reply = await h.fake.waitFor(() => h.fake.responses.find((r) => click.responseUrl.endsWith(r.id)));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(reply.body.blocks)).toContain('final runtime boundary and deployment expectations');
  });

  it('All workstreams answers with the status overview; a stale or forged value gets a clear answer', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    const click = await h.action({
      user: OWNER,
      actionId: ACTIONS.showStatus,
      value: encodeProgramRef('builder-insights'),
    });
    const reply = await h.fake.waitFor(() => h.fake.responses.find((r) => click.responseUrl.endsWith(r.id)));
    expect(JSON.stringify(reply.body.blocks)).toContain('Identity and SSO');

    const forged = await h.action({ user: OWNER, actionId: ACTIONS.showWorkstream, value: 'not json' });
    const answer = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => forged.responseUrl.endsWith(r.id)),
    );
    expect(answer.body.text).toContain('no longer exists');
  });

  it('Details from the App Home tab, which has no response_url, opens the workstream in a modal', async () => {
    h = await RolloutHarness.start({ seed: (db) => importFixture(db, smallProgram()) });
    await h.action({
      user: OWNER,
      actionId: ACTIONS.showWorkstream,
      value: encodeWorkstreamRef({ program: 'builder-insights', workstream: 'kanopy-hosting' }),
      view: { id: 'VHOME', type: 'home' },
    });
    const open = await h.fake.waitForCall('views.open');
    expect(open.response.ok).toBe(true);
    expect(JSON.stringify(open.args.view)).toContain('final runtime boundary and deployment expectations');
  });
});
