import { useId } from 'preact/hooks';
import type { SelectedOption } from '../../protocol.js';
import type { RenderContext } from './context.js';
import { optionsOf } from './element-state.js';
import { type ElementProps, useHeldValue } from './element-value.js';
import { Text } from './mrkdwn-view.js';

/** An option's text (which may be mrkdwn) and its description under it. */
function OptionLabel({ option, ctx }: { option: SelectedOption; ctx: RenderContext }) {
  return (
    <span class="bk-choice__text">
      <Text obj={option.text} ctx={ctx} />
      {option.description && (
        <span class="bk-choice__description">
          <Text obj={option.description} ctx={ctx} />
        </span>
      )}
    </span>
  );
}

/** The checked values once `value` is checked or unchecked, in the options' order (as Slack lists them). */
export function toggled(
  options: readonly SelectedOption[],
  chosen: readonly string[],
  value: string,
  on: boolean,
): string[] {
  return options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v)));
}

export function Checkboxes(props: ElementProps) {
  const { element, ctx, field } = props;
  const { chosen, choose } = useHeldValue(props);
  const options = optionsOf(element);
  return (
    <fieldset
      class="bk-choices"
      aria-labelledby={field?.labelId}
      aria-describedby={field?.describedBy}
      aria-invalid={field?.invalid || undefined}
    >
      {options.map((o) => (
        <label key={o.value} class="bk-choice">
          <input
            type="checkbox"
            value={o.value}
            checked={chosen.includes(o.value)}
            onChange={(e) => choose(toggled(options, chosen, o.value, e.currentTarget.checked))}
          />
          <OptionLabel option={o} ctx={ctx} />
        </label>
      ))}
    </fieldset>
  );
}

export function RadioButtons(props: ElementProps) {
  const { element, ctx, field } = props;
  const { chosen, choose } = useHeldValue(props);
  const name = useId();
  return (
    <div
      class="bk-choices"
      role="radiogroup"
      aria-labelledby={field?.labelId}
      aria-describedby={field?.describedBy}
      aria-invalid={field?.invalid || undefined}
    >
      {optionsOf(element).map((o) => (
        <label key={o.value} class="bk-choice">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={chosen.includes(o.value)}
            onChange={() => choose([o.value])}
          />
          <OptionLabel option={o} ctx={ctx} />
        </label>
      ))}
    </div>
  );
}
