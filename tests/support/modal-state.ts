import type { InputValue } from '../../src/slack-standin/requests.js';
import { BLOCKS, INPUT_ACTION } from '../../src/ui/ids.js';

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

/** What the workstream update form may be submitted with; a field left out is as the modal prefilled it. */
export interface WorkstreamForm {
  status?: string;
  risk?: string;
  state?: string;
  blocker?: string;
  summary?: string;
  note?: string;
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
