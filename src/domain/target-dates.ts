import { daysBetween } from './local-time.js';
import { type Milestone, type Program, type Workstream, workstreamsByKey } from './program.js';

/**
 * Target dates and what they say together: how far a date slipped against its baseline, what a milestone
 * can be forecast to from what it waits on, and which dates cannot hold because something upstream is due
 * later. Dates are calendar dates (YYYY-MM-DD) in the program's zone. No Slack, no SQL.
 */

export interface Dated {
  target: string | null;
  baseline: string | null;
}

/** Days the target moved past its baseline (negative when pulled in); 0 without both dates. */
export function slipDays(item: Dated): number {
  return item.target && item.baseline ? daysBetween(item.baseline, item.target) : 0;
}

/** "+2 weeks", "+3 days", "−1 day", "on baseline": a slip as people say it. */
export function slipLabel(days: number): string {
  if (days === 0) return 'on baseline';
  const sign = days > 0 ? '+' : '−';
  const n = Math.abs(days);
  if (n % 7 === 0) return `${sign}${n / 7} week${n === 7 ? '' : 's'}`;
  return `${sign}${n} day${n === 1 ? '' : 's'}`;
}

/** Something a milestone or workstream waits on, with its target. */
export interface Upstream {
  kind: 'workstream' | 'milestone';
  key: string;
  name: string;
  target: string | null;
}

/** A date that cannot hold: `subject` is due before `upstream`, which it depends on. */
export interface DateConflict {
  subject: Upstream;
  upstream: Upstream;
}

function workstreamRef(w: Workstream): Upstream {
  return { kind: 'workstream', key: w.key, name: w.name, target: w.target };
}

function milestoneRef(m: Milestone): Upstream {
  return { kind: 'milestone', key: m.key, name: m.name, target: m.target };
}

/**
 * The program's open dated things by key, and what each directly depends on. Done work is left out on
 * either side: a finished workstream is no longer due, and one finished early holds nothing up, whatever
 * its old target said.
 */
function graph(program: Program) {
  const nodes = new Map<string, { ref: Upstream; dependsOn: string[] }>();
  for (const w of program.workstreams) {
    if (w.status !== 'done') nodes.set(w.key, { ref: workstreamRef(w), dependsOn: w.dependsOn });
  }
  for (const m of program.milestones) nodes.set(m.key, { ref: milestoneRef(m), dependsOn: m.dependsOn });
  return nodes;
}

/**
 * Every conflict of the program: open work or a milestone with a target before the target of open work
 * or a milestone it depends on directly. In the program's order (workstreams, then milestones), each
 * subject's upstreams in the order it names them. The one rule behind the list, the markers, the DMs and
 * the digest.
 */
export function dateConflicts(program: Program): DateConflict[] {
  const nodes = graph(program);
  const out: DateConflict[] = [];
  for (const { ref, dependsOn } of nodes.values()) {
    if (!ref.target) continue;
    for (const key of new Set(dependsOn)) {
      const upstream = nodes.get(key)?.ref;
      if (upstream?.target && upstream.target > ref.target) out.push({ subject: ref, upstream });
    }
  }
  return out;
}

/** "Internal readiness gate is due 2027-01-15 but depends on Identity and SSO, due 2027-02-01." */
export function conflictText(c: DateConflict): string {
  return `${c.subject.name} is due ${c.subject.target} but depends on ${c.upstream.name}, due ${c.upstream.target}`;
}

/** A stable name for a conflict, to tell its owners once: `subject>upstream`. */
export function conflictKey(c: DateConflict): { subject: string; upstream: string } {
  return { subject: c.subject.key, upstream: c.upstream.key };
}

export interface MilestoneOutlook {
  milestone: Milestone;
  /** The latest target among everything it waits on, directly or through other milestones; null if none is dated. */
  forecast: string | null;
  /** What it waits on directly that is not done (workstreams) or still waits itself (milestones). */
  waitingOn: Upstream[];
  /** Anything upstream (at any depth) blocked, or high risk and not done. */
  atRisk: boolean;
  /** Why it is at risk: the upstream workstreams that are blocked or high risk. */
  riskyUpstream: Workstream[];
}

/** Each milestone's forecast, what it waits on and whether it is at risk, in the program's order. */
export function milestoneOutlooks(program: Program): MilestoneOutlook[] {
  const workstreams = workstreamsByKey(program);
  const milestones = new Map(program.milestones.map((m) => [m.key, m]));
  const upstreamOf = new Map<string, Set<Workstream>>();

  // Every workstream a milestone stands on, through milestones too (cycles are refused on import).
  const allUpstream = (m: Milestone, seen: Set<string> = new Set()): Set<Workstream> => {
    const known = upstreamOf.get(m.key);
    if (known) return known;
    seen.add(m.key);
    const out = new Set<Workstream>();
    for (const key of m.dependsOn) {
      const w = workstreams.get(key);
      if (w) {
        out.add(w);
        for (const dep of w.dependsOn) {
          const upstream = workstreams.get(dep);
          if (upstream) out.add(upstream);
        }
        continue;
      }
      const inner = milestones.get(key);
      if (inner && !seen.has(key)) for (const x of allUpstream(inner, seen)) out.add(x);
    }
    upstreamOf.set(m.key, out);
    return out;
  };

  const latest = (dates: (string | null)[]): string | null =>
    dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);

  const forecasts = new Map<string, string | null>();
  const forecastOf = (m: Milestone, seen: Set<string> = new Set()): string | null => {
    if (forecasts.has(m.key)) return forecasts.get(m.key) ?? null;
    seen.add(m.key);
    const dates = m.dependsOn.map((key) => {
      const w = workstreams.get(key);
      if (w) return w.status === 'done' ? null : w.target;
      const inner = milestones.get(key);
      if (!inner || seen.has(key)) return null;
      return latest([inner.target, forecastOf(inner, seen)]);
    });
    const forecast = latest(dates);
    forecasts.set(m.key, forecast);
    return forecast;
  };

  const waiting = (m: Milestone, seen: Set<string> = new Set()): boolean => {
    seen.add(m.key);
    return m.dependsOn.some((key) => {
      const w = workstreams.get(key);
      if (w) return w.status !== 'done';
      const inner = milestones.get(key);
      return inner !== undefined && !seen.has(key) && waiting(inner, seen);
    });
  };

  return program.milestones.map((m) => {
    const risky = [...allUpstream(m)].filter(
      (w) => w.status === 'blocked' || (w.risk === 'high' && w.status !== 'done'),
    );
    const waitingOn: Upstream[] = [];
    for (const key of m.dependsOn) {
      const w = workstreams.get(key);
      if (w && w.status !== 'done') waitingOn.push(workstreamRef(w));
      const inner = milestones.get(key);
      if (inner && waiting(inner)) waitingOn.push(milestoneRef(inner));
    }
    return {
      milestone: m,
      forecast: forecastOf(m),
      waitingOn,
      atRisk: risky.length > 0,
      riskyUpstream: risky.sort((a, b) => a.position - b.position),
    };
  });
}
