export type Utf8Result =
  | { ok: true; text: string }
  | { ok: false; byte: number; line: number; column: number; value: number };

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes as text, or where they stop being UTF-8. Decoding leniently would store U+FFFD in place of a
 * Latin-1 "é" and nobody would notice until the digest; the position lets a person find the character.
 * `byte` counts from 0, `line` and `column` (characters) from 1. A leading byte order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const byte = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, byte)).split('\n');
    const column = [...(before.at(-1) ?? '')].length + 1;
    return { ok: false, byte, line: before.length, column, value: bytes[byte] as number };
  }
}

/** Where the first malformed character begins: a stray byte, or the lead byte of a broken sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // The allowed second byte is narrower after E0, ED, F0 and F4: no overlong forms, surrogates or > U+10FFFF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < low || c > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += length;
  }
  return bytes.length;
}
