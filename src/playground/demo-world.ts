import { readFileSync } from 'node:fs';
import { parseSource } from '../cli/program-source.js';
import { type ProgramFile, parseProgramFile } from '../domain/program-file.js';
import type { StandInChannel, StandInUser } from '../slack-standin/workspace.js';
import type { PlaygroundUser } from './protocol.js';

/** The program the playground starts from: the repository's example, the seed page as a program file. */
export const EXAMPLE_FILE = new URL('../../examples/builder-insights.yaml', import.meta.url);

export const DEMO_CHANNELS = {
  leadership: 'C0LEADERSHIP',
  updates: 'C0UPDATES',
  general: 'C0GENERAL',
} as const;

/**
 * The example's placeholder IDs, given names and time zones on several continents, so that times in
 * the viewer's zone can be seen to differ; plus a member who owns nothing, to see what Rollout refuses.
 */
export const DEMO_PEOPLE: readonly (StandInUser & { role: string })[] = [
  {
    id: 'U0PROGRAMLEAD',
    name: 'priya',
    realName: 'Priya Raman',
    tz: 'America/Los_Angeles',
    role: 'Admin, program lead',
  },
  {
    id: 'U0IDENTITY',
    name: 'marcus',
    realName: 'Marcus Chen',
    tz: 'America/New_York',
    role: 'Owner, Identity and SSO',
  },
  {
    id: 'U0ORGSYSTEMS',
    name: 'aisha',
    realName: 'Aisha Bello',
    tz: 'Europe/London',
    role: 'Owner, Org-aware access',
  },
  {
    id: 'U0PLATFORM',
    name: 'kenji',
    realName: 'Kenji Watanabe',
    tz: 'Asia/Tokyo',
    role: 'Owner, Kanopy hosting',
  },
  {
    id: 'U0TELEMETRY',
    name: 'sofia',
    realName: 'Sofia Alvarez',
    tz: 'America/Sao_Paulo',
    role: 'Owner, Observability and analytics',
  },
  {
    id: 'U0PRODUCT',
    name: 'lena',
    realName: 'Lena Fischer',
    tz: 'Europe/Berlin',
    role: 'Owner, Readiness gating',
  },
  {
    id: 'U0MEMBER',
    name: 'sam',
    realName: 'Sam Taylor',
    tz: 'Australia/Sydney',
    role: 'Member, owns nothing',
  },
];

export const DEMO_CHANNEL_LIST: readonly StandInChannel[] = [
  { id: DEMO_CHANNELS.general, name: 'general' },
  { id: DEMO_CHANNELS.leadership, name: 'leadership' },
  { id: DEMO_CHANNELS.updates, name: 'builder-insights-updates' },
];

export function playgroundUsers(): PlaygroundUser[] {
  return DEMO_PEOPLE.map(({ id, name, realName, tz, role }) => ({ id, name, realName, tz, role }));
}

/**
 * The example program as the demo imports it: the file as shipped, with an updates channel so that saved
 * changes have somewhere to be announced. Every person it names must be one of the demo's people.
 */
export function demoProgram(text = readFileSync(EXAMPLE_FILE, 'utf8')): ProgramFile {
  const source = parseSource(text, 'yaml');
  if (!source.ok) throw new Error(`the example program does not parse: ${source.problems.join('; ')}`);
  const data = source.data as Record<string, unknown>;
  data.updates_channel ??= DEMO_CHANNELS.updates;
  const parsed = parseProgramFile(data);
  if (!parsed.ok) throw new Error(`the example program is not valid: ${parsed.problems.join('; ')}`);
  return parsed.program;
}
