import { createRequire } from 'node:module';

/**
 * Slack's emoji short names, from iamcal's emoji-data (the set Slack itself uses), for the playground page
 * to show `:white_check_mark:` as ✅. Built from the package rather than written out, so it is the whole set.
 */

interface EmojiEntry {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

/** Slack writes skin tones as `:name::skin-tone-2:`; the tones are the Fitzpatrick modifiers 1F3FB…1F3FF. */
const TONES: Record<string, number> = { '1F3FB': 2, '1F3FC': 3, '1F3FD': 4, '1F3FE': 5, '1F3FF': 6 };

const character = (unified: string) =>
  String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));

/**
 * Short name → character, every alias included, and `name::skin-tone-N` for each one-tone variant (an
 * emoji of two people in one tone counts as one tone; mixed tones are left out).
 */
export function loadEmojiMap(): Record<string, string> {
  const entries = createRequire(import.meta.url)('emoji-datasource/emoji.json') as EmojiEntry[];
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const base = character(entry.unified);
    const tones: [number, string][] = [];
    for (const [modifiers, variant] of Object.entries(entry.skin_variations ?? {})) {
      const [first, ...rest] = modifiers.split('-');
      const tone = first === undefined ? undefined : TONES[first];
      if (tone !== undefined && rest.every((m) => m === first))
        tones.push([tone, character(variant.unified)]);
    }
    for (const name of entry.short_names) {
      map[name] = base;
      for (const [tone, toned] of tones) map[`${name}::skin-tone-${tone}`] = toned;
    }
  }
  return map;
}
