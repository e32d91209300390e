import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps.js';
import { ProgramRepo } from '../store/program-repo.js';
import { CanvasKeeper } from './canvas-keeper.js';
import { DateConflictNotices } from './date-conflicts.js';
import { DecisionEdits } from './decision-edits.js';
import { DecisionNotices } from './decision-notices.js';
import { DigestPreviews } from './digest-previews.js';
import { DigestSender } from './digest-sender.js';
import { createHomeService, type HomeService } from './home.js';
import { MilestoneEdits } from './milestone-edits.js';
import { PeopleAway } from './people-away.js';
import { ProgramEdits } from './program-edits.js';
import { ReminderSender } from './reminders.js';
import { StatusPages } from './status-pages.js';
import { UpdateNotices } from './update-notices.js';
import { ViewerZones } from './viewer-zone.js';
import { WorkstreamUpdates } from './workstream-updates.js';

/** Services are built once per app from its dependencies and handed to listeners and schedules. */
export interface Services {
  programs: ProgramRepo;
  /** `services.home.publishHome(client, userId)`: (re)publishes a user's App Home tab. */
  home: HomeService;
  /** Owners' edits of a workstream (status, risk, state, blocker, snapshot) in one transaction each. */
  workstreamUpdates: WorkstreamUpdates;
  /** The updates channel's weekly thread per workstream: a parent edited in place, each change a reply. */
  updateNotices: UpdateNotices;
  /** Edits of top risks, readiness and next actions. */
  programEdits: ProgramEdits;
  /** The decision register: add, edit, record (moving a workstream on), defer, withdraw. */
  decisionEdits: DecisionEdits;
  /** A recorded decision told where update notices go and to the blocked workstreams' owners. */
  decisionNotices: DecisionNotices;
  /** Milestones added and edited from Slack (name, owner, target, re-baseline). */
  milestoneEdits: MilestoneEdits;
  /** Owners told once when their work becomes due before something it depends on. */
  dateConflicts: DateConflictNotices;
  /** The weekly digest: previews and exactly-once posting. */
  digest: DigestSender;
  /** `/rollout digest` previews, kept per program snapshot and day. */
  digestPreviews: DigestPreviews;
  /** `/rollout status`'s first page, kept per program snapshot. */
  statusPages: StatusPages;
  /** Who is away (`/rollout away`, or a Slack status): not reminded, backups reminded instead. */
  peopleAway: PeopleAway;
  /** The day-before DMs to owners of workstreams not updated that week. */
  reminders: ReminderSender;
  /** Each program's page as a Slack canvas, kept current; `main` starts it. */
  canvases: CanvasKeeper;
  /** People's Slack time zones, kept for an hour (history, away, reminders, conflict messages). */
  viewerZones: ViewerZones;
}

export function createServices(deps: Deps, client: WebClient): Services {
  const programs = new ProgramRepo(deps.db);
  const peopleAway = new PeopleAway(deps, { emoji: deps.config.awayEmoji, words: deps.config.awayWords });
  const digest = new DigestSender(deps, client, {}, peopleAway);
  const updateNotices = new UpdateNotices(deps, programs);
  const viewerZones = new ViewerZones(deps);
  return {
    programs,
    home: createHomeService(deps, programs),
    workstreamUpdates: new WorkstreamUpdates(deps, programs),
    updateNotices,
    programEdits: new ProgramEdits(deps, programs),
    decisionEdits: new DecisionEdits(deps, programs),
    decisionNotices: new DecisionNotices(deps, updateNotices),
    milestoneEdits: new MilestoneEdits(deps, programs),
    dateConflicts: new DateConflictNotices(deps, programs),
    digest,
    digestPreviews: new DigestPreviews(digest, deps.clock, { people: peopleAway, client }),
    statusPages: new StatusPages(),
    peopleAway,
    reminders: new ReminderSender(deps, programs, peopleAway, viewerZones),
    canvases: new CanvasKeeper(deps, programs, client),
    viewerZones,
  };
}
