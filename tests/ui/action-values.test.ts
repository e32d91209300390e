import { describe, expect, it } from 'vitest';
import {
  decodeItemRef,
  decodeProgramRef,
  decodeStatusPageRef,
  decodeUpdateRef,
  decodeWorkstreamRef,
  encodeItemOf,
  encodeItemRef,
  encodeProgramRef,
  encodeStatusPageRef,
  encodeUpdateRef,
  encodeWorkstreamRef,
} from '../../src/ui/action-values.js';

describe('action values', () => {
  it('writes the same JSON as before the codecs, so buttons already posted in Slack still decode', () => {
    expect(encodeProgramRef('builder-insights')).toBe('{"p":"builder-insights"}');
    expect(encodeWorkstreamRef({ program: 'bi', workstream: 'sso' })).toBe('{"p":"bi","w":"sso"}');
    expect(encodeStatusPageRef({ program: 'bi', page: 0 })).toBe('{"p":"bi","n":0}');
    expect(encodeUpdateRef({ program: 'bi', workstream: 'sso', version: 3 })).toBe(
      '{"p":"bi","w":"sso","v":3}',
    );
    expect(encodeItemRef({ program: 'bi', id: 7, version: 2 })).toBe('{"p":"bi","i":7,"v":2}');
    expect(encodeItemOf({ slug: 'bi' }, { id: 7, version: 2 })).toBe('{"p":"bi","i":7,"v":2}');
  });

  it('reads them back into named fields', () => {
    expect(decodeProgramRef('{"p":"builder-insights"}')).toBe('builder-insights');
    expect(decodeWorkstreamRef('{"p":"bi","w":"sso"}')).toEqual({ program: 'bi', workstream: 'sso' });
    expect(decodeStatusPageRef('{"p":"bi","n":4}')).toEqual({ program: 'bi', page: 4 });
    expect(decodeUpdateRef('{"p":"bi","w":"sso","v":3}')).toEqual({
      program: 'bi',
      workstream: 'sso',
      version: 3,
    });
    expect(decodeItemRef('{"p":"bi","i":7,"v":2}')).toEqual({ program: 'bi', id: 7, version: 2 });
  });

  it('refuses what is missing, not JSON, or of the wrong shape, without throwing', () => {
    for (const bad of [undefined, '', 'not json', '{', 'null', '[]', '{"p":""}', '{"p":1}']) {
      expect(decodeProgramRef(bad), String(bad)).toBeUndefined();
    }
    expect(decodeStatusPageRef('{"p":"bi","n":-1}')).toBeUndefined();
    expect(decodeStatusPageRef('{"p":"bi","n":1.5}')).toBeUndefined();
    expect(decodeUpdateRef('{"p":"bi","w":"sso","v":0}')).toBeUndefined();
    expect(decodeItemRef('{"p":"bi","i":0,"v":1}')).toBeUndefined();
    expect(decodeItemRef('{"p":"bi","i":"7","v":1}')).toBeUndefined();
    expect(decodeWorkstreamRef('{"p":"bi"}')).toBeUndefined();
  });
});
