import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { MB } from './bench.js';

export interface ServerProcess {
  name: string;
  pid: number;
  /** Where Slack would POST: `http://127.0.0.1:PORT/slack/events`. */
  eventsUrl: string;
  /** Lines the server has written (stdout and stderr) since it said it was listening. */
  linesSinceListening(): number;
  /** Its last lines of output, to explain a failure. */
  lastOutput(): string;
  /** Resident memory now and at its peak, from /proc; undefined where there is no /proc. */
  memory(): { rssMb: number; peakRssMb: number } | undefined;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
// Whatever ends the bench (a throw, Ctrl-C, a kill), no server outlives it.
process.once('exit', killAll);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(code);
  });
}

/**
 * Starts a server in a process of its own (so its memory is its own) under plain `node`, and waits for the
 * `{"event":"listening","port":N}` log line Rollout writes on start.
 */
export function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  // An explicit environment, run from an empty folder: a developer's own SLACK_*, NODE_OPTIONS (say, tsx's
  // loader) or `.env` in the repository must not leak in.
  const child = spawn(process.execPath, args, {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const tail: string[] = [];
  let lines = 0;
  let linesAtListening = 0;
  let onPort: ((port: number) => void) | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines++;
      tail.push(line);
      if (tail.length > 20) tail.shift();
      const port = listeningPort(line);
      if (port !== undefined && onPort) {
        linesAtListening = lines;
        onPort(port);
        onPort = undefined;
      }
    });
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<ServerProcess>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${name} ${why}. Its last output:\n${tail.join('\n')}`)));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited before listening (${signal ?? `code ${code}`})`));
    child.once('error', (error) => fail(`could not be spawned: ${error.message}`));
    onPort = (port) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        name,
        pid: child.pid as number,
        eventsUrl: `http://127.0.0.1:${port}/slack/events`,
        linesSinceListening: () => lines - linesAtListening,
        lastOutput: () => tail.join('\n'),
        memory: () => memoryOf(child.pid as number),
        stop,
      });
    };
  });
}

function listeningPort(line: string): number | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { event?: unknown; port?: unknown };
    return parsed.event === 'listening' && typeof parsed.port === 'number' ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  const rss = kB('VmRSS');
  const peak = kB('VmHWM');
  if (!Number.isFinite(rss) || !Number.isFinite(peak)) return undefined;
  return { rssMb: (rss * 1024) / MB, peakRssMb: (peak * 1024) / MB };
}
