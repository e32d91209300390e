import { describe, expect, it } from 'vitest';
import { parseSource, sourceFormatOf } from '../../src/cli/program-source.js';

describe('sourceFormatOf', () => {
  it('goes by the extension, in any case', () => {
    expect(sourceFormatOf('a/b.yaml')).toBe('yaml');
    expect(sourceFormatOf('B.YML')).toBe('yaml');
    expect(sourceFormatOf('x.json')).toBe('json');
    expect(sourceFormatOf('x.txt')).toBeUndefined();
    expect(sourceFormatOf('yaml')).toBeUndefined();
    expect(sourceFormatOf('dir.yaml/file')).toBeUndefined();
  });
});

describe('parseSource', () => {
  it('reads YAML and JSON as plain data', () => {
    expect(parseSource('slug: a\nadmins: [U1]\n', 'yaml')).toEqual({
      ok: true,
      data: { slug: 'a', admins: ['U1'] },
    });
    expect(parseSource('{"slug": "a"}', 'json')).toEqual({ ok: true, data: { slug: 'a' } });
  });

  it('keeps dates and cron expressions as the strings the schema expects', () => {
    expect(parseSource('due: 2026-12-01\nschedule: 0 9 * * 1\n', 'yaml')).toEqual({
      ok: true,
      data: { due: '2026-12-01', schedule: '0 9 * * 1' },
    });
  });

  it('gives every YAML syntax error with its line and column', () => {
    const result = parseSource('slug: a\nslug: b\nname: x: y\n', 'yaml');

    expect(result).toEqual({
      ok: false,
      problems: [
        'line 2, column 1: YAML syntax error: Map keys must be unique',
        'line 3, column 7: YAML syntax error: Nested mappings are not allowed in compact mappings',
      ],
    });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const result = parseSource('{\n  "slug": "a"\n  "name": "b"\n}', 'json');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.stringMatching(
        /^line 3, column 3: JSON syntax error: Expected ',' or '}' after property value$/,
      ),
    ]);
  });

  it('refuses an empty file, in either format, as one problem', () => {
    const empty = { ok: false, problems: ['the file is empty: a program file needs at least slug and name'] };
    expect(parseSource('', 'yaml')).toEqual(empty);
    expect(parseSource('# just a comment\n', 'yaml')).toEqual(empty);
    expect(parseSource('---\n', 'yaml')).toEqual(empty);
    expect(parseSource(' \n', 'json')).toEqual(empty);
  });

  it('refuses a second YAML document where it starts', () => {
    expect(parseSource('slug: a\n---\nslug: b\n', 'yaml')).toEqual({
      ok: false,
      problems: [
        'line 2, column 1: a second YAML document starts here; a program file holds one program, in one document',
      ],
    });
    expect(parseSource('---\nslug: a\n', 'yaml')).toEqual({ ok: true, data: { slug: 'a' } });
  });

  it('takes a few aliases and refuses an alias bomb at its first alias, without throwing', () => {
    expect(parseSource('a: &x [1, 2]\nb: *x\n', 'yaml')).toEqual({
      ok: true,
      data: { a: [1, 2], b: [1, 2] },
    });
    const row = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(', ')}]\n`;
    const bomb = `${row('a', 'lol')}${row('b', '*a')}${row('c', '*b')}${row('d', '*c')}${row('e', '*d')}`;
    expect(parseSource(bomb, 'yaml')).toEqual({
      ok: false,
      problems: [
        'line 2, column 8: too many aliases: the *aliases in this file expand to too much data; write the values out',
      ],
    });
  });
});
