import type { KnownBlock } from '@slack/types';
import type { ProgramSummary } from '../store/program-repo.js';
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
  { usage: 'history WORKSTREAM', what: 'who changed what, and when' },
  { usage: 'digest [send]', what: 'preview this week’s leadership digest (admins can send it)' },
  { usage: 'help', what: 'this list' },
];

function helpText(): string {
  return SUBCOMMAND_HELP.map((s) => `\`/rollout ${s.usage}\` — ${s.what}`).join('\n');
}

export function helpMessage(intro?: string): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (intro)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(intro, BLOCK_LIMITS.sectionText) },
    });
  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: `*Rollout keeps the program’s status in one place.*\n${helpText()}` },
  });
  return { text: intro ?? 'Rollout: what /rollout can do', blocks };
}

/** A plain answer; `text` is mrkdwn the caller has already escaped. */
export function notice(text: string): SlackMessage {
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.sectionText) } }],
  };
}

/** Several programs and none named: say which exist. */
export function chooseProgram(programs: ProgramSummary[], usage: string): SlackMessage {
  const shown = programs.slice(0, 40);
  const list = shown.map((p) => `• \`${escapeMrkdwn(p.slug)}\` — ${escapeMrkdwn(p.name)}`).join('\n');
  const more = programs.length > shown.length ? `\n…and ${programs.length - shown.length} more` : '';
  return notice(
    truncate(
      `There are several programs; name one: \`/rollout ${usage}\`.\n${list}${more}`,
      BLOCK_LIMITS.sectionText,
    ),
  );
}
