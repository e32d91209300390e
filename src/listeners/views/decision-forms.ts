import type { App } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { programToday } from '../../domain/decision-register.js';
import type {
  DecisionEditBase,
  DecisionEditResult,
  RecordDecisionInput,
} from '../../services/decision-edits.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef } from '../../ui/action-values.js';
import { NEW_DECISION, readDecisionChoice, readWorkstreamChoice } from '../../ui/decision-choices.js';
import {
  DECISION_FIELD_BLOCKS,
  decisionSavedModal,
  isDecidedByBlock,
  readCarried,
  recordDecisionModal,
  recordedModal,
} from '../../ui/decision-modals.js';
import { DECISION_BLOCKS, DECISION_VIEWS } from '../../ui/ids.js';
import { formConflictMessage } from '../shared/conflict-author.js';
import { formListener } from '../shared/failures.js';
import { parseState, readInput, readMany, type StateValues } from './state.js';
import { ackErrors, addForm, answerSubmission, editForm } from './submission.js';

const gone = (block: string) => ({
  [block]: 'This decision or its program no longer exists; nothing was saved.',
});

/** What a decision's question, workstreams, deciders and needed-by date were submitted as. */
function askOf(values: StateValues) {
  return {
    question: readInput(values, DECISION_BLOCKS.question),
    workstreams: readMany(values, DECISION_BLOCKS.workstreams),
    deciders: readMany(values, DECISION_BLOCKS.deciders),
    neededBy: readInput(values, DECISION_BLOCKS.neededBy),
  };
}

/** Submissions of the decision forms: add, edit, record (also from a message), defer, withdraw. */
export function register(app: App, deps: Deps, services: Services): void {
  const edits = services.decisionEdits;

  app.view(
    DECISION_VIEWS.add,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      const form = addForm(services, view);
      const GONE = gone(DECISION_BLOCKS.question);
      if (!form) return ackErrors(ack, GONE);
      const result = edits.addDecision({
        programId: form.program.id,
        actor: user,
        ask: { ...askOf(form.values), question: readInput(form.values, DECISION_BLOCKS.question) ?? '' },
      });
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          top: DECISION_BLOCKS.question,
          fields: DECISION_FIELD_BLOCKS,
          gone: GONE,
          saved: (added) => decisionSavedModal('Added', 'Decision added', added.decision),
          list: {
            name: 'decisions',
            programId: form.program.id,
            notice: 'Decision added',
            item: (added) => added.decision.question,
          },
        },
      );
    }),
  );

  /**
   * The Edit, Defer and Withdraw forms: one decision, opened on a version. They differ only in what they
   * send (`change`), the block a refusal is shown on, and what the saved modal and the list say.
   */
  const changeForm = (
    callbackId: string,
    spec: {
      top: string;
      button: string;
      /** The saved modal's title and heading, and the list's notice. */
      says: { title: string; heading: string; notice: string };
      change: (base: DecisionEditBase, values: StateValues) => DecisionEditResult;
    },
  ) =>
    app.view(
      callbackId,
      formListener(deps, async ({ ack, view, body, client }) => {
        const user = body.user.id;
        const form = editForm(services, view);
        const GONE = gone(spec.top);
        if (!form) return ackErrors(ack, GONE);
        const base = {
          programId: form.program.id,
          actor: user,
          decisionId: form.ref.id,
          expectedVersion: form.ref.version,
        };
        return answerSubmission(
          { ack, client, deps, services, user, metadata: view.private_metadata },
          spec.change(base, form.values),
          {
            top: spec.top,
            fields: DECISION_FIELD_BLOCKS,
            gone: GONE,
            conflict: { what: 'decision', button: spec.button },
            saved: (updated) => decisionSavedModal(spec.says.title, spec.says.heading, updated.decision),
            list: {
              name: 'decisions',
              programId: form.program.id,
              notice: spec.says.notice,
              item: (updated) => updated.decision.question,
            },
          },
        );
      }),
    );

  changeForm(DECISION_VIEWS.edit, {
    top: DECISION_BLOCKS.question,
    button: 'Edit',
    says: { title: 'Saved', heading: 'Decision updated', notice: 'Decision saved' },
    change: (base, values) => edits.editDecision({ ...base, changes: askOf(values) }),
  });

  changeForm(DECISION_VIEWS.defer, {
    top: DECISION_BLOCKS.neededBy,
    button: 'Defer',
    says: { title: 'Deferred', heading: 'Deferred', notice: 'Deferred' },
    change: (base, values) =>
      edits.deferDecision({
        ...base,
        neededBy: readInput(values, DECISION_BLOCKS.neededBy) ?? '',
        reason: readInput(values, DECISION_BLOCKS.reason) ?? '',
      }),
  });

  changeForm(DECISION_VIEWS.withdraw, {
    top: DECISION_BLOCKS.reason,
    button: 'Withdraw',
    says: { title: 'Withdrawn', heading: 'Withdrawn', notice: 'Withdrawn' },
    change: (base, values) =>
      edits.withdrawDecision({ ...base, reason: readInput(values, DECISION_BLOCKS.reason) ?? '' }),
  });

  // The message shortcut's first step, with several programs: on to the record form of the one chosen.
  app.view(
    DECISION_VIEWS.pickProgram,
    formListener(deps, async ({ ack, view }) => {
      const slug = readInput(parseState(view.state.values), DECISION_BLOCKS.program);
      const program = slug ? services.programs.get(slug) : undefined;
      if (!program) return ackErrors(ack, { [DECISION_BLOCKS.program]: 'Choose one of the programs.' });
      const carried = readCarried(view.private_metadata);
      await ack({
        response_action: 'update',
        view: recordDecisionModal({
          program,
          today: programToday(program, deps.clock.now()),
          outcome: carried.outcome,
          link: carried.link,
        }),
      });
    }),
  );

  app.view(
    DECISION_VIEWS.record,
    formListener(deps, async ({ ack, view, body, client }) => {
      const user = body.user.id;
      // From the list the form is about one decision; from a message it asks which.
      const ref = decodeItemRef(view.private_metadata);
      const slug = ref?.program ?? decodeProgramRef(view.private_metadata);
      const program = slug ? services.programs.get(slug) : undefined;
      const top = ref ? DECISION_BLOCKS.outcome : DECISION_BLOCKS.pick;
      const GONE = gone(top);
      if (!program) return ackErrors(ack, GONE);
      const values = parseState(view.state.values);
      // Its own block id once a decision was picked (see decidedByBlock): read, and refused, where it is.
      const decidedBy = Object.keys(values).find(isDecidedByBlock) ?? DECISION_BLOCKS.decidedBy;
      const fields = { ...DECISION_FIELD_BLOCKS, decidedBy };
      let decision: RecordDecisionInput['decision'];
      if (ref) decision = { id: ref.id, expectedVersion: ref.version };
      else {
        const picked = readInput(values, DECISION_BLOCKS.pick);
        const choice = readDecisionChoice(picked);
        if (choice) decision = { id: choice.id, expectedVersion: choice.version };
        else if (picked === NEW_DECISION)
          decision = { question: readInput(values, DECISION_BLOCKS.question) ?? '' };
        else return ackErrors(ack, { [DECISION_BLOCKS.pick]: 'Choose a decision, or a new one.' });
      }
      const move = readWorkstreamChoice(readInput(values, DECISION_BLOCKS.moveWorkstream));
      const result = edits.recordDecision({
        programId: program.id,
        actor: user,
        decision,
        record: {
          outcome: readInput(values, DECISION_BLOCKS.outcome) ?? '',
          decidedBy: readMany(values, decidedBy) ?? [],
          decidedAt: readInput(values, DECISION_BLOCKS.decidedAt) ?? '',
          link: readInput(values, DECISION_BLOCKS.link),
        },
        moveOn: move && {
          workstream: move.key,
          expectedVersion: move.version,
          status: readInput(values, DECISION_BLOCKS.moveStatus),
          blocker: readInput(values, DECISION_BLOCKS.moveBlocker),
        },
      });
      if (result.kind === 'conflict' && result.on === 'workstream') {
        const said = await formConflictMessage(
          { client, deps, services },
          user,
          result,
          'workstream',
          'Record decision',
        );
        return ackErrors(ack, { [DECISION_BLOCKS.moveWorkstream]: said });
      }
      return answerSubmission(
        { ack, client, deps, services, user, metadata: view.private_metadata },
        result,
        {
          top,
          fields,
          gone: GONE,
          conflict: { what: 'decision', button: 'Record decision' },
          saved: (recorded) => recordedModal(recorded.program, recorded.decision, recorded.moved),
          list: {
            name: 'decisions',
            programId: program.id,
            notice: 'Decision recorded',
            item: (recorded) => recorded.decision.question,
          },
          // Committed; what follows is Slack, and its failures are logged, not shown as a failed save.
          after: (recorded) =>
            services.decisionNotices.recorded(client, {
              program: recorded.program,
              decision: recorded.decision,
              actor: user,
              moved: recorded.moved,
            }),
        },
      );
    }),
  );
}
