import { describe, expect, it } from 'vitest';
import {
  decodeItemRef,
  decodeListReply,
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
  listReplyUrl,
  standInOrigin,
  withListReply,
} from '../../src/ui/action-values.js';
import { BLOCK_LIMITS } from '../../src/ui/limits.js';

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

describe('the list reply a form carries in its private_metadata', () => {
  const SLACK = 'https://hooks.slack.com/actions/T0001/1234567890/AbCdEf0123';
  const STAND_IN = 'http://127.0.0.1:4567';
  const item = encodeItemRef({ program: 'bi', id: 7, version: 2 });

  it('rides beside the form’s ref, which still decodes as before', () => {
    const carried = withListReply(item, SLACK);
    expect(JSON.parse(carried)).toEqual({ p: 'bi', i: 7, v: 2, r: SLACK });
    expect(decodeListReply(carried)).toBe(SLACK);
    expect(decodeItemRef(carried)).toEqual({ program: 'bi', id: 7, version: 2 });
    const add = withListReply(encodeProgramRef('bi'), SLACK);
    expect(decodeProgramRef(add)).toBe('bi');
    expect(decodeListReply(add)).toBe(SLACK);
    // A form opened elsewhere (the Home tab) carries none; nor does one from before this was carried.
    expect(decodeListReply(item)).toBeUndefined();
  });

  it('takes Slack’s hooks, and the stand-in’s loopback URL only when Rollout talks to that stand-in', () => {
    const standIn = standInOrigin(`${STAND_IN}/api/`);
    expect(standIn).toBe(STAND_IN);
    expect(standInOrigin('https://slack.com/api/')).toBeUndefined();
    expect(standInOrigin('http://localhost:4567/api/')).toBeUndefined();
    expect(standInOrigin(undefined)).toBeUndefined();
    const ok = (url: string, origin?: string) => listReplyUrl(origin).safeParse(url).success;
    expect(ok(SLACK)).toBe(true);
    expect(ok(SLACK, standIn)).toBe(true);
    expect(ok(`${STAND_IN}/response/r1`, standIn)).toBe(true);
    // Without a stand-in (Slack itself), loopback is not a response_url.
    expect(ok(`${STAND_IN}/response/r1`)).toBe(false);
    for (const forged of [
      'http://hooks.slack.com/actions/T0001/1/abc',
      'https://hooks.slack.com:8443/actions/T0001/1/abc',
      'https://hooks.slack.com.evil.example/actions',
      'https://evil.example/hooks.slack.com',
      'https://user:pw@hooks.slack.com/actions/T0001/1/abc',
      'https://slack.com/api/chat.postMessage',
      'http://127.0.0.1:9999/response/r1',
      'http://localhost:4567/response/r1',
      'file:///etc/passwd',
      'javascript:alert(1)',
      `${SLACK}/${'x'.repeat(1000)}`,
      'not a url',
      '',
    ]) {
      expect(ok(forged, standIn), forged).toBe(false);
      expect(decodeListReply(JSON.stringify({ p: 'bi', i: 7, v: 2, r: forged }), standIn), forged).toBe(
        undefined,
      );
      expect(withListReply(item, forged, standIn), forged).toBe(item);
    }
    // Forged, the URL is dropped; the form's ref still reads, so its save still works.
    expect(decodeItemRef(JSON.stringify({ p: 'bi', i: 7, v: 2, r: 'https://evil.example/' }))).toEqual({
      program: 'bi',
      id: 7,
      version: 2,
    });
  });

  it('leaves the metadata as it was when it is not a ref, or when both would pass Slack’s 3000 characters', () => {
    expect(withListReply(item, undefined)).toBe(item);
    for (const other of ['', 'not json', '[]', 'null']) expect(withListReply(other, SLACK)).toBe(other);
    const big = JSON.stringify({ p: 'bi', o: 'x'.repeat(BLOCK_LIMITS.privateMetadata - 40) });
    expect(big.length).toBeLessThanOrEqual(BLOCK_LIMITS.privateMetadata);
    expect(withListReply(big, SLACK)).toBe(big);
    for (const bad of [undefined, '', 'not json', '{"r":1}', '[]'])
      expect(decodeListReply(bad)).toBeUndefined();
  });
});
