import type { PlaygroundMessage } from '../protocol.js';
import { dayKey, formatDay, tsToDate } from './time-format.js';

/** A top-level message of a conversation with the replies of its thread, all oldest first. */
export interface ThreadedMessage {
  /** Unique within the conversation, stable while the message exists (its ts, suffixed when repeated). */
  key: string;
  message: PlaygroundMessage;
  replies: PlaygroundMessage[];
}

/**
 * Orders two message timestamps ("1700000000.000123"). Compared as numbers in two parts, because a double
 * cannot hold a ts to the microsecond and a string comparison breaks once the seconds gain a digit.
 */
export function compareTs(a: string, b: string): number {
  const [aSeconds = '0', aFraction = ''] = a.split('.');
  const [bSeconds = '0', bFraction = ''] = b.split('.');
  const bySeconds = Number(aSeconds) - Number(bSeconds);
  if (bySeconds !== 0) return bySeconds;
  const aMicros = aFraction.padEnd(6, '0');
  const bMicros = bFraction.padEnd(6, '0');
  return aMicros < bMicros ? -1 : aMicros > bMicros ? 1 : 0;
}

export function isReply(message: PlaygroundMessage): message is PlaygroundMessage & { threadTs: string } {
  return message.threadTs !== undefined && message.threadTs !== message.ts;
}

/**
 * The messages of one channel or DM as its pane shows them: oldest first, each reply under the message that
 * started its thread. A reply whose parent the person cannot see stays in the main flow rather than vanish.
 */
export function conversation(messages: readonly PlaygroundMessage[], channel: string): ThreadedMessage[] {
  const inChannel = messages
    .filter((m) => m.channel === channel)
    // Array.prototype.sort is stable, so an ephemeral and a message sharing a ts keep the server's order.
    .sort((a, b) => compareTs(a.ts, b.ts));
  const threads: ThreadedMessage[] = [];
  const parents = new Map<string, ThreadedMessage>();
  const seen = new Map<string, number>();
  for (const message of inChannel) {
    const parent = isReply(message) ? parents.get(message.threadTs) : undefined;
    if (parent) {
      parent.replies.push(message);
      continue;
    }
    const repeats = seen.get(message.ts) ?? 0;
    seen.set(message.ts, repeats + 1);
    const thread: ThreadedMessage = {
      key: repeats ? `${message.ts}#${repeats}` : message.ts,
      message,
      replies: [],
    };
    threads.push(thread);
    if (!isReply(message) && !message.ephemeral && !parents.has(message.ts)) parents.set(message.ts, thread);
  }
  return threads;
}

/** Threads under one day divider. */
export interface DayOfMessages {
  /** "YYYY-MM-DD" in the viewer's zone. */
  day: string;
  /** "Today", "Yesterday", "Monday, April 8". */
  label: string;
  threads: ThreadedMessage[];
}

/** Splits a conversation at the viewer's midnights (a thread sits under the day it was started). */
export function byDay(threads: readonly ThreadedMessage[], timeZone: string, now: Date): DayOfMessages[] {
  const days: DayOfMessages[] = [];
  for (const thread of threads) {
    const day = dayKey(tsToDate(thread.message.ts), timeZone);
    const last = days[days.length - 1];
    if (last && last.day === day) last.threads.push(thread);
    else days.push({ day, label: formatDay(thread.message.ts, timeZone, now), threads: [thread] });
  }
  return days;
}
