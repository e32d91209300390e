import { describe, expect, it } from 'vitest';
import { createLogger, LIBRARY_EVENT, LogLevel } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, sink: { write: (line: string) => void lines.push(line) } };
}
const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('createLogger', () => {
  it('writes one JSON object a line, merging object arguments into it', () => {
    const { lines, sink } = capture();
    const logger = createLogger('info', sink);
    logger.info({ event: 'digest_posted', program: 'builder-insights' }, 'posted', 'digest', {
      week: '2025-W48',
    });
    logger.warn('second line');

    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const [first, second] = parsed(lines);
    expect(first).toMatchObject({
      level: 'info',
      name: 'rollout',
      msg: 'posted digest',
      event: 'digest_posted',
      program: 'builder-insights',
      week: '2025-W48',
    });
    expect(Number.isNaN(Date.parse(String(first?.time)))).toBe(false);
    // A line without an event (Bolt's, the Web API client's) is still searchable by one.
    expect(second).toMatchObject({ level: 'warn', msg: 'second line', event: LIBRARY_EVENT });
  });

  it('drops lines below its level, and follows setLevel', () => {
    const { lines, sink } = capture();
    const logger = createLogger('warn', sink);
    logger.debug('no');
    logger.info('no');
    logger.warn('yes');
    logger.error('yes');
    expect(parsed(lines).map((l) => l.level)).toEqual(['warn', 'error']);

    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now yes');
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    expect(parsed(lines).at(-1)).toMatchObject({ level: 'debug', msg: 'now yes' });
  });

  it('logs an Error by its message, with the stack at error level', () => {
    const { lines, sink } = capture();
    const logger = createLogger('debug', sink);
    logger.warn({ event: 'retry' }, new Error('rate limited'));
    logger.error({ event: 'failed' }, new Error('boom'));
    const [warn, error] = parsed(lines);
    expect(warn).toMatchObject({ event: 'retry', error: 'rate limited' });
    expect(warn).not.toHaveProperty('stack');
    expect(error).toMatchObject({ event: 'failed', error: 'boom' });
    expect(String(error?.stack)).toContain('boom');
  });

  it('never throws on a field JSON cannot hold, and keeps an Error inside a field readable', () => {
    const { lines, sink } = capture();
    const logger = createLogger('info', sink);
    const cyclic: Record<string, unknown> = { id: 1 };
    cyclic.self = cyclic;
    expect(() => logger.info({ cyclic, count: 10n, cause: new Error('inner') }, 'odd fields')).not.toThrow();
    expect(parsed(lines)[0]).toMatchObject({
      msg: 'odd fields',
      cyclic: { id: 1, self: '[Circular]' },
      count: '10',
      cause: 'inner',
    });
  });

  it('uses the name set by Bolt', () => {
    const { lines, sink } = capture();
    const logger = createLogger('info', sink);
    logger.setName('bolt-app');
    logger.info('hello');
    expect(parsed(lines)[0]?.name).toBe('bolt-app');
  });
});
