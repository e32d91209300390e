import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../deps.js';
import { firstOccurrenceInWeek } from '../domain/cron-schedule.js';
import type { Program } from '../domain/program.js';
import { weekKey } from '../domain/week.js';
import type { DigestRun, DigestTrigger } from '../store/digest-runs.js';
import type { ProgramRepo } from '../store/program-repo.js';
import { retryDelayMs } from './digest-retry.js';
import type { DigestSender, SendResult } from './digest-sender.js';

/** What the scheduler needs of the sender: this week's run, to see whether it is due, and sending it. */
export type ScheduledSender = Pick<DigestSender, 'send' | 'weekRun'>;

export interface SchedulerOptions {
  /** How often to look for digests that are due but not out (downtime, failures) and for reminders. */
  sweepMs?: number;
  /** Runs on every sweep after the digests (the owners' reminders). */
  onSweep?: (now: Date) => Promise<void>;
}

const MINUTE = 60_000;

/**
 * Is this week's digest due and not out? True once the schedule's first time this week (program's zone)
 * has passed, unless it was posted, or it failed so recently that the retry delay has not run out.
 */
export function isDue(program: Program, run: DigestRun | undefined, now: Date): boolean {
  if (!program.digest) return false;
  if (run?.status === 'posted') return false;
  if (run?.status === 'failed' && now.getTime() - Date.parse(run.claimedAt) < retryDelayMs(run.attempts))
    return false;
  // node-cron skips a time the clocks jump over; shifting it here means a DST week still gets its digest.
  const week = weekKey(now, program.timezone);
  const first = firstOccurrenceInWeek(program.digest.schedule, program.timezone, week, {
    nonexistent: 'shift',
  });
  return first !== undefined && now.getTime() >= first.getTime();
}

/**
 * Fires each program's digest on its cron schedule, in its time zone, and sweeps periodically so that a
 * digest missed while the server was down, or one that failed, still goes out once. Reloads schedules on
 * every sweep, so an import that changes them takes effect without a restart. Exactly-once is the sender's
 * job (claims in the database); this only decides when to try.
 */
export class DigestScheduler {
  private readonly tasks = new Map<number, { signature: string; task: ScheduledTask }>();
  private readonly sending = new Map<number, Promise<SendResult | undefined>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly programs: ProgramRepo,
    private readonly sender: ScheduledSender,
    private readonly options: SchedulerOptions = {},
  ) {}

  /** Schedules every program and runs a first sweep (catch-up after downtime). */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.sweep(), this.options.sweepMs ?? 5 * MINUTE);
    this.timer.unref();
    return this.sweep();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    await Promise.all(this.sending.values());
  }

  /** Program IDs with a live cron task, and the expression and zone each runs on. */
  scheduled(): Map<number, string> {
    return new Map([...this.tasks].map(([id, t]) => [id, t.signature]));
  }

  /** Brings the cron tasks in line with the store: new, changed and removed schedules. */
  reload(programs: Program[] = this.programs.all()): void {
    const wanted = new Map<number, { program: Program; digest: NonNullable<Program['digest']> }>();
    for (const program of programs) {
      if (program.digest) wanted.set(program.id, { program, digest: program.digest });
    }
    for (const [id, { task }] of this.tasks) {
      if (!wanted.has(id)) {
        void task.destroy();
        this.tasks.delete(id);
      }
    }
    for (const { program, digest } of wanted.values()) {
      const signature = `${digest.schedule} ${program.timezone}`;
      const current = this.tasks.get(program.id);
      if (current?.signature === signature) continue;
      if (current) void current.task.destroy();
      const task = cron.schedule(digest.schedule, () => void this.fire(program.id, 'schedule'), {
        timezone: program.timezone,
        name: `digest:${program.slug}`,
        noOverlap: true,
      });
      this.tasks.set(program.id, { signature, task });
      this.deps.logger.info(
        {
          event: 'digest_scheduled',
          program: program.slug,
          schedule: digest.schedule,
          timezone: program.timezone,
        },
        current ? 'digest schedule changed' : 'digest scheduled',
      );
    }
  }

  /** Reloads schedules, sends what is due and not out, then runs the sweep hook. Never throws. */
  async sweep(): Promise<void> {
    try {
      const programs = this.programs.all();
      this.reload(programs);
      const now = this.deps.clock.now();
      for (const program of programs) {
        if (!program.digest) continue;
        const run = this.sender.weekRun(program.id, weekKey(now, program.timezone));
        if (isDue(program, run, now)) await this.fire(program.id, 'catch-up');
      }
      await this.options.onSweep?.(now);
    } catch (error) {
      this.deps.logger.error(
        { event: 'sweep_failed' },
        'the digest sweep failed; it runs again later',
        error,
      );
    }
  }

  /** Sends a program's digest now, unless this process is already sending it. */
  fire(programId: number, trigger: DigestTrigger): Promise<SendResult | undefined> {
    const inFlight = this.sending.get(programId);
    if (inFlight) return inFlight;
    const attempt = (async () => {
      const program = this.programs.getById(programId);
      return program ? this.sender.send(program, { trigger }) : undefined;
    })()
      .catch((error: unknown) => {
        this.deps.logger.error({ event: 'digest_failed', programId, trigger }, 'digest run crashed', error);
        return undefined;
      })
      .finally(() => this.sending.delete(programId));
    this.sending.set(programId, attempt);
    return attempt;
  }
}
