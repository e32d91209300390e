import { useState } from 'preact/hooks';
import { isHttpUrl, type Obj, obj, str } from './block-json.js';
import { ButtonElement, OverflowMenu } from './buttons.js';
import { Checkboxes, RadioButtons } from './choices.js';
import { actionFor } from './element-state.js';
import { controlProps, type ElementProps, useHeldValue } from './element-value.js';
import { plainString } from './mrkdwn-view.js';
import { ConversationsSelect, StaticSelect, UsersSelect } from './selects.js';

export type { ElementProps, Field } from './element-value.js';

/** What this renderer does not know is said on the page, never left out: a missing piece would mislead. */
export function Unsupported({ kind, type }: { kind: 'block' | 'element'; type: unknown }) {
  return (
    <div
      class="bk-unsupported"
      role="note"
    >{`Unsupported ${kind}: ${typeof type === 'string' ? type : '(no type)'}`}</div>
  );
}

/** Whether typing sends an action per character (`dispatch_action_config`), rather than on Enter. */
function sendsPerCharacter(element: Obj): boolean {
  const triggers = obj(element.dispatch_action_config)?.trigger_actions_on;
  return Array.isArray(triggers) && triggers.includes('on_character_entered');
}

export function TextInput(props: ElementProps) {
  const { element, blockId, ctx, field, dispatch } = props;
  const { value, chosen, choose } = useHeldValue(props);
  const placeholder = plainString(element.placeholder, ctx);
  const perCharacter = dispatch && sendsPerCharacter(element);
  const attributes = {
    class: 'bk-text-input',
    value: chosen[0] ?? '',
    placeholder: placeholder || undefined,
    maxLength: typeof element.max_length === 'number' ? element.max_length : undefined,
    minLength: typeof element.min_length === 'number' ? element.min_length : undefined,
    ...controlProps(field, placeholder),
  };
  if (element.multiline === true)
    return (
      <textarea {...attributes} rows={4} onInput={(e) => choose([e.currentTarget.value], perCharacter)} />
    );
  return (
    <input
      type="text"
      {...attributes}
      onInput={(e) => choose([e.currentTarget.value], perCharacter)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !dispatch || perCharacter) return;
        e.preventDefault();
        ctx.onAction?.(actionFor(element, blockId, value));
      }}
    />
  );
}

export function DatePicker(props: ElementProps) {
  const { element, ctx, field } = props;
  const { chosen, choose } = useHeldValue(props);
  return (
    <input
      type="date"
      class="bk-datepicker"
      value={chosen[0] ?? ''}
      {...controlProps(field, plainString(element.placeholder, ctx) || 'Select a date')}
      onChange={(e) => choose([e.currentTarget.value])}
    />
  );
}

/**
 * A time picker sends its `selected_time` as an action; the view state has no place for it (the page's
 * protocol does not carry one), so in a modal it is shown but not submitted.
 */
export function TimePicker({ element, blockId, ctx, field, dispatch }: ElementProps) {
  const [time, setTime] = useState(str(element.initial_time) ?? '');
  return (
    <input
      type="time"
      class="bk-timepicker"
      value={time}
      {...controlProps(field, plainString(element.placeholder, ctx) || 'Select time')}
      onChange={(e) => {
        const chosen = e.currentTarget.value;
        setTime(chosen);
        if (dispatch) ctx.onAction?.(actionFor(element, blockId, { selected_time: chosen || null }));
      }}
    />
  );
}

export function ImageElement({ element }: { element: Obj }) {
  const url = str(element.image_url);
  const alt = str(element.alt_text) ?? '';
  if (url && isHttpUrl(url)) return <img class="bk-image-element" src={url} alt={alt} loading="lazy" />;
  return (
    <span class="bk-image-element bk-image-element--missing" role="img" aria-label={alt}>
      {alt}
    </span>
  );
}

/** One interactive (or image) element, by its type. */
export function Element(props: ElementProps) {
  switch (props.element.type) {
    case 'button':
      return <ButtonElement {...props} />;
    case 'overflow':
      return <OverflowMenu {...props} />;
    case 'static_select':
    case 'multi_static_select':
      return <StaticSelect {...props} />;
    case 'users_select':
    case 'multi_users_select':
      return <UsersSelect {...props} />;
    case 'conversations_select':
    case 'channels_select':
      return <ConversationsSelect {...props} />;
    case 'datepicker':
      return <DatePicker {...props} />;
    case 'timepicker':
      return <TimePicker {...props} />;
    case 'checkboxes':
      return <Checkboxes {...props} />;
    case 'radio_buttons':
      return <RadioButtons {...props} />;
    case 'plain_text_input':
      return <TextInput {...props} />;
    case 'image':
      return <ImageElement element={props.element} />;
    default:
      return <Unsupported kind="element" type={props.element.type} />;
  }
}
