import { describe, expect, it } from 'vitest';
import { lastEntryId, newRefusals, refusalText } from '../../../src/playground/page/refusals.js';
import type { InspectorEntry } from '../../../src/playground/protocol.js';

function entry(id: number, extra: Partial<InspectorEntry> = {}): InspectorEntry {
  return {
    id,
    at: '2024-04-08T10:00:00Z',
    direction: 'web_api',
    name: 'chat.postMessage',
    status: 200,
    ok: true,
    request: {},
    response: { ok: true },
    ...extra,
  };
}

describe('newRefusals', () => {
  it('answers Slack’s refusals after the last seen entry, oldest first', () => {
    const entries = [
      entry(3, { ok: false, error: 'invalid_blocks' }),
      entry(1, { ok: false, error: 'old' }),
      entry(4),
      entry(5, { ok: false, direction: 'response_url', name: 'response_url' }),
    ];
    expect(newRefusals(entries, 2).map((e) => e.id)).toEqual([3, 5]);
    expect(lastEntryId(entries)).toBe(5);
  });

  it('leaves out requests the app failed, which their POST already reports', () => {
    expect(newRefusals([entry(3, { ok: false, direction: 'to_app', status: 500 })], 0)).toEqual([]);
  });
});

describe('refusalText', () => {
  it('names the method, the error and Slack’s details', () => {
    expect(
      refusalText(
        entry(1, {
          name: 'views.open',
          ok: false,
          error: 'invalid_arguments',
          response: {
            ok: false,
            error: 'invalid_arguments',
            response_metadata: { messages: ['view.title: 30 characters, 1 to 24'] },
          },
        }),
      ),
    ).toBe('Slack refused views.open: invalid_arguments — view.title: 30 characters, 1 to 24');
  });

  it('lists the stand-in’s block problems', () => {
    expect(
      refusalText(
        entry(1, {
          ok: false,
          error: 'invalid_blocks',
          response: { ok: false, error: 'invalid_blocks', errors: ['blocks[0].text: required', 'too long'] },
        }),
      ),
    ).toBe('Slack refused chat.postMessage: invalid_blocks — blocks[0].text: required; too long');
  });

  it('falls back to the HTTP status when there is no error code', () => {
    expect(refusalText(entry(1, { ok: false, status: 404, response: 'Not Found' }))).toBe(
      'Slack refused chat.postMessage: HTTP 404',
    );
  });
});
