import type { Program, Workstream } from './program.js';

export type DeliveryGroup = 'slowing' | 'follow-through' | 'dependent';

export const DELIVERY_GROUPS: Record<DeliveryGroup, string> = {
  slowing: 'These workstreams are most likely to slow meaningful internal rollout if they remain unresolved.',
  'follow-through': 'These areas have a plausible direction, but still need follow-through and validation.',
  dependent:
    'These items should not be treated as independent deliverables because they depend on upstream operational choices.',
};

export interface DeliverySignal {
  slowing: string[];
  'follow-through': string[];
  dependent: string[];
}

/**
 * The page's "Delivery signal", derived so it stays true as statuses change:
 * anything waiting on a workstream that is not done depends on upstream work; of the rest,
 * high risk slows rollout and everything else still open needs follow-through. Done work drops out.
 * A waiting workstream that a waiting milestone stands on is named through that milestone only
 * (the page lists "Internal readiness gate", not also the "Readiness gating" work behind it):
 * naming both would say the same upstream dependency twice.
 */
export function deliverySignal(program: Program): DeliverySignal {
  const { groups, waitingMilestones } = classify(program);
  const out: DeliverySignal = { slowing: [], 'follow-through': [], dependent: [] };
  for (const [w, group] of groups) out[group].push(w.name);
  out.dependent.push(...waitingMilestones.map((m) => m.name));
  return out;
}

/** The workstreams of the signal's first group ("most likely to slow rollout"), in the program's order. */
export function slowingWorkstreams(program: Program): Workstream[] {
  return [...classify(program).groups].filter(([, g]) => g === 'slowing').map(([w]) => w);
}

/** Why a workstream is most likely to slow rollout: each that applies, in this order. */
export type SlowingReason = 'blocked' | 'high-risk' | 'upstream';

export interface SlowingWhy {
  workstream: Workstream;
  reasons: SlowingReason[];
  /** The blocked workstreams that depend on this one (its `upstream` reason), in the program's order. */
  upstreamOf: Workstream[];
}

/**
 * The first group with why, for the digest and the canvas alike. Linear: the blocked workstreams standing
 * on each workstream are gathered in one pass.
 */
export function slowingWithReasons(program: Program): SlowingWhy[] {
  const ordered = [...program.workstreams].sort((a, b) => a.position - b.position || a.id - b.id);
  const blockedBy = new Map<string, Workstream[]>();
  for (const w of ordered) {
    if (w.status !== 'blocked') continue;
    for (const dep of new Set(w.dependsOn)) {
      const list = blockedBy.get(dep) ?? [];
      list.push(w);
      blockedBy.set(dep, list);
    }
  }
  const slowing = new Set(slowingWorkstreams(program));
  return ordered
    .filter((w) => slowing.has(w))
    .map((w) => {
      const upstreamOf = blockedBy.get(w.key) ?? [];
      const reasons: SlowingReason[] = [];
      if (w.status === 'blocked') reasons.push('blocked');
      if (w.risk === 'high') reasons.push('high-risk');
      if (upstreamOf.length > 0) reasons.push('upstream');
      return { workstream: w, reasons, upstreamOf };
    });
}

/** The one rule behind both: each open workstream's group, in the program's order, and the waiting milestones. */
function classify(program: Program) {
  const done = new Set(program.workstreams.filter((w) => w.status === 'done').map((w) => w.key));
  const milestones = new Map(program.milestones.map((m) => [m.key, m]));
  // A milestone waits while anything it depends on is not done: a workstream, or a milestone that waits.
  const milestoneWaits = new Map<string, boolean>();
  const waitsOn = (key: string, seen: ReadonlySet<string> = new Set()): boolean => {
    const milestone = milestones.get(key);
    if (!milestone) return !done.has(key);
    const known = milestoneWaits.get(key);
    if (known !== undefined) return known;
    // A cycle is refused on import; were one stored, it would count as waiting rather than loop.
    if (seen.has(key)) return true;
    const result = milestone.dependsOn.some((d) => waitsOn(d, new Set([...seen, key])));
    milestoneWaits.set(key, result);
    return result;
  };
  const waiting = (deps: string[]) => deps.some((d) => waitsOn(d));
  const waitingMilestones = program.milestones.filter((m) => waiting(m.dependsOn));
  const shownByMilestone = new Set(waitingMilestones.flatMap((m) => m.dependsOn));
  const groups: [Workstream, DeliveryGroup][] = [];
  for (const w of program.workstreams) {
    if (w.status === 'done') continue;
    if (waiting(w.dependsOn)) {
      if (!shownByMilestone.has(w.key)) groups.push([w, 'dependent']);
    } else groups.push([w, w.risk === 'high' ? 'slowing' : 'follow-through']);
  }
  return { groups, waitingMilestones };
}
