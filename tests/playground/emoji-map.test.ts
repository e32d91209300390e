import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RISK_INFO, SIGNAL_INFO, STATUS_INFO } from '../../src/domain/vocabulary.js';
import { loadEmojiMap } from '../../src/playground/emoji-map.js';

const map = loadEmojiMap();

describe('loadEmojiMap', () => {
  it('maps Slack’s short names, aliases included, to their characters', () => {
    expect(map.white_check_mark).toBe('✅');
    expect(map['+1']).toBe('👍');
    expect(map.thumbsup).toBe('👍');
    expect(map.wave).toBe('👋');
    // Sequences of several code points, joiners and variation selectors included.
    expect(map['female-technologist']).toBe('👩‍💻');
    expect(map.heart).toBe('❤️');
    expect(Object.keys(map).length).toBeGreaterThan(1800);
  });

  it('has each one-tone skin variant as name::skin-tone-N', () => {
    expect(map['+1::skin-tone-2']).toBe('👍🏻');
    expect(map['thumbsup::skin-tone-6']).toBe('👍🏿');
    expect(map['wave::skin-tone-4']).toBe('👋🏽');
    // Two people in one tone count as that tone; mixed tones are left out.
    expect(map['man-heart-man::skin-tone-3']).toBeDefined();
    expect(Object.keys(map).some((k) => /::skin-tone-\d::/.test(k))).toBe(false);
    expect(map['white_check_mark::skin-tone-2']).toBeUndefined();
  });

  it('knows every emoji Rollout writes', () => {
    const ui = fileURLToPath(new URL('../../src/ui/', import.meta.url));
    const written = readdirSync(ui)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(ui + f, 'utf8').matchAll(/:([a-z0-9_+-]+):/g)].map((m) => m[1] ?? ''));
    const vocabulary = [STATUS_INFO, RISK_INFO, SIGNAL_INFO].flatMap((info) =>
      Object.values(info).map((v) => v.emoji.slice(1, -1)),
    );
    const names = [...new Set([...written, ...vocabulary])];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => map[n] === undefined)).toEqual([]);
  });
});
