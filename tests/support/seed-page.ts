import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** A copy of the seed page Rollout replaces (/work/shared/seed/status-dashboard.txt), as plain text. */
export const PAGE = readFileSync(join(ROOT, 'tests/fixtures/status-dashboard.txt'), 'utf8');

export const TITLES = [
  'Shared status vocabulary',
  'Executive summary',
  'Workstream snapshot',
  'Top risks right now',
  'Delivery signal',
  'Readiness signal',
  'Immediate next actions',
  'Related references',
] as const;
export type Title = (typeof TITLES)[number];

/** The page has no markup: a section is the lines between its title line and the next title. */
export function pageSection(title: Title): string[] {
  const lines = PAGE.split('\n');
  const start = lines.indexOf(title);
  const next = TITLES[TITLES.indexOf(title) + 1];
  const end = next ? lines.indexOf(next) : lines.length;
  if (start < 0 || end < 0) throw new Error(`the seed page has no section "${title}"`);
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}

export function markdownSection(markdown: string, title: Title): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`the export has no section "## ${title}"`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? lines.length : end).filter((l) => l.trim() !== '');
}

/** Data rows of a table, as cells (header and separator rows left out). */
export function tableRows(lines: string[]): string[][] {
  return lines
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

export const items = (lines: string[]) => lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));

/** Each group: its sentence and the names listed under it. */
export function groups(lines: string[]): { intro: string; members: string[] }[] {
  const out: { intro: string; members: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith('- ')) out.at(-1)?.members.push(line.slice(2));
    else out.push({ intro: line, members: [] });
  }
  return out;
}
