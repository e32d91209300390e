import { describe, expect, it } from 'vitest';
import { byDay, compareTs, conversation } from '../../../src/playground/page/message-order.js';
import type { PlaygroundMessage } from '../../../src/playground/protocol.js';

function msg(ts: string, extra: Partial<PlaygroundMessage> = {}): PlaygroundMessage {
  return { channel: 'C1', ts, user: 'U1', text: ts, ephemeral: false, ...extra };
}

describe('compareTs', () => {
  it('orders by seconds as numbers, not as strings', () => {
    expect(compareTs('999999999.000000', '1000000000.000000')).toBeLessThan(0);
  });

  it('orders by microseconds within a second, however many digits were written', () => {
    expect(compareTs('1700000000.000002', '1700000000.000010')).toBeLessThan(0);
    expect(compareTs('1700000000.5', '1700000000.400000')).toBeGreaterThan(0);
    expect(compareTs('1700000000', '1700000000.000000')).toBe(0);
  });
});

describe('conversation', () => {
  it('keeps only the channel’s messages, oldest first', () => {
    const threads = conversation(
      [msg('1700000003.000000'), msg('1700000001.000000'), msg('1700000002.000000', { channel: 'C2' })],
      'C1',
    );
    expect(threads.map((t) => t.message.ts)).toEqual(['1700000001.000000', '1700000003.000000']);
  });

  it('puts replies under the message that started their thread, oldest first', () => {
    const parent = msg('1700000001.000000', { threadTs: '1700000001.000000' });
    const threads = conversation(
      [
        msg('1700000005.000000', { threadTs: parent.ts }),
        parent,
        msg('1700000004.000000'),
        msg('1700000003.000000', { threadTs: parent.ts }),
      ],
      'C1',
    );
    expect(threads.map((t) => t.message.ts)).toEqual(['1700000001.000000', '1700000004.000000']);
    expect(threads[0]?.replies.map((r) => r.ts)).toEqual(['1700000003.000000', '1700000005.000000']);
  });

  it('shows a reply whose parent this person cannot see in the main flow', () => {
    const threads = conversation([msg('1700000005.000000', { threadTs: '1700000001.000000' })], 'C1');
    expect(threads.map((t) => t.message.ts)).toEqual(['1700000005.000000']);
  });

  it('gives messages sharing a ts distinct keys', () => {
    const threads = conversation(
      [msg('1700000001.000000'), msg('1700000001.000000', { ephemeral: true })],
      'C1',
    );
    expect(new Set(threads.map((t) => t.key)).size).toBe(2);
  });
});

describe('byDay', () => {
  it('splits at the viewer’s midnight, not UTC’s', () => {
    // 2024-04-08 23:30 UTC is already April 9 in Berlin, still April 8 in New York.
    const late = '1712619000.000000';
    const early = '1712570400.000000'; // 2024-04-08 10:00 UTC
    const threads = conversation([msg(early), msg(late)], 'C1');
    const now = new Date('2024-04-20T12:00:00Z');
    expect(byDay(threads, 'Europe/Berlin', now).map((d) => d.label)).toEqual([
      'Monday, April 8',
      'Tuesday, April 9',
    ]);
    expect(byDay(threads, 'America/New_York', now).map((d) => d.label)).toEqual(['Monday, April 8']);
  });
});
