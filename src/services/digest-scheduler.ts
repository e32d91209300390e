import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../deps.js';
import { digestsDueInWeekOf, dueCalendar, type WeekDue, weekDue } from '../domain/digest-due.js';
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

/** Not posted, and not failed so recently that the retry delay has yet to run out. */
function waiting(run: DigestRun | undefined, now: Date): boolean {
  if (run?.status === 'posted') return false;
  return !(
    run?.status === 'failed' && now.getTime() - Date.parse(run.claimedAt) < retryDelayMs(run.attempts)
  );
}

/**
 * Is the week's digest (this week's by default) due and not out? True once its due time has passed (the
 * schedule's first time that week in the program's zone, or the next working day's when a holiday moved
 * it) within now's week, unless it was posted, or it failed so recently that the retry delay has not run
 * out. A time the clocks skip is shifted to just after, so a DST week still gets its digest.
 */
export function isDue(
  program: Program,
  run: DigestRun | undefined,
  now: Date,
  week: string = weekKey(now, program.timezone),
): boolean {
  if (!program.digest || !waiting(run, now)) return false;
  return digestsDueInWeekOf(dueCalendar(program.digest.schedule, program), now).some(
    (due) => due.weekKey === week,
  );
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
  /** Moves already logged by this process, by program and week: `digest_moved` once, not every sweep. */
  private readonly movesLogged = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly programs: ProgramRepo,
    private readonly sender: ScheduledSender,
    private readonly options: SchedulerOptions = {},
  ) {}

  /** Schedules every program and runs a first sweep (catch-up after downtime). */
  start(): Promise<void> {
    this.timer = setInterval(() => void this.sweep(), this.sweepMs());
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
        const cal = dueCalendar(program.digest.schedule, program);
        // A server down at the scheduled time on a holiday still says the digest moved, and when to.
        const thisWeek = weekDue(cal, weekKey(now, program.timezone));
        if (thisWeek?.moved && thisWeek.scheduledAt <= now) this.logMove(program, thisWeek);
        for (const due of digestsDueInWeekOf(cal, now)) {
          const run = this.sender.weekRun(program.id, due.weekKey);
          if (!waiting(run, now)) continue;
          // Said again as it goes out: a server that was down over the holiday has not said it yet.
          if (due.moved) this.logMove(program, due);
          // No cron tick happens at a moved time: the first sweep after it is the digest's schedule.
          const onTime = due.moved && !run && now.getTime() - due.dueAt.getTime() < this.sweepMs();
          await this.fire(program.id, onTime ? 'schedule' : 'catch-up', due.weekKey);
        }
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

  private sweepMs(): number {
    return this.options.sweepMs ?? 5 * MINUTE;
  }

  /**
   * Sends a program's digest now (the week `week`, this week's by default), unless this process is already
   * sending it. The cron tick of a week whose scheduled day is a holiday sends nothing: the sweep sends that
   * digest on the next working day.
   */
  fire(programId: number, trigger: DigestTrigger, week?: string): Promise<SendResult | undefined> {
    const inFlight = this.sending.get(programId);
    if (inFlight) return inFlight;
    const attempt = (async () => {
      const program = this.programs.getById(programId);
      if (!program) return undefined;
      if (trigger === 'schedule' && week === undefined && program.digest) {
        const now = this.deps.clock.now();
        const due = weekDue(dueCalendar(program.digest.schedule, program), weekKey(now, program.timezone));
        if (due?.moved && now < due.dueAt) {
          this.logMove(program, due);
          return undefined;
        }
      }
      return this.sender.send(program, { trigger, ...(week ? { week } : {}) });
    })()
      .catch((error: unknown) => {
        this.deps.logger.error({ event: 'digest_failed', programId, trigger }, 'digest run crashed', error);
        return undefined;
      })
      .finally(() => this.sending.delete(programId));
    this.sending.set(programId, attempt);
    return attempt;
  }

  private logMove(program: Program, due: WeekDue): void {
    const moved = due.moved;
    const key = `${program.id}/${due.weekKey}`;
    if (!moved || this.movesLogged.has(key)) return;
    this.movesLogged.add(key);
    this.deps.logger.info(
      {
        event: 'digest_moved',
        program: program.slug,
        week: due.weekKey,
        from: moved.from,
        to: moved.to,
        holiday: moved.holiday,
        dueAt: due.dueAt.toISOString(),
      },
      `the digest is due on a holiday (${moved.holiday}); it posts on the next working day instead`,
    );
  }
}
