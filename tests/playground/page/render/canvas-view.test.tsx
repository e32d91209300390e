import { describe, expect, it } from 'vitest';
import { CanvasPanel } from '../../../../src/playground/page/components/canvas-panel.js';
import { CanvasDocument } from '../../../../src/playground/page/render/canvas-view.js';
import type { PlaygroundCanvas } from '../../../../src/playground/protocol.js';
import { html, renderContext, visibleText } from './render-context.js';

const ctx = renderContext();
const doc = (markdown: string) => html(<CanvasDocument markdown={markdown} ctx={ctx} />);
const shown = (markdown: string) => visibleText(<CanvasDocument markdown={markdown} ctx={ctx} />);

describe('CanvasDocument', () => {
  it('shows headings as h1 to h3, paragraphs, dividers and inline formatting', () => {
    const out = doc('# One\n## Two\n### Three\nSome **b** *i* ~~s~~ `c`\n\n---');
    expect(out).toContain('<h1 class="canvas-h1">One</h1>');
    expect(out).toContain('<h2 class="canvas-h2">Two</h2>');
    expect(out).toContain('<h3 class="canvas-h3">Three</h3>');
    expect(out).toContain(
      '<p class="canvas-p">Some <strong>b</strong> <em>i</em> <s>s</s> <code class="canvas-code">c</code></p>',
    );
    expect(out).toContain('<hr class="canvas-divider"/>');
  });

  it('shows a table with a header row, aligned cells and escaped pipes', () => {
    const out = doc('| Workstream | Risk |\n|---|:---:|\n| Identity \\| SSO | High |');
    expect(out).toContain('<th>Workstream</th><th class="canvas-align-center">Risk</th>');
    expect(out).toContain('<td>Identity | SSO</td><td class="canvas-align-center">High</td>');
  });

  it('shows lists: bulleted, ordered from their number, nested, and check lists as boxes no one can tick here', () => {
    const out = doc('- a\n  - nested\n\n3. c\n\n- [x] done\n- [ ] todo');
    expect(out).toContain(
      '<ul class="canvas-list"><li><span class="canvas-item-text">a</span><ul class="canvas-list">',
    );
    expect(out).toContain('<ol class="canvas-list" start="3">');
    expect(out).toContain(
      '<li class="canvas-check canvas-check--done"><input type="checkbox" class="canvas-checkbox" checked disabled/>',
    );
    expect(out).toContain(
      '<li class="canvas-check"><input type="checkbox" class="canvas-checkbox" disabled/>',
    );
  });

  it('shows mentions by name, falling back to the ID', () => {
    expect(shown('![](@UOWNER01) ![](#C0LEADERS) ![](@UNKNOWN1)')).toBe('@ana #leaders @UNKNOWN1');
    expect(doc('![](@UOWNER01)')).toContain('<span class="canvas-mention">@ana</span>');
  });

  it('links http(s) only, and shows escapes and entities as their characters', () => {
    expect(doc('[docs](https://example.com/a?b=1&amp;c=2)')).toContain(
      '<a class="bk-link" href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noreferrer noopener">docs</a>',
    );
    expect(doc('[x](javascript:alert(1))')).not.toContain('href');
    expect(shown('\\*a\\* \\# \\| &amp; &lt;b&gt;')).toBe('*a* # | & <b>');
  });

  it('never makes markup from the document', () => {
    const out = doc(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n| <b>x</b> |\n|---|\n| `<i>` |',
    );
    expect(out).not.toMatch(/<script|<img|<b>|<i>/);
    expect(shown('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('says when the canvas is empty', () => {
    expect(shown('')).toBe('This canvas is empty.');
  });
});

describe('CanvasPanel', () => {
  const canvas: PlaygroundCanvas = {
    id: 'F0CANVAS0001',
    title: 'Builder Insights',
    markdown: '# Status',
    channel: 'C0GENERAL',
    tabbedIn: [],
    // 17:14 UTC is 9:14 AM in Los Angeles, the reader's today.
    updatedAt: Date.parse('2026-11-23T17:14:00Z'),
    edits: 2,
  };

  it('is a document named by the title, saying how often and when it was edited', () => {
    const out = html(<CanvasPanel canvas={canvas} ctx={ctx} />);
    expect(out).toContain('role="document" aria-label="Builder Insights"');
    expect(visibleText(<CanvasPanel canvas={canvas} ctx={ctx} />)).toBe(
      'Builder InsightsCanvas · edited 2 times · updated Today at 9:14 AMStatus',
    );
    expect(visibleText(<CanvasPanel canvas={{ ...canvas, edits: 1 }} ctx={ctx} />)).toContain(
      'edited 1 time ·',
    );
  });
});
