import type { KnownBlock, SectionBlock } from '@slack/types';
import {
  type Digest,
  type DigestChange,
  type DigestDecided,
  type DigestNextAction,
  type DigestPendingDecision,
  type DigestSlowing,
  STALE_AFTER_DAYS,
} from '../domain/digest-content.js';
import type { Program } from '../domain/program.js';
import { isSlackUserId } from '../domain/slack-user.js';
import { slipLabel } from '../domain/target-dates.js';
import { oneLine } from '../domain/user-text.js';
import {
  RISK_INFO,
  type Risk,
  SIGNAL_INFO,
  type Signal,
  STATUS_INFO,
  type Status,
} from '../domain/vocabulary.js';
import { formatDayLabel } from '../domain/week.js';
import { encodeProgramRef } from './action-values.js';
import { actions, button, context, divider, header, message, section } from './blocks.js';
import { ACTIONS, DIGEST_BLOCKS, type DigestSection, digestSectionBlock } from './ids.js';
import { BLOCK_LIMITS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mention, slackDate } from './mrkdwn.js';
import { plural } from './plural.js';
import { inZone } from './zoned-time.js';

/**
 * How much of each list the digest shows. A list fills its sections line by line (each section up to
 * Slack's 3,000 characters) and ends with "…and N more" when it runs out of items or sections. The
 * sections, plus the fixed blocks, stay within a message's blocks (SURFACE_BLOCKS.message) for any program.
 */
const DIGEST_LISTS: Record<DigestSection, { maxItems: number; maxSections: number }> = {
  slowing: { maxItems: Number.POSITIVE_INFINITY, maxSections: 2 },
  risks: { maxItems: 10, maxSections: 2 },
  blocked: { maxItems: Number.POSITIVE_INFINITY, maxSections: 4 },
  waiting: { maxItems: Number.POSITIVE_INFINITY, maxSections: 4 },
  decided: { maxItems: 20, maxSections: 3 },
  dates: { maxItems: 20, maxSections: 2 },
  changes: { maxItems: 40, maxSections: 3 },
  stale: { maxItems: Number.POSITIVE_INFINITY, maxSections: 2 },
  next: { maxItems: Number.POSITIVE_INFINITY, maxSections: 2 },
  readiness: { maxItems: Number.POSITIVE_INFINITY, maxSections: 2 },
};

/** Header, context, headline, divider, button row: what the digest spends besides its lists. */
export const DIGEST_FIXED_BLOCKS = 5;

/** At most this many blocks, whatever the program: asserted by the tests against SURFACE_BLOCKS.message. */
export const DIGEST_MAX_BLOCKS =
  DIGEST_FIXED_BLOCKS + Object.values(DIGEST_LISTS).reduce((sum, l) => sum + l.maxSections, 0);

/** Longest piece of user text in one line (escaped), so that no single item crowds out the rest. */
const TEXT_MAX = { name: 160, team: 200, long: 600, question: 300 } as const;
/** Pending decisions shown per workstream; more are counted ("+2 more decisions"). */
const DECISIONS_SHOWN = 2;
/**
 * A link's target longer than this is left out rather than risk a line cut through its `<…|…>`: the line,
 * with its other pieces at their longest, stays within a section.
 */
const LINK_MAX = 1000;
/** Owners mentioned per item; more are counted ("+2"). */
const OWNERS_SHOWN = 5;
/** Blocked workstreams named per "upstream of" reason; more are counted ("+2 more"). */
const UPSTREAM_SHOWN = 3;
/** Room kept in every section for the "…and N more" line. */
const MORE_RESERVE = 120;

/** The two renderings share their wording; only the markup differs. */
interface Style {
  text(value: string, max: number): string;
  bold(value: string): string;
  italic(value: string): string;
  user(id: string): string;
  /** A Slack emoji code before a label; nothing in plain text, where the label says it. */
  emoji(code: string): string;
  /** An http(s) URL under a label; '' when it cannot be shown whole. */
  link(url: string, label: string): string;
  bullet: string;
}

/** A URL as the target of a Slack link: the characters that would end or break `<url|label>` are encoded. */
function linkTarget(url: string): string {
  return url
    .replace(/[\s<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/&/g, '&amp;');
}

const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

const slack: Style = {
  text: (value, max) => truncate(escapeMrkdwn(value), max),
  bold: (value) => `*${value}*`,
  italic: (value) => `_${value}_`,
  user: (id) => mention(id),
  emoji: (code) => `${code} `,
  link: (url, label) => {
    const target = linkTarget(url);
    return target.length > LINK_MAX ? '' : `<${target}|${label}>`;
  },
  bullet: '•',
};

const plain: Style = {
  // The preview's lines are as much Rollout's structure as the message's: user text stays on one line.
  text: (value) => oneLine(value),
  bold: (value) => value,
  italic: (value) => value,
  user: (id) => (isSlackUserId(id) ? `@${id}` : oneLine(id)),
  emoji: () => '',
  link: (url, label) => `${label}: ${oneLine(url)}`,
  bullet: '  -',
};

function days(n: number): string {
  return n === 0 ? 'since today' : plural(n, 'day');
}

function statusLabel(s: Style, value: string | null): string {
  if (value === null || value === '') return '—';
  const info = STATUS_INFO[value as Status];
  return info ? `${s.emoji(info.emoji)}${info.label}` : s.text(value, TEXT_MAX.name);
}

function riskLabel(s: Style, value: string | null): string {
  if (value === null || value === '') return '—';
  const info = RISK_INFO[value as Risk];
  return info ? `${s.emoji(info.emoji)}${info.label}` : s.text(value, TEXT_MAX.name);
}

/** The owning team and the people behind it, as every section shows them: "Identity and Security (@ana)". */
function owners(s: Style, ids: string[], team: string): string {
  const who = people(s, ids);
  if (!team) return who || s.italic('no owner');
  const name = s.italic(s.text(team, TEXT_MAX.team));
  return who ? `${name} (${who})` : name;
}

/** People mentioned, the first OWNERS_SHOWN of them, the rest counted ("+2"). */
function people(s: Style, ids: string[]): string {
  const shown = ids.slice(0, OWNERS_SHOWN).map((id) => s.user(id));
  if (ids.length > OWNERS_SHOWN) shown.push(`+${ids.length - OWNERS_SHOWN}`);
  return shown.join(' ');
}

/** The headline's colour for "N of M ready": green only when all are, so that none ready never reads as good news. */
function readinessSignal(ready: number, total: number): Signal {
  if (ready >= total) return 'ready';
  return ready === 0 ? 'not-ready' : 'partial';
}

function headlineParts(s: Style, d: Digest): string[] {
  const c = d.counts;
  return [
    `${s.emoji(RISK_INFO.high.emoji)}${s.bold(String(c.highRisks))} high ${c.highRisks === 1 ? 'risk' : 'risks'}`,
    `${s.emoji(STATUS_INFO.blocked.emoji)}${s.bold(String(c.blocked))} blocked`,
    `${s.emoji(STATUS_INFO['needs-decision'].emoji)}${s.bold(String(c.needingDecision))} ${c.needingDecision === 1 ? 'needs' : 'need'} a decision`,
    c.readinessTotal === 0
      ? 'no readiness dimensions'
      : `${s.emoji(SIGNAL_INFO[readinessSignal(c.readinessReady, c.readinessTotal)].emoji)}${s.bold(`${c.readinessReady} of ${c.readinessTotal}`)} readiness ${c.readinessTotal === 1 ? 'dimension' : 'dimensions'} ready`,
  ];
}

function slowingReason(s: Style, item: DigestSlowing, reason: DigestSlowing['reasons'][number]): string {
  if (reason === 'blocked') return `${s.emoji(STATUS_INFO.blocked.emoji)}blocked`;
  if (reason === 'high-risk') return `${s.emoji(RISK_INFO.high.emoji)}high risk`;
  const names = item.upstreamOf.slice(0, UPSTREAM_SHOWN).map((w) => s.bold(s.text(w.name, TEXT_MAX.name)));
  const rest = item.upstreamOf.length - UPSTREAM_SHOWN;
  return `upstream of blocked ${names.join(', ')}${rest > 0 ? ` +${rest} more` : ''}`;
}

function slowingLines(s: Style, d: Digest): string[] {
  return d.slowing.map(
    (w) =>
      `${s.bullet} ${s.bold(s.text(w.workstream.name, TEXT_MAX.name))} — ${w.reasons.map((r) => slowingReason(s, w, r)).join(', ')} · ${owners(s, w.workstream.ownerIds, w.workstream.ownerTeam)}`,
  );
}

function riskLines(s: Style, d: Digest): string[] {
  return d.topRisks.map((r) => {
    const where = r.workstream
      ? `${s.bold(s.text(r.workstream.name, TEXT_MAX.name))}${r.workstream.ownerTeam ? ` · ${s.italic(s.text(r.workstream.ownerTeam, TEXT_MAX.team))}` : ''}`
      : s.italic('program-wide');
    return `${s.bullet} ${riskLabel(s, r.severity)}: ${s.text(r.text, TEXT_MAX.long)} — ${where}`;
  });
}

function blockerText(s: Style, blocker: string): string {
  return blocker ? s.text(blocker, TEXT_MAX.long) : s.italic('no blocker recorded');
}

function blockedLines(s: Style, d: Digest): string[] {
  return d.blocked.map(
    (b) =>
      `${s.bullet} ${s.bold(s.text(b.workstream.name, TEXT_MAX.name))} (blocked ${days(b.days)}) — ${blockerText(s, b.blocker)} · ${owners(s, b.workstream.ownerIds, b.workstream.ownerTeam)}${decisionsText(s, b.decisions)}`,
  );
}

/** "Decision: Which Okta path? — @ana, waiting 12 days, overdue (needed by Fri 20 Nov 2026)" */
function pendingDecision(s: Style, d: DigestPendingDecision): string {
  const who = d.deciders.length ? people(s, d.deciders) : s.italic('no decider');
  const when =
    d.daysOverdue > 0
      ? `, ${s.emoji(':warning:')}${s.bold('overdue')} (needed by ${formatDayLabel(d.neededBy as string)})`
      : d.neededBy
        ? `, needed by ${formatDayLabel(d.neededBy)}`
        : '';
  const deferred = d.state === 'deferred' ? ', deferred' : '';
  return `${s.emoji(':hourglass_flowing_sand:')}Decision: ${s.text(d.question, TEXT_MAX.question)} — ${who}, waiting ${days(d.waitingDays)}${deferred}${when}`;
}

/** The decisions a waiting or blocked workstream waits on, after its line; nothing when it has none. */
function decisionsText(s: Style, decisions: DigestPendingDecision[]): string {
  if (decisions.length === 0) return '';
  const shown = decisions.slice(0, DECISIONS_SHOWN).map((d) => pendingDecision(s, d));
  const rest = decisions.length - DECISIONS_SHOWN;
  return ` · ${shown.join(' · ')}${rest > 0 ? ` · +${plural(rest, 'more decision')}` : ''}`;
}

function waitingLines(s: Style, d: Digest): string[] {
  const lines = d.waiting.map(
    (w) =>
      `${s.bullet} ${s.bold(s.text(w.workstream.name, TEXT_MAX.name))} — ${statusLabel(s, w.status)}, waiting ${days(w.waitingDays)}: ${blockerText(s, w.blocker)} · ${owners(s, w.workstream.ownerIds, w.workstream.ownerTeam)}${decisionsText(s, w.decisions)}`,
  );
  if (lines.length > 0 && d.counts.decisionsElsewhere > 0)
    lines.push(s.italic(elsewhere(d.counts.decisionsElsewhere).trim()));
  return lines;
}

/** Pending decisions that no listed workstream carries: counted, so that the list never reads as all of them. */
function elsewhere(n: number): string {
  if (n === 0) return '';
  return ` ${n} open ${n === 1 ? 'decision is' : 'decisions are'} on no waiting or blocked work: see /rollout decisions.`;
}

function decidedLine(s: Style, d: DigestDecided): string {
  const outcome = d.outcome ? s.text(d.outcome, TEXT_MAX.long) : s.italic('no outcome recorded');
  const who = d.decidedBy.length ? ` by ${people(s, d.decidedBy)}` : '';
  const names = d.workstreams.slice(0, UPSTREAM_SHOWN).map((w) => s.italic(s.text(w.name, TEXT_MAX.name)));
  const rest = d.workstreams.length - UPSTREAM_SHOWN;
  const where = names.length ? ` · ${names.join(', ')}${rest > 0 ? ` +${rest} more` : ''}` : '';
  const link = isWebLink(d.link) ? s.link(d.link, 'where it was decided') : '';
  return `${s.bullet} ${s.emoji(':white_check_mark:')}${s.bold(s.text(d.question, TEXT_MAX.question))} — ${outcome} (decided${who}, ${formatDayLabel(d.decidedAt)})${where}${link ? ` · ${link}` : ''}`;
}

function changeLine(s: Style, c: DigestChange): string {
  switch (c.kind) {
    case 'status':
      return `${s.bullet} ${s.bold(s.text(c.workstream.name, TEXT_MAX.name))}: ${statusLabel(s, c.from)} → ${statusLabel(s, c.to)}`;
    case 'risk-level':
      return `${s.bullet} ${s.bold(s.text(c.workstream.name, TEXT_MAX.name))}: risk ${riskLabel(s, c.from)} → ${riskLabel(s, c.to)}`;
    case 'risk-severity':
      return `${s.bullet} Risk ${riskLabel(s, c.from)} → ${riskLabel(s, c.to)}: ${s.text(c.risk.text, TEXT_MAX.long)}`;
    default: {
      const verb = {
        'risk-opened': 'opened',
        'risk-closed': 'closed',
        'risk-reopened': 'reopened',
        'risk-removed': 'removed',
      }[c.kind];
      const severity =
        c.kind === 'risk-opened' && c.risk.severity ? ` (${riskLabel(s, c.risk.severity)})` : '';
      return `${s.bullet} Risk ${verb}${severity}: ${s.text(c.risk.text, TEXT_MAX.long)}`;
    }
  }
}

function dateText(date: string | null): string {
  return date ? formatDayLabel(date) : 'no date';
}

/** Conflicts first (a date that cannot hold), then the dates that moved, each with its reason and total slip. */
function dateLines(s: Style, d: Digest): string[] {
  const conflicts = d.dateConflicts.map(
    (c) =>
      `${s.bullet} ${s.emoji(':warning:')}${s.bold(s.text(c.subject.name, TEXT_MAX.name))} is due ${dateText(c.subject.target)} but depends on ${s.bold(s.text(c.upstream.name, TEXT_MAX.name))}, due ${dateText(c.upstream.target)}`,
  );
  const moved = d.datesMoved.map((m) => {
    const reason = m.reason ? `: ${s.text(m.reason, TEXT_MAX.long)}` : '';
    const slip = m.slipDays !== 0 ? ` (${slipLabel(m.slipDays)} against baseline)` : '';
    return `${s.bullet} ${s.emoji(':calendar:')}${s.bold(s.text(m.name, TEXT_MAX.name))}: ${dateText(m.from)} → ${dateText(m.to)}${slip}${reason}`;
  });
  return [...conflicts, ...moved];
}

function staleLines(s: Style, d: Digest): string[] {
  return d.stale.map(
    (w) =>
      `${s.bullet} ${s.bold(s.text(w.workstream.name, TEXT_MAX.name))} — last updated ${plural(w.daysSinceUpdate, 'day')} ago · ${owners(s, w.workstream.ownerIds, w.workstream.ownerTeam)}${awayNote(s, w)}`,
  );
}

/** Why nobody updated it: every owner is away. */
function awayNote(s: Style, w: Digest['stale'][number]): string {
  if (!w.ownersAway) return '';
  const who = w.workstream.ownerIds.length > 1 ? 'owners' : 'owner';
  const until = w.ownersAway.until ? ` until ${formatDayLabel(w.ownersAway.until)}` : '';
  return ` · ${s.emoji(':palm_tree:')}${who} away${until}`;
}

function nextActionLine(s: Style, a: DigestNextAction, overdue: boolean): string {
  const when = overdue
    ? `${s.emoji(':warning:')}${s.bold('Overdue')} (due ${formatDayLabel(a.due)}, ${plural(a.daysOverdue, 'day')} ago)`
    : a.daysOverdue === 0
      ? s.bold('Due today')
      : `Due ${formatDayLabel(a.due)}`;
  const who = a.owner
    ? ` — ${s.user(a.owner.length > TEXT_MAX.name ? a.owner.slice(0, TEXT_MAX.name) : a.owner)}`
    : '';
  const where = a.workstream ? ` · ${s.italic(s.text(a.workstream.name, TEXT_MAX.name))}` : '';
  return `${s.bullet} ${when}: ${s.text(a.text, TEXT_MAX.long)}${who}${where}`;
}

function nextLines(s: Style, d: Digest): string[] {
  const lines = [
    ...d.actions.overdue.map((a) => nextActionLine(s, a, true)),
    ...d.actions.dueThisWeek.map((a) => nextActionLine(s, a, false)),
  ];
  if (lines.length > 0 && d.counts.undatedActions > 0)
    lines.push(s.italic(undated(d.counts.undatedActions).trim()));
  return lines;
}

function undated(n: number): string {
  if (n === 0) return '';
  return ` ${n} open ${n === 1 ? 'action has' : 'actions have'} no due date: see /rollout actions.`;
}

function readinessLines(s: Style, d: Digest): string[] {
  return d.readiness.map((r) => {
    const info = SIGNAL_INFO[r.signal];
    const note = r.note ? `: ${s.text(r.note, TEXT_MAX.long)}` : '';
    return `${s.bullet} ${s.emoji(info.emoji)}${s.bold(s.text(r.name, TEXT_MAX.name))} — ${info.label}${note}`;
  });
}

interface ListContent {
  section: DigestSection;
  title: string;
  lines: string[];
  /** Said when the list is empty. */
  empty: string;
  /** "…and 12 more blocked workstreams" */
  noun: string;
}

function lists(s: Style, d: Digest): ListContent[] {
  const c = d.counts;
  return [
    {
      // Right after the headline: the one list that answers "what will hold rollout up, and who to ask".
      section: 'slowing',
      title: `Most likely to slow rollout (${d.slowing.length})`,
      lines: slowingLines(s, d),
      empty: 'No open workstream stands out as likely to slow rollout.',
      noun: 'workstreams',
    },
    {
      section: 'risks',
      title: `Top risks (${c.openRisks} open)`,
      lines: riskLines(s, d),
      empty: 'No open risks.',
      noun: 'open risks',
    },
    {
      section: 'blocked',
      title: `Blocked (${c.blocked})`,
      lines: blockedLines(s, d),
      empty: 'Nothing is blocked.',
      noun: 'blocked workstreams',
    },
    {
      section: 'waiting',
      title: `Waiting on a decision or validation (${c.needingDecision})`,
      lines: waitingLines(s, d),
      empty: `Nothing is waiting on a decision or validation.${elsewhere(c.decisionsElsewhere)}`,
      noun: 'waiting workstreams',
    },
    {
      section: 'decided',
      title: `Decided this week (${c.decided})`,
      lines: d.decided.map((x) => decidedLine(s, x)),
      empty: `No decisions were recorded ${d.sinceLabel}.`,
      noun: 'decisions',
    },
    {
      section: 'dates',
      title: `Dates (${c.datesMoved} moved ${d.sinceLabel}, ${c.dateConflicts} due before what they depend on)`,
      lines: dateLines(s, d),
      empty: `No target moved ${d.sinceLabel}, and no date is due before what it depends on.`,
      noun: 'dates',
    },
    {
      section: 'changes',
      title: `What changed ${d.sinceLabel}`,
      lines: d.changes.map((ch) => changeLine(s, ch)),
      empty: `No status or risk changes ${d.sinceLabel}.`,
      noun: 'changes',
    },
    {
      section: 'stale',
      title: `Stale: not updated in ${STALE_AFTER_DAYS} days or more (${c.stale})`,
      lines: staleLines(s, d),
      empty: `Every open workstream was updated in the last ${STALE_AFTER_DAYS} days.`,
      noun: 'stale workstreams',
    },
    {
      section: 'next',
      title: `Next actions (${c.overdueActions} overdue, ${c.actionsDueThisWeek} due this week)`,
      lines: nextLines(s, d),
      // Actions without a date are never due, but they are open: say so, or the list reads as all clear.
      empty: `No open actions are overdue or due this week.${undated(c.undatedActions)}`,
      noun: 'actions',
    },
    {
      section: 'readiness',
      title: 'Readiness',
      lines: readinessLines(s, d),
      empty: 'No readiness dimensions yet.',
      noun: 'dimensions',
    },
  ];
}

const more = (n: number, noun: string) => `…and ${n} more ${noun} — see the full status`;

/** Packs a list into at most `maxSections` sections of at most 3,000 characters, then says how many are left. */
function listSections(list: ListContent): SectionBlock[] {
  const { maxItems, maxSections } = DIGEST_LISTS[list.section];
  const room = BLOCK_LIMITS.sectionText - MORE_RESERVE;
  const chunks: string[][] = [[`*${list.title}*`]];
  let length = chunks[0]?.[0]?.length ?? 0;
  let shown = 0;
  if (list.lines.length === 0) chunks[0]?.push(`_${list.empty}_`);
  for (const raw of list.lines) {
    if (shown >= maxItems) break;
    // Lines are built from pieces already cut to size; this only guards the section limit.
    const line = truncate(raw, room);
    const current = chunks[chunks.length - 1] as string[];
    if (length + 1 + line.length <= room) {
      current.push(line);
      length += 1 + line.length;
    } else if (chunks.length < maxSections) {
      chunks.push([line]);
      length = line.length;
    } else break;
    shown++;
  }
  const hidden = list.lines.length - shown;
  if (hidden > 0) (chunks[chunks.length - 1] as string[]).push(`_${more(hidden, list.noun)}_`);
  return chunks.map((lines, part) => section(digestSectionBlock(list.section, part), lines.join('\n')));
}

/** The header: program name cut so that the week always shows. */
function headerText(program: Program, d: Digest): string {
  const suffix = ` · ${d.weekLabel}`;
  return `${truncate(oneLine(program.name), BLOCK_LIMITS.headerText - suffix.length)}${suffix}`;
}

/** The notification text: the headline, then the blocked workstreams and their blockers as far as they fit. */
function fallbackText(program: Program, d: Digest): string {
  const max = BLOCK_LIMITS.fallbackText - MORE_RESERVE;
  const parts = [
    `${escapeMrkdwn(truncate(program.name, TEXT_MAX.name))} — ${d.weekLabel}: ${headlineParts(plain, d).join(', ')}.`,
  ];
  let length = parts[0]?.length ?? 0;
  let shown = 0;
  for (const b of d.blocked) {
    const line = `Blocked: ${slack.text(b.workstream.name, TEXT_MAX.name)} — ${b.blocker ? slack.text(b.blocker, 300) : 'no blocker recorded'}`;
    if (length + 1 + line.length > max) break;
    parts.push(line);
    length += 1 + line.length;
    shown++;
  }
  if (shown < d.blocked.length) {
    parts.push(more(d.blocked.length - shown, 'blocked workstreams'));
    return parts.join('\n');
  }
  // Then what was decided: news a notification should carry, as far as it fits.
  let decided = 0;
  for (const x of d.decided) {
    const outcome = x.outcome ? slack.text(x.outcome, 300) : 'no outcome recorded';
    const line = `Decided: ${slack.text(x.question, TEXT_MAX.question)} — ${outcome}`;
    if (length + 1 + line.length > max) break;
    parts.push(line);
    length += 1 + line.length;
    decided++;
  }
  if (decided < d.decided.length) parts.push(more(d.decided.length - decided, 'decisions'));
  return parts.join('\n');
}

/**
 * The digest as one chat.postMessage: header, headline counts, each list in sections, and a button to the
 * full status. Every piece of stored text is escaped; owners are mentioned so they see it.
 */
export function digestMessage(digest: Digest, program: Program): SlackMessage {
  const blocks: KnownBlock[] = [
    header(DIGEST_BLOCKS.header, headerText(program, digest)),
    context(DIGEST_BLOCKS.context, `Weekly leadership digest · as of ${slackDate(digest.asOf)}`),
    section(DIGEST_BLOCKS.headline, headlineParts(slack, digest).join('   ')),
    divider(),
  ];
  for (const list of lists(slack, digest)) blocks.push(...listSections(list));
  blocks.push(
    actions(DIGEST_BLOCKS.actions, [
      button(ACTIONS.showStatus, 'Full status', encodeProgramRef(program.slug)),
    ]),
  );
  return message(fallbackText(program, digest), blocks);
}

/**
 * The digest as plain text for the CLI preview: the same sections and wording, every item a list shows in
 * Slack (lists are capped as in the message, not cut by characters), user IDs as @U…, no Slack markup.
 */
export function digestPreviewText(digest: Digest, program: Program): string {
  const out = [
    `${oneLine(program.name)} — ${digest.weekLabel}`,
    `Weekly leadership digest, as of ${inZone(digest.asOf, digest.timeZone)} (${digest.timeZone})`,
    '',
    headlineParts(plain, digest).join(' · '),
  ];
  for (const list of lists(plain, digest)) {
    const { maxItems } = DIGEST_LISTS[list.section];
    out.push('', list.title);
    if (list.lines.length === 0) out.push(`  ${list.empty}`);
    out.push(...list.lines.slice(0, maxItems));
    if (list.lines.length > maxItems) out.push(`  ${more(list.lines.length - maxItems, list.noun)}`);
  }
  out.push('', `Full status: /rollout status ${program.slug}`);
  return `${out.join('\n')}\n`;
}
