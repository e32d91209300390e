import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/ui/limits.js';
import { escapeMrkdwn } from '../../src/ui/mrkdwn.js';

describe('truncate', () => {
  it('leaves text that fits as it is, up to exactly max', () => {
    expect(truncate('Identity and SSO', 75)).toBe('Identity and SSO');
    expect(truncate('abcde', 5)).toBe('abcde');
    expect(truncate('', 3)).toBe('');
  });

  it('cuts longer text to max characters, the last one an ellipsis', () => {
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('x'.repeat(3001), 3000)).toBe(`${'x'.repeat(2999)}…`);
    expect(truncate('abc', 1)).toBe('…');
  });

  it('never ends on part of an escaped entity: the whole entity goes', () => {
    // "R&D <team>" escaped is "R&amp;D &lt;team&gt;".
    const escaped = escapeMrkdwn('R&D <team>');
    expect(truncate(escaped, 4)).toBe('R…'); // would be "R&a…"
    expect(truncate(escaped, 5)).toBe('R…'); // would be "R&am…"
    expect(truncate(escaped, 6)).toBe('R…'); // would be "R&amp…"
    expect(truncate(escaped, 7)).toBe('R&amp;…');
    expect(truncate(escaped, 10)).toBe('R&amp;D …'); // would be "R&amp;D &…"
    expect(truncate(escaped, 11)).toBe('R&amp;D …'); // would be "R&amp;D &l…"
    expect(truncate(escaped, 12)).toBe('R&amp;D …'); // would be "R&amp;D &lt…"
    expect(truncate(escaped, 13)).toBe('R&amp;D &lt;…');
  });

  it('keeps a complete entity right before the cut, and earlier ones', () => {
    expect(truncate('a &lt; b &gt; c', 7)).toBe('a &lt;…');
    expect(truncate('&amp;&amp;&amp;&amp;', 12)).toBe('&amp;&amp;…');
  });

  it('never returns more than max characters, whatever it cuts', () => {
    const texts = [
      escapeMrkdwn('a & b < c > d & e '.repeat(20)),
      'plain text without anything to escape '.repeat(10),
      '&amp;'.repeat(50),
    ];
    for (const text of texts) {
      for (let max = 1; max <= 120; max++) {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.endsWith('…')).toBe(text.length > max);
        // What is kept is the start of the text, and no entity is left open at the cut.
        const kept = out.endsWith('…') ? out.slice(0, -1) : out;
        expect(text.startsWith(kept)).toBe(true);
        expect(kept).not.toMatch(/&[a-z]*$/);
      }
    }
  });

  it('never cuts an emoji in half, and gives nothing for no room', () => {
    const out = truncate('ab🚀cd', 4);
    expect(out).toBe('ab…');
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncate('abc', 0)).toBe('');
  });
});
