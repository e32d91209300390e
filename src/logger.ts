import { type Logger, LogLevel } from '@slack/logger';
import type { LogLevelName } from './config.js';

const ORDER: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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
    sink.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, name: loggerName, msg: words.join(' '), ...fields })}\n`,
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

export { LogLevel };
