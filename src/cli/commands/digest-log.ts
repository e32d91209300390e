import { moveText } from '../../domain/digest-due.js';
import {
  type DigestLogSummary,
  digestLog,
  type RunRecord,
  summarizeDigestLog,
  type WeekLogRow,
} from '../../domain/digest-log.js';
import type { Program } from '../../domain/program.js';
import { weekKeyLabel } from '../../domain/week.js';
import { DigestRuns } from '../../store/digest-runs.js';
import { ProgramRepo } from '../../store/program-repo.js';
import { messageLink } from '../../ui/message-link.js';
import { plural } from '../../ui/plural.js';
import { inZone } from '../../ui/zoned-time.js';
import { type Command, stringOption } from '../command.js';
import { EXIT_OK } from '../context.js';
import { databasePath, withDatabase } from '../database.js';
import { requireProgram } from '../program-arg.js';

/** Runs read from the log: a year of weekly digests and their extras, with room to spare. */
const RUNS_READ = 200;
const WEEKS_SHOWN = 52;

export const digestLogCommand: Command = {
  name: 'digest log',
  summary: 'List each week’s digest run: posted, failed, missed, caught up, extras',
  args: ['SLUG'],
  options: {},
  help: [
    'One line a week, newest first, from the first run to this week (at most a year):',
    '  posted      when (program’s time zone), attempts, and a link to the message',
    '  caught up   posted by the server’s sweep after its time had passed (downtime or an earlier failure)',
    '  failed      Slack’s reason; the server tries again at its next sweep',
    '  sending     claimed and not finished: being sent, or its sender stopped (it is taken over later)',
    '  missed      the schedule fired that week and nothing was sent',
    '  overdue     this week’s digest is past its time and not sent yet (the server’s sweep sends it)',
    '  due         this week’s digest, not due yet',
    '  merged      a holiday moved it past the next week’s digest, which went out in its place',
    'A week whose scheduled day was a holiday says when its digest moved to, and why.',
    'Extra digests sent with --send --force are listed under their week. Only the database is read.',
  ],
  run({ args, values }, ctx) {
    const slug = args[0] as string;
    const path = databasePath(stringOption(values, 'db'), ctx);
    const text = withDatabase(
      path,
      (db) => {
        const program = requireProgram(new ProgramRepo(db), slug, path);
        const rows = digestLog({
          runs: new DigestRuns(db).list(program.id, RUNS_READ),
          schedule: program.digest?.schedule ?? null,
          timeZone: program.timezone,
          holidays: program.holidays,
          now: ctx.clock.now(),
          maxWeeks: WEEKS_SHOWN,
        });
        return digestLogText(program, rows);
      },
      { mustExist: true },
    );
    ctx.stdout.write(text);
    return EXIT_OK;
  },
};

const STATUS_WIDTH = 12;

function digestLogText(program: Program, rows: WeekLogRow[]): string {
  const zone = program.timezone;
  const out = [`Digest runs of ${program.slug} (${program.name})`];
  out.push(
    program.digest
      ? `Schedule: ${program.digest.schedule} in ${zone}, to ${program.digest.channel}. Times are in ${zone}.`
      : `No digest schedule: its program file has no digest section. Times are in ${zone}.`,
  );
  out.push('');
  if (rows.length === 0) {
    out.push('No digest has been sent yet.');
    return `${out.join('\n')}\n`;
  }
  const labelWidth = Math.max(...rows.map((r) => weekKeyLabel(r.weekKey).length));
  for (const row of rows) {
    const week = `${row.weekKey}  ${weekKeyLabel(row.weekKey).padEnd(labelWidth)}  `;
    out.push(`${week}${outcomeText(row, zone)}`);
    if (row.moved) out.push(`${''.padEnd(week.length)}${moveText(row.moved)}`);
    for (const extra of row.extras) {
      out.push(`${`  + extra #${extra.seq}`.padEnd(week.length)}${runText(extra, zone, ' (--force)')}`);
    }
  }
  out.push('', summaryText(summarizeDigestLog(rows)));
  return `${out.join('\n')}\n`;
}

function status(word: string): string {
  return word.padEnd(STATUS_WIDTH);
}

function attempts(run: RunRecord): string {
  return plural(run.attempts, 'attempt');
}

function outcomeText(row: WeekLogRow, zone: string): string {
  const o = row.outcome;
  if (o.kind === 'missed')
    return `${status('missed')}due ${inZone(o.dueAt.toISOString(), zone)}; nothing was sent`;
  if (o.kind === 'overdue') {
    return `${status('overdue')}due ${inZone(o.dueAt.toISOString(), zone)}; the server’s next sweep sends it`;
  }
  if (o.kind === 'due') return `${status('due')}${inZone(o.dueAt.toISOString(), zone)}`;
  if (o.kind === 'merged') return `${status('merged')}into ${o.into}’s digest; nothing was sent on its own`;
  return runText(o.run, zone, '');
}

function runText(run: RunRecord, zone: string, suffix: string): string {
  if (run.status === 'posted') {
    const word = run.trigger === 'catch-up' ? 'caught up' : 'posted';
    const link = messageLink(run.channel, run.messageTs);
    const parts = [
      run.postedAt ? inZone(run.postedAt, zone) : 'time not recorded',
      `${attempts(run)}${suffix}`,
      ...(link ? [link] : []),
    ];
    return `${status(word)}${parts.join(' · ')}`;
  }
  if (run.status === 'failed') {
    return `${status('failed')}${run.error ?? 'no reason recorded'} · ${attempts(run)}, last ${inZone(run.claimedAt, zone)}${suffix}`;
  }
  return `${status('sending')}since ${inZone(run.claimedAt, zone)} by ${run.claimedBy} · ${attempts(run)}${suffix}`;
}

function summaryText(s: DigestLogSummary): string {
  const parts = [`${s.posted} posted${s.caughtUp ? ` (${s.caughtUp} caught up)` : ''}`];
  parts.push(`${s.failed} failed`);
  if (s.inProgress) parts.push(`${s.inProgress} sending`);
  parts.push(`${s.missed} missed`);
  if (s.overdue) parts.push(`${s.overdue} overdue`);
  if (s.merged) parts.push(`${s.merged} merged`);
  const extras = s.extras ? `; ${plural(s.extras, 'extra digest')} sent with --force` : '';
  return `${plural(s.weeks, 'week')}: ${parts.join(', ')}${extras}.`;
}
