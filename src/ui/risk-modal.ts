import type { KnownBlock, View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { RiskEditField } from '../domain/list-edits.js';
import type { Program, TopRisk } from '../domain/program.js';
import { RISK_INFO, RISKS } from '../domain/vocabulary.js';
import { encodeItemRef, encodeProgramRef } from './action-values.js';
import { LIST_BLOCKS, LIST_VIEWS } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import { NO_WORKSTREAM, workstreamLabel, workstreamOptions } from './list-parts.js';
import { noticeModal, option, plainText, selectInput, textInput } from './modal-parts.js';
import { escapeMrkdwn } from './mrkdwn.js';

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
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(program.name), BLOCK_LIMITS.sectionText) }],
    },
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
  blocks.push(
    textInput(LIST_BLOCKS.riskNote, 'Note', {
      maxLength: FIELD_LIMITS.note,
      multiline: true,
      hint: 'Kept in the history with your change.',
      placeholder: risk ? 'Why it changed (optional)' : 'Where it comes from (optional)',
    }),
  );
  return {
    type: 'modal',
    callback_id: risk ? LIST_VIEWS.riskEdit : LIST_VIEWS.riskAdd,
    private_metadata: risk
      ? encodeItemRef({ program: program.slug, id: risk.id, version: risk.version })
      : encodeProgramRef(program.slug),
    title: plainText(risk ? 'Edit risk' : 'Add risk'),
    submit: plainText(risk ? 'Save' : 'Add'),
    close: plainText('Cancel'),
    blocks,
  };
}

/** What the submitter sees once a new risk is saved. */
export function riskAddedModal(program: Program, risk: TopRisk): View {
  const sev = RISK_INFO[risk.severity];
  return noticeModal(
    'Added',
    `:white_check_mark: Risk added to ${escapeMrkdwn(program.name)}:\n${sev.emoji} *${sev.label}* · ${escapeMrkdwn(risk.text)}\n_${workstreamLabel(program, risk.workstream)}_`,
    'Done',
  );
}
