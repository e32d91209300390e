import { useId } from 'preact/hooks';
import { isHttpUrl, type Obj, obj, objs, str, withIds } from './block-json.js';
import type { RenderContext } from './context.js';
import { sendsChanges } from './element-state.js';
import { Element, Unsupported } from './elements.js';
import { Text } from './mrkdwn-view.js';

interface BlockProps {
  block: Obj;
  blockId: string;
  ctx: RenderContext;
}

function Section({ block, blockId, ctx }: BlockProps) {
  const fields = objs(block.fields);
  const accessory = obj(block.accessory);
  return (
    <div class="bk-section">
      <div class="bk-section__body">
        {block.text !== undefined && (
          <div class="bk-section__text">
            <Text obj={block.text} ctx={ctx} />
          </div>
        )}
        {fields.length > 0 && (
          <div class="bk-fields">
            {fields.map((f, i) => (
              <div key={i} class="bk-field">
                <Text obj={f} ctx={ctx} />
              </div>
            ))}
          </div>
        )}
      </div>
      {accessory && (
        <div class="bk-accessory">
          <Element
            element={accessory}
            blockId={blockId}
            ctx={ctx}
            dispatch={sendsChanges(block, 'accessory')}
          />
        </div>
      )}
    </div>
  );
}

function Context({ block, ctx }: BlockProps) {
  return (
    <div class="bk-context">
      {objs(block.elements).map((e, i) =>
        e.type === 'image' ? (
          <ContextImage key={i} element={e} />
        ) : e.type === 'mrkdwn' || e.type === 'plain_text' ? (
          <span key={i} class="bk-context__text">
            <Text obj={e} ctx={ctx} />
          </span>
        ) : (
          <Unsupported key={i} kind="element" type={e.type} />
        ),
      )}
    </div>
  );
}

function ContextImage({ element }: { element: Obj }) {
  const url = str(element.image_url);
  const alt = str(element.alt_text) ?? '';
  return url && isHttpUrl(url) ? <img class="bk-context__image" src={url} alt={alt} /> : null;
}

function Actions({ block, blockId, ctx }: BlockProps) {
  return (
    <div class="bk-actions">
      {objs(block.elements).map((e, i) => (
        <Element
          key={str(e.action_id) ?? i}
          element={e}
          blockId={blockId}
          ctx={ctx}
          dispatch={sendsChanges(block, 'element')}
        />
      ))}
    </div>
  );
}

/** Checkboxes and radio buttons are a group of controls: the label names the group, not one control. */
const GROUPS = new Set(['checkboxes', 'radio_buttons']);

/**
 * An input: its label names the control (so a screen reader, or `getByLabel`, finds it by the label), the
 * hint and the error describe it, and the error is announced when it appears.
 */
function Input({ block, blockId, ctx }: BlockProps) {
  const base = useId();
  const ids = {
    control: `${base}-control`,
    label: `${base}-label`,
    hint: `${base}-hint`,
    error: `${base}-error`,
  };
  const element = obj(block.element);
  const error = ctx.errors?.[blockId];
  const hint = block.hint;
  const describedBy = [hint !== undefined ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' ');
  const label = <Text obj={block.label} ctx={ctx} />;
  return (
    <div class={error ? 'bk-input bk-input--invalid' : 'bk-input'}>
      <div class="bk-input__label">
        {element && GROUPS.has(String(element.type)) ? (
          <span class="bk-label" id={ids.label}>
            {label}
          </span>
        ) : (
          <label class="bk-label" id={ids.label} for={ids.control}>
            {label}
          </label>
        )}
        {block.optional === true && <span class="bk-optional">(optional)</span>}
      </div>
      {element ? (
        <Element
          element={element}
          blockId={blockId}
          ctx={ctx}
          dispatch={sendsChanges(block, 'element')}
          field={{
            id: ids.control,
            labelId: ids.label,
            describedBy: describedBy || undefined,
            invalid: !!error,
          }}
        />
      ) : (
        <Unsupported kind="element" type={undefined} />
      )}
      {error && (
        <div class="bk-error" role="alert" id={ids.error}>
          {error}
        </div>
      )}
      {hint !== undefined && (
        <div class="bk-hint" id={ids.hint}>
          <Text obj={hint} ctx={ctx} />
        </div>
      )}
    </div>
  );
}

function Image({ block, ctx }: BlockProps) {
  const url = str(block.image_url);
  const alt = str(block.alt_text) ?? '';
  return (
    <figure class="bk-image">
      {block.title !== undefined && (
        <figcaption class="bk-image__title">
          <Text obj={block.title} ctx={ctx} />
        </figcaption>
      )}
      {url && isHttpUrl(url) ? (
        <img class="bk-image__img" src={url} alt={alt} loading="lazy" />
      ) : (
        <span class="bk-image__missing">{alt}</span>
      )}
    </figure>
  );
}

function Block(props: BlockProps) {
  const { block, ctx } = props;
  switch (block.type) {
    case 'header':
      return (
        <h2 class="bk-header">
          <Text obj={block.text} ctx={ctx} />
        </h2>
      );
    case 'section':
      return <Section {...props} />;
    case 'context':
      return <Context {...props} />;
    case 'divider':
      return <hr class="bk-divider" />;
    case 'actions':
      return <Actions {...props} />;
    case 'input':
      return <Input {...props} />;
    case 'image':
      return <Image {...props} />;
    default:
      return <Unsupported kind="block" type={block.type} />;
  }
}

/** A message's, modal's or Home tab's blocks, as Slack's client shows them. */
export function Blocks({ blocks, ctx }: { blocks: readonly unknown[]; ctx: RenderContext }) {
  return (
    <div class="bk-blocks">
      {withIds(blocks).map((block) => {
        const blockId = str(block.block_id) ?? '';
        return <Block key={blockId} block={block} blockId={blockId} ctx={ctx} />;
      })}
    </div>
  );
}
