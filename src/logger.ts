import { type Logger, LogLevel } from '@slack/logger';
import type { LogLevelName } from './config.js';

const ORDER: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The event of a line that came from Bolt or the Slack Web API client rather than from Rollout. */
export const LIBRARY_EVENT = 'slack_library';

export interface LogSink {
  write(line: string): void;
}

/**
 * One JSON object a line, so an operator can grep or ship logs; Bolt takes it as its own logger.
 * Objects passed as the first argument are merged into the line (`{ program, week }`), the rest is the message.
 */
export function createLogger(level: LogLevelName, sink: LogSink = process.stderr, name = 'rollout'): Logger {
  let threshold = ORDER[level];
  let loggerName = name;
  const emit = (lvl: LogLevelName, args: unknown[]) => {
    if (ORDER[lvl] < threshold) return;
    const fields: Record<string, unknown> = {};
    const words: string[] = [];
    for (const arg of args) {
      if (arg instanceof Error) {
        fields.error = arg.message;
        if (lvl === 'error' && arg.stack) fields.stack = arg.stack;
      } else if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        Object.assign(fields, arg);
      } else {
        words.push(String(arg));
      }
    }
    // Rollout's own lines name their event; Bolt's and the Web API client's do not, and still get one to
    // search for.
    fields.event ??= LIBRARY_EVENT;
    sink.write(
      `${toJson({ time: new Date().toISOString(), level: lvl, name: loggerName, msg: words.join(' '), ...fields })}\n`,
    );
  };
  return {
    debug: (...args) => emit('debug', args),
    info: (...args) => emit('info', args),
    warn: (...args) => emit('warn', args),
    error: (...args) => emit('error', args),
    setLevel: (next: LogLevel) => {
      threshold = ORDER[next as LogLevelName] ?? threshold;
    },
    getLevel: () =>
      (Object.keys(ORDER).find((k) => ORDER[k as LogLevelName] === threshold) ?? 'info') as LogLevel,
    setName: (next: string) => {
      loggerName = next;
    },
  };
}

/**
 * Logging must never throw (it often runs inside a catch): an Error inside a field becomes its message
 * (JSON.stringify would print `{}`), a bigint a string, a cycle `[Circular]`.
 */
function toJson(line: Record<string, unknown>): string {
  const ancestors: unknown[] = [];
  return JSON.stringify(line, function (this: unknown, _key, value: unknown) {
    if (value instanceof Error) return value.message;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return '[Circular]';
    ancestors.push(value);
    return value;
  });
}

export { LogLevel };
