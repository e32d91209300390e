import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Program, Workstream } from '../../src/domain/program.js';
import { program, workstream } from './program-objects.js';

/** Plain `Program` objects for the pure tests of the risks, readiness and next-actions lists. */

export { nextAction, readinessItem, risk } from './program-objects.js';

import { ADMIN, OTHER_OWNER, OWNER } from './programs.js';

export { ADMIN, OTHER_OWNER, OWNER, STRANGER } from './programs.js';

/** A workstream `key` owned by `ownerIds`: "Workstream key" of "Team key". */
export function ws(key: string, ownerIds: string[], over: Partial<Workstream> = {}): Workstream {
  return workstream(key, {
    id: key.length,
    name: `Workstream ${key}`,
    ownerTeam: `Team ${key}`,
    ownerIds,
    ...over,
  });
}

/** Two workstreams: `mine` owned by OWNER, `theirs` by OTHER_OWNER; ADMIN is the program's admin. */
export function listProgram(over: Partial<Program> = {}): Program {
  return program({
    slug: 'builder-insights',
    name: 'Builder Insights',
    reminderDaysBefore: null,
    admins: [ADMIN],
    workstreams: [ws('mine', [OWNER]), ws('theirs', [OTHER_OWNER])],
    ...over,
  });
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
