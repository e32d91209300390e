import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PlaygroundShortcut } from './protocol.js';

/** The app's manifest: what it declares is what Slack's client offers, so the page offers the same. */
export const MANIFEST_FILE = new URL('../../manifest.yml', import.meta.url);

const manifestSchema = z.object({
  features: z
    .object({
      shortcuts: z
        .array(
          z.object({
            name: z.string().min(1),
            type: z.enum(['message', 'global']),
            callback_id: z.string().min(1),
            description: z.string().default(''),
          }),
        )
        .default([]),
    })
    .default({ shortcuts: [] }),
});

/**
 * The message shortcuts the manifest declares, in its order: what a message's "More actions" menu lists.
 * Global shortcuts live in Slack's shortcut picker, which the page does not have. A manifest that does not
 * read stops the playground, rather than leaving the menu silently empty.
 */
export function messageShortcuts(text = readFileSync(MANIFEST_FILE, 'utf8')): PlaygroundShortcut[] {
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `manifest.yml's features.shortcuts do not read: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data.features.shortcuts
    .filter((s) => s.type === 'message')
    .map((s) => ({ callbackId: s.callback_id, name: s.name, description: s.description }));
}
