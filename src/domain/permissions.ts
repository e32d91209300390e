import { orList } from './edit-fields.js';

/**
 * Who may change what in a program. Pure rules over plain data, so a listener can also use them to decide
 * whether to offer an "Update" button at all, and a service checks them again before writing.
 *
 * The rules, as a program lead would explain them:
 *
 * - **Admins** — the program's `admins` and Rollout's global `ROLLOUT_ADMINS` — may change everything.
 * - **A workstream** (status, risk, current state, main blocker, snapshot) is changed by its `owner_ids`
 *   and its `backup_ids`: a backup covers while the owners are away, and cannot cover without the right to
 *   update. A workstream with neither can only be changed by admins.
 * - **Members** are the people who own at least one workstream of the program. Any member may *add* a risk
 *   or a next action, tied to any workstream or to none: raising a risk about a neighbour's work, or asking
 *   another team for something, is exactly what a cross-functional page is for.
 * - **A risk or action tied to a workstream** is then edited (text, severity, owner, due date, done, moved
 *   to another workstream, closed or reopened) by that workstream's owners — it is their risk to manage
 *   or their action to chase. A risk or action tied to no workstream belongs to the program: any member
 *   may edit it.
 * - **The owner of an action** (when it is a Slack user ID) may also edit it: the person asked to do
 *   something can mark it done, move its due date or hand it on, even if they own no workstream.
 * - **Readiness** is the program's go/no-go call, so only admins change it. Owners move it by what they
 *   report on their workstreams; they do not certify their own readiness.
 *
 * - **A decision** is recorded, deferred, edited or withdrawn by its deciders, the owners of a workstream it
 *   blocks, or admins; any member may add one.
 *
 * Moving a risk or action to another workstream needs the right to edit it where it is now; where it goes
 * needs nothing more than adding would (any member), after which that workstream's owners manage it.
 */

export interface WorkstreamAccess {
  key: string;
  name: string;
  ownerIds: readonly string[];
  /** Optional so that plain data without backups (a risk's workstream in a test) still fits. */
  backupIds?: readonly string[];
}

/** The part of a program the rules look at; a full `Program` fits. */
export interface ProgramAccess {
  name: string;
  admins: readonly string[];
  workstreams: readonly WorkstreamAccess[];
}

/** Why someone was let in; useful in logs. */
export type Role =
  | 'rollout-admin'
  | 'program-admin'
  | 'workstream-owner'
  | 'workstream-backup'
  | 'action-owner'
  | 'program-member'
  | 'decider'
  | 'milestone-owner';

/** `reason` is a plain sentence (no mrkdwn) to show the person who was refused. */
export type Permission = { allowed: true; as: Role } | { allowed: false; reason: string };

type AdminRole = Extract<Role, 'rollout-admin' | 'program-admin'>;

function adminRole(user: string, program: ProgramAccess, globalAdmins: readonly string[]): AdminRole | null {
  if (globalAdmins.includes(user)) return 'rollout-admin';
  if (program.admins.includes(user)) return 'program-admin';
  return null;
}

/** A program admin or a global Rollout admin. */
export function isAdmin(user: string, program: ProgramAccess, globalAdmins: readonly string[]): boolean {
  return adminRole(user, program, globalAdmins) !== null;
}

/** Owns at least one workstream of the program. */
export function isMember(user: string, program: ProgramAccess): boolean {
  return program.workstreams.some((w) => w.ownerIds.includes(user));
}

const allow = (as: Role): Permission => ({ allowed: true, as });
const refuse = (reason: string): Permission => ({ allowed: false, reason });

export function canEditWorkstream(
  user: string,
  program: ProgramAccess,
  workstream: WorkstreamAccess,
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  if (workstream.ownerIds.includes(user)) return allow('workstream-owner');
  const backups = workstream.backupIds ?? [];
  if (backups.includes(user)) return allow('workstream-backup');
  if (workstream.ownerIds.length === 0 && backups.length === 0)
    return refuse(`${workstream.name} has no owners yet, so only an admin of ${program.name} can change it.`);
  return refuse(
    `Only the owners of ${workstream.name}, its backups or an admin of ${program.name} can change it.`,
  );
}

function canAdd(user: string, program: ProgramAccess, globalAdmins: readonly string[], what: string) {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  if (isMember(user, program)) return allow('program-member');
  return refuse(`Only people who own a workstream in ${program.name}, or its admins, can add ${what}.`);
}

export function canAddRisk(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  return canAdd(user, program, globalAdmins, 'risks');
}

export function canAddNextAction(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  return canAdd(user, program, globalAdmins, 'next actions');
}

/**
 * Shared by risks and actions: tied → that workstream's owners; untied → any member. `assignee` is the
 * action's owner, who may edit it too (risks have none).
 */
function canEditListItem(
  user: string,
  program: ProgramAccess,
  item: { workstream: string | null; assignee: string | null },
  globalAdmins: readonly string[],
  what: 'risk' | 'action',
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  const workstream =
    item.workstream === null ? undefined : program.workstreams.find((w) => w.key === item.workstream);
  if (workstream?.ownerIds.includes(user)) return allow('workstream-owner');
  if (!workstream && isMember(user, program)) return allow('program-member');
  if (item.assignee !== null && item.assignee === user) return allow('action-owner');

  const who = [
    workstream
      ? workstream.ownerIds.length
        ? 'its owners'
        : null
      : `people who own a workstream in ${program.name}`,
    what === 'action' ? 'the person it is assigned to' : null,
    workstream ? `an admin of ${program.name}` : 'its admins',
  ].filter((w): w is string => w !== null);
  const anyOf = orList(who);
  if (!workstream) return refuse(`Only ${anyOf} can change this ${what}.`);
  const noOwners = workstream.ownerIds.length === 0 ? ', which has no owners yet' : '';
  return refuse(`This ${what} belongs to ${workstream.name}${noOwners}: only ${anyOf} can change it.`);
}

export function canEditRisk(
  user: string,
  program: ProgramAccess,
  risk: { workstream: string | null },
  globalAdmins: readonly string[],
): Permission {
  return canEditListItem(
    user,
    program,
    { workstream: risk.workstream, assignee: null },
    globalAdmins,
    'risk',
  );
}

export function canEditNextAction(
  user: string,
  program: ProgramAccess,
  action: { workstream: string | null; owner: string | null },
  globalAdmins: readonly string[],
): Permission {
  return canEditListItem(
    user,
    program,
    { workstream: action.workstream, assignee: action.owner },
    globalAdmins,
    'action',
  );
}

/**
 * Moving a risk or action to another workstream (on top of the right to edit it where it is): where it goes
 * needs what adding there would, so the person an action was handed to cannot file it under any team.
 * `to` is undefined, or the same, when it stays where it is; "" or null unties it.
 */
export function canMoveListItem(
  user: string,
  program: ProgramAccess,
  item: { workstream: string | null },
  to: string | null | undefined,
  globalAdmins: readonly string[],
  what: 'risks' | 'next actions',
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  if (to === undefined || (to || null) === item.workstream) return allow('program-member');
  if (isMember(user, program)) return allow('program-member');
  return refuse(
    `Only people who own a workstream in ${program.name}, or its admins, can move ${what} to another workstream.`,
  );
}

export function canEditReadiness(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  return refuse(`Only an admin of ${program.name} can change readiness: it is the program’s go/no-go call.`);
}

/**
 * A decision is the call of its deciders, and the owners of a workstream it blocks are the ones waiting on
 * it: either may record it, defer it, change it or withdraw it, as may admins.
 */
export function canActOnDecision(
  user: string,
  program: ProgramAccess,
  decision: { workstreams: readonly string[]; deciders: readonly string[] },
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  if (decision.deciders.includes(user)) return allow('decider');
  const blocked = program.workstreams.filter((w) => decision.workstreams.includes(w.key));
  if (blocked.some((w) => w.ownerIds.includes(user))) return allow('workstream-owner');
  const waiting = blocked.length ? `the owners of ${orList(blocked.map((w) => w.name))}` : null;
  const who = orList(['its deciders', ...(waiting ? [waiting] : []), `an admin of ${program.name}`]);
  return refuse(`Only ${who} can change this decision.`);
}

export function canAddDecision(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  return canAdd(user, program, globalAdmins, 'decisions');
}

/**
 * Milestones are the program's dates: admins add them and re-baseline them. A milestone's owner (when it is
 * a Slack user) may rename it or move its target, with a reason; moving the baseline would hide the slip.
 */
export function canAddMilestone(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  return refuse(`Only an admin of ${program.name} can add milestones.`);
}

export function canEditMilestone(
  user: string,
  program: ProgramAccess,
  milestone: { name: string; owner: string },
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  if (milestone.owner === user) return allow('milestone-owner');
  return refuse(`Only the owner of ${milestone.name} or an admin of ${program.name} can change it.`);
}

export function canRebaseline(
  user: string,
  program: ProgramAccess,
  globalAdmins: readonly string[],
): Permission {
  const admin = adminRole(user, program, globalAdmins);
  if (admin) return allow(admin);
  return refuse(
    `Only an admin of ${program.name} can re-baseline: the slip against the baseline stays visible.`,
  );
}
