import type { ComponentChildren } from 'preact';
import { objs } from './block-json.js';
import type { RenderContext } from './context.js';
import { optionsOf } from './element-state.js';
import { controlProps, type ElementProps, useHeldValue } from './element-value.js';
import { plainString } from './mrkdwn-view.js';

interface Choice {
  value: string;
  label: string;
}

/** The choices of a users or conversations picker: the workspace's, plus a chosen one it does not know. */
export function directoryChoices(
  directory: ReadonlyMap<string, { name: string }>,
  prefix: string,
  chosen: readonly string[],
): Choice[] {
  const choices = [...directory].map(([id, { name }]) => ({ value: id, label: `${prefix}${name}` }));
  for (const id of chosen) if (!directory.has(id)) choices.push({ value: id, label: `${prefix}${id}` });
  return choices;
}

const isMulti = (type: unknown) => typeof type === 'string' && type.startsWith('multi_');

/** Rows a multiple select shows: every choice up to eight, so that no row is cut off halfway. */
export const MULTI_SELECT_ROWS = 8;
export function multiSelectRows(choices: number): number {
  return Math.max(2, Math.min(choices, MULTI_SELECT_ROWS));
}

/** A `<select>` (or `<select multiple>`) held by the element's value. */
function Select({
  props,
  rows,
  children,
}: {
  props: ElementProps;
  /** How many rows the choices take (options and group labels), for the height of a multiple select. */
  rows: (chosen: string[]) => number;
  children: (chosen: string[]) => ComponentChildren;
}) {
  const { element, ctx, field } = props;
  const { chosen, choose } = useHeldValue(props);
  const multi = isMulti(element.type);
  const placeholder = plainString(element.placeholder, ctx) || (multi ? 'Select options' : 'Select an item');
  if (multi)
    return (
      <select
        class="bk-select bk-select--multi"
        multiple
        size={multiSelectRows(rows(chosen))}
        {...controlProps(field, placeholder)}
        onChange={(e) => choose(Array.from(e.currentTarget.selectedOptions, (o) => o.value))}
      >
        {children(chosen)}
      </select>
    );
  return (
    <select
      class="bk-select"
      value={chosen[0] ?? ''}
      {...controlProps(field, placeholder)}
      onChange={(e) => choose([e.currentTarget.value])}
    >
      <option value="">{placeholder}</option>
      {children(chosen)}
    </select>
  );
}

function optionList(options: { value: string; text: unknown }[], chosen: string[], ctx: RenderContext) {
  return options.map((o) => (
    <option key={o.value} value={o.value} selected={chosen.includes(o.value)}>
      {plainString(o.text, ctx)}
    </option>
  ));
}

/** static_select and multi_static_select, with their option groups. */
export function StaticSelect(props: ElementProps) {
  const { element, ctx } = props;
  const groups = objs(element.option_groups);
  const rows =
    groups.length > 0
      ? groups.reduce((n, g) => n + 1 + optionsOf({ options: g.options }).length, 0)
      : optionsOf(element).length;
  return (
    <Select props={props} rows={() => rows}>
      {(chosen) =>
        groups.length > 0
          ? groups.map((g, i) => (
              <optgroup key={i} label={plainString(g.label, ctx)}>
                {optionList(optionsOf({ options: g.options }), chosen, ctx)}
              </optgroup>
            ))
          : optionList(optionsOf(element), chosen, ctx)
      }
    </Select>
  );
}

function directoryOptions(choices: Choice[], chosen: string[]) {
  return choices.map((c) => (
    <option key={c.value} value={c.value} selected={chosen.includes(c.value)}>
      {c.label}
    </option>
  ));
}

/** users_select and multi_users_select: the workspace's people. */
export function UsersSelect(props: ElementProps) {
  return (
    <Select props={props} rows={(chosen) => directoryChoices(props.ctx.users, '', chosen).length}>
      {(chosen) => directoryOptions(directoryChoices(props.ctx.users, '', chosen), chosen)}
    </Select>
  );
}

/** conversations_select and channels_select: the workspace's channels. */
export function ConversationsSelect(props: ElementProps) {
  return (
    <Select props={props} rows={(chosen) => directoryChoices(props.ctx.channels, '#', chosen).length}>
      {(chosen) => directoryOptions(directoryChoices(props.ctx.channels, '#', chosen), chosen)}
    </Select>
  );
}
