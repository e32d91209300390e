import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/cli/utf8-text.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('decodes UTF-8, dropping a byte order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'name: Café ☕ 𝄞\n'))).toEqual({
      ok: true,
      text: 'name: Café ☕ 𝄞\n',
    });
  });

  it('finds the first byte that is not UTF-8, with its line and column', () => {
    // Latin-1 "é" after a line that holds a two-byte character.
    expect(decodeUtf8(bytes('slug: ü\nname: Caf', [0xe9], '\n'))).toEqual({
      ok: false,
      byte: 18,
      line: 2,
      column: 10,
      value: 0xe9,
    });
  });

  it('points at the start of a cut-off, overlong or surrogate sequence', () => {
    expect(decodeUtf8(bytes('ab', [0xe2, 0x82], 'c'))).toMatchObject({ ok: false, byte: 2, column: 3 });
    expect(decodeUtf8(bytes('a', [0xc0, 0xaf]))).toMatchObject({ ok: false, byte: 1 });
    expect(decodeUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, byte: 1 });
    expect(decodeUtf8(bytes('a', [0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ ok: false, byte: 1 });
    expect(decodeUtf8(bytes('abc', [0xf0, 0x9f, 0x98]))).toMatchObject({ ok: false, byte: 3 });
  });
});
