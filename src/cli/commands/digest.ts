import { staleOwnerIds } from '../../domain/digest-content.js';
import { localDate, parseDate, wallTimeToInstant } from '../../domain/local-time.js';
import type { Program } from '../../domain/program.js';
import { weekKeyLabel } from '../../domain/week.js';
import {
  composeDigest,
  DigestSender,
  digestSources,
  knownAwayOwners,
  type SendResult,
} from '../../services/digest-sender.js';
import { PeopleAway } from '../../services/people-away.js';
import type { DigestRun } from '../../store/digest-runs.js';
import { ProgramRepo } from '../../store/program-repo.js';
import { digestPreviewText } from '../../ui/digest-message.js';
import { messageLink } from '../../ui/message-link.js';
import { inZone } from '../../ui/zoned-time.js';
import { type Command, stringOption } from '../command.js';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../context.js';
import { databasePath, withDatabase, withDatabaseAsync } from '../database.js';
import { requireProgram } from '../program-arg.js';
import { awaySignsFromEnv, cliLogger, slackClientFromEnv } from '../slack-env.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An instant must say its offset: a bare "2026-11-23T09:00" would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

type AsOf = { kind: 'date'; date: string } | { kind: 'instant'; at: Date };

function parseAsOf(raw: string): AsOf {
  const problem = `--as-of "${raw}" is not a date: expected YYYY-MM-DD or an ISO instant with its offset (2026-11-23T17:00:00Z).`;
  if (DATE_ONLY.test(raw)) {
    try {
      parseDate(raw);
    } catch {
      throw new CliError(problem, EXIT_USAGE);
    }
    return { kind: 'date', date: raw };
  }
  const at = new Date(raw);
  if (!INSTANT.test(raw) || Number.isNaN(at.getTime())) throw new CliError(problem, EXIT_USAGE);
  return { kind: 'instant', at };
}

/**
 * A digest as of a time before the program was imported would show its first state as if it had been
 * there all along, and weeks that never had a digest; a date counts if the program existed on any of it.
 */
function assertExistedBy(asOf: AsOf, raw: string, program: Program, createdAt: string | undefined): void {
  if (!createdAt) return;
  const zone = program.timezone;
  const firstDay = localDate(new Date(createdAt), zone);
  const before = asOf.kind === 'date' ? asOf.date < firstDay : asOf.at.getTime() < Date.parse(createdAt);
  if (!before) return;
  throw new CliError(
    `--as-of ${raw} is before ${program.slug} existed: it was imported on ${inZone(createdAt, zone)}. ` +
      `Give a date from ${firstDay} on.`,
  );
}

/** A bare date is that day's noon on the program's calendar: safely inside the day whatever its clocks do. */
function resolveAsOf(asOf: AsOf, timeZone: string): Date {
  if (asOf.kind === 'instant') return asOf.at;
  const day = parseDate(asOf.date);
  return wallTimeToInstant({ ...day, hour: 12, minute: 0, second: 0 }, timeZone, 'shift') as Date;
}

export const digestCommand: Command = {
  name: 'digest',
  summary: 'Preview a program’s weekly digest; --send posts it to the digest channel',
  args: ['SLUG'],
  options: {
    'as-of': { type: 'string' },
    send: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  help: [
    'Prints the digest as it would be posted now, as plain text. Nothing is posted; only the database is read.',
    '',
    '--as-of DATE   the digest as of that day: YYYY-MM-DD means noon of that day in the program’s time zone;',
    '               an ISO instant with its offset (2026-11-23T17:00:00Z) means that moment',
    '--send         post this week’s digest to the program’s digest channel now, once: if this week’s is',
    '               already out, nothing is posted and the command says when and where (exit 1)',
    '--force        with --send: post another digest even though this week’s is out',
    '',
    '--send needs SLACK_BOT_TOKEN (and SLACK_API_URL when not talking to slack.com) in the environment.',
    'Set LOG_LEVEL to see the sender’s log lines on stderr.',
    '',
    'Examples: rollout digest builder-insights --as-of 2026-11-23',
    '          rollout digest builder-insights --send',
  ],
  run({ args, values }, ctx) {
    const slug = args[0] as string;
    const send = values.send === true;
    const force = values.force === true;
    const rawAsOf = stringOption(values, 'as-of');
    if (force && !send) {
      throw new CliError('--force goes with --send: rollout digest SLUG --send --force.', EXIT_USAGE);
    }
    if (send && rawAsOf !== undefined) {
      throw new CliError(
        '--as-of is for previews: --send always posts this week’s digest, as of now.',
        EXIT_USAGE,
      );
    }
    const asOf = rawAsOf === undefined ? undefined : parseAsOf(rawAsOf);
    const path = databasePath(stringOption(values, 'db'), ctx);
    if (send) return sendDigest(path, slug, force, ctx);
    const text = withDatabase(
      path,
      (db) => {
        const programs = new ProgramRepo(db);
        const program = requireProgram(programs, slug, path);
        if (asOf) assertExistedBy(asOf, rawAsOf as string, program, programs.createdAt(program.id));
        const at = asOf ? resolveAsOf(asOf, program.timezone) : ctx.clock.now();
        // No Slack here: "owner away" comes from what people told Rollout (`/rollout away`).
        const people = new PeopleAway(
          { db, clock: ctx.clock, logger: cliLogger(ctx) },
          { emoji: [], words: [] },
        );
        const away = knownAwayOwners(people, staleOwnerIds(program, at), program, at);
        return digestPreviewText(composeDigest(digestSources(db), program, at, { away }), program);
      },
      { mustExist: true },
    );
    ctx.stdout.write(text);
    return EXIT_OK;
  },
};

async function sendDigest(path: string, slug: string, force: boolean, ctx: CliContext): Promise<number> {
  const logger = cliLogger(ctx);
  const client = slackClientFromEnv(ctx, 'rollout digest --send', logger);
  const awaySigns = awaySignsFromEnv(ctx);
  return withDatabaseAsync(
    path,
    async (db) => {
      const program = requireProgram(new ProgramRepo(db), slug, path);
      const deps = { db, clock: ctx.clock, logger };
      const sender = new DigestSender(deps, client, {}, new PeopleAway(deps, awaySigns));
      const result = await sender.send(program, { trigger: 'manual', ...(force ? { force: true } : {}) });
      return report(result, program, ctx);
    },
    { mustExist: true },
  );
}

function where(run: DigestRun): string {
  const link = messageLink(run.channel, run.messageTs);
  return link ? `\n${link}` : '';
}

function weekName(run: DigestRun): string {
  return `${run.weekKey}, ${weekKeyLabel(run.weekKey)}`;
}

function report(result: SendResult, program: Program, ctx: CliContext): number {
  const zone = program.timezone;
  const when = (iso: string | null) => (iso ? inZone(iso, zone) : 'at an unknown time');
  switch (result.kind) {
    case 'posted': {
      const { run } = result;
      const what =
        run.seq > 0 ? `an extra digest (#${run.seq}) of ${program.slug}` : `the digest of ${program.slug}`;
      ctx.stdout.write(
        `Posted ${what} for ${weekName(run)} to ${run.channel} on ${when(run.postedAt)}.${where(run)}\n`,
      );
      return EXIT_OK;
    }
    case 'recovered': {
      const { run } = result;
      ctx.stdout.write(
        `The digest of ${program.slug} for ${weekName(run)} was already in ${run.channel}, from an earlier ` +
          `attempt that did not record it; it is recorded now and nothing new was posted.${where(run)}\n`,
      );
      return EXIT_OK;
    }
    case 'already-posted': {
      const { run } = result;
      ctx.stderr.write(
        `This week’s digest of ${program.slug} (${weekName(run)}) is already out: posted to ${run.channel} ` +
          `on ${when(run.postedAt)}.${where(run)}\n` +
          `Nothing was posted. To send another one anyway: rollout digest ${program.slug} --send --force\n`,
      );
      return EXIT_FAILURE;
    }
    case 'in-progress': {
      const { run } = result;
      ctx.stderr.write(
        `This week’s digest of ${program.slug} (${weekName(run)}) is being sent right now, by ` +
          `${run.claimedBy} since ${when(run.claimedAt)}. Nothing was posted; ` +
          `rollout digest log ${program.slug} shows how it went.\n`,
      );
      return EXIT_FAILURE;
    }
    case 'failed': {
      const { run } = result;
      ctx.stderr.write(
        `The digest of ${program.slug} for ${weekName(run)} was not posted: ${result.error} ` +
          `(attempt ${run.attempts}). It is recorded as failed; the server tries again at its next sweep, ` +
          `or run this command again. rollout digest log ${program.slug} lists the runs.\n`,
      );
      return EXIT_FAILURE;
    }
    case 'not-configured':
      ctx.stderr.write(
        `${program.slug} has no digest: add a digest section (channel and schedule) to its program file ` +
          'and import it again.\n',
      );
      return EXIT_FAILURE;
  }
}
