/** "1 change", "3 changes"; `many` for a word that does not just take an s. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
