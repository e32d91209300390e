import type { KnownBlock } from '@slack/types';
import { message, section } from './blocks.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The subcommands `/rollout` understands, in the order help lists them. */
const SUBCOMMAND_HELP: readonly { usage: string; what: string }[] = [
  {
    usage: 'status [PROGRAM]',
    what: 'every workstream at a glance: status, risk, owning team, main blocker',
  },
  { usage: 'status WORKSTREAM', what: 'one workstream in detail (key or name), with an Update button' },
  { usage: 'update [WORKSTREAM]', what: 'change status, risk and blocker of a workstream you own' },
  { usage: 'risks', what: 'top risks: add, edit, close' },
  { usage: 'readiness', what: 'readiness signal per dimension' },
  { usage: 'actions', what: 'immediate next actions: add, reassign, set due dates, mark done' },
  { usage: 'decisions', what: 'decisions waited on, overdue first: record, defer, edit, withdraw' },
  {
    usage: 'milestones',
    what: 'target dates, slips against the baseline, forecasts, what each waits on and what is at risk',
  },
  { usage: 'history WORKSTREAM', what: 'who changed what, and when' },
  { usage: 'digest [send]', what: 'preview this week’s leadership digest (admins can send it)' },
  {
    usage: 'away until DATE',
    what: 'no reminders through that day (2026-12-24, Friday, 24 Dec); backups are reminded instead',
  },
  { usage: 'back', what: 'reminders again, before the date you gave' },
  { usage: 'help', what: 'this list' },
];

function helpText(): string {
  return SUBCOMMAND_HELP.map((s) => `\`/rollout ${s.usage}\` — ${s.what}`).join('\n');
}

export function helpMessage(intro?: string): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (intro) blocks.push(section(undefined, intro));
  blocks.push(section(undefined, `*Rollout keeps the program’s status in one place.*\n${helpText()}`));
  return message(intro ?? 'Rollout: what /rollout can do', blocks);
}

/** A plain answer; `text` is mrkdwn the caller has already escaped. */
export function notice(text: string): SlackMessage {
  return message(text, [section(undefined, text)]);
}

/** Several programs and none named: say which exist. */
export function chooseProgram(
  programs: readonly { slug: string; name: string }[],
  usage: string,
): SlackMessage {
  const head = `There are several programs; name one: \`/rollout ${usage}\`.`;
  // Whole lines while they fit, keeping room for the count of the rest (which a cut must never hide).
  const room = BLOCK_LIMITS.sectionText - head.length - '\n…and 00000 more'.length;
  const lines: string[] = [];
  let used = 0;
  for (const p of programs) {
    const line = `\n• \`${escapeMrkdwn(p.slug)}\` — ${truncate(escapeMrkdwn(p.name), 200)}`;
    if (used + line.length > room) break;
    lines.push(line);
    used += line.length;
  }
  const hidden = programs.length - lines.length;
  return notice(`${head}${lines.join('')}${hidden > 0 ? `\n…and ${hidden} more` : ''}`);
}

/** Said wherever a program is needed and there is none: in answers to commands and in the Home tab. */
export const NO_PROGRAMS =
  'There is no program yet. An admin imports one with `rollout import FILE` (see the README).';

/** A workstream query that matched nothing: which program was searched, and the keys to use. */
export function unknownWorkstream(
  program: { name: string; workstreams: { key: string; name: string }[] },
  query: string,
) {
  return notice(
    `No workstream of ${escapeMrkdwn(program.name)} matches “${escapeMrkdwn(query)}”. ` +
      `Use a key or a name: ${workstreamKeys(program)}.`,
  );
}

/** The first 30 workstream keys as code, then how many more: what a hint can list in one line. */
export function workstreamKeys(program: { workstreams: { key: string }[] }): string {
  const keys = program.workstreams.slice(0, 30).map((w) => `\`${escapeMrkdwn(w.key)}\``);
  const more = program.workstreams.length > 30 ? `, …and ${program.workstreams.length - 30} more` : '';
  return `${keys.join(', ')}${more}`;
}
