import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { type DateMarks, dateMarks } from '../domain/date-marks.js';
import type { Program, Workstream } from '../domain/program.js';
import { byRiskThenPosition, RISK_INFO, RISKS, STATUS_INFO, STATUSES } from '../domain/vocabulary.js';
import { encodeProgramRef, encodeStatusPageRef, encodeWorkstreamRef } from './action-values.js';
import { actions, button, context, divider, header, message, section } from './blocks.js';
import { dateMarkLine } from './date-labels.js';
import { ACTIONS, BLOCKS, workstreamRowBlock } from './ids.js';
import { BLOCK_LIMITS, SURFACE_BLOCKS, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { plural } from './plural.js';

/** Header, counts and divider: what the overview spends before any workstream. */
export const OVERVIEW_HEAD_BLOCKS = 3;

/**
 * The link to the program's page (its canvas) and its references: one context line at the foot of the
 * overview, none when it has neither.
 */
export const overviewFootBlocks = (program: Program, pageUrl?: string | null): number =>
  program.references.length > 0 || pageUrl ? 1 : 0;

/**
 * The head, the "and N more" line and the references line: the most a cut overview spends besides its rows
 * (a program without references spends one less).
 */
export const OVERVIEW_FIXED_BLOCKS = OVERVIEW_HEAD_BLOCKS + 2;

/** An overview of a program with no workstreams: its header and the line saying so. */
export const EMPTY_OVERVIEW_BLOCKS = 2;

/** Workstreams that need eyes come first: high risk, then blocked/waiting, then the page's order. */
function overviewOrder(a: Workstream, b: Workstream): number {
  const doneA = a.status === 'done' ? 1 : 0;
  const doneB = b.status === 'done' ? 1 : 0;
  return doneA - doneB || byRiskThenPosition(a, b);
}

export function statusLine(w: Workstream): string {
  const s = STATUS_INFO[w.status];
  const r = RISK_INFO[w.risk];
  return `${s.emoji} ${s.label} · ${r.emoji} ${r.label} risk`;
}

/** A row's current state, cut so that a long one leaves room for the blocker below it; Details has it whole. */
const ROW_STATE_CHARS = 500;

/**
 * One workstream as a row of the overview: status, risk, current state, owning team and main blocker at a
 * glance, and a marker when its target slipped or falls before something it depends on (`marks`: the
 * program's, computed once for every row).
 */
export function workstreamRow(w: Workstream, marks?: DateMarks): string {
  const lines = [`*${escapeMrkdwn(w.name)}*`, statusLine(w)];
  const dates = dateMarkLine(w, marks);
  if (dates) lines.push(dates);
  const state = escapeMrkdwn(w.state);
  if (state) lines.push(`*State:* ${truncate(state, ROW_STATE_CHARS)}`);
  if (w.ownerTeam) lines.push(`_${escapeMrkdwn(w.ownerTeam)}_`);
  if (w.blocker && w.status !== 'done') lines.push(`*Blocker:* ${escapeMrkdwn(w.blocker)}`);
  return lines.join('\n');
}

function countsLine(program: Program): { risk: string; status: string } {
  const byStatus = new Map<string, number>();
  const byRisk = new Map<string, number>();
  for (const w of program.workstreams) {
    byStatus.set(w.status, (byStatus.get(w.status) ?? 0) + 1);
    if (w.status !== 'done') byRisk.set(w.risk, (byRisk.get(w.risk) ?? 0) + 1);
  }
  const status = STATUSES.filter((s) => byStatus.has(s))
    .map((s) => `${STATUS_INFO[s].emoji} ${STATUS_INFO[s].label}: *${byStatus.get(s)}*`)
    .join('   ');
  const risk = RISKS.filter((r) => byRisk.has(r))
    .map((r) => `${RISK_INFO[r].emoji} ${RISK_INFO[r].label} risk: *${byRisk.get(r)}*`)
    .join('   ');
  return { risk, status };
}

/** Rows on one page of `/rollout status` for a program too large for one message: a screenful to scan. */
export const STATUS_PAGE_SIZE = 20;

/**
 * A program with no more workstreams than this is shown whole, in one message without page buttons (one
 * less when it has references: their line takes a block).
 */
export const WHOLE_PROGRAM_ROWS = SURFACE_BLOCKS.message - OVERVIEW_HEAD_BLOCKS;

/** A reference's title in the references line is cut to this, so that one link always fits in the line. */
const REFERENCE_TITLE_CHARS = 300;

/** A URL as the target of a Slack link: the characters that would end or break `<url|title>` are encoded. */
function linkTarget(url: string): string {
  return url
    .replace(/[\s<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/&/g, '&amp;');
}

/** One reference: a link when its URL is http(s), else its title with the URL shown as text. */
export function referenceLink(ref: { title: string; url?: string | null }): string {
  const title = truncate(escapeMrkdwn(ref.title), REFERENCE_TITLE_CHARS);
  if (!ref.url) return title;
  if (!/^https?:\/\//i.test(ref.url))
    return `${title} (${truncate(escapeMrkdwn(ref.url), REFERENCE_TITLE_CHARS)})`;
  const target = linkTarget(ref.url);
  // A link longer than the line could hold would be cut in two: its title alone says more.
  if (target.length > BLOCK_LIMITS.contextText - REFERENCE_TITLE_CHARS - 100) return title;
  return `<${target}|${title}>`;
}

/**
 * The link to the program's page and its references as one context line of links, as many as fit in it
 * (never a link cut in two), then how many more; `undefined` when it has neither.
 */
function referencesBlock(program: Program, pageUrl?: string | null): KnownBlock | undefined {
  const refs = program.references;
  const page =
    pageUrl && /^https?:\/\//i.test(pageUrl) ? `:page_facing_up: <${linkTarget(pageUrl)}|*The page*>` : '';
  if (refs.length === 0) return page ? context(BLOCKS.statusReferences, page) : undefined;
  const lead = `${page ? `${page}  ` : ''}:link: *References:* `;
  const more = (n: number) => ` · …and ${n} more`;
  const room = BLOCK_LIMITS.contextText - more(refs.length).length;
  let text = lead;
  let shown = 0;
  for (const ref of refs) {
    const link = `${shown ? ' · ' : ''}${referenceLink(ref)}`;
    if (text.length + link.length > room && shown > 0) break;
    text += link;
    shown++;
  }
  if (shown < refs.length) text += more(refs.length - shown);
  return context(BLOCKS.statusReferences, text);
}

/** The header and headline counts (and a divider when there are rows below them). */
function overviewHead(program: Program, total: number): KnownBlock[] {
  const head = header(BLOCKS.statusHeader, program.name);
  if (total === 0) {
    return [
      head,
      section(
        BLOCKS.statusCounts,
        'This program has no workstreams yet. An admin adds them with `rollout import`.',
      ),
    ];
  }
  const { risk, status } = countsLine(program);
  const counts = [`*${total}* workstream${total === 1 ? '' : 's'}`, status, risk];
  return [head, section(BLOCKS.statusCounts, counts.filter(Boolean).join('\n')), divider()];
}

function fallbackText(program: Program): string {
  const total = program.workstreams.length;
  const blocked = program.workstreams.filter((w) => w.status === 'blocked').length;
  const high = program.workstreams.filter((w) => w.risk === 'high' && w.status !== 'done').length;
  return `${escapeMrkdwn(program.name)}: ${plural(total, 'workstream')}, ${blocked} blocked, ${high} high risk`;
}

const moreWorkstreams = (n: number) => `${n.toLocaleString('en-US')} more workstream${n === 1 ? '' : 's'}`;

/**
 * A program's overview cut to `maxBlocks` (the App Home tab shares its blocks among programs): every
 * workstream's status, risk, owning team and main blocker, high risks first, then "…and N more" with an
 * All workstreams button that opens the paged overview.
 */
export function statusOverview(
  program: Program,
  maxBlocks: number = SURFACE_BLOCKS.message,
  pageUrl?: string | null,
): SlackMessage {
  const ordered = [...program.workstreams].sort(overviewOrder);
  const blocks = overviewHead(program, ordered.length);
  const refs = referencesBlock(program, pageUrl);
  // Rows take what the head, the "and N more" line and the references line leave.
  const room = Math.max(0, maxBlocks - OVERVIEW_HEAD_BLOCKS - 1 - (refs ? 1 : 0));
  const shown = ordered.length > room + 1 ? ordered.slice(0, room) : ordered;
  const marks = dateMarks(program);
  for (const w of shown) blocks.push(workstreamSection(program, w, marks));
  const hidden = ordered.length - shown.length;
  if (hidden > 0) {
    blocks.push(
      section(
        BLOCKS.statusMore,
        `…and ${moreWorkstreams(hidden)} (lower risk). See one with \`/rollout status WORKSTREAM\`, or page through them all.`,
        button(ACTIONS.showStatus, 'All workstreams', encodeProgramRef(program.slug)),
      ),
    );
  }
  if (refs && blocks.length < maxBlocks) blocks.push(refs);
  return message(fallbackText(program), blocks);
}

/**
 * `/rollout status`: every workstream, high risks first, each row with a Details button. A program too
 * large for one message comes a page at a time: each page says which rows it shows and how many more, with
 * Previous/Next buttons that turn the page in place. `page` counts from 0; past the end (the program shrank
 * since the button was drawn) it shows the last page. `pageUrl` is the program's canvas, linked at the foot.
 */
export function statusPage(program: Program, page = 0, pageUrl?: string | null): SlackMessage {
  const ordered = [...program.workstreams].sort(overviewOrder);
  const total = ordered.length;
  const refs = referencesBlock(program, pageUrl);
  const whole = WHOLE_PROGRAM_ROWS - (refs ? 1 : 0);
  const pageSize = total <= whole ? Math.max(1, total) : STATUS_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const index = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  const from = index * pageSize;
  const rows = ordered.slice(from, from + pageSize);
  const blocks = overviewHead(program, total);
  const marks = dateMarks(program);
  for (const w of rows) blocks.push(workstreamSection(program, w, marks));
  if (pages > 1) blocks.push(...pageFooter(program, index, pages, from, rows.length, total));
  if (refs) blocks.push(refs);
  return message(fallbackText(program), blocks);
}

function pageFooter(
  program: Program,
  index: number,
  pages: number,
  from: number,
  shown: number,
  total: number,
): KnownBlock[] {
  const to = from + shown;
  const after = total - to;
  const where = `Workstreams ${from + 1}–${to} of ${total.toLocaleString('en-US')}, high risks first`;
  const more = after > 0 ? `; …and ${moreWorkstreams(after)}` : '';
  const pageRef = (page: number) => encodeStatusPageRef({ program: program.slug, page });
  const buttons: Button[] = [];
  if (index > 0)
    buttons.push(button(ACTIONS.statusPagePrevious, `‹ Previous ${STATUS_PAGE_SIZE}`, pageRef(index - 1)));
  if (index < pages - 1)
    buttons.push(
      button(ACTIONS.statusPageNext, `Next ${Math.min(STATUS_PAGE_SIZE, after)} ›`, pageRef(index + 1)),
    );
  return [
    context(BLOCKS.statusMore, `${where}${more}. See one with \`/rollout status WORKSTREAM\`.`),
    actions(BLOCKS.statusPages, buttons),
  ];
}

function workstreamSection(program: Program, w: Workstream, marks: DateMarks): SectionBlock {
  return section(
    workstreamRowBlock(w.key),
    workstreamRow(w, marks),
    button(
      ACTIONS.showWorkstream,
      'Details',
      encodeWorkstreamRef({ program: program.slug, workstream: w.key }),
      { label: `Details of ${w.name}` },
    ),
  );
}
