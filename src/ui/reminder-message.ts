import type { KnownBlock } from '@slack/types';
import type { Program, Workstream } from '../domain/program.js';
import type { ReminderRole } from '../domain/reminders.js';
import { encodeUpdateRef } from './action-values.js';
import { actions, button, context, message, section } from './blocks.js';
import {
  confirmCurrentAction,
  REMINDER_BLOCKS,
  reminderButtonsBlock,
  reminderWorkstreamBlock,
} from './ids.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';
import { ago } from './relative-time.js';
import { statusLine } from './status-overview.js';
import { updatableSection } from './update-button.js';

/** Workstreams listed with their own buttons (two blocks each, well within a message's 50); the rest are counted. */
export const REMINDER_SHOWN = 15;

type ProgramName = Pick<Program, 'slug' | 'name'>;

/** One stale workstream in a person's weekly reminder, and why it is theirs. */
export interface ReminderItem {
  program: ProgramName;
  workstream: Workstream;
  role: ReminderRole;
}

export interface ReminderInput {
  /** Every stale workstream of the person, across programs, each program's in its order. */
  items: readonly ReminderItem[];
  /** The digests the reminder is for, each program once. */
  digests: readonly { program: ProgramName; at: Date }[];
  now: Date;
}

const when = (at: Date) => slackDate(at.toISOString(), '{date_long_pretty} at {time}');

function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The one DM a person gets in a week: all their workstreams not updated this week, across programs, each
 * with Update (the form everywhere else opens) and Still current (an unchanged save, in one click).
 */
export function reminderMessage({ items, digests, now }: ReminderInput): SlackMessage {
  const single = digests.length === 1 ? digests[0] : undefined;
  const count = items.length;
  const these = count === 1 ? 'this workstream of yours has' : `these ${count} workstreams of yours have`;
  const digestWords = single
    ? `The weekly digest of *${escapeMrkdwn(single.program.name)}* goes out ${when(single.at)}`
    : `The weekly digests of ${andList(digests.map((d) => `*${escapeMrkdwn(d.program.name)}* (${when(d.at)})`))} go out soon`;
  const blocks: KnownBlock[] = [
    section(
      REMINDER_BLOCKS.intro,
      `:wave: ${digestWords}, and ${these} not been updated this week. ` +
        `${count === 1 ? 'Update it' : 'Update each'}, or press *Still current* if nothing changed: either keeps leadership’s view true.`,
    ),
  ];
  for (const [i, { program, workstream: w, role }] of items.slice(0, REMINDER_SHOWN).entries()) {
    const where = single ? '' : ` · ${escapeMrkdwn(program.name)}`;
    const cover = role === 'backup' ? '\n:busts_in_silhouette: You back it up, and its owners are away.' : '';
    blocks.push(
      updatableSection(
        reminderWorkstreamBlock(program.slug, w.key),
        `*${escapeMrkdwn(w.name)}*${where}\n${statusLine(w)}\nlast updated ${ago(w.updatedAt, now)}${cover}`,
        program,
        w,
      ),
      // Numbered: Slack wants each button's action_id unique within the message.
      actions(reminderButtonsBlock(program.slug, w.key), [
        button(
          confirmCurrentAction(i),
          'Still current',
          encodeUpdateRef({ program: program.slug, workstream: w.key, version: w.version }),
          { label: `${w.name} is still current` },
        ),
      ]),
    );
  }
  if (count > REMINDER_SHOWN) {
    const command = single ? `/rollout update ${escapeMrkdwn(single.program.slug)}` : '/rollout update';
    blocks.push(
      context(REMINDER_BLOCKS.more, `…and ${count - REMINDER_SHOWN} more: \`${command}\` picks any of them.`),
    );
  }
  const names = items.map((i) => escapeMrkdwn(i.workstream.name)).join(', ');
  const lead = single
    ? `Reminder: the ${escapeMrkdwn(single.program.name)} digest goes out soon`
    : 'Reminder: your programs’ digests go out soon';
  return message(`${lead}; please update ${names}.`, blocks);
}

/**
 * The reminder as it stands after "Still current" on one of its workstreams: that line says so (without its
 * Update button), and its Still current button goes (a second click would record a second confirmation). The rest of the DM is left as it was.
 */
export function reminderConfirmed(
  blocks: readonly unknown[],
  program: string,
  workstream: Pick<Workstream, 'key' | 'name'>,
  /** What the line says instead; "Confirmed current, thanks." unless it was updated since the DM. */
  what = 'Confirmed current, thanks.',
): KnownBlock[] {
  const line = reminderWorkstreamBlock(program, workstream.key);
  const buttons = reminderButtonsBlock(program, workstream.key);
  const out: KnownBlock[] = [];
  for (const block of blocks as KnownBlock[]) {
    if (block.block_id === buttons) continue;
    if (block.block_id === line) {
      out.push(section(line, `:white_check_mark: *${escapeMrkdwn(workstream.name)}*: ${what}`));
      continue;
    }
    out.push(block);
  }
  return out;
}
