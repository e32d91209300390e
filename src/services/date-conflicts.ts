import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { dateMarks } from '../domain/date-marks.js';
import type { Program } from '../domain/program.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { conflictKey, type DateConflict } from '../domain/target-dates.js';
import { postDm, slackErrorReason } from '../slack-client.js';
import { DateConflictsTold } from '../store/date-conflicts-told.js';
import { ProgramRepo } from '../store/program-repo.js';
import { dateConflictNotice } from '../ui/date-conflict-notice.js';

/**
 * Tells the owners of a workstream or milestone, once, that it is now due before something it depends on.
 * Runs after any change: on every sweep of the scheduler (imports, edits made elsewhere) and right after a
 * milestone edit. Each conflict is recorded before anyone is told, so that two runs never tell it twice; a
 * conflict that went away is forgotten, so that it is told again if it comes back. A DM that fails is
 * logged (`date_conflict_notice_failed`) and not retried: a missed nudge is better than two, and the
 * conflict stays visible wherever the work is shown.
 */
export class DateConflictNotices {
  private readonly programs: ProgramRepo;
  private readonly told: DateConflictsTold;

  constructor(
    private readonly deps: Deps,
    programs: ProgramRepo = new ProgramRepo(deps.db),
  ) {
    this.programs = programs;
    this.told = new DateConflictsTold(deps.db);
  }

  /** Every program; one that fails is logged and left for the next sweep. */
  async sweep(client: WebClient): Promise<void> {
    for (const program of this.programs.all()) {
      try {
        await this.check(client, program);
      } catch (error) {
        this.deps.logger.error(
          { event: 'date_conflicts_failed', program: program.slug },
          'could not check date conflicts for this program; the next sweep tries again',
          error,
        );
      }
    }
  }

  /** One program as it is now; returns how many conflicts were newly told. */
  async check(client: WebClient, program: Program): Promise<number> {
    const live = dateMarks(program).all;
    this.told.forgetAllBut(program.id, live.map(conflictKey));
    const fresh = live.filter((c) => this.told.claim(program.id, conflictKey(c), this.deps.clock.now()));
    for (const c of fresh) await this.tell(client, program, c);
    return fresh.length;
  }

  private async tell(client: WebClient, program: Program, c: DateConflict): Promise<void> {
    const owners = ownersOf(program, c);
    const context = { program: program.slug, subject: c.subject.key, upstream: c.upstream.key };
    if (owners.length === 0) {
      this.deps.logger.info({ event: 'date_conflict_unowned', ...context }, 'a date conflict nobody owns');
      return;
    }
    const notice = dateConflictNotice(program, c);
    for (const user of owners) {
      try {
        await postDm(client, this.deps.logger, user, notice);
        this.deps.logger.info({ event: 'date_conflict_notice_sent', ...context, user });
      } catch (error) {
        this.deps.logger.warn(
          { event: 'date_conflict_notice_failed', ...context, user, reason: slackErrorReason(error) },
          'could not tell an owner about a date conflict',
        );
      }
    }
  }
}

/** The people who answer for the subject: a workstream's owners; a milestone's owner when it is a Slack user. */
function ownersOf(program: Program, c: DateConflict): string[] {
  if (c.subject.kind === 'workstream') {
    return [...(program.workstreams.find((w) => w.key === c.subject.key)?.ownerIds ?? [])];
  }
  const owner = program.milestones.find((m) => m.key === c.subject.key)?.owner ?? '';
  return isSlackUserId(owner) ? [owner] : [];
}
