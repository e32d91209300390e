import type { KnownBlock, View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { RiskEditField } from '../domain/list-edits.js';
import type { Program, TopRisk } from '../domain/program.js';
import { RISK_INFO, RISKS } from '../domain/vocabulary.js';
import { option } from './blocks.js';
import { LIST_BLOCKS, LIST_VIEWS } from './ids.js';
import { itemFormModal, NO_WORKSTREAM, workstreamOptions } from './list-parts.js';
import { noticeModal, selectInput, textInput } from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { riskLine } from './risks-list.js';

/** Where each field's inline error is shown. */
export const RISK_FIELD_BLOCKS: Record<RiskEditField, string> = {
  text: LIST_BLOCKS.riskText,
  severity: LIST_BLOCKS.riskSeverity,
  workstream: LIST_BLOCKS.riskWorkstream,
  status: LIST_BLOCKS.riskStatus,
  note: LIST_BLOCKS.riskNote,
};

/**
 * The risk form: adding one (no `risk`), or editing one prefilled with its current values, which also
 * closes or reopens it. An edit carries the version it was opened on, to catch someone else's change.
 */
export function riskModal(program: Program, risk?: TopRisk): View {
  const blocks: KnownBlock[] = [
    textInput(LIST_BLOCKS.riskText, 'Risk', {
      initial: risk?.text,
      maxLength: FIELD_LIMITS.riskText,
      multiline: true,
      optional: false,
      placeholder: 'What could go wrong, and what it would hold up',
    }),
    selectInput(
      LIST_BLOCKS.riskSeverity,
      'Severity',
      RISKS.map((r) => option(r, `${RISK_INFO[r].label}`)),
      risk?.severity,
    ),
    selectInput(
      LIST_BLOCKS.riskWorkstream,
      'Workstream',
      workstreamOptions(program, risk?.workstream ?? null),
      risk?.workstream ?? NO_WORKSTREAM,
    ),
  ];
  if (risk) {
    blocks.push(
      selectInput(
        LIST_BLOCKS.riskStatus,
        'Status',
        [option('open', 'Open'), option('closed', 'Closed', 'no longer a threat; kept in the history')],
        risk.status,
      ),
    );
  }
  return itemFormModal(program, risk, {
    callbackIds: { add: LIST_VIEWS.riskAdd, edit: LIST_VIEWS.riskEdit },
    noun: 'risk',
    blocks,
    note: { blockId: LIST_BLOCKS.riskNote, whenAdding: 'Where it comes from, for the history (optional)' },
  });
}

/** What the submitter sees once a new risk is saved. */
export function riskAddedModal(program: Program, risk: TopRisk): View {
  return noticeModal(
    'Added',
    `:white_check_mark: Risk added to ${escapeMrkdwn(program.name)}:\n${riskLine(program, risk)}`,
    'Done',
  );
}
