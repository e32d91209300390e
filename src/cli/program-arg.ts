import type { Program } from '../domain/program.js';
import type { ProgramRepo } from '../store/program-repo.js';
import { CliError } from './context.js';

/** The program a SLUG argument names, or a CliError that lists the known ones. */
export function requireProgram(repo: ProgramRepo, slug: string, path: string): Program {
  const program = repo.get(slug);
  if (program) return program;
  const known = repo.list().map((p) => p.slug);
  throw new CliError(
    known.length
      ? `No program "${slug}" in ${path}. Known programs: ${known.join(', ')}.`
      : `No program "${slug}" in ${path}: it has no programs yet (add one with rollout import FILE).`,
  );
}
