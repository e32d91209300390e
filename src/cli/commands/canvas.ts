import { CanvasFailure, CanvasKeeper, type PublishOutcome } from '../../services/canvas-keeper.js';
import { CanvasPages } from '../../services/canvas-pages.js';
import { slackErrorReason } from '../../slack-client.js';
import { ProgramRepo } from '../../store/program-repo.js';
import { type Command, stringOption } from '../command.js';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_OK } from '../context.js';
import { databasePath, withDatabase, withDatabaseAsync } from '../database.js';
import { requireProgram } from '../program-arg.js';
import { cliLogger, slackClientFromEnv } from '../slack-env.js';

export const canvasCommand: Command = {
  name: 'canvas',
  summary: 'Print a program’s canvas page as canvas Markdown; --publish brings its Slack canvas up to date',
  args: ['SLUG'],
  options: { publish: { type: 'boolean' } },
  help: [
    'Prints the page Rollout keeps as the program’s canvas, from live data: what the canvas shows, or',
    'will show once it is published. Only the database is read.',
    '',
    '--publish   bring the canvas in the program’s canvas channel up to date now (making it if needed);',
    '            the server does this by itself within seconds of each change',
    '',
    'The channel is the program file’s canvas.channel. --publish needs SLACK_BOT_TOKEN (and SLACK_API_URL',
    'when not talking to slack.com) in the environment, and the bot in the channel.',
    '',
    'Examples: rollout canvas builder-insights > page.md',
    '          rollout canvas builder-insights --publish',
  ],
  run({ args, values }, ctx) {
    const slug = args[0] as string;
    const path = databasePath(stringOption(values, 'db'), ctx);
    if (values.publish === true) return publish(path, slug, ctx);
    const markdown = withDatabase(
      path,
      (db) => {
        const programs = new ProgramRepo(db);
        const program = requireProgram(programs, slug, path);
        return new CanvasPages({ db, clock: ctx.clock }).page(program).markdown;
      },
      { mustExist: true },
    );
    ctx.stdout.write(markdown);
    return EXIT_OK;
  },
};

async function publish(path: string, slug: string, ctx: CliContext): Promise<number> {
  const logger = cliLogger(ctx);
  const client = slackClientFromEnv(ctx, 'rollout canvas --publish', logger);
  return withDatabaseAsync(
    path,
    async (db) => {
      const programs = new ProgramRepo(db);
      const program = requireProgram(programs, slug, path);
      if (!program.canvasChannel) {
        throw new CliError(
          `${slug} has no canvas: add canvas: { channel: C… } to its program file and import it again.`,
        );
      }
      const keeper = new CanvasKeeper({ db, clock: ctx.clock, logger }, programs, client);
      let outcome: PublishOutcome;
      try {
        outcome = await keeper.publishNow(program.id);
      } catch (error) {
        const f = error instanceof CanvasFailure ? error : undefined;
        const reason = f?.reason ?? slackErrorReason(error);
        ctx.stderr.write(
          `The canvas of ${slug} in ${program.canvasChannel} was not brought up to date: ${reason}.` +
            `${f ? ` ${capitalise(f.hint)}.` : ''}\n`,
        );
        return EXIT_FAILURE;
      }
      ctx.stdout.write(`${describe(outcome, slug)}\n`);
      return EXIT_OK;
    },
    { mustExist: true },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(outcome: PublishOutcome, slug: string): string {
  if (outcome.kind === 'no-canvas') return `${slug} has no canvas channel.`;
  const { canvas } = outcome;
  const where =
    canvas.kind === 'channel'
      ? `the canvas of ${canvas.channel}`
      : `a canvas tabbed in ${canvas.channel} (the channel already had a canvas Rollout did not make)`;
  const link = canvas.url ? `\n${canvas.url}` : '';
  switch (outcome.kind) {
    case 'created':
      return `Made ${where} for ${slug}, with the page as of now.${link}`;
    case 'edited':
      return `Brought ${where} up to date.${link}`;
    case 'current':
      return `${capitalise(where)} is already up to date: nothing was sent.${link}`;
  }
}
