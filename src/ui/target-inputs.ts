import type { InputBlock } from '@slack/types';
import { option } from './blocks.js';
import { dayLabel } from './date-labels.js';
import { checkboxInput } from './modal-parts.js';

/** The value of the re-baseline checkbox. */
export const REBASELINE = 'rebaseline';

/**
 * The box that makes the new target the baseline, for admins' forms only (milestones and workstreams alike),
 * so that only an admin can make a slip stop showing.
 */
export function rebaselineInput(blockId: string, baseline: string | null): InputBlock {
  return checkboxInput(
    blockId,
    'Baseline',
    [
      option(
        REBASELINE,
        'Re-baseline to this target',
        baseline ? `now ${dayLabel(baseline)}; the history records the re-baseline` : undefined,
      ),
    ],
    [],
  );
}
