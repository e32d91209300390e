import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { chooseProgram } from '../../src/ui/help.js';

const programs = (n: number, name: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, slug: `program-${i}`, name: name(i) }));

describe('chooseProgram', () => {
  it('lists every program when they fit', () => {
    const message = chooseProgram(
      programs(3, (i) => `Program <${i}> & co`),
      'status PROGRAM',
    );
    const text = (message.blocks[0] as SectionBlock).text?.text ?? '';
    expect(text).toContain('`/rollout status PROGRAM`');
    expect(text).toContain('• `program-2` — Program &lt;2&gt; &amp; co');
    expect(text).not.toContain('more');
  });

  it('lists whole lines while they fit and always says how many more there are', () => {
    const message = chooseProgram(
      programs(60, (i) => `${i} ${'Long & winding name '.repeat(10)}`),
      'status PROGRAM',
    );
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    const text = (message.blocks[0] as SectionBlock).text?.text ?? '';
    const listed = text.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(listed).toBeGreaterThan(5);
    expect(text.endsWith(`…and ${60 - listed} more`)).toBe(true);
  });
});
