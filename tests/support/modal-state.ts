import type { InputValue } from '../../src/slack-standin/requests.js';
import { BLOCKS, INPUT_ACTION } from '../../src/ui/ids.js';
import { REBASELINE } from '../../src/ui/target-inputs.js';

/** A modal's `view.state.values` as Slack sends it on submit, one element per input block. */

export const select = (value: string): InputValue => ({ type: 'static_select', selected_option: { value } });
export const text = (value: string): InputValue => ({
  type: 'plain_text_input',
  value: value === '' ? null : value,
});
export const user = (id: string | null): InputValue => ({ type: 'users_select', selected_user: id });
export const date = (day: string | null): InputValue => ({ type: 'datepicker', selected_date: day });
export const checks = (...values: string[]): InputValue => ({
  type: 'checkboxes',
  selected_options: values.map((value) => ({ value })),
});

export function state(fields: Record<string, InputValue>): Record<string, Record<string, InputValue>> {
  return Object.fromEntries(Object.entries(fields).map(([block, v]) => [block, { [INPUT_ACTION]: v }]));
}

/** The update form's labels as an owner sees them, for a workstream no decision holds up yet. */
export const UPDATE_FORM_LABELS = [
  'Status',
  'Risk',
  'Current state',
  'Main blocker',
  'Snapshot',
  'Target date',
  'Why the date moved',
  'Or a new decision: the question',
  'Who decides',
  'Needed by',
  'Note',
] as const;

/** What the workstream update form may be submitted with; a field left out is as the modal prefilled it. */
export interface WorkstreamForm {
  status?: string;
  risk?: string;
  state?: string;
  blocker?: string;
  summary?: string;
  note?: string;
  /** The date picker: left out, the block is not sent; null, it was cleared. */
  target?: string | null;
  /** "Why the date moved". */
  reason?: string;
  /** The admins' re-baseline box, ticked. */
  rebaseline?: boolean;
}

/** The update form of the small program's Identity and SSO as submitted, starting from its prefilled values. */
export function workstreamForm(form: WorkstreamForm = {}) {
  return state({
    [BLOCKS.wsStatus]: select(form.status ?? 'needs-decision'),
    [BLOCKS.wsRisk]: select(form.risk ?? 'high'),
    [BLOCKS.wsState]: text(form.state ?? 'directionally clear, enterprise path not finalized'),
    [BLOCKS.wsBlocker]: text(form.blocker ?? 'approved Okta path and claims model'),
    [BLOCKS.wsSummary]: text(
      form.summary ?? 'The enterprise direction is clear, but core decisions still need confirmation.',
    ),
    [BLOCKS.wsNote]: text(form.note ?? ''),
    ...(form.target === undefined ? {} : { [BLOCKS.wsTarget]: date(form.target) }),
    ...(form.reason === undefined ? {} : { [BLOCKS.wsTargetReason]: text(form.reason) }),
    ...(form.rebaseline ? { [BLOCKS.wsRebaseline]: checks(REBASELINE) } : {}),
  });
}

export const errorsOf = (res: { json?: Record<string, unknown> | undefined }) =>
  (res.json?.errors ?? {}) as Record<string, string>;

/** The labels of a view's input blocks, in order. */
export function labelsOf(view: unknown): string[] {
  const blocks = (view as { blocks: { type: string; label?: { text: string } }[] }).blocks;
  return blocks.filter((b) => b.type === 'input').map((b) => b.label?.text ?? '');
}

/** The element of the input block `blockId` of a view. */
export function elementOf(view: unknown, blockId: string): Record<string, unknown> | undefined {
  const blocks = (view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] }).blocks;
  return blocks.find((b) => b.block_id === blockId)?.element;
}
