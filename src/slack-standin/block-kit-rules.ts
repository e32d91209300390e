/**
 * What real Slack refuses in a message, modal or Home tab (../shared/slack/LIMITS.md, docs.slack.dev).
 * The fake Web API answers `invalid_blocks` with these problems, as Slack does, so a builder that overflows
 * a limit fails its end-to-end test instead of failing in someone's workspace.
 */
export type Surface = 'message' | 'modal' | 'home';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function textOf(v: unknown): string | undefined {
  return isObj(v) && typeof v.text === 'string' ? v.text : undefined;
}

export function blockKitProblems(blocks: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks: must be an array'];
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) problems.push(`blocks: ${blocks.length} blocks, at most ${max} on a ${surface}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const text = (path: string, v: unknown, limit: number, plainOnly = false) => {
    if (!isObj(v)) {
      problems.push(`${path}: missing text object`);
      return;
    }
    if (v.type !== 'plain_text' && v.type !== 'mrkdwn')
      problems.push(`${path}.type: must be plain_text or mrkdwn`);
    if (plainOnly && v.type !== 'plain_text') problems.push(`${path}.type: must be plain_text`);
    const t = textOf(v);
    if (t === undefined || t.length === 0) problems.push(`${path}.text: must not be empty`);
    else if (t.length > limit) problems.push(`${path}.text: ${t.length} characters, at most ${limit}`);
  };
  const element = (path: string, el: unknown) => {
    if (!isObj(el)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    if (typeof el.action_id === 'string') {
      if (el.action_id.length > 255) problems.push(`${path}.action_id: longer than 255`);
    }
    if (el.placeholder !== undefined) text(`${path}.placeholder`, el.placeholder, 150, true);
    switch (el.type) {
      case 'button':
        text(`${path}.text`, el.text, 75, true);
        if (el.accessibility_label !== undefined) {
          const label = typeof el.accessibility_label === 'string' ? el.accessibility_label : '';
          if (label.length === 0 || label.length > 75)
            problems.push(`${path}.accessibility_label: ${label.length} characters, 1 to 75`);
        }
        if (typeof el.value === 'string' && el.value.length > 2000)
          problems.push(`${path}.value: longer than 2000`);
        if (typeof el.url === 'string' && el.url.length > 3000)
          problems.push(`${path}.url: longer than 3000`);
        break;
      case 'static_select':
      case 'multi_static_select':
      case 'overflow':
      case 'radio_buttons':
      case 'checkboxes': {
        const options = Array.isArray(el.options) ? el.options : [];
        const groups = Array.isArray(el.option_groups) ? el.option_groups : [];
        const all = [
          ...options,
          ...groups.flatMap((g) => (isObj(g) && Array.isArray(g.options) ? g.options : [])),
        ];
        const cap =
          el.type === 'overflow' ? 5 : el.type === 'radio_buttons' || el.type === 'checkboxes' ? 10 : 100;
        if (all.length === 0) problems.push(`${path}.options: at least one option`);
        if (all.length > cap) problems.push(`${path}.options: ${all.length} options, at most ${cap}`);
        const mrkdwnOptions = el.type === 'radio_buttons' || el.type === 'checkboxes';
        for (const [i, o] of all.entries()) option(`${path}.options[${i}]`, o, mrkdwnOptions);
        // Slack wants an initial option to match one of the element's options exactly.
        const isOneOf = (o: unknown) => all.some((candidate) => sameJson(candidate, o));
        if (el.initial_option !== undefined && !isOneOf(el.initial_option))
          problems.push(`${path}.initial_option: not one of the options`);
        if (el.initial_options !== undefined) {
          const initial = Array.isArray(el.initial_options) ? el.initial_options : [];
          if (!Array.isArray(el.initial_options)) problems.push(`${path}.initial_options: must be an array`);
          for (const [i, o] of initial.entries())
            if (!isOneOf(o)) problems.push(`${path}.initial_options[${i}]: not one of the options`);
        }
        break;
      }
      case 'plain_text_input':
        if (typeof el.max_length === 'number' && el.max_length > 3000)
          problems.push(`${path}.max_length: at most 3000`);
        if (
          typeof el.initial_value === 'string' &&
          typeof el.max_length === 'number' &&
          el.initial_value.length > el.max_length
        )
          problems.push(`${path}.initial_value: longer than max_length`);
        break;
      case 'users_select':
      case 'multi_users_select':
      case 'conversations_select':
      case 'channels_select':
      case 'datepicker':
      case 'timepicker':
      case 'image':
      case 'checkbox':
        break;
      default:
        problems.push(`${path}.type: unknown element type ${String(el.type)}`);
    }
  };
  const option = (path: string, o: unknown, mrkdwnAllowed: boolean) => {
    if (!isObj(o)) {
      problems.push(`${path}: must be an object`);
      return;
    }
    const t = o.text;
    if (!isObj(t)) problems.push(`${path}.text: missing`);
    else {
      if (!mrkdwnAllowed && t.type !== 'plain_text') problems.push(`${path}.text.type: must be plain_text`);
      const s = textOf(t) ?? '';
      if (s.length === 0 || s.length > 75) problems.push(`${path}.text: ${s.length} characters, 1 to 75`);
    }
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150)
      problems.push(`${path}.value: 1 to 150 characters`);
    if (o.description !== undefined) {
      const d = textOf(o.description) ?? '';
      if (d.length > 75) problems.push(`${path}.description: ${d.length} characters, at most 75`);
    }
  };

  for (const [i, b] of blocks.entries()) {
    const path = `blocks[${i}]`;
    if (!isObj(b)) {
      problems.push(`${path}: must be an object`);
      continue;
    }
    if (b.block_id !== undefined) {
      const id = String(b.block_id);
      if (id.length > 255) problems.push(`${path}.block_id: longer than 255`);
      if (blockIds.has(id)) problems.push(`${path}.block_id: duplicate ${id}`);
      blockIds.add(id);
    }
    switch (b.type) {
      case 'section': {
        if (b.text === undefined && b.fields === undefined) problems.push(`${path}: needs text or fields`);
        if (b.text !== undefined) text(`${path}.text`, b.text, 3000);
        if (b.fields !== undefined) {
          const fields = Array.isArray(b.fields) ? b.fields : [];
          if (fields.length > 10) problems.push(`${path}.fields: ${fields.length} fields, at most 10`);
          for (const [j, f] of fields.entries()) text(`${path}.fields[${j}]`, f, 2000);
        }
        if (b.accessory !== undefined) element(`${path}.accessory`, b.accessory);
        break;
      }
      case 'header':
        text(`${path}.text`, b.text, 150, true);
        break;
      case 'context': {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 10) problems.push(`${path}.elements: ${els.length}, 1 to 10`);
        els.forEach((e, j) => {
          if (isObj(e) && e.type === 'image') return;
          text(`${path}.elements[${j}]`, e, 3000);
        });
        break;
      }
      case 'actions': {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 25) problems.push(`${path}.elements: ${els.length}, 1 to 25`);
        els.forEach((e, j) => {
          element(`${path}.elements[${j}]`, e);
          if (isObj(e) && typeof e.action_id === 'string') {
            if (actionIds.has(e.action_id))
              problems.push(`${path}.elements[${j}].action_id: duplicate ${e.action_id}`);
            actionIds.add(e.action_id);
          }
        });
        break;
      }
      case 'divider':
        break;
      case 'input': {
        if (surface === 'message') problems.push(`${path}: input blocks are for modals and Home tabs`);
        text(`${path}.label`, b.label, 2000, true);
        element(`${path}.element`, b.element);
        if (b.hint !== undefined) text(`${path}.hint`, b.hint, 2000, true);
        break;
      }
      case 'rich_text':
      case 'image':
      case 'table':
        break;
      default:
        problems.push(`${path}.type: unknown block type ${String(b.type)}`);
    }
  }
  return problems;
}

/** Equal as JSON, whatever the order of the keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical(v[k])]),
  );
}

export function viewProblems(view: unknown, surface: 'modal' | 'home'): string[] {
  if (!isObj(view)) return ['view: missing'];
  const problems: string[] = [];
  if (view.type !== surface) problems.push(`view.type: expected ${surface}`);
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      if (view[key] === undefined) {
        if (key === 'title') problems.push('view.title: required');
        continue;
      }
      const t = textOf(view[key]) ?? '';
      if (!isObj(view[key]) || (view[key] as Obj).type !== 'plain_text')
        problems.push(`view.${key}: must be plain_text`);
      if (t.length === 0 || t.length > 24) problems.push(`view.${key}: ${t.length} characters, 1 to 24`);
    }
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined)
      problems.push('view.submit: required when the view has input blocks');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000)
    problems.push('view.private_metadata: longer than 3000');
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255)
    problems.push('view.callback_id: longer than 255');
  problems.push(...blockKitProblems(view.blocks, surface));
  return problems;
}

/**
 * What Slack refuses in a message (chat.postMessage, a response_url reply, a command's answer). Slack
 * refuses one with neither text nor blocks; Rollout also holds itself to a fallback `text`.
 */
export function messageProblems(args: Record<string, unknown>, requireText: boolean): string[] {
  const blocks = typeof args.blocks === 'string' ? parseOrKeep(args.blocks) : args.blocks;
  const problems: string[] = [];
  if (blocks !== undefined) problems.push(...blockKitProblems(blocks, 'message'));
  const text = typeof args.text === 'string' ? args.text : '';
  if (blocks === undefined && !text) problems.push('no_text');
  if (requireText && blocks !== undefined && !text)
    problems.push('text: a message with blocks needs fallback text');
  if (text.length > 40000) problems.push('msg_too_long');
  return problems;
}

function parseOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * What Slack would refuse in a command's answer given in the HTTP response (the ack) rather than through
 * the Web API.
 */
export function commandAnswerProblems(json: Record<string, unknown> | undefined): string[] {
  return json ? messageProblems(json, true) : [];
}

/** What Slack would refuse in the answer to a view submission (`response_action` and what it carries). */
export function submissionAnswerProblems(json: Record<string, unknown> | undefined): string[] {
  if (!json) return [];
  const action = json.response_action;
  if (action === 'update' || action === 'push') return viewProblems(json.view, 'modal');
  if (action === 'errors')
    return json.errors && typeof json.errors === 'object' && Object.keys(json.errors).length > 0
      ? []
      : ['errors: response_action errors without any error'];
  if (action === 'clear') return [];
  return [`response_action: unknown ${String(action)}`];
}
