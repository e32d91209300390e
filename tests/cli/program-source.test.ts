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
});
