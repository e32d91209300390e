import type { SectionBlock } from '@slack/types';
import type { Workstream } from '../domain/program.js';
import { encodeWorkstreamRef } from './action-values.js';
import { button, section } from './blocks.js';
import { ACTIONS } from './ids.js';

/** A workstream's line with its Update button beside it, which opens the same form everywhere (Home, DMs). */
export function updatableSection(
  blockId: string,
  mrkdwn: string,
  program: { slug: string },
  w: Pick<Workstream, 'key' | 'name'>,
): SectionBlock {
  return section(
    blockId,
    mrkdwn,
    button(
      ACTIONS.openWorkstreamUpdate,
      'Update',
      encodeWorkstreamRef({ program: program.slug, workstream: w.key }),
      { style: 'primary', label: `Update ${w.name}` },
    ),
  );
}
