import { isSlackUserId } from '../../domain/slack-user.js';
import { readInput, type StateValues } from './state.js';
import type { BlockErrors } from './submission.js';

/** A form's two owner inputs: a person to pick, or a name to type for an owner who is not someone in Slack. */
export interface OwnerInputs {
  /** The user picker's block. */
  picked: string;
  /** The typed name's block, where a refusal is shown (the only input that can be wrong). */
  named: string;
  /** Said when both are filled in. */
  both: string;
  /** Said when the typed name is a Slack user ID or a mention. */
  idTyped: string;
}

/**
 * The owner from a form's two inputs: a person picked, or a name typed; `none` when both are left empty,
 * undefined when the form has neither input. Refused inline when both are filled in (which one was meant is
 * for the person to say), or when the name is a user ID or a mention (a person is picked, not typed: typed,
 * it would become a mention, or quietly make someone the owner).
 */
export function ownerFrom<N extends string | null>(
  values: StateValues,
  inputs: OwnerInputs,
  none: N,
): { owner: string | N | undefined } | { errors: BlockErrors } {
  const picked = readInput(values, inputs.picked);
  const named = readInput(values, inputs.named)?.trim();
  if (picked === undefined && named === undefined) return { owner: undefined };
  if (picked && named) return { errors: { [inputs.named]: inputs.both } };
  if (named && (isSlackUserId(named) || named.startsWith('<@')))
    return { errors: { [inputs.named]: inputs.idTyped } };
  return { owner: picked || named || none };
}
