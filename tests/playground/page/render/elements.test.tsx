import { describe, expect, it } from 'vitest';
import { buttonClass, ConfirmDialog, confirmTexts } from '../../../../src/playground/page/render/buttons.js';
import { toggled } from '../../../../src/playground/page/render/choices.js';
import type { RenderContext } from '../../../../src/playground/page/render/context.js';
import { Element, type Field } from '../../../../src/playground/page/render/elements.js';
import {
  directoryChoices,
  MULTI_SELECT_ROWS,
  multiSelectRows,
} from '../../../../src/playground/page/render/selects.js';
import type { ViewState } from '../../../../src/playground/protocol.js';
import { html, renderContext, visibleText } from './render-context.js';

const ctx = renderContext();
const opt = (value: string, text = value.toUpperCase()) => ({
  text: { type: 'plain_text' as const, text },
  value,
});
const field: Field = { id: 'ctl', labelId: 'lbl', describedBy: 'hint', invalid: false };

const render = (element: Record<string, unknown>, over: { ctx?: RenderContext; field?: Field } = {}) =>
  html(<Element element={element} blockId="b" ctx={over.ctx ?? ctx} dispatch field={over.field} />);

describe('button', () => {
  it('is a real button named by its text, styled primary or danger', () => {
    const out = render({
      type: 'button',
      action_id: 'go',
      text: { type: 'plain_text', text: 'Update :rocket:' },
    });
    expect(out).toBe('<button type="button" class="bk-button">Update 🚀</button>');
    expect(
      render({ type: 'button', style: 'primary', text: { type: 'plain_text', text: 'Save' } }),
    ).toContain('class="bk-button bk-button--primary"');
    expect(
      render({ type: 'button', style: 'danger', text: { type: 'plain_text', text: 'Delete' } }),
    ).toContain('class="bk-button bk-button--danger"');
    expect(buttonClass('fancy')).toBe('bk-button');
  });

  it('keeps Slack’s accessibility_label as a tooltip, its text staying the name', () => {
    const out = render({
      type: 'button',
      text: { type: 'plain_text', text: 'Details' },
      accessibility_label: 'Details of SSO',
    });
    expect(out).toContain('title="Details of SSO"');
    expect(
      visibleText(
        <Element
          element={{ type: 'button', text: { type: 'plain_text', text: 'Details' } }}
          blockId="b"
          ctx={ctx}
          dispatch
        />,
      ),
    ).toBe('Details');
  });

  it('does not show its confirmation until clicked', () => {
    const out = render({
      type: 'button',
      text: { type: 'plain_text', text: 'Delete' },
      confirm: { title: { type: 'plain_text', text: 'Sure?' }, text: { type: 'mrkdwn', text: 'x' } },
    });
    expect(out).not.toContain('alertdialog');
  });
});

describe('confirmation dialog', () => {
  const confirm = {
    title: { type: 'plain_text', text: 'Close this risk?' },
    text: { type: 'mrkdwn', text: 'It leaves the *top risks*.' },
    confirm: { type: 'plain_text', text: 'Close it' },
    deny: { type: 'plain_text', text: 'Keep it' },
    style: 'danger',
  };

  it('is an alertdialog named by its title, with its text and two buttons', () => {
    const out = html(<ConfirmDialog confirm={confirm} ctx={ctx} onConfirm={() => {}} onDeny={() => {}} />);
    expect(out).toContain('role="alertdialog"');
    expect(out).toContain('aria-label="Close this risk?"');
    expect(out).toContain('<strong>top risks</strong>');
    expect(out).toContain('<button type="button" class="bk-button">Keep it</button>');
    expect(out).toContain('<button type="button" class="bk-button bk-button--danger">Close it</button>');
  });

  it('uses Slack’s defaults for buttons the app left unnamed', () => {
    expect(confirmTexts({ title: { type: 'plain_text', text: 'Sure?' } }, ctx)).toEqual({
      title: 'Sure?',
      confirm: 'Yes',
      deny: 'Cancel',
      style: 'primary',
    });
  });
});

describe('overflow', () => {
  it('is a closed "More actions" menu button', () => {
    const out = render({
      type: 'overflow',
      action_id: 'more',
      options: [opt('edit', 'Edit'), opt('del', 'Delete')],
    });
    expect(out).toContain('aria-label="More actions"');
    expect(out).toContain('aria-haspopup="menu"');
    expect(out).toContain('aria-expanded="false"');
    expect(out).not.toContain('role="menu"');
  });
});

describe('static_select and multi_static_select', () => {
  it('lists its options with the initial one selected, named by the field’s label', () => {
    const out = render(
      { type: 'static_select', action_id: 'v', options: [opt('a'), opt('b')], initial_option: opt('b') },
      { field },
    );
    expect(out).toBe(
      '<select class="bk-select" id="ctl" aria-describedby="hint"><option value>Select an item</option>' +
        '<option value="a">A</option><option value="b" selected>B</option></select>',
    );
  });

  it('shows option groups as optgroups, and its placeholder as its name outside an input block', () => {
    const out = render({
      type: 'static_select',
      placeholder: { type: 'plain_text', text: 'Pick a team' },
      option_groups: [
        { label: { type: 'plain_text', text: 'Eng' }, options: [opt('web'), opt('api')] },
        { label: { type: 'plain_text', text: 'Ops' }, options: [opt('sre')] },
      ],
    });
    expect(out).toContain('aria-label="Pick a team"');
    expect(out).toContain('<option selected value>Pick a team</option>');
    expect(out).toContain(
      '<optgroup label="Eng"><option value="web">WEB</option><option value="api">API</option></optgroup>',
    );
    expect(out).toContain('<optgroup label="Ops"><option value="sre">SRE</option></optgroup>');
  });

  it('is a <select multiple> with every initial option selected', () => {
    const out = render({
      type: 'multi_static_select',
      options: [opt('a'), opt('b'), opt('c')],
      initial_options: [opt('a'), opt('c')],
    });
    expect(out).toContain('<select class="bk-select bk-select--multi" multiple');
    expect(out).toContain(
      '<option value="a" selected>A</option><option value="b">B</option><option value="c" selected>C</option>',
    );
  });

  it('shows every choice of a short multiple select, so that no row is cut off halfway', () => {
    const out = render({ type: 'multi_static_select', options: [opt('a'), opt('b'), opt('c')] });
    expect(out).toContain('multiple size="3"');
    expect(multiSelectRows(1)).toBe(2);
    expect(multiSelectRows(7)).toBe(7);
    expect(multiSelectRows(40)).toBe(MULTI_SELECT_ROWS);
    const grouped = render({
      type: 'multi_static_select',
      option_groups: [
        { label: { type: 'plain_text', text: 'One' }, options: [opt('a'), opt('b')] },
        { label: { type: 'plain_text', text: 'Two' }, options: [opt('c')] },
      ],
    });
    // Group labels take a row each.
    expect(grouped).toContain('multiple size="5"');
  });

  it('shows the value held in the view’s state over the initial one', () => {
    const values: ViewState = { b: { v: { type: 'static_select', selected_option: opt('a') } } };
    const held = renderContext({ state: { values, set: () => {} } });
    const out = render(
      { type: 'static_select', action_id: 'v', options: [opt('a'), opt('b')], initial_option: opt('b') },
      { ctx: held },
    );
    expect(out).toContain('<option value="a" selected>A</option><option value="b">B</option>');
  });
});

describe('users_select and conversations_select', () => {
  it('offers the workspace’s people, and keeps a chosen one it does not know', () => {
    const out = render({ type: 'users_select', initial_user: 'UOWNER02' }, { field });
    expect(out).toContain(
      '<option value="UOWNER01">ana</option><option value="UOWNER02" selected>ben</option>',
    );
    const multi = render({ type: 'multi_users_select', initial_users: ['UOWNER01', 'UGONE'] });
    expect(multi).toContain('multiple size="3"');
    expect(multi).toContain('<option value="UOWNER01" selected>ana</option>');
    expect(multi).toContain('<option value="UGONE" selected>UGONE</option>');
    expect(directoryChoices(ctx.users, '', ['UOWNER01'])).toHaveLength(2);
  });

  it('offers the workspace’s channels with a #', () => {
    expect(render({ type: 'conversations_select', initial_conversation: 'C0GENERAL' })).toContain(
      '<option value="C0LEADERS">#leaders</option><option value="C0GENERAL" selected>#general</option>',
    );
    expect(render({ type: 'channels_select', initial_channel: 'C0LEADERS' })).toContain(
      '<option value="C0LEADERS" selected>#leaders</option>',
    );
  });
});

describe('datepicker and timepicker', () => {
  it('are date and time inputs holding their initial values', () => {
    expect(render({ type: 'datepicker', initial_date: '2026-12-01' }, { field })).toBe(
      '<input type="date" class="bk-datepicker" value="2026-12-01" id="ctl" aria-describedby="hint"/>',
    );
    expect(render({ type: 'datepicker' })).toContain('aria-label="Select a date"');
    expect(render({ type: 'timepicker', initial_time: '09:30' })).toContain(
      'type="time" class="bk-timepicker" value="09:30"',
    );
  });
});

describe('checkboxes and radio_buttons', () => {
  const options = [
    {
      text: { type: 'mrkdwn', text: '*Legal* review' },
      value: 'legal',
      description: { type: 'plain_text', text: 'By Friday' },
    },
    opt('sec', 'Security'),
  ];

  it('are real checkboxes with their (mrkdwn) labels, the group named by the field’s label', () => {
    const out = render({ type: 'checkboxes', options, initial_options: [options[1]] }, { field });
    expect(out).toContain('<fieldset class="bk-choices" aria-labelledby="lbl" aria-describedby="hint">');
    expect(out).toContain('<label class="bk-choice"><input type="checkbox" value="legal"/>');
    expect(out).toContain('<strong>Legal</strong> review');
    expect(out).toContain(
      '<span class="bk-choice__description"><span class="bk-plain">By Friday</span></span>',
    );
    expect(out).toContain('<input type="checkbox" value="sec" checked/>');
  });

  it('are radio buttons sharing a name, one checked', () => {
    const out = render({ type: 'radio_buttons', options, initial_option: options[0] }, { field });
    expect(out).toContain('role="radiogroup" aria-labelledby="lbl"');
    const names = [...out.matchAll(/type="radio" name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(1);
    expect(out).toMatch(/value="legal" checked/);
    expect(out).not.toMatch(/value="sec" checked/);
  });

  it('lists checked values in the options’ order when one is toggled', () => {
    const all = [opt('a'), opt('b'), opt('c')];
    expect(toggled(all, ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(toggled(all, ['a', 'c'], 'c', false)).toEqual(['a']);
  });
});

describe('plain_text_input', () => {
  it('is an input with its initial value, placeholder and maximum length', () => {
    const out = render(
      {
        type: 'plain_text_input',
        initial_value: 'Waiting on <Okta>',
        max_length: 150,
        placeholder: { type: 'plain_text', text: 'What is it at?' },
      },
      { field },
    );
    expect(out).toBe(
      '<input type="text" class="bk-text-input" value="Waiting on &lt;Okta>" placeholder="What is it at?" maxlength="150" id="ctl" aria-describedby="hint"/>',
    );
  });

  it('is a textarea when multiline', () => {
    const out = render(
      { type: 'plain_text_input', multiline: true, initial_value: 'a\nb', max_length: 3000 },
      { field },
    );
    expect(out).toBe(
      '<textarea class="bk-text-input" maxlength="3000" id="ctl" aria-describedby="hint" rows="4">a\nb</textarea>',
    );
  });

  it('is marked invalid when its block has an error', () => {
    expect(render({ type: 'plain_text_input' }, { field: { ...field, invalid: true } })).toContain(
      'aria-invalid="true"',
    );
  });
});

describe('image and unknown elements', () => {
  it('shows an image from the web, and only its alt text otherwise', () => {
    expect(render({ type: 'image', image_url: 'https://example.com/a.png', alt_text: 'chart' })).toBe(
      '<img class="bk-image-element" src="https://example.com/a.png" alt="chart" loading="lazy"/>',
    );
    const inert = render({ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'chart' });
    expect(inert).not.toContain('javascript');
    expect(inert).toContain('chart');
  });

  it('says which element it cannot show', () => {
    expect(render({ type: 'rich_text_input' })).toBe(
      '<div class="bk-unsupported" role="note">Unsupported element: rich_text_input</div>',
    );
    expect(render({})).toContain('Unsupported element: (no type)');
  });
});
