import type { Program } from '../domain/program.js';
import { findWorkstream } from '../domain/program.js';
import type { ProgramRepo, ProgramSummary } from '../store/program-repo.js';

export type ProgramLookup =
  | { kind: 'found'; program: Program; rest: string[] }
  | { kind: 'no-programs' }
  | { kind: 'choose'; programs: ProgramSummary[] };

/**
 * Which program a command is about. A first argument that is a slug names it; with one program it is the
 * default; with several, a workstream name that only one program has is enough; otherwise the user chooses.
 */
export function lookupProgram(repo: ProgramRepo, args: string[]): ProgramLookup {
  const { programs, read } = repo.snapshot();
  if (programs.length === 0) return { kind: 'no-programs' };
  const first = args[0]?.toLowerCase();
  const named = first ? programs.find((p) => p.slug === first) : undefined;
  if (named) {
    const program = read(named.id);
    if (program) return { kind: 'found', program, rest: args.slice(1) };
  }
  if (programs.length === 1) {
    const program = read((programs[0] as ProgramSummary).id);
    if (program) return { kind: 'found', program, rest: args };
  }
  if (args.length > 0) {
    const query = args.join(' ');
    const having = programs
      .map((p) => read(p.id))
      .filter((p): p is Program => p !== undefined && findWorkstream(p, query) !== undefined);
    if (having.length === 1) return { kind: 'found', program: having[0] as Program, rest: args };
  }
  return { kind: 'choose', programs };
}
