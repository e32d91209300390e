import type { KnownBlock, View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { Decision, Program, Workstream } from '../domain/program.js';
import { isPendingDecision } from '../domain/vocabulary.js';
import { option, section } from './blocks.js';
import { decisionChoice } from './decision-choices.js';
import { DECISION_BLOCKS } from './ids.js';
import { truncate } from './limits.js';
import { dateInput, selectInput, textInput, usersSelectInput } from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Where the update form's decision inputs show their inline errors. */
export const DECISION_PROMPT_BLOCKS = {
  decisionLink: DECISION_BLOCKS.wsDecisionLink,
  decisionQuestion: DECISION_BLOCKS.wsDecisionQuestion,
  decisionDeciders: DECISION_BLOCKS.wsDecisionDeciders,
  decisionNeededBy: DECISION_BLOCKS.wsDecisionNeededBy,
} as const;

/** The pending decisions a workstream waits on. */
export function pendingFor(program: Program, key: string): Decision[] {
  return program.decisions.filter((d) => isPendingDecision(d.state) && d.workstreams.includes(key));
}

/**
 * The update form's "If it needs a decision" part, for a workstream no pending decision holds up: setting
 * it to Needs decision asks what it waits on, an open decision of the program or a new one (question,
 * deciders, needed-by). Slack cannot add inputs to a form it already shows, so they are there from the start.
 */
export function decisionPromptBlocks(program: Program, w: Workstream): KnownBlock[] {
  if (pendingFor(program, w.key).length > 0) return [];
  const open = program.decisions.filter((d) => isPendingDecision(d.state));
  const blocks: KnownBlock[] = [
    section(
      DECISION_BLOCKS.wsDecisionHeading,
      '*If it needs a decision*\nSetting the status to Needs decision asks what it waits on: an open decision, or a new one.',
    ),
  ];
  if (open.length) {
    blocks.push(
      selectInput(
        DECISION_BLOCKS.wsDecisionLink,
        'Waits on an open decision',
        open.map((d) => option(decisionChoice(d), d.question)),
        undefined,
        true,
      ),
    );
  }
  blocks.push(
    textInput(DECISION_BLOCKS.wsDecisionQuestion, 'Or a new decision: the question', {
      maxLength: FIELD_LIMITS.decisionQuestion,
      multiline: true,
      placeholder: 'What needs deciding?',
    }),
    usersSelectInput(DECISION_BLOCKS.wsDecisionDeciders, 'Who decides', []),
    dateInput(DECISION_BLOCKS.wsDecisionNeededBy, 'Needed by', null),
  );
  return blocks;
}

/** The saved modal, with a line naming the decision the save opened or linked. */
export function withDecisionLine(view: View, decision: Decision | undefined, opened: boolean): View {
  if (!decision) return view;
  const line = `:raised_hand: ${opened ? 'Decision opened' : 'Now waits on'}: *${escapeMrkdwn(truncate(decision.question, 500))}*`;
  return { ...view, blocks: [...view.blocks, section(undefined, line)] };
}
