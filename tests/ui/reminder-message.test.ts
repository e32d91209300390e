import type { ActionsBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeUpdateRef, decodeWorkstreamRef } from '../../src/ui/action-values.js';
import { ACTIONS, REMINDER_BLOCKS } from '../../src/ui/ids.js';
import { REMINDER_SHOWN, reminderConfirmed, reminderMessage } from '../../src/ui/reminder-message.js';
import { blockText } from '../support/blocks.js';
import { workstream } from '../support/digest-fixture.js';

const NOW = new Date('2026-11-22T17:30:00Z');
const DIGEST_AT = new Date('2026-11-23T17:00:00Z');
const PROGRAM = { slug: 'builder-insights', name: 'Builder <!channel> & Insights' };
const OTHER = { slug: 'payments', name: 'Payments' };
const one = (ws: ReturnType<typeof workstream>, program = PROGRAM, role: 'owner' | 'backup' = 'owner') => ({
  program,
  workstream: ws,
  role,
});

describe('reminderMessage', () => {
  it('escapes stored names, and gives each workstream an Update and a Still current button', () => {
    const ws = workstream('identity-sso', 0, {
      name: 'Identity <@U123> SSO',
      updatedAt: '2026-11-12T17:30:00Z',
    });
    const message = reminderMessage({
      items: [one(ws)],
      digests: [{ program: PROGRAM, at: DIGEST_AT }],
      now: NOW,
    });

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    const mrkdwn = JSON.stringify([message.text, ...message.blocks.map((b) => (b as SectionBlock).text)]);
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<@U123>');
    expect(message.text).toBe(
      'Reminder: the Builder &lt;!channel&gt; &amp; Insights digest goes out soon; please update Identity &lt;@U123&gt; SSO.',
    );
    expect(message.blocks.map((b) => b.block_id)).toEqual([
      'reminder_intro',
      'reminder_ws:builder-insights:identity-sso',
      'reminder_buttons:builder-insights:identity-sso',
    ]);
    const row = message.blocks[1] as SectionBlock;
    expect(row.text?.text).toContain('*Identity &lt;@U123&gt; SSO*');
    expect(row.text?.text).toContain('last updated 10 days ago');
    const update = row.accessory as { action_id: string; value: string };
    expect(update.action_id).toBe(ACTIONS.openWorkstreamUpdate);
    expect(decodeWorkstreamRef(update.value)).toEqual({
      program: 'builder-insights',
      workstream: 'identity-sso',
    });
    const [still] = (message.blocks[2] as ActionsBlock).elements as { action_id: string; value: string }[];
    expect(still?.action_id).toBe(`${ACTIONS.confirmCurrent}:0`);
    expect(decodeUpdateRef(still?.value)).toEqual({
      program: 'builder-insights',
      workstream: 'identity-sso',
      version: ws.version,
    });
    expect((message.blocks[0] as SectionBlock).text?.text).toContain(
      'this workstream of yours has not been updated',
    );
  });

  it('names every program in one DM, and says when the person is reminded as a backup', () => {
    const message = reminderMessage({
      items: [
        one(workstream('identity-sso', 0)),
        one(workstream('ledger', 0, { name: 'Ledger' }), OTHER, 'backup'),
      ],
      digests: [
        { program: PROGRAM, at: DIGEST_AT },
        { program: OTHER, at: DIGEST_AT },
      ],
      now: NOW,
    });

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(blockText(message.blocks, REMINDER_BLOCKS.intro)).toContain('The weekly digests of *Builder');
    expect(blockText(message.blocks, REMINDER_BLOCKS.intro)).toContain('*Payments*');
    expect(blockText(message.blocks, 'reminder_ws:payments:ledger')).toContain('You back it up');
    expect(blockText(message.blocks, 'reminder_ws:builder-insights:identity-sso')).not.toContain(
      'back it up',
    );
    expect(message.text).toMatch(/please update .+, Ledger\.$/);
  });

  it('lists at most REMINDER_SHOWN workstreams and counts the rest', () => {
    const many = Array.from({ length: REMINDER_SHOWN + 7 }, (_, i) => one(workstream(`ws-${i}`, i)));

    const message = reminderMessage({
      items: many,
      digests: [{ program: PROGRAM, at: DIGEST_AT }],
      now: NOW,
    });

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks).toHaveLength(2 * REMINDER_SHOWN + 2);
    expect(blockText(message.blocks, REMINDER_BLOCKS.more)).toContain(
      '…and 7 more: `/rollout update builder-insights`',
    );
    expect((message.blocks[0] as SectionBlock).text?.text).toContain(
      `these ${REMINDER_SHOWN + 7} workstreams`,
    );
  });
});

describe('reminderConfirmed', () => {
  it('replaces the confirmed line, drops its buttons, and keeps the rest of the DM', () => {
    const a = workstream('identity-sso', 0);
    const b = workstream('kanopy', 1, { name: 'Kanopy' });
    const { blocks } = reminderMessage({
      items: [one(a), one(b)],
      digests: [{ program: PROGRAM, at: DIGEST_AT }],
      now: NOW,
    });

    const after = reminderConfirmed(blocks, PROGRAM.slug, { key: 'kanopy', name: 'Kanopy <b>' });

    expect(after.map((x) => x.block_id)).toEqual([
      'reminder_intro',
      'reminder_ws:builder-insights:identity-sso',
      'reminder_buttons:builder-insights:identity-sso',
      'reminder_ws:builder-insights:kanopy',
    ]);
    expect(blockText(after, 'reminder_ws:builder-insights:kanopy')).toBe(
      ':white_check_mark: *Kanopy &lt;b&gt;*: Confirmed current, thanks.',
    );
    expect(blockKitProblems(after, 'message')).toEqual([]);
  });
});
