import type { View } from '@slack/types';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import type { ReadinessField } from '../domain/list-edits.js';
import type { Program, Readiness } from '../domain/program.js';
import { SIGNAL_INFO, SIGNALS } from '../domain/vocabulary.js';
import { encodeItemOf } from './action-values.js';
import { option } from './blocks.js';
import { LIST_BLOCKS, LIST_VIEWS } from './ids.js';
import { formHeading, formModal, selectInput, textInput } from './modal-parts.js';

export const READINESS_FIELD_BLOCKS: Record<ReadinessField, string> = {
  signal: LIST_BLOCKS.readinessSignal,
  note: LIST_BLOCKS.readinessNote,
};

/** One readiness dimension's signal and note, prefilled; carries the version it was opened on. */
export function readinessModal(program: Program, r: Readiness): View {
  return formModal({
    callbackId: LIST_VIEWS.readinessEdit,
    metadata: encodeItemOf(program, r),
    title: 'Change readiness',
    submit: 'Save',
    blocks: [
      formHeading(r.name, program.name),
      selectInput(
        LIST_BLOCKS.readinessSignal,
        'Signal',
        SIGNALS.map((s) => option(s, SIGNAL_INFO[s].label)),
        r.signal,
      ),
      textInput(LIST_BLOCKS.readinessNote, 'Note', {
        initial: r.note,
        maxLength: FIELD_LIMITS.readinessNote,
        multiline: true,
        hint: 'What the signal rests on, e.g. “not ready until the Okta path is confirmed”.',
      }),
    ],
  });
}
