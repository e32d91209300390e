import { describe, expect, it } from 'vitest';
import {
  HOME,
  readLocation,
  resolvePane,
  writeLocation,
} from '../../../src/playground/page/page-location.js';

describe('readLocation / writeLocation', () => {
  it('reads the person, the pane and the inspector from the query', () => {
    expect(readLocation('?as=U2&in=C9&inspector=1')).toEqual({ as: 'U2', pane: 'C9', inspector: true });
    expect(readLocation('')).toEqual({ inspector: false });
    expect(readLocation('?as=U2&in=C9&canvas=F1')).toEqual({
      as: 'U2',
      pane: 'C9',
      canvas: 'F1',
      inspector: false,
    });
  });

  it('writes them back, keeping parameters it does not own', () => {
    expect(writeLocation('?debug=1&as=U1', { as: 'U2', pane: HOME, inspector: false })).toBe(
      '?debug=1&as=U2&in=home',
    );
    expect(writeLocation('?as=U1&inspector=1', { inspector: false })).toBe('');
    expect(writeLocation('?as=U1&canvas=F1', { as: 'U1', pane: 'C1', canvas: 'F2', inspector: false })).toBe(
      '?as=U1&canvas=F2&in=C1',
    );
    expect(writeLocation('?as=U1&in=C1&canvas=F1', { as: 'U1', pane: 'C2', inspector: false })).toBe(
      '?as=U1&in=C2',
    );
  });
});

describe('resolvePane', () => {
  const channels = [{ id: 'C1' }, { id: 'C2' }];

  it('keeps a pane that exists for this person', () => {
    expect(resolvePane('C2', channels, 'D1')).toBe('C2');
    expect(resolvePane('D1', channels, 'D1')).toBe('D1');
    expect(resolvePane(HOME, channels, undefined)).toBe(HOME);
  });

  it('falls back to the first channel for a missing pane or someone else’s DM', () => {
    expect(resolvePane(undefined, channels, 'D1')).toBe('C1');
    expect(resolvePane('D7', channels, 'D1')).toBe('C1');
  });
});
