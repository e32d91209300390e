import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlackStandIn } from '../src/slack-standin/stand-in.js';
import { type ServerProcess, startServer } from './server-process.js';
import { type CommandAnswer, commandSender } from './signed-command.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Rollout and the bare Bolt baseline, started on the same database and stand-in, and a way to command them. */
export interface ServerPair {
  rollout: ServerProcess;
  bolt: ServerProcess;
  /** Sends signed `/rollout TEXT` to one of them as `user`. */
  send(server: ServerProcess, text: string): Promise<CommandAnswer>;
}

/**
 * Starts both servers on a fresh temporary database that `seed` fills, runs `measure`, and always stops
 * both and removes the database (on Ctrl-C too, which skips `finally`).
 */
export async function withServerPair<T>(
  options: { user: string; requestTimeoutMs: number; seed(databasePath: string): void },
  measure: (pair: ServerPair) => Promise<T>,
): Promise<T> {
  // Rollout runs as `npm start` runs it, with the same node flags (package.json is their one place).
  const main = startArgs();
  if (!existsSync(join(ROOT, 'dist', 'main.js')))
    throw new Error('dist/main.js is missing: build first (`npm run build`).');
  const dir = mkdtempSync(join(tmpdir(), 'rollout-bench-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const fake = await new SlackStandIn().start();
  // The one who sends the commands is someone Slack knows (users.info answers with their zone), as at work.
  fake.addUser(options.user, 'Europe/Paris');
  const servers: ServerProcess[] = [];
  try {
    const databasePath = join(dir, 'rollout.db');
    options.seed(databasePath);
    const secret = randomBytes(16).toString('hex');
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_PATH: databasePath,
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    const started = await Promise.allSettled([
      startServer('Rollout', main, env),
      startServer('bare Bolt', [join(ROOT, 'bench', 'bolt-server.js')], env),
    ]);
    // Keep every server that did start, so `finally` stops it even when the other one failed.
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [rollout, bolt] = servers as [ServerProcess, ServerProcess];
    const send = commandSender(secret, fake, options.user, options.requestTimeoutMs);
    return await measure({ rollout, bolt, send });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await fake.stop();
    process.off('exit', removeDir);
    removeDir();
  }
}

/** `node FLAGS dist/main.js` from package.json's start script, as an argument list for the node binary. */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's start script should run node, not ${node}`);
  return args.map((a) => (a.endsWith('.js') ? join(ROOT, a) : a));
}
