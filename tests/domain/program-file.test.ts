import { describe, expect, it } from 'vitest';
import { parseProgramFile } from '../../src/domain/program-file.js';
import { smallProgram } from '../support/programs.js';

const problemsOf = (input: unknown) => {
  const parsed = parseProgramFile(input);
  return parsed.ok ? [] : parsed.problems;
};

describe('parseProgramFile', () => {
  it('takes a valid program', () => {
    expect(parseProgramFile(smallProgram()).ok).toBe(true);
  });

  it('names every problem with its path and says what it expects, in words', () => {
    const problems = problemsOf({
      ...smallProgram(),
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1', reminder_days_before: 9 },
      references: [{ title: 'Register', url: 'wiki/register' }],
      workstreams: [{ ...smallProgram().workstreams?.[0], status: 'stuck' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'digest.reminder_days_before: expected a whole number of days from 1 to 6, or null for no reminders',
        'references[0].url: expected a full URL such as https://wiki.example.com/page',
        expect.stringMatching(/^workstreams\[0\]\.status: expected one of in-discovery, drafted/),
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/Too big|Invalid URL/);
  });
});
