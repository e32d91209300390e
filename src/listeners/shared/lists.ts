import type { Deps } from '../../deps.js';
import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decisionsList } from '../../ui/decisions-list.js';
import type { ListOptions, ListViewer } from '../../ui/list-parts.js';
import type { SlackMessage } from '../../ui/message.js';
import { milestonesList } from '../../ui/milestones-list.js';
import { nextActionsList } from '../../ui/next-actions-list.js';
import { readinessList } from '../../ui/readiness-list.js';
import { risksList } from '../../ui/risks-list.js';

/** What building a list may need besides the program: the clock, and the history (a milestone's moves). */
export interface ListParts {
  deps: Deps;
  services: Services;
}

/** A list as a person sees it, with the buttons they may use; `opts.notice` on top once something changed. */
export type ListBuilder = (
  program: Program,
  viewer: ListViewer,
  parts: ListParts,
  opts?: ListOptions,
) => SlackMessage;

/**
 * The five lists with buttons, each built one way: by its command (`/rollout risks`…), and again once a form
 * opened from it is saved (`refreshFormList`), so that the list replaced is the list the command shows.
 */
export const LISTS = {
  risks: (program, viewer, _parts, opts) => risksList(program, viewer, opts),
  readiness: (program, viewer, _parts, opts) => readinessList(program, viewer, opts),
  actions: (program, viewer, { deps }, opts) => nextActionsList(program, viewer, deps.clock.now(), opts),
  decisions: (program, viewer, { deps }, opts) => decisionsList(program, viewer, deps.clock.now(), opts),
  milestones: (program, viewer, { services }, opts) =>
    milestonesList(program, viewer, services.milestoneEdits.targetMoves(program.id), opts),
} satisfies Record<string, ListBuilder>;

export type ListName = keyof typeof LISTS;
