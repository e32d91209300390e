/** Enough to fix a file in one sitting; a file with thousands of problems is usually the wrong file. */
export const MAX_PROBLEMS_SHOWN = 50;

/** The problems as indented lines, the first MAX_PROBLEMS_SHOWN of them, then how many more there are. */
export function problemLines(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  - ${p}\n`);
  const rest = problems.length - shown.length;
  return shown.join('') + (rest > 0 ? `  … and ${rest} more\n` : '');
}
