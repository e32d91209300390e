import { describe, expect, it } from 'vitest';
import {
  type CanvasInline,
  parseCanvas,
  parseInline,
  plainText,
  splitRow,
} from '../../../../src/playground/page/render/canvas-markdown.js';

const text = (t: string): CanvasInline => ({ type: 'text', text: t });

function depthOf(nodes: CanvasInline[]): number {
  return Math.max(0, ...nodes.map((n) => ('children' in n ? 1 + depthOf(n.children) : 0)));
}

describe('parseCanvas: blocks', () => {
  it('reads headings of three levels; a fourth # and a #hashtag stay text', () => {
    expect(parseCanvas('# One\n## Two ##\n### Three\n#### Four\n#tag')).toEqual([
      { type: 'heading', level: 1, children: [text('One')] },
      { type: 'heading', level: 2, children: [text('Two')] },
      { type: 'heading', level: 3, children: [text('Three')] },
      { type: 'paragraph', children: [text('#### Four'), { type: 'br' }, text('#tag')] },
    ]);
  });

  it('keeps lines of a paragraph on lines of their own, and splits paragraphs at blank lines', () => {
    expect(parseCanvas('a\r\nb\n\n\nc')).toEqual([
      { type: 'paragraph', children: [text('a'), { type: 'br' }, text('b')] },
      { type: 'paragraph', children: [text('c')] },
    ]);
  });

  it('reads dividers, which a list marker alone does not make', () => {
    expect(parseCanvas('---\n***\n- - -\n___').map((b) => b.type)).toEqual([
      'divider',
      'divider',
      'divider',
      'divider',
    ]);
    expect(parseCanvas('--')).toEqual([{ type: 'paragraph', children: [text('--')] }]);
  });

  it('reads bulleted, ordered and check lists', () => {
    expect(parseCanvas('- a\n* b\n+ c')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: ['a', 'b', 'c'].map((t) => ({ children: [text(t)], lists: [] })),
      },
    ]);
    expect(parseCanvas('3. three\n4) four')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          { children: [text('three')], lists: [] },
          { children: [text('four')], lists: [] },
        ],
      },
    ]);
    expect(parseCanvas('- [ ] todo\n- [x] done\n- [X] also\n- [] not a box')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          { checked: false, children: [text('todo')], lists: [] },
          { checked: true, children: [text('done')], lists: [] },
          { checked: true, children: [text('also')], lists: [] },
          { children: [text('[] not a box')], lists: [] },
        ],
      },
    ]);
  });

  it('nests lists under items indented by two columns or more, and continues items on indented lines', () => {
    const [list] = parseCanvas('- a\n  - a1\n    1. deep\n  - a2\n- b\n  more of b\nafter');
    expect(list).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        {
          children: [text('a')],
          lists: [
            {
              type: 'list',
              ordered: false,
              start: 1,
              items: [
                {
                  children: [text('a1')],
                  lists: [
                    {
                      type: 'list',
                      ordered: true,
                      start: 1,
                      items: [{ children: [text('deep')], lists: [] }],
                    },
                  ],
                },
                { children: [text('a2')], lists: [] },
              ],
            },
          ],
        },
        { children: [text('b'), { type: 'br' }, text('more of b')], lists: [] },
      ],
    });
    expect(parseCanvas('- a\nafter').map((b) => b.type)).toEqual(['list', 'paragraph']);
  });

  it('starts another list when the kind of marker changes', () => {
    expect(parseCanvas('- a\n1. b').map((b) => (b.type === 'list' ? b.ordered : b.type))).toEqual([
      false,
      true,
    ]);
  });

  it('reads a pipe table: header, alignment, rows of the header’s width, \\| inside cells', () => {
    const [table] = parseCanvas(
      '| Workstream | Status | Note |\n|:---|:---:|---:|\n| Identity | **On track** | a \\| b |\n| Hosting | `x\\|y` |\n| 1 | 2 | 3 | 4 |\nafter',
    );
    expect(table).toEqual({
      type: 'table',
      align: ['left', 'center', 'right'],
      header: [[text('Workstream')], [text('Status')], [text('Note')]],
      rows: [
        [[text('Identity')], [{ type: 'bold', children: [text('On track')] }], [text('a | b')]],
        [[text('Hosting')], [{ type: 'code', text: 'x|y' }], []],
        [[text('1')], [text('2')], [text('3')]],
      ],
    });
    expect(parseCanvas('a | b\n--- | ---\nc | d')[0]).toMatchObject({
      type: 'table',
      align: ['none', 'none'],
    });
    // A delimiter row of another width makes no table.
    expect(parseCanvas('| a | b |\n| --- |').map((b) => b.type)).toEqual(['paragraph']);
  });

  it('splits rows at unescaped pipes only', () => {
    expect(splitRow('| a \\| b | c\\\\| d |')).toEqual(['a | b', 'c\\\\', 'd']);
    expect(splitRow('no pipes')).toBeUndefined();
  });

  it('reads quotes and fenced code', () => {
    expect(parseCanvas('> one\n> two\n```\n# not a heading\n```')).toEqual([
      { type: 'quote', children: [text('one'), { type: 'br' }, text('two')] },
      { type: 'code', text: '# not a heading' },
    ]);
  });

  it('reads nothing from an empty canvas', () => {
    expect(parseCanvas('')).toEqual([]);
    expect(parseCanvas('\n  \n')).toEqual([]);
  });
});

describe('parseInline', () => {
  it('reads bold, italic, strikethrough and code', () => {
    expect(parseInline('**b** *i* _i_ ~~s~~ `c`')).toEqual([
      { type: 'bold', children: [text('b')] },
      text(' '),
      { type: 'italic', children: [text('i')] },
      text(' '),
      { type: 'italic', children: [text('i')] },
      text(' '),
      { type: 'strike', children: [text('s')] },
      text(' '),
      { type: 'code', text: 'c' },
    ]);
    expect(parseInline('*a **b** c*')).toEqual([
      { type: 'italic', children: [text('a '), { type: 'bold', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('leaves markers that open or close nothing as written', () => {
    expect(parseInline('snake_case_name 2 * 3 * 4 ~one~ **open')).toEqual([
      text('snake_case_name 2 * 3 * 4 ~one~ **open'),
    ]);
    expect(parseInline('* a *b*')).toEqual([text('* a '), { type: 'italic', children: [text('b')] }]);
    expect(parseInline('`unclosed')).toEqual([text('`unclosed')]);
  });

  it('shows backslash escapes and entities as their characters', () => {
    expect(parseInline('\\*not\\* \\[x\\] \\# \\| \\\\ \\_ \\~ \\` \\> \\- \\+ \\. \\) \\a')).toEqual([
      text('*not* [x] # | \\ _ ~ ` > - + . ) \\a'),
    ]);
    expect(parseInline('&lt;b&gt; &amp; &amp;lt; &quot;')).toEqual([text('<b> & &lt; &quot;')]);
    expect(parseInline('`a &lt; b`')).toEqual([{ type: 'code', text: 'a < b' }]);
  });

  it('reads links, only http(s) as links', () => {
    expect(parseInline('see [the **plan**](https://example.com/a_(b)?x=1&amp;y=2) now')).toEqual([
      text('see '),
      {
        type: 'link',
        url: 'https://example.com/a_(b)?x=1&y=2',
        children: [text('the '), { type: 'bold', children: [text('plan')] }],
      },
      text(' now'),
    ]);
    expect(parseInline('[click](javascript:alert(1)) [x](mailto:a@b.c)')).toEqual([text('click x')]);
    expect(parseInline('[not a link] (x)')).toEqual([text('[not a link] (x)')]);
  });

  it('reads mentions of people and channels; other images stay as written', () => {
    expect(parseInline('owner ![](@U0IDENTITY) in ![](#C0GENERAL)')).toEqual([
      text('owner '),
      { type: 'user', id: 'U0IDENTITY' },
      text(' in '),
      { type: 'channel', id: 'C0GENERAL' },
    ]);
    expect(parseInline('![](@lower) ![pic](https://example.com/x.png)')).toEqual([
      text('![](@lower) ![pic](https://example.com/x.png)'),
    ]);
  });

  it('keeps markup as text', () => {
    expect(parseInline('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      text('<script>alert(1)</script> <img src=x onerror=alert(1)>'),
    ]);
  });

  it('stays fast on a long line of stray markers', () => {
    const started = performance.now();
    parseInline('*_~'.repeat(20_000));
    parseInline('[('.repeat(5_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not nest without end: past a few levels, markers and brackets are text', () => {
    const markers = Array.from({ length: 20_000 }, (_, k) => (k % 2 ? '_' : '*'));
    const deep = parseInline(
      `${markers.map((m) => `${m}w `).join('')}x${[...markers]
        .reverse()
        .map((m) => ` w${m}`)
        .join('')}`,
    );
    expect(depthOf(deep)).toBeLessThanOrEqual(10);
    expect(plainText(deep)).toContain('*w _w');
    const links = parseInline(`${'['.repeat(5_000)}x${'](https://e.com)'.repeat(5_000)}`);
    expect(depthOf(links)).toBeLessThanOrEqual(10);
    expect(plainText(links)).toContain('[[[');
  });
});
