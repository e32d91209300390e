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

/** The one rule behind both: each open workstream's group, in the program's order, and the waiting milestones. */
function classify(program: Program) {
  const done = new Set(program.workstreams.filter((w) => w.status === 'done').map((w) => w.key));
  const waiting = (deps: string[]) => deps.some((d) => !done.has(d));
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
