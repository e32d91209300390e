import { describe, expect, it } from 'vitest';
import { viewFrame } from '../../../src/playground/page/view-texts.js';

describe('viewFrame', () => {
  it('reads title, close and submit from the view', () => {
    expect(
      viewFrame({
        title: { type: 'plain_text', text: 'Update status' },
        close: { type: 'plain_text', text: 'Back' },
        submit: { type: 'plain_text', text: 'Save' },
      }),
    ).toEqual({
      title: { type: 'plain_text', text: 'Update status' },
      close: { type: 'plain_text', text: 'Back' },
      submit: { type: 'plain_text', text: 'Save' },
    });
  });

  it('closes with "Cancel" by default and has no submit unless the view has one', () => {
    expect(viewFrame({ title: { type: 'plain_text', text: 'History' } })).toEqual({
      title: { type: 'plain_text', text: 'History' },
      close: { type: 'plain_text', text: 'Cancel' },
    });
  });

  it('still has a title when the view’s is malformed', () => {
    expect(viewFrame({ title: 42 }).title.text).toBe('Untitled');
  });
});
