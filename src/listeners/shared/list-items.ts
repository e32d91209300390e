import type { Program } from '../../domain/program.js';
import type { Services } from '../../services/index.js';
import { decodeItemRef, decodeProgramRef, type ItemRef } from '../../ui/action-values.js';

/** The program an Add button names (its slug is the button's value); undefined when gone. */
export function programOfButton(services: Services, value: string | undefined): Program | undefined {
  const slug = decodeProgramRef(value);
  return slug ? services.programs.get(slug) : undefined;
}

/**
 * The program and item an item's button names (program, id and the version the list showed); undefined when
 * either is gone, or the value is forged. `list` picks the program's list: `(p) => p.risks`.
 */
export function itemOfButton<T extends { id: number }>(
  services: Services,
  value: string | undefined,
  list: (program: Program) => readonly T[],
): { ref: ItemRef; program: Program; item: T } | undefined {
  const ref = decodeItemRef(value);
  const program = ref ? services.programs.get(ref.program) : undefined;
  const item = program && list(program).find((i) => i.id === ref?.id);
  if (!ref || !program || !item) return undefined;
  return { ref, program, item };
}
