import type { SectionBlock } from '@slack/types';
import type { Workstream } from '../domain/program.js';
import { oneLine } from '../domain/user-text.js';
import { encodeWorkstreamRef } from './action-values.js';
import { ACTIONS } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';

/** A workstream's line with its Update button beside it, which opens the same form everywhere (Home, DMs). */
export function updatableSection(
  blockId: string,
  mrkdwn: string,
  program: { slug: string },
  w: Pick<Workstream, 'key' | 'name'>,
): SectionBlock {
  return {
    type: 'section',
    block_id: truncate(blockId, BLOCK_LIMITS.blockId),
    text: { type: 'mrkdwn', text: truncate(mrkdwn, BLOCK_LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: ACTIONS.openWorkstreamUpdate,
      text: { type: 'plain_text', text: 'Update' },
      style: 'primary',
      value: encodeWorkstreamRef({ program: program.slug, workstream: w.key }),
      accessibility_label: truncate(`Update ${oneLine(w.name)}`, BLOCK_LIMITS.buttonText),
    },
  };
}
