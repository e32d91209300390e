import type { MessageMetadata } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE, digestMetadata, parseDigestMetadata } from '../../src/domain/digest-metadata.js';

const payload = { program: 'builder-insights', week: '2026-W48', digest_key: 'builder-insights:2026-W48:0' };

describe('digest message metadata', () => {
  it('is Slack message metadata with the program, week and digest key', () => {
    const metadata: MessageMetadata = digestMetadata(payload);
    expect(metadata).toEqual({ event_type: 'rollout_digest', event_payload: payload });
  });

  it('is recognised in a conversations.history message, and round-trips', () => {
    const message = {
      type: 'message',
      ts: '1795453200.000100',
      bot_id: 'B1',
      text: 'x',
      metadata: digestMetadata(payload),
    };
    expect(parseDigestMetadata(message)).toEqual(payload);
    expect(parseDigestMetadata(JSON.parse(JSON.stringify(message)))).toEqual(payload);
  });

  it('ignores other messages and malformed digest metadata', () => {
    const others: unknown[] = [
      undefined,
      null,
      'text',
      { type: 'message', text: 'hello' },
      { metadata: { event_type: 'something_else', event_payload: payload } },
      { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { ...payload, week: '2026-48' } } },
      { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { ...payload, program: 'Not A Slug' } } },
      { metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { program: 'p', week: '2026-W48' } } },
      { metadata: { event_type: DIGEST_EVENT_TYPE } },
    ];
    for (const message of others)
      expect(parseDigestMetadata(message), JSON.stringify(message)).toBeUndefined();
  });
});
