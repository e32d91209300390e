import { type SlowingReason, slowingWithReasons } from './delivery-signal.js';
import { addDays, daysBetween, localDate } from './local-time.js';
import {
  type Decision,
  type HistoryEntry,
  openRisks,
  type Program,
  type TopRisk,
  type Workstream,
} from './program.js';
import { type DateConflict, type Dated, dateConflicts, slipDays } from './target-dates.js';
import {
  byRiskThenPosition,
  isPendingDecision,
  type Risk,
  type Signal,
  type Status,
  WAITING_STATUSES,
} from './vocabulary.js';
import { formatDayLabel, weekKeyLabel, weekKey as weekKeyOf, weekSunday } from './week.js';

/**
 * What the weekly leadership digest says, as plain data: counts for the headline, then each section's
 * items in a fixed order. No Slack, no SQL: the delivery reads the program and the history since the last
 * digest, builds this, and hands it to `digestMessage` (src/ui/digest-message.ts) or the CLI preview.
 *
 * "Days" are calendar days in the program's time zone: a status set on Friday evening has been waiting
 * 3 days on Monday morning, whatever the hour.
 */

/** A workstream not updated for this many calendar days is stale (Done work never is). */
export const STALE_AFTER_DAYS = 7;

/**
 * Owners of open work not updated for STALE_AFTER_DAYS on `asOf`'s day in the program's zone: the only
 * people a digest may say are away (a stale line says why nobody updated it).
 */
export function staleOwnerIds(program: Pick<Program, 'timezone' | 'workstreams'>, asOf: Date): string[] {
  const day = localDate(asOf, program.timezone);
  const stale = program.workstreams.filter(
    (w) =>
      w.status !== 'done' &&
      daysBetween(localDate(new Date(w.updatedAt), program.timezone), day) >= STALE_AFTER_DAYS,
  );
  return [...new Set(stale.flatMap((w) => w.ownerIds))];
}

export interface DigestInput {
  program: Program;
  /** The digest's moment: "now" from the injected clock, or the scheduled time for a catch-up. */
  asOf: Date;
  /** History since the last digest (any order; `DigestHistory.changesSince` gives just what it uses). */
  changesSince: HistoryEntry[];
  /** When the last digest was posted; names the "What changed" section. Omitted for a first digest. */
  since?: Date;
  /** The ISO week the digest is for, when the delivery claimed one; defaults to the week of `asOf`. */
  weekKey?: string;
  /**
   * Owners away on the digest's day, with the last day they are away (null: open-ended, a Slack status
   * without expiry). Looked up by the caller: the digest stays pure. Everyone else counts as present.
   */
  away?: ReadonlyMap<string, string | null>;
}

export interface DigestWorkstream {
  key: string;
  name: string;
  ownerTeam: string;
  ownerIds: string[];
}

export interface DigestRisk {
  id: number;
  text: string;
  severity: Risk;
  /** The workstream the risk sits on, with its owning team; null for a program-wide risk. */
  workstream: DigestWorkstream | null;
}

/** An open or deferred decision, as the waiting and blocked work it holds up shows it. */
export interface DigestPendingDecision {
  id: number;
  question: string;
  /** Slack user IDs. */
  deciders: string[];
  state: 'open' | 'deferred';
  /** 'YYYY-MM-DD', or null when nobody said. */
  neededBy: string | null;
  /** Calendar days since it was opened. */
  waitingDays: number;
  /** Calendar days past its needed-by date (before the digest's day); 0 when not overdue. */
  daysOverdue: number;
}

/** A target that moved since the last digest. */
export interface DigestDateMove {
  kind: 'workstream' | 'milestone';
  key: string;
  name: string;
  /** YYYY-MM-DD, or null when it had no target before. */
  from: string | null;
  to: string | null;
  /** Why it moved, as the last move's note says. */
  reason: string;
  /** Where the target now stands against its baseline, in days (positive: later). */
  slipDays: number;
}

/** A decision taken since the last digest. */
export interface DigestDecided {
  id: number;
  question: string;
  outcome: string;
  /** Slack user IDs. */
  decidedBy: string[];
  /** 'YYYY-MM-DD' */
  decidedAt: string;
  /** As stored: the message only makes a link of an http(s) URL. */
  link: string | null;
  /** The workstreams it was blocking, in its own order; a key no longer in the program keeps its key. */
  workstreams: { key: string; name: string }[];
}

export interface DigestBlocked {
  workstream: DigestWorkstream;
  risk: Risk;
  blocker: string;
  /** Calendar days in Blocked so far. */
  days: number;
  /** The pending decisions that block it, overdue first, then the oldest. */
  decisions: DigestPendingDecision[];
}

export type { SlowingReason };

export interface DigestSlowing {
  workstream: DigestWorkstream;
  reasons: SlowingReason[];
  /** The blocked workstreams that depend on this one (its `upstream` reason), in the program's order. */
  upstreamOf: { key: string; name: string }[];
}

export interface DigestWaiting {
  workstream: DigestWorkstream;
  status: Status;
  risk: Risk;
  blocker: string;
  /** Calendar days in this status so far (statusSince to asOf). */
  waitingDays: number;
  /** The pending decisions that block it, overdue first, then the oldest. */
  decisions: DigestPendingDecision[];
}

/**
 * One move since the last digest; several moves of the same thing collapse into one from the first old
 * value to the last new one, and a move that ended where it started is left out.
 */
export type DigestChange =
  | {
      /** A workstream's status, or its risk level. */
      kind: 'status' | 'risk-level';
      workstream: { key: string; name: string };
      from: string | null;
      to: string | null;
      at: string;
      actor: string;
    }
  | {
      kind: 'risk-opened' | 'risk-closed' | 'risk-reopened' | 'risk-removed';
      risk: { id: number; text: string; severity: Risk | null };
      at: string;
      actor: string;
    }
  | {
      kind: 'risk-severity';
      risk: { id: number; text: string; severity: Risk | null };
      from: string | null;
      to: string | null;
      at: string;
      actor: string;
    };

export interface DigestStale {
  workstream: DigestWorkstream;
  status: Status;
  updatedAt: string;
  /** Calendar days since the last update, at least STALE_AFTER_DAYS. */
  daysSinceUpdate: number;
  /**
   * Set when every owner is away: it is stale because nobody is there, not because nobody cares. `until`
   * is the first day back of the first to return, less one (null when none of them said).
   */
  ownersAway?: { until: string | null };
}

export interface DigestNextAction {
  id: number;
  text: string;
  /** A Slack user ID or a free-text owner, as stored. */
  owner: string | null;
  workstream: { key: string; name: string } | null;
  /** 'YYYY-MM-DD' on the program's calendar. */
  due: string;
  /** Positive when overdue: calendar days past due; 0 when due today; negative when due later this week. */
  daysOverdue: number;
}

export interface DigestReadiness {
  name: string;
  signal: Signal;
  note: string;
}

export interface Digest {
  weekKey: string;
  /** "Week of 23 Nov 2026" */
  weekLabel: string;
  asOf: string;
  timeZone: string;
  /** The program's calendar date at asOf, 'YYYY-MM-DD'. */
  today: string;
  /** ISO time of the last digest, or null for a first digest. */
  since: string | null;
  /** "since 16 Nov 2026", or "in the past week" for a first digest. */
  sinceLabel: string;
  counts: {
    /** Open risks of high severity. */
    highRisks: number;
    openRisks: number;
    blocked: number;
    /** Workstreams waiting on a decision or a validation (WAITING_STATUSES). */
    needingDecision: number;
    readinessReady: number;
    readinessTotal: number;
    stale: number;
    overdueActions: number;
    actionsDueThisWeek: number;
    /** Open actions with no due date: never listed as due, still open. */
    undatedActions: number;
    /** Open and deferred decisions. */
    pendingDecisions: number;
    /** Pending decisions whose needed-by date is before the digest's day. */
    overdueDecisions: number;
    /** Pending decisions shown with no waiting or blocked workstream (program-wide, or on other work). */
    decisionsElsewhere: number;
    decided: number;
    datesMoved: number;
    dateConflicts: number;
  };
  /**
   * The delivery signal's first group (src/domain/delivery-signal.ts, as the Markdown export shows it): the
   * workstreams most likely to slow rollout, in the program's order, each with why.
   */
  slowing: DigestSlowing[];
  /** Open risks, high severity first, then the program's order. */
  topRisks: DigestRisk[];
  /** Blocked workstreams, high risk first, then the program's order. */
  blocked: DigestBlocked[];
  /** Needs decision / Needs validation: those with an overdue decision first, then the longest waiting. */
  waiting: DigestWaiting[];
  /**
   * Decisions taken since the last digest (a first digest: in the past week), in the order they were taken:
   * decided on a day after the last digest's, or recorded as decided since it (a decision dated back when it
   * was recorded is still news to the digest's readers).
   */
  decided: DigestDecided[];
  /** In the order they happened (the history's ids), by their last move. */
  changes: DigestChange[];
  /** Targets moved since the last digest, in the order they last moved. */
  datesMoved: DigestDateMove[];
  /** Work and milestones due before something they depend on, in the program's order. */
  dateConflicts: DateConflict[];
  /** Longest without an update first. */
  stale: DigestStale[];
  actions: {
    /** Not done, due from today to the end of the digest's week, soonest first. */
    dueThisWeek: DigestNextAction[];
    /** Not done, due before today, most overdue first. */
    overdue: DigestNextAction[];
  };
  /** The readiness dimensions in the program's order. */
  readiness: DigestReadiness[];
}

function ref(w: Workstream): DigestWorkstream {
  return { key: w.key, name: w.name, ownerTeam: w.ownerTeam, ownerIds: [...w.ownerIds] };
}

const byPositionThenId = (a: { position: number; id: number }, b: { position: number; id: number }) =>
  a.position - b.position || a.id - b.id;

/** The history the digest reports ("What changed"): everything else in the history it leaves aside. */
export const DIGEST_CHANGE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // `target`: not a "What changed" line either; the dates that moved have a list of their own.
  workstream: ['status', 'risk', 'target'],
  milestone: ['target'],
  risk: ['created', 'removed', 'status', 'severity'],
  // Not a "What changed" line: says which decisions were recorded as decided since the last digest.
  decision: ['state'],
};

interface Collapsed {
  first: HistoryEntry;
  last: HistoryEntry;
}

/**
 * One pass over the history: keeps only status and risk moves, collapsed per entity and field. History ids
 * grow with every write, so the lowest id is the first move and the highest the last, whatever order the
 * entries come in. One map per entity and field, keyed by entity key: no string building per entry.
 */
function collapseHistory(entries: HistoryEntry[]): Collapsed[] {
  const groups = new Map<string, Map<string, Map<string, Collapsed>>>();
  for (const [entity, fields] of Object.entries(DIGEST_CHANGE_FIELDS)) {
    groups.set(entity, new Map(fields.map((f) => [f, new Map<string, Collapsed>()])));
  }
  for (const e of entries) {
    const byKey = groups.get(e.entity)?.get(e.field);
    if (!byKey) continue;
    const group = byKey.get(e.entityKey);
    if (!group) byKey.set(e.entityKey, { first: e, last: e });
    else if (e.id < group.first.id) group.first = e;
    else if (e.id > group.last.id) group.last = e;
  }
  const out: Collapsed[] = [];
  for (const byField of groups.values()) for (const byKey of byField.values()) out.push(...byKey.values());
  return out;
}

function changesFrom(
  collapsed: Collapsed[],
  workstreams: Map<string, Workstream>,
  risks: Map<string, TopRisk>,
): DigestChange[] {
  const out: { change: DigestChange; order: number }[] = [];
  for (const { first, last } of collapsed) {
    if (last.entity === 'decision' || last.field === 'target') continue;
    const from = first.oldValue;
    const to = last.newValue;
    const base = { at: last.at, actor: last.actor };
    const order = last.id;
    if (last.entity === 'workstream') {
      if (from === to) continue;
      const current = workstreams.get(last.entityKey);
      const workstream = { key: last.entityKey, name: current?.name ?? last.entityLabel };
      const kind = last.field === 'status' ? 'status' : 'risk-level';
      out.push({ change: { kind, workstream, from, to, ...base }, order });
      continue;
    }
    const current = risks.get(last.entityKey);
    const risk = {
      id: Number(last.entityKey),
      text: current?.text ?? last.entityLabel,
      severity: current?.severity ?? null,
    };
    if (last.field === 'created') out.push({ change: { kind: 'risk-opened', risk, ...base }, order });
    else if (last.field === 'removed') out.push({ change: { kind: 'risk-removed', risk, ...base }, order });
    else if (from === to) continue;
    else if (last.field === 'severity') {
      out.push({ change: { kind: 'risk-severity', risk, from, to, ...base }, order });
    } else {
      const kind = to === 'closed' ? 'risk-closed' : 'risk-reopened';
      out.push({ change: { kind, risk, ...base }, order });
    }
  }
  out.sort((a, b) => a.order - b.order);
  return out.map((c) => c.change);
}

/**
 * Targets that moved since the last digest, net (first old → last new; a date moved and moved back is not
 * news), with the last move's reason and where the date now stands against its baseline.
 */
function datesMovedFrom(collapsed: Collapsed[], program: Program): DigestDateMove[] {
  const dated = new Map<string, Dated & { name: string }>();
  for (const w of program.workstreams) dated.set(`workstream:${w.key}`, w);
  for (const m of program.milestones) dated.set(`milestone:${m.key}`, m);
  const out: (DigestDateMove & { order: number })[] = [];
  for (const { first, last } of collapsed) {
    if (last.field !== 'target' || (last.entity !== 'workstream' && last.entity !== 'milestone')) continue;
    if (first.oldValue === last.newValue) continue;
    const current = dated.get(`${last.entity}:${last.entityKey}`);
    out.push({
      kind: last.entity,
      key: last.entityKey,
      name: current?.name ?? last.entityLabel,
      from: first.oldValue,
      to: last.newValue,
      reason: last.note,
      slipDays: current ? slipDays(current) : 0,
      order: last.id,
    });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...move }) => move);
}

/** The ids of decisions whose last state move since the last digest made them decided. */
function recordedDecided(collapsed: Collapsed[]): Set<string> {
  const ids = new Set<string>();
  for (const { last } of collapsed) {
    if (last.entity === 'decision' && last.field === 'state' && last.newValue === 'decided') {
      ids.add(last.entityKey);
    }
  }
  return ids;
}

/** Overdue first (the most overdue first), then the longest waiting, then the program's order. */
function byUrgency(
  a: DigestPendingDecision & { position: number },
  b: DigestPendingDecision & { position: number },
) {
  return (
    b.daysOverdue - a.daysOverdue || b.waitingDays - a.waitingDays || a.position - b.position || a.id - b.id
  );
}

/** Every owner away: until the earliest of their last days (a dated return beats an open-ended one). */
function ownersAway(
  owners: readonly string[],
  away: ReadonlyMap<string, string | null> | undefined,
): { until: string | null } | undefined {
  if (!away || owners.length === 0 || !owners.every((o) => away.has(o))) return undefined;
  const dated = owners.map((o) => away.get(o)).filter((d): d is string => typeof d === 'string');
  return { until: [...dated].sort()[0] ?? null };
}

/**
 * Builds the digest. Linear in the program and the history (workstreams and risks are indexed by key once),
 * so 1,000 workstreams and 100,000 history entries take milliseconds. Pure: the same input gives the same
 * digest.
 */
export function buildDigest(input: DigestInput): Digest {
  const { program, asOf, changesSince } = input;
  const tz = program.timezone;
  const today = localDate(asOf, tz);
  const week = input.weekKey ?? weekKeyOf(asOf, tz);
  // "Due this week" is the reader's week, even for a digest a holiday moved out of the week it is for.
  const weekEndDate = weekSunday(weekKeyOf(asOf, tz));
  // Workstreams share few distinct dates (imports, busy days): one time-zone lookup per distinct instant.
  const dayCache = new Map<string, number>();
  const daysSince = (iso: string): number => {
    let days = dayCache.get(iso);
    if (days === undefined) {
      days = Math.max(0, daysBetween(localDate(new Date(iso), tz), today));
      dayCache.set(iso, days);
    }
    return days;
  };

  const workstreams = new Map(program.workstreams.map((w) => [w.key, w]));
  const risks = new Map(program.risks.map((r) => [String(r.id), r]));
  const ordered = [...program.workstreams].sort(byPositionThenId);

  const open = openRisks(program);
  const topRisks: DigestRisk[] = open.map((r) => {
    const w = r.workstream === null ? undefined : workstreams.get(r.workstream);
    return { id: r.id, text: r.text, severity: r.severity, workstream: w ? ref(w) : null };
  });

  // Each pending decision once, then listed under every workstream it blocks.
  const pending = program.decisions
    .filter((d) => isPendingDecision(d.state))
    .map((d) => ({
      id: d.id,
      position: d.position,
      question: d.question,
      deciders: [...d.deciders],
      state: d.state as DigestPendingDecision['state'],
      neededBy: d.neededBy,
      waitingDays: daysSince(d.openedAt),
      daysOverdue: d.neededBy !== null && d.neededBy < today ? daysBetween(d.neededBy, today) : 0,
      workstreams: d.workstreams,
    }))
    .sort(byUrgency);
  const decisionsOf = new Map<string, DigestPendingDecision[]>();
  for (const { position: _, workstreams: keys, ...d } of pending) {
    for (const key of new Set(keys)) {
      const list = decisionsOf.get(key);
      if (list) list.push(d);
      else decisionsOf.set(key, [d]);
    }
  }
  const shownWith = new Set<number>();
  const decisionsFor = (w: Workstream): DigestPendingDecision[] => {
    const list = decisionsOf.get(w.key) ?? [];
    for (const d of list) shownWith.add(d.id);
    return list;
  };

  const blocked: DigestBlocked[] = ordered
    .filter((w) => w.status === 'blocked')
    .sort(byRiskThenPosition)
    .map((w) => ({
      workstream: ref(w),
      risk: w.risk,
      blocker: w.blocker,
      days: daysSince(w.statusSince),
      decisions: decisionsFor(w),
    }));

  const overdueFirst = (w: DigestWaiting) => (w.decisions[0]?.daysOverdue ?? 0) > 0;
  const waiting: DigestWaiting[] = ordered
    .filter((w) => WAITING_STATUSES.includes(w.status))
    .map((w) => ({
      workstream: ref(w),
      status: w.status,
      risk: w.risk,
      blocker: w.blocker,
      waitingDays: daysSince(w.statusSince),
      decisions: decisionsFor(w),
    }))
    // `ordered` is in the program's order and the sort is stable: equal waits keep that order.
    .sort((a, b) => Number(overdueFirst(b)) - Number(overdueFirst(a)) || b.waitingDays - a.waitingDays);

  const collapsed = collapseHistory(changesSince);
  const recorded = recordedDecided(collapsed);
  // The last digest's own day is left to the history: a decision dated that day may have been in it.
  const afterDay = input.since ? localDate(input.since, tz) : addDays(today, -7);
  const decided: DigestDecided[] = program.decisions
    .filter(
      (d): d is Decision & { decidedAt: string } =>
        d.state === 'decided' &&
        d.decidedAt !== null &&
        ((d.decidedAt > afterDay && d.decidedAt <= today) || recorded.has(String(d.id))),
    )
    .sort(
      (a, b) =>
        (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0) || byPositionThenId(a, b),
    )
    .map((d) => ({
      id: d.id,
      question: d.question,
      outcome: d.outcome,
      decidedBy: [...d.decidedBy],
      decidedAt: d.decidedAt,
      link: d.link,
      workstreams: d.workstreams.map((key) => ({ key, name: workstreams.get(key)?.name ?? key })),
    }));

  const stale: DigestStale[] = ordered
    .filter((w) => w.status !== 'done')
    .map((w) => {
      const away = ownersAway(w.ownerIds, input.away);
      return {
        workstream: ref(w),
        status: w.status,
        updatedAt: w.updatedAt,
        daysSinceUpdate: daysSince(w.updatedAt),
        ...(away ? { ownersAway: away } : {}),
      };
    })
    .filter((s) => s.daysSinceUpdate >= STALE_AFTER_DAYS)
    .sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate);

  // The program's order, as the store gives it and the Markdown export lists it, whatever the input order.
  const slowing: DigestSlowing[] = slowingWithReasons(program).map((s) => ({
    workstream: ref(s.workstream),
    reasons: s.reasons,
    upstreamOf: s.upstreamOf.map((w) => ({ key: w.key, name: w.name })),
  }));

  const dueThisWeek: DigestNextAction[] = [];
  const overdue: DigestNextAction[] = [];
  for (const a of [...program.actions].sort(byPositionThenId)) {
    if (a.done || a.due === null) continue;
    const w = a.workstream === null ? undefined : workstreams.get(a.workstream);
    const action: DigestNextAction = {
      id: a.id,
      text: a.text,
      owner: a.owner,
      workstream: w
        ? { key: w.key, name: w.name }
        : a.workstream
          ? { key: a.workstream, name: a.workstream }
          : null,
      due: a.due,
      daysOverdue: daysBetween(a.due, today),
    };
    if (a.due < today) overdue.push(action);
    else if (a.due <= weekEndDate) dueThisWeek.push(action);
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
  dueThisWeek.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));

  const readiness: DigestReadiness[] = [...program.readiness]
    .sort(byPositionThenId)
    .map((r) => ({ name: r.name, signal: r.signal, note: r.note }));

  const since = input.since ?? null;
  const datesMoved = datesMovedFrom(collapsed, program);
  const conflicts = dateConflicts(program);

  return {
    weekKey: week,
    weekLabel: weekKeyLabel(week),
    asOf: asOf.toISOString(),
    timeZone: tz,
    today,
    since: since ? since.toISOString() : null,
    sinceLabel: since ? `since ${sinceDay(since, tz)}` : 'in the past week',
    counts: {
      highRisks: open.filter((r) => r.severity === 'high').length,
      openRisks: open.length,
      blocked: blocked.length,
      needingDecision: waiting.length,
      readinessReady: readiness.filter((r) => r.signal === 'ready').length,
      readinessTotal: readiness.length,
      stale: stale.length,
      overdueActions: overdue.length,
      actionsDueThisWeek: dueThisWeek.length,
      undatedActions: program.actions.filter((a) => !a.done && a.due === null).length,
      pendingDecisions: pending.length,
      overdueDecisions: pending.filter((d) => d.daysOverdue > 0).length,
      decisionsElsewhere: pending.filter((d) => !shownWith.has(d.id)).length,
      decided: decided.length,
      datesMoved: datesMoved.length,
      dateConflicts: conflicts.length,
    },
    slowing,
    topRisks,
    blocked,
    waiting,
    decided,
    changes: changesFrom(collapsed, workstreams, risks),
    datesMoved,
    dateConflicts: conflicts,
    stale,
    actions: { dueThisWeek, overdue },
    readiness,
  };
}

function sinceDay(since: Date, tz: string): string {
  return formatDayLabel(localDate(since, tz));
}
