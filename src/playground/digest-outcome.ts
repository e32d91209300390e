import type { Program } from '../domain/program.js';
import type { SendResult } from '../services/digest-sender.js';
import type { StandInChannel } from '../slack-standin/workspace.js';
import type { PlaygroundAnswer } from './protocol.js';

/** What "Post this week's digest" did, in plain words for the page. */
export function digestOutcome(
  result: SendResult | undefined,
  program: Program,
  channels: readonly StandInChannel[],
): PlaygroundAnswer {
  const where = (id: string) => `#${channels.find((c) => c.id === id)?.name ?? id}`;
  if (!result) return { ok: false, error: `The digest of ${program.name} could not be sent; see the log.` };
  switch (result.kind) {
    case 'posted':
      return {
        ok: true,
        message: `Posted this week’s digest of ${program.name} to ${where(result.run.channel)}.`,
      };
    case 'recovered':
    case 'already-posted':
      return {
        ok: true,
        message: `This week’s digest of ${program.name} is already in ${where(result.run.channel)}; it is posted once a week.`,
      };
    case 'in-progress':
      return { ok: true, message: `This week’s digest of ${program.name} is being posted right now.` };
    case 'failed':
      return { ok: false, error: `The digest of ${program.name} could not be posted: ${result.error}.` };
    case 'not-configured':
      return { ok: false, error: `${program.name} has no digest channel.` };
  }
}
