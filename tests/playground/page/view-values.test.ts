import { describe, expect, it } from 'vitest';
import { setValue, syncValues } from '../../../src/playground/page/view-values.js';
import type { PlaygroundView, ViewState } from '../../../src/playground/protocol.js';

const initial = (blocks: unknown[]): ViewState => ({
  b: { a: { type: 'plain_text_input', value: `initial of ${blocks.length}` } },
});

function view(id: string, hash: string, blocks: unknown[] = [{}]): PlaygroundView {
  return { id, hash, view: { type: 'modal', blocks } };
}

describe('syncValues / setValue', () => {
  it('starts a new view from its initial values', () => {
    const store = syncValues({}, [view('V1', 'h1')], initial);
    expect(store.V1?.values).toEqual(initial([{}]));
  });

  it('keeps typed values while the view is unchanged, and answers the same store', () => {
    const views = [view('V1', 'h1')];
    const typed = setValue(syncValues({}, views, initial), 'V1', 'b', 'a', {
      type: 'plain_text_input',
      value: 'typed',
    });
    const again = syncValues(typed, views, initial);
    expect(again).toBe(typed);
    expect(again.V1?.values.b?.a).toEqual({ type: 'plain_text_input', value: 'typed' });
  });

  it('keeps, as Slack does, what an input held across an update that kept its block and action ids', () => {
    const typed = setValue(syncValues({}, [view('V1', 'h1')], initial), 'V1', 'b', 'a', {
      type: 'plain_text_input',
      value: 'typed',
    });
    const updated = syncValues(typed, [view('V1', 'h2', [{}, {}])], initial);
    expect(updated.V1?.values).toEqual({ b: { a: { type: 'plain_text_input', value: 'typed' } } });
  });

  it('takes the new initial value where the block id or the kind of element changed', () => {
    const renamed = (blocks: unknown[]): ViewState =>
      blocks.length > 1
        ? {
            'b:2': { a: { type: 'plain_text_input', value: 'new initial' } },
            b: { a: { type: 'datepicker', selected_date: '2026-12-01' } },
          }
        : initial(blocks);
    const typed = setValue(syncValues({}, [view('V1', 'h1')], renamed), 'V1', 'b', 'a', {
      type: 'plain_text_input',
      value: 'typed',
    });
    const updated = syncValues(typed, [view('V1', 'h2', [{}, {}])], renamed);
    expect(updated.V1?.values).toEqual(renamed([{}, {}]));
  });

  it('drops the values of closed views and keeps those under a pushed one', () => {
    const one = syncValues({}, [view('V1', 'h1')], initial);
    const two = syncValues(one, [view('V1', 'h1'), view('V2', 'h1')], initial);
    expect(two.V1).toBe(one.V1);
    expect(Object.keys(syncValues(two, [view('V2', 'h1')], initial))).toEqual(['V2']);
  });

  it('adds a value to a block the initial values did not list', () => {
    const store = setValue(syncValues({}, [view('V1', 'h1')], initial), 'V1', 'other', 'x', {
      type: 'datepicker',
      selected_date: '2024-04-08',
    });
    expect(store.V1?.values.other?.x).toEqual({ type: 'datepicker', selected_date: '2024-04-08' });
    expect(store.V1?.values.b).toEqual(initial([{}]).b);
  });
});
