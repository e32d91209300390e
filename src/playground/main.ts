import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPlayground } from './playground.js';

const USAGE = `Usage: npm run demo [-- --port N] [-- --keep]

Starts Rollout against a built-in Slack stand-in, with a page to use it in a browser.
  --port N   the page's port (default: PORT, else 3000)
  --keep     keep the demo database of the last run (./data/demo.db) instead of starting afresh
  --db FILE  the demo database (default ./data/demo.db)
`;

const port = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().max(65535));

/** `npm run demo`: the playground on loopback until Ctrl-C. */
async function main(): Promise<void> {
  let values: { port?: string; keep?: boolean; db?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        keep: { type: 'boolean' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(64);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const rawPort = values.port ?? (process.env.PORT || '3000');
  const parsedPort = port.safeParse(rawPort);
  if (!parsedPort.success) {
    process.stderr.write(`The port must be a number from 0 to 65535 (got "${rawPort}").\n`);
    process.exit(64);
  }
  const level = z.enum(['debug', 'info', 'warn', 'error']).safeParse(process.env.LOG_LEVEL || 'warn');
  const playground = await startPlayground({
    port: parsedPort.data,
    databasePath: values.db ?? './data/demo.db',
    keep: values.keep ?? false,
    // The page shows what happens; the console keeps to warnings unless LOG_LEVEL asks for more.
    logLevel: level.success ? level.data : 'warn',
  }).catch((error: unknown) => {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${parsedPort.data} is in use; try npm run demo -- --port ${parsedPort.data + 1}`
        : (error as Error).message;
    process.stderr.write(`The playground could not start: ${reason}\n`);
    process.exit(1);
  });
  // Ready for Ctrl-C before saying where the page is: whoever reads the address may stop it at once.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  process.stdout.write(
    `Rollout playground: ${playground.url}\n` +
      'Open it in a browser, pick who you are under "Act as", and type /rollout help. Ctrl-C stops it.\n',
  );
}

void main();
