import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type {
  NextAction,
  Program,
  ReadinessDimension,
  TopRisk,
  Workstream,
} from '../../src/domain/program.js';

/** Plain `Program` objects for the pure tests of the risks, readiness and next-actions lists. */

export const OWNER = 'UOWNER01';
export const OTHER_OWNER = 'UOWNER02';
export const ADMIN = 'UADMIN01';
export const STRANGER = 'USTRANGER';

export function ws(key: string, ownerIds: string[], over: Partial<Workstream> = {}): Workstream {
  return {
    id: key.length,
    key,
    position: 0,
    name: `Workstream ${key}`,
    ownerTeam: `Team ${key}`,
    ownerIds,
    state: '',
    summary: '',
    status: 'drafted',
    risk: 'low',
    blocker: '',
    dependsOn: [],
    statusSince: '2026-11-01T00:00:00Z',
    updatedBy: null,
    updatedAt: '2026-11-01T00:00:00Z',
    version: 1,
    ...over,
  };
}

export function risk(id: number, over: Partial<TopRisk> = {}): TopRisk {
  return {
    id,
    position: id,
    text: `risk ${id}`,
    severity: 'medium',
    workstream: null,
    status: 'open',
    openedAt: '2026-11-01T00:00:00Z',
    closedAt: null,
    version: 1,
    ...over,
  };
}

export function dimension(id: number, over: Partial<ReadinessDimension> = {}): ReadinessDimension {
  return {
    id,
    position: id,
    name: `Dimension ${id}`,
    signal: 'partial',
    note: `note ${id}`,
    version: 1,
    ...over,
  };
}

export function nextAction(id: number, over: Partial<NextAction> = {}): NextAction {
  return {
    id,
    position: id,
    text: `action ${id}`,
    owner: null,
    workstream: null,
    due: null,
    done: false,
    version: 1,
    ...over,
  };
}

/** Two workstreams: `mine` owned by OWNER, `theirs` by OTHER_OWNER; ADMIN is the program's admin. */
export function listProgram(over: Partial<Program> = {}): Program {
  return {
    id: 1,
    slug: 'builder-insights',
    name: 'Builder Insights',
    summary: '',
    timezone: 'UTC',
    digest: null,
    reminderDaysBefore: null,
    updatesChannel: null,
    admins: [ADMIN],
    workstreams: [ws('mine', [OWNER]), ws('theirs', [OTHER_OWNER])],
    milestones: [],
    risks: [],
    readiness: [],
    actions: [],
    references: [],
    ...over,
  };
}

/** The buttons of a message, in order: actions blocks' elements and section accessories. */
export function buttonsOf(blocks: KnownBlock[]): Button[] {
  return blocks.flatMap((b) => {
    if (b.type === 'actions') return (b as ActionsBlock).elements as Button[];
    if (b.type === 'section' && (b as SectionBlock).accessory?.type === 'button')
      return [(b as SectionBlock).accessory as Button];
    return [];
  });
}

/** Every mrkdwn text in the blocks: what Slack would parse for mentions and links. */
export function mrkdwnOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnOf);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnOf)];
}
