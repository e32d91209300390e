import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeWorkstreamRef } from '../../src/ui/action-values.js';
import { ACTIONS, REMINDER_BLOCKS } from '../../src/ui/ids.js';
import { REMINDER_SHOWN, reminderMessage } from '../../src/ui/reminder-message.js';
import { blockText } from '../support/blocks.js';
import { workstream } from '../support/digest-fixture.js';

const NOW = new Date('2026-11-22T17:30:00Z');
const DIGEST_AT = new Date('2026-11-23T17:00:00Z');
const PROGRAM = { slug: 'builder-insights', name: 'Builder <!channel> & Insights' };

describe('reminderMessage', () => {
  it('escapes stored names in the blocks and the fallback text, and gives each workstream an Update button', () => {
    const message = reminderMessage({
      program: PROGRAM,
      workstreams: [
        workstream('identity-sso', 0, { name: 'Identity <@U123> SSO', updatedAt: '2026-11-12T17:30:00Z' }),
      ],
      digestAt: DIGEST_AT,
      now: NOW,
    });

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    // mrkdwn is escaped; the button's accessibility label is plain text and shows the name as written.
    const mrkdwn = JSON.stringify([message.text, ...message.blocks.map((b) => (b as SectionBlock).text)]);
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<@U123>');
    expect(message.text).toBe(
      'Reminder: the Builder &lt;!channel&gt; &amp; Insights digest goes out soon; please update Identity &lt;@U123&gt; SSO.',
    );
    const row = message.blocks[1] as SectionBlock;
    expect(row.text?.text).toContain('*Identity &lt;@U123&gt; SSO*');
    expect(row.text?.text).toContain('last updated 10 days ago');
    expect(row.accessory).toMatchObject({ type: 'button', action_id: ACTIONS.openWorkstreamUpdate });
    expect(decodeWorkstreamRef((row.accessory as { value: string }).value)).toEqual({
      program: 'builder-insights',
      workstream: 'identity-sso',
    });
    expect((message.blocks[0] as SectionBlock).text?.text).toContain(
      'this workstream of yours has not been updated',
    );
  });

  it('lists at most REMINDER_SHOWN workstreams and counts the rest', () => {
    const many = Array.from({ length: REMINDER_SHOWN + 7 }, (_, i) => workstream(`ws-${i}`, i));

    const message = reminderMessage({ program: PROGRAM, workstreams: many, digestAt: DIGEST_AT, now: NOW });

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks).toHaveLength(REMINDER_SHOWN + 2);
    expect(blockText(message.blocks, REMINDER_BLOCKS.more)).toContain(
      '…and 7 more: `/rollout update builder-insights`',
    );
    expect((message.blocks[0] as SectionBlock).text?.text).toContain(
      `these ${REMINDER_SHOWN + 7} workstreams`,
    );
  });
});
