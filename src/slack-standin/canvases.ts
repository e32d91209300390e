import { invalidArguments, parseJson, requireArgs } from './web-api-args.js';
import { BOT_USER, type CanvasAccessLevel, type StandInCanvas, type Workspace } from './workspace.js';

type Args = Record<string, unknown>;
type Answer = Record<string, unknown>;

/**
 * Slack documents a canvas's content as "up to about 1 MiB"; the stand-in draws the line at exactly 1 MiB
 * of UTF-8 and answers `canvas_too_large`, so that an app which lets a document grow without bound sees a
 * refusal in its tests rather than first in production.
 */
export const CANVAS_MAX_BYTES = 1024 * 1024;

/** Slack takes at most 20 channels or 20 people in one canvases.access.set. */
const ACCESS_IDS_MAX = 20;

const ACCESS_LEVELS = new Set<string>(['read', 'write', 'owner']);

/**
 * The Web API's canvas methods, over the stand-in's workspace, answering and refusing as Slack does (see
 * LIMITS.md, "Canvases"). Only whole-document edits and inserts at either end are supported: section IDs
 * come from canvases.sections.lookup, which the stand-in does not offer, so any section_id is refused.
 */
export function canvasHandlers(workspace: Workspace): Record<string, (args: Args) => Answer> {
  return {
    'conversations.canvases.create': (args) => {
      const refused = requireArgs(args, ['channel_id']);
      if (refused) return refused;
      const content = documentContent(args.document_content, false);
      if ('refused' in content) return content.refused;
      const channel = String(args.channel_id);
      if (!workspace.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
      if (!workspace.botIsMember(channel)) return { ok: false, error: 'not_in_channel' };
      if (workspace.channelCanvas(channel)) return { ok: false, error: 'channel_canvas_already_exists' };
      const canvas = workspace.addCanvas({
        channel,
        title: titleOf(args),
        markdown: content.markdown,
        createdBy: BOT_USER,
      });
      return { ok: true, canvas_id: canvas.id };
    },

    'canvases.create': (args) => {
      const channel =
        args.channel_id === undefined || args.channel_id === '' ? undefined : String(args.channel_id);
      if (channel === undefined && workspace.plan === 'free')
        return { ok: false, error: 'free_teams_cannot_create_non_tabbed_canvases' };
      const content = documentContent(args.document_content, false);
      if ('refused' in content) return content.refused;
      if (channel !== undefined && !workspace.channels.has(channel))
        return { ok: false, error: 'channel_not_found' };
      const canvas = workspace.addCanvas({
        title: titleOf(args),
        markdown: content.markdown,
        createdBy: BOT_USER,
        ...(channel !== undefined ? { tabbedIn: [channel] } : {}),
      });
      return { ok: true, canvas_id: canvas.id };
    },

    'canvases.edit': (args) => {
      const refused = requireArgs(args, ['canvas_id', 'changes']);
      if (refused) return refused;
      const change = oneChange(args.changes);
      if ('refused' in change) return change.refused;
      const canvas = workspace.canvases.get(String(args.canvas_id));
      if (!canvas) return { ok: false, error: 'canvas_not_found' };
      if (workspace.plan === 'free' && canvas.channel === undefined)
        return { ok: false, error: 'free_teams_cannot_edit_standalone_canvases' };
      // Slack's canvases.edit lists `restricted_action` ("User does not have permission") and not
      // `not_in_channel`: a channel canvas is shared with the channel's members, so the bot outside the
      // channel lacks write access rather than being refused for the channel.
      if (!botCanWrite(workspace, canvas)) return { ok: false, error: 'restricted_action' };
      const markdown =
        change.operation === 'replace'
          ? change.markdown
          : change.operation === 'insert_at_start'
            ? joinSections(change.markdown, canvas.markdown)
            : joinSections(canvas.markdown, change.markdown);
      if (tooLarge(markdown)) return { ok: false, error: 'canvas_too_large' };
      canvas.markdown = markdown;
      canvas.edits++;
      canvas.updatedAt = workspace.now();
      return { ok: true };
    },

    'canvases.access.set': (args) => {
      const refused = requireArgs(args, ['canvas_id', 'access_level']);
      if (refused) return refused;
      const level = String(args.access_level);
      if (!ACCESS_LEVELS.has(level))
        return invalidArguments([`access_level must be one of read, write, owner; got ${level}`]);
      const channels = idList(args.channel_ids);
      const users = idList(args.user_ids);
      if (!channels.length && !users.length) return invalidArguments(['channel_ids or user_ids required']);
      // Slack's reference: each "can only be used if the other is not provided".
      if (channels.length && users.length)
        return invalidArguments(['channel_ids and user_ids cannot be passed together']);
      if (channels.length > ACCESS_IDS_MAX || users.length > ACCESS_IDS_MAX)
        return invalidArguments([`at most ${ACCESS_IDS_MAX} channel_ids or user_ids`]);
      const canvas = workspace.canvases.get(String(args.canvas_id));
      if (!canvas) return { ok: false, error: 'canvas_not_found' };
      for (const id of channels) canvas.access.channels[id] = level as CanvasAccessLevel;
      for (const id of users) canvas.access.users[id] = level as CanvasAccessLevel;
      return { ok: true };
    },

    'canvases.delete': (args) => {
      const refused = requireArgs(args, ['canvas_id']);
      if (refused) return refused;
      return workspace.deleteCanvas(String(args.canvas_id))
        ? { ok: true }
        : { ok: false, error: 'canvas_not_found' };
    },

    // Here because what the app reads of it is whether the channel has a canvas, and which.
    'conversations.info': (args) => {
      const refused = requireArgs(args, ['channel']);
      if (refused) return refused;
      const channel = workspace.channels.get(String(args.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const canvas = workspace.channelCanvas(channel.id);
      return {
        ok: true,
        channel: {
          id: channel.id,
          name: channel.name,
          is_channel: channel.dmWith === undefined,
          is_im: channel.dmWith !== undefined,
          is_member: workspace.botIsMember(channel.id),
          ...(canvas
            ? { properties: { canvas: { file_id: canvas.id, is_empty: canvas.markdown.trim() === '' } } }
            : {}),
        },
      };
    },
  };
}

/**
 * Whether Rollout may change the canvas: granted to its bot user, or to a channel it is in. A channel
 * canvas is granted to its channel only, so the bot's access to one follows its membership.
 */
function botCanWrite(workspace: Workspace, canvas: StandInCanvas): boolean {
  const writes = (level: CanvasAccessLevel | undefined) => level === 'write' || level === 'owner';
  if (writes(canvas.access.users[BOT_USER])) return true;
  return Object.entries(canvas.access.channels).some(
    ([channel, level]) => writes(level) && workspace.botIsMember(channel),
  );
}

function titleOf(args: Args): string {
  return typeof args.title === 'string' && args.title !== '' ? args.title : 'Untitled';
}

function tooLarge(markdown: string): boolean {
  return Buffer.byteLength(markdown, 'utf8') > CANVAS_MAX_BYTES;
}

/** Content added at either end becomes sections of its own: it starts on a line of its own. */
function joinSections(first: string, second: string): string {
  if (first === '') return second;
  if (second === '') return first;
  return first.endsWith('\n') ? `${first}${second}` : `${first}\n${second}`;
}

/**
 * `document_content` as Slack takes it: `{type: 'markdown', markdown}`, or absent where it may be (a new
 * canvas starts empty).
 */
function documentContent(value: unknown, required: boolean): { markdown: string } | { refused: Answer } {
  if (!required && (value === undefined || value === '')) return { markdown: '' };
  const content = parseJson(value);
  if (
    typeof content !== 'object' ||
    content === null ||
    (content as Args).type !== 'markdown' ||
    typeof (content as Args).markdown !== 'string'
  )
    return { refused: invalidArguments(["document_content must be {type: 'markdown', markdown: string}"]) };
  const markdown = (content as { markdown: string }).markdown;
  if (tooLarge(markdown)) return { refused: { ok: false, error: 'canvas_too_large' } };
  return { markdown };
}

type Change = { operation: 'replace' | 'insert_at_start' | 'insert_at_end'; markdown: string };

/** The one change of a canvases.edit: Slack applies a single operation per call. */
function oneChange(value: unknown): Change | { refused: Answer } {
  const changes = parseJson(value);
  if (!Array.isArray(changes) || changes.length !== 1)
    return { refused: invalidArguments(['changes must be an array of exactly one change']) };
  const change = changes[0] as Args;
  if (typeof change !== 'object' || change === null)
    return { refused: invalidArguments(['changes[0] must be an object']) };
  const { operation } = change;
  if (operation !== 'replace' && operation !== 'insert_at_start' && operation !== 'insert_at_end')
    return {
      refused: invalidArguments([
        `changes[0].operation ${String(operation)} is not supported by the stand-in`,
      ]),
    };
  if (change.section_id !== undefined)
    return { refused: invalidArguments(['changes[0].section_id: the stand-in edits whole documents only']) };
  const content = documentContent(change.document_content, true);
  if ('refused' in content) return content;
  return { operation, markdown: content.markdown };
}

/** Channel or user IDs: an array, or as a form sends one (a JSON array, or IDs separated by commas). */
function idList(value: unknown): string[] {
  const parsed = parseJson(value);
  if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
  if (typeof parsed === 'string')
    return parsed
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  return [];
}
