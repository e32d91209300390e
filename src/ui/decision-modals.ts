import type { InputBlock, KnownBlock, View } from '@slack/types';
import type { FieldChange } from '../domain/edit-fields.js';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { Decision, Program, Workstream } from '../domain/program.js';
import { STATUS_INFO, STATUSES } from '../domain/vocabulary.js';
import { formatDayLabel } from '../domain/week.js';
import { encodeItemOf, encodeProgramRef } from './action-values.js';
import { context, option, section } from './blocks.js';
import { decisionChoice, NEW_DECISION, workstreamChoice } from './decision-choices.js';
import { decidedLine } from './decisions-list.js';
import { DECISION_BLOCKS, DECISION_VIEWS } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import {
  dateInput,
  formHeading,
  formModal,
  formProgramLine,
  multiSelectInput,
  noticeModal,
  selectInput,
  textInput,
  usersSelectInput,
} from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { changeLines } from './workstream-modal.js';

/** Where each input's inline error is shown, in every decision form (each form has the blocks it needs). */
export const DECISION_FIELD_BLOCKS = {
  decision: DECISION_BLOCKS.pick,
  question: DECISION_BLOCKS.question,
  workstreams: DECISION_BLOCKS.workstreams,
  deciders: DECISION_BLOCKS.deciders,
  neededBy: DECISION_BLOCKS.neededBy,
  outcome: DECISION_BLOCKS.outcome,
  decidedBy: DECISION_BLOCKS.decidedBy,
  decidedAt: DECISION_BLOCKS.decidedAt,
  link: DECISION_BLOCKS.link,
  reason: DECISION_BLOCKS.reason,
  moveWorkstream: DECISION_BLOCKS.moveWorkstream,
  moveStatus: DECISION_BLOCKS.moveStatus,
  moveBlocker: DECISION_BLOCKS.moveBlocker,
} as const;

function questionInput(initial: string | undefined, optional: boolean, hint?: string): InputBlock {
  return textInput(DECISION_BLOCKS.question, 'Question', {
    initial,
    maxLength: FIELD_LIMITS.decisionQuestion,
    multiline: true,
    optional,
    placeholder: 'What needs deciding?',
    hint,
  });
}

function reasonInput(label: string, placeholder: string): InputBlock {
  return textInput(DECISION_BLOCKS.reason, label, {
    maxLength: FIELD_LIMITS.decisionReason,
    multiline: true,
    optional: false,
    placeholder,
  });
}

/**
 * The form to add a decision (no `decision`) or change what one asks: the question, the workstreams it holds
 * up, who decides, and by when. An edit carries the version it was opened on.
 */
export function decisionAskModal(program: Program, decision?: Decision): View {
  const workstreams = program.workstreams.map((w) => option(w.key, w.name, w.ownerTeam || undefined));
  const blocks: KnownBlock[] = [formProgramLine(program.name), questionInput(decision?.question, false)];
  if (workstreams.length) {
    blocks.push(
      multiSelectInput(
        DECISION_BLOCKS.workstreams,
        'Workstreams it holds up',
        workstreams,
        decision?.workstreams ?? [],
      ),
    );
  }
  blocks.push(
    usersSelectInput(DECISION_BLOCKS.deciders, 'Who decides', decision?.deciders ?? []),
    dateInput(DECISION_BLOCKS.neededBy, 'Needed by', decision?.neededBy ?? null),
  );
  return formModal({
    callbackId: decision ? DECISION_VIEWS.edit : DECISION_VIEWS.add,
    metadata: decision ? encodeItemOf(program, decision) : encodeProgramRef(program.slug),
    title: decision ? 'Edit decision' : 'Add decision',
    submit: decision ? 'Save' : 'Add',
    blocks,
  });
}

export interface RecordModalInput {
  program: Program;
  /** Today in the program's zone: the date's default. */
  today: string;
  /** The decision from the list; none from a message, where the form asks which (or a new one). */
  decision?: Decision | undefined;
  /** From a message: its text and its permalink. */
  outcome?: string | undefined;
  link?: string | undefined;
  /** From a message, once a pending decision is picked: its deciders fill "Decided by". */
  picked?: Decision | undefined;
}

/**
 * The "Decided by" block: its own id per picked decision, since Slack keeps what an input held across a
 * views.update unless its block_id changes, and the picked decision's deciders must show.
 */
export function decidedByBlock(picked?: Pick<Decision, 'id'>): string {
  return picked ? `${DECISION_BLOCKS.decidedBy}:${picked.id}` : DECISION_BLOCKS.decidedBy;
}

/** Is `blockId` the "Decided by" block, whichever decision was picked? */
export function isDecidedByBlock(blockId: string): boolean {
  return blockId === DECISION_BLOCKS.decidedBy || blockId.startsWith(`${DECISION_BLOCKS.decidedBy}:`);
}

/**
 * Recording a decision: the outcome, who decided (its deciders, to start with), when (today), where (a
 * link), and optionally the workstream it held up moved on, prefilled with that workstream's status and
 * blocker. Without a decision it first asks which pending one, or a new one with its question.
 */
export function recordDecisionModal(input: RecordModalInput): View {
  const { program, decision } = input;
  const pending = program.decisions.filter((d) => d.state === 'open' || d.state === 'deferred');
  const picked = decision ? undefined : pending.find((d) => d.id === input.picked?.id);
  const blocks: KnownBlock[] = [];
  if (decision) blocks.push(formHeading(decision.question, program.name));
  else {
    const pick = selectInput(
      DECISION_BLOCKS.pick,
      'Which decision',
      [
        option(NEW_DECISION, 'A new decision', 'asked and decided now'),
        ...pending.map((d) => option(decisionChoice(d), d.question)),
      ],
      picked ? decisionChoice(picked) : pending.length ? undefined : NEW_DECISION,
      false,
    );
    blocks.push(
      formProgramLine(program.name),
      // Picking one tells the app, which fills "Decided by" with its deciders.
      { ...pick, dispatch_action: true },
      questionInput(undefined, true, 'Only for a new decision: what was there to decide?'),
    );
  }
  blocks.push(
    textInput(DECISION_BLOCKS.outcome, 'Outcome', {
      ...(input.outcome ? { initial: truncate(input.outcome, FIELD_LIMITS.decisionOutcome) } : {}),
      maxLength: FIELD_LIMITS.decisionOutcome,
      multiline: true,
      optional: false,
      placeholder: 'What was decided',
    }),
    usersSelectInput(decidedByBlock(picked), 'Decided by', (decision ?? picked)?.deciders ?? [], false),
    dateInput(DECISION_BLOCKS.decidedAt, 'Decided on', input.today, false),
    textInput(DECISION_BLOCKS.link, 'Link', {
      initial: input.link,
      maxLength: FIELD_LIMITS.url,
      optional: true,
      placeholder: 'https://… where it was decided',
    }),
    ...moveOnBlocks(program, decision),
  );
  return formModal({
    callbackId: DECISION_VIEWS.record,
    metadata: decision ? encodeItemOf(program, decision) : encodeProgramRef(program.slug),
    title: 'Record decision',
    submit: 'Record',
    blocks,
  });
}

/** The workstreams a record may move on: those the decision holds up (any of the program's for a new one). */
function moveOnBlocks(program: Program, decision: Decision | undefined): KnownBlock[] {
  const candidates = decision
    ? program.workstreams.filter((w) => decision.workstreams.includes(w.key))
    : program.workstreams;
  const first = candidates[0];
  if (!first) return [];
  const only = candidates.length === 1 ? first : undefined;
  return [
    section(
      DECISION_BLOCKS.moveHeading,
      '*Move the workstream on* (optional)\nOnly a change to its status or blocker is saved, as its owners’ update.',
    ),
    selectInput(
      DECISION_BLOCKS.moveWorkstream,
      'Workstream',
      candidates.map((w) => option(workstreamChoice(w), w.name, STATUS_INFO[w.status].label)),
      only ? workstreamChoice(only) : undefined,
      true,
    ),
    selectInput(
      DECISION_BLOCKS.moveStatus,
      'New status',
      STATUSES.map((s) => option(s, STATUS_INFO[s].label, STATUS_INFO[s].description)),
      first.status,
      true,
    ),
    textInput(DECISION_BLOCKS.moveBlocker, 'Main blocker', {
      initial: first.blocker,
      maxLength: FIELD_LIMITS.blocker,
      multiline: true,
      hint: 'Required when the status is Blocked.',
    }),
  ];
}

/** Deferring: a new needed-by date and why. */
export function deferDecisionModal(program: Program, decision: Decision): View {
  return formModal({
    callbackId: DECISION_VIEWS.defer,
    metadata: encodeItemOf(program, decision),
    title: 'Defer decision',
    submit: 'Defer',
    blocks: [
      formHeading(decision.question, program.name),
      dateInput(DECISION_BLOCKS.neededBy, 'New needed-by date', decision.neededBy, false),
      reasonInput('Why it waits', 'What has to happen first'),
    ],
  });
}

/** Withdrawing: nobody needs to decide it any more, and why. */
export function withdrawDecisionModal(program: Program, decision: Decision): View {
  return formModal({
    callbackId: DECISION_VIEWS.withdraw,
    metadata: encodeItemOf(program, decision),
    title: 'Withdraw decision',
    submit: 'Withdraw',
    blocks: [
      formHeading(decision.question, program.name),
      context(undefined, 'It leaves the register’s pending list; the history keeps it.'),
      reasonInput('Why', 'Why it no longer needs deciding'),
    ],
  });
}

/** The message shortcut with several programs: which one the decision belongs to. */
export function pickProgramModal(
  programs: readonly { slug: string; name: string }[],
  carried: { outcome: string; link: string },
): View {
  return formModal({
    callbackId: DECISION_VIEWS.pickProgram,
    // The message's text and link ride along to the next step (cut to what metadata holds).
    metadata: JSON.stringify({
      o: truncate(carried.outcome, FIELD_LIMITS.decisionOutcome),
      l: carried.link.length <= FIELD_LIMITS.url / 2 ? carried.link : '',
    }).slice(0, BLOCK_LIMITS.privateMetadata),
    title: 'Record decision',
    submit: 'Next',
    blocks: [
      selectInput(
        DECISION_BLOCKS.program,
        'Which program',
        programs.map((p) => option(p.slug, p.name)),
        undefined,
        false,
      ),
    ],
  });
}

/** What the message shortcut carries from the program step to the record form. */
export function readCarried(metadata: string): { outcome: string; link: string } {
  try {
    const v = JSON.parse(metadata) as { o?: unknown; l?: unknown };
    return { outcome: typeof v.o === 'string' ? v.o : '', link: typeof v.l === 'string' ? v.l : '' };
  } catch {
    return { outcome: '', link: '' };
  }
}

/** Once recorded: the decision as the register shows it, and the workstream it moved on. */
export function recordedModal(
  program: Program,
  decision: Decision,
  moved: { workstream: Workstream; changes: readonly FieldChange[] } | undefined,
): View {
  const movedLines = moved
    ? `\n\n*${escapeMrkdwn(moved.workstream.name)}* moves on:\n${changeLines(moved.changes).join('\n')}`
    : '';
  return noticeModal('Recorded', `${decidedLine(program, decision)}${movedLines}`, 'Done');
}

/** Once added, edited, deferred or withdrawn: a line saying so. */
export function decisionSavedModal(title: string, what: string, decision: Decision): View {
  const needed = decision.neededBy ? `\nNeeded by ${formatDayLabel(decision.neededBy)}` : '';
  return noticeModal(
    title,
    `:white_check_mark: ${what}: *${escapeMrkdwn(truncate(decision.question, 500))}*${needed}`,
    'Done',
  );
}
