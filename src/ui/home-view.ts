import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import { dateMarks } from '../domain/date-marks.js';
import type { Program, Workstream } from '../domain/program.js';
import { byRiskThenPosition } from '../domain/vocabulary.js';
import { context, divider, header, section } from './blocks.js';
import { dateMarkLine } from './date-labels.js';
import { NO_PROGRAMS } from './help.js';
import { HOME_BLOCKS, homeProgramBlock, homeWorkstreamBlock } from './ids.js';
import { BLOCK_LIMITS, SURFACE_BLOCKS, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { plural } from './plural.js';
import { ago } from './relative-time.js';
import {
  EMPTY_OVERVIEW_BLOCKS,
  OVERVIEW_FIXED_BLOCKS,
  OVERVIEW_HEAD_BLOCKS,
  overviewFootBlocks,
  statusLine,
  statusOverview,
} from './status-overview.js';
import { updatableSection } from './update-button.js';

/** At most this many of the viewer's own workstreams; the rest are counted. */
const HOME_MINE_SHOWN = 20;

/**
 * The fewest blocks a program's overview gets: header, counts, divider, "and N more" and references (what
 * `statusOverview` needs to stay within `maxBlocks`) plus a few rows, so that no program is shown as
 * counts alone; fewer programs are shown instead, and the rest counted.
 */
const OVERVIEW_MIN_BLOCKS = OVERVIEW_FIXED_BLOCKS + 3;

export interface HomeViewInput {
  userId: string;
  programs: Program[];
  now: Date;
}

interface Owned {
  program: Program;
  workstream: Workstream;
  /** The viewer backs it up rather than owns it: they may update it too, and are reminded while its owners are away. */
  backup?: boolean;
}

/**
 * The App Home tab of one user: the workstreams they own, each with an Update button, then every program's
 * overview. Stays within a Home tab's 100 blocks whatever the number of programs and workstreams.
 */
export function homeView({ userId, programs, now }: HomeViewInput): HomeView & { blocks: KnownBlock[] } {
  const owned = ownedBy(userId, programs);
  const blocks: KnownBlock[] = [...mineBlocks(owned, programs.length > 1, now), divider()];
  if (programs.length === 0) {
    blocks.push(section(HOME_BLOCKS.noPrograms, NO_PROGRAMS));
  } else {
    blocks.push(...overviewBlocks(orderForViewer(programs, owned), SURFACE_BLOCKS.home - blocks.length));
  }
  return { type: 'home', blocks };
}

/**
 * The viewer's workstreams across programs, those they own and those they back up: open work before
 * done, high risk first, then page order.
 */
function ownedBy(userId: string, programs: Program[]): Owned[] {
  const owned: Owned[] = [];
  for (const program of programs) {
    for (const workstream of program.workstreams) {
      if (workstream.ownerIds.includes(userId)) owned.push({ program, workstream });
      else if (workstream.backupIds.includes(userId)) owned.push({ program, workstream, backup: true });
    }
  }
  const done = (o: Owned) => (o.workstream.status === 'done' ? 1 : 0);
  return owned.sort((a, b) => done(a) - done(b) || byRiskThenPosition(a.workstream, b.workstream));
}

/** Programs holding the viewer's workstreams first, so that a cut drops the ones they care least about. */
function orderForViewer(programs: Program[], owned: Owned[]): Program[] {
  const mine = new Set(owned.map((o) => o.program.id));
  return [...programs.filter((p) => mine.has(p.id)), ...programs.filter((p) => !mine.has(p.id))];
}

function mineBlocks(owned: Owned[], namePrograms: boolean, now: Date): KnownBlock[] {
  const blocks: KnownBlock[] = [header(HOME_BLOCKS.mineHeader, 'Your workstreams')];
  if (owned.length === 0) {
    blocks.push(
      section(
        HOME_BLOCKS.mineEmpty,
        'You don’t own any workstream yet. :wave: When an admin lists you as an owner, your workstreams ' +
          'show up here with an Update button. Meanwhile, here is where every program stands.',
      ),
    );
    return blocks;
  }
  const shown = owned.slice(0, HOME_MINE_SHOWN);
  for (const o of shown) blocks.push(ownedSection(o, namePrograms, now));
  const hidden = owned.length - shown.length;
  if (hidden > 0) {
    blocks.push(
      context(
        HOME_BLOCKS.mineMore,
        `…and ${hidden} more of yours. Update any with \`/rollout update WORKSTREAM\`.`,
      ),
    );
  }
  return blocks;
}

function ownedSection(
  { program, workstream: w, backup }: Owned,
  nameProgram: boolean,
  now: Date,
): SectionBlock {
  const title = `*${escapeMrkdwn(w.name)}*${nameProgram ? ` · ${escapeMrkdwn(program.name)}` : ''}${backup ? ' · _you back it up_' : ''}`;
  // dateMarks keeps one computation per program snapshot, however many of its workstreams are yours.
  const dates = dateMarkLine(w, dateMarks(program));
  return updatableSection(
    homeWorkstreamBlock(program.slug, w.key),
    `${title}\n${statusLine(w)}${dates ? `\n${dates}` : ''}\nupdated ${ago(w.updatedAt, now)}`,
    program,
    w,
  );
}

/** Every program's overview that fits in `room` blocks, each given a fair share; the rest are counted. */
function overviewBlocks(programs: Program[], room: number): KnownBlock[] {
  const needs = programs.map(
    (p) =>
      (p.workstreams.length === 0 ? EMPTY_OVERVIEW_BLOCKS : OVERVIEW_HEAD_BLOCKS + p.workstreams.length) +
      overviewFootBlocks(p),
  );
  const least = needs.map((n) => Math.min(n, OVERVIEW_MIN_BLOCKS));
  let count = programs.length;
  if (sum(least) > room) {
    // Keep one block for the "and N more programs" line.
    count = 0;
    let used = 0;
    while (count < programs.length && used + (least[count] ?? 0) <= room - 1) used += least[count++] ?? 0;
  }
  const budgets = share(
    needs.slice(0, count),
    least.slice(0, count),
    room - (count < programs.length ? 1 : 0),
  );
  const blocks: KnownBlock[] = [];
  programs.slice(0, count).forEach((program, i) => {
    const overview = statusOverview(program, budgets[i] ?? OVERVIEW_MIN_BLOCKS);
    blocks.push(...overview.blocks.map((b) => forHome(program, b)));
  });
  const hidden = programs.length - count;
  if (hidden > 0) {
    blocks.push(
      context(
        HOME_BLOCKS.programsMore,
        `…and ${plural(hidden, 'more program')}. See one with \`/rollout status PROGRAM\`.`,
      ),
    );
  }
  return blocks;
}

/**
 * Water-filling: each program starts at its minimum; what is left goes in equal shares, smallest need first,
 * so that a small program is shown whole and a large one takes the rest.
 */
function share(needs: number[], least: number[], room: number): number[] {
  const budgets = [...least];
  let left = room - sum(budgets);
  const wanting = needs.map((_, i) => i).filter((i) => (needs[i] ?? 0) > (budgets[i] ?? 0));
  wanting.sort((a, b) => (needs[a] ?? 0) - (needs[b] ?? 0));
  wanting.forEach((i, n) => {
    const give = Math.min((needs[i] ?? 0) - (budgets[i] ?? 0), Math.floor(left / (wanting.length - n)));
    budgets[i] = (budgets[i] ?? 0) + give;
    left -= give;
  });
  return budgets;
}

/**
 * An overview block inside the Home tab: block_ids are prefixed by the program (several overviews share one
 * view, and block_ids must be unique in it). Details buttons stay: a click in the Home tab carries no
 * response_url, so their listener answers in a modal.
 */
function forHome(program: Program, block: KnownBlock): KnownBlock {
  return block.block_id
    ? { ...block, block_id: truncate(homeProgramBlock(program.slug, block.block_id), BLOCK_LIMITS.blockId) }
    : block;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
