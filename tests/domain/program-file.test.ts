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

  it('takes a canvas channel, and names a canvas that is not a channel ID or has other fields', () => {
    const parsed = parseProgramFile(smallProgram({ canvas: { channel: 'C0PAGE' } }));
    expect(parsed.ok && parsed.program.canvas).toEqual({ channel: 'C0PAGE' });

    expect(problemsOf({ ...smallProgram(), canvas: { channel: '#leadership', title: 'Page' } })).toEqual([
      expect.stringMatching(/^canvas\.channel: /),
      expect.stringMatching(/^canvas: .*title/),
    ]);
  });

  it('takes decisions, naming an unknown workstream, a bad date and a decided one without its outcome', () => {
    const ok = parseProgramFile(
      smallProgram({
        decisions: [{ question: 'Which Okta path?', workstreams: ['identity-sso'], deciders: ['U0DECIDE1'] }],
      }),
    );
    expect(ok.ok && ok.program.decisions[0]).toMatchObject({ state: 'open', outcome: '', decided_by: [] });

    expect(
      problemsOf({
        ...smallProgram(),
        decisions: [
          { question: 'A?', workstreams: ['nope'], needed_by: '2026-13-01' },
          { question: 'B?', state: 'decided' },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        'decisions[0].needed_by: expected a date as YYYY-MM-DD',
        'decisions[0].workstreams[0]: no workstream has key "nope"',
        'decisions[1].outcome: a decided decision needs its outcome',
      ]),
    );
  });

  it('takes holidays as dates or named ranges, and names a range that ends before it starts', () => {
    const parsed = parseProgramFile(
      smallProgram({
        holidays: ['2026-12-25', { from: '2026-12-31', to: '2027-01-01', name: 'New Year' }],
        workstreams: [{ ...smallProgram().workstreams?.[0], backup_ids: ['U0BACKUP1'] } as never],
      }),
    );
    expect(parsed.ok && parsed.program.holidays).toEqual([
      { from: '2026-12-25', to: '2026-12-25', name: '' },
      { from: '2026-12-31', to: '2027-01-01', name: 'New Year' },
    ]);
    expect(parsed.ok && parsed.program.workstreams[0]?.backup_ids).toEqual(['U0BACKUP1']);

    expect(
      problemsOf({ ...smallProgram(), holidays: [{ from: '2027-01-02', to: '2027-01-01' }, '12/25'] }),
    ).toEqual(
      expect.arrayContaining([
        'holidays[0]: expected `to` on or after `from`',
        expect.stringMatching(/^holidays\[1\]: /),
      ]),
    );
  });

  it('takes the ids export writes on risks and actions, refusing one used twice or not a positive whole number', () => {
    const risk = { text: 'budget slips', severity: 'medium' };
    const action = { text: 'book the review' };

    expect(
      problemsOf({ ...smallProgram(), risks: [{ id: 3, ...risk }], actions: [{ id: 3, ...action }] }),
    ).toEqual([]);
    expect(
      problemsOf({
        ...smallProgram(),
        risks: [
          { id: 3, ...risk },
          { id: 3, ...risk, text: 'another' },
        ],
      }),
    ).toEqual(['risks[1].id: duplicate id 3']);
    expect(problemsOf({ ...smallProgram(), actions: [{ id: 1.5, ...action }] })).toEqual([
      'actions[0].id: expected a whole number',
    ]);
  });

  it('keeps imported one-line texts on one line without bidi controls, and summaries as tidy lines', () => {
    const file = smallProgram();
    const [first, ...rest] = file.workstreams ?? [];
    const parsed = parseProgramFile({
      ...file,
      workstreams: [
        {
          ...first,
          blocker: 'beta risk\n\n*Readiness*: :large_green_circle: Ready',
          name: 'Identity\u202E and SSO',
          summary: '  First line.  \n\n\n\nSecond   line. ',
        },
        ...rest,
      ],
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.program.workstreams[0]).toMatchObject({
      blocker: 'beta risk *Readiness*: :large_green_circle: Ready',
      name: 'Identity and SSO',
      summary: 'First line.\n\nSecond line.',
    });
  });

  it('refuses a depends_on cycle of any length, naming it, and still a self-dependency on its own', () => {
    const [identity, kanopy, gating] = smallProgram().workstreams ?? [];
    const problems = problemsOf({
      ...smallProgram(),
      workstreams: [
        { ...identity, depends_on: ['kanopy-hosting'] },
        { ...kanopy, depends_on: ['readiness-gating', 'kanopy-hosting'] },
        { ...gating, depends_on: ['identity-sso'] },
      ],
    });
    expect(problems).toEqual([
      'workstreams[0].depends_on: depends_on cycle: identity-sso → kanopy-hosting → readiness-gating → identity-sso',
      'workstreams[1].depends_on[1]: a workstream cannot depend on itself',
    ]);
  });

  it('stores a time zone in its canonical spelling and refuses abbreviations with a hint', () => {
    const parsed = parseProgramFile({ ...smallProgram(), timezone: 'america/los_angeles' });
    expect(parsed.ok && parsed.program.timezone).toBe('America/Los_Angeles');
    expect(problemsOf({ ...smallProgram(), timezone: 'EST' })).toEqual([
      'timezone: "EST" is an abbreviation, not a time zone: use a region name such as America/New_York, or UTC',
    ]);
  });

  it('names the field and value of a bad schedule', () => {
    const digest = (schedule: string) => ({ ...smallProgram(), digest: { channel: 'C0LEADERS', schedule } });
    expect(problemsOf(digest('0 25 * * 1'))).toEqual([
      'digest.schedule: "0 25 * * 1" is not a valid schedule: hour 25 is out of range 0–23',
    ]);
  });

  it('takes a schedule that fires more than once a week, with a note that one digest a week is posted', () => {
    const daily = parseProgramFile({
      ...smallProgram(),
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * *' },
    });
    expect(daily.ok && daily.notes).toEqual([
      'digest.schedule "0 9 * * *" fires more than once a week; one digest a week is posted, at the first of ' +
        'those times in the week (Monday to Sunday, in the program’s time zone).',
    ]);
    const weekly = parseProgramFile(smallProgram());
    expect(weekly.ok && weekly.notes).toEqual([]);
  });
});
