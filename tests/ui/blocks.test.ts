import type { SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import {
  actions,
  button,
  context,
  divider,
  fieldsSection,
  header,
  message,
  option,
  plainText,
  section,
} from '../../src/ui/blocks.js';
import { BLOCK_LIMITS } from '../../src/ui/limits.js';
import { BIDI, BIDI_SHOWN } from '../support/forged-text.js';

const long = (n: number) => 'x'.repeat(n);

describe('the block builders', () => {
  it('cut every text to Slack’s limit for it, so that what they build is never refused', () => {
    const b = button('act', long(100), 'v', { style: 'primary', label: long(100) });
    const blocks = [
      header('h', long(200)),
      section(long(300), long(4000), b),
      fieldsSection(
        'f',
        Array.from({ length: 12 }, () => long(2500)),
      ),
      context('c', long(4000)),
      divider(),
      actions(
        'a',
        Array.from({ length: 30 }, (_, i) => button(`a${i}`, 'Go', 'v')),
      ),
    ];
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blocks[0]).toMatchObject({ text: { text: `${long(149)}…` } });
    const s = blocks[1] as SectionBlock;
    expect(s.block_id).toHaveLength(BLOCK_LIMITS.blockId);
    expect(s.text?.text).toHaveLength(BLOCK_LIMITS.sectionText);
    expect(b.text.text).toHaveLength(BLOCK_LIMITS.buttonText);
    expect(b.accessibility_label).toHaveLength(BLOCK_LIMITS.buttonText);
    expect((blocks[2] as SectionBlock).fields).toHaveLength(BLOCK_LIMITS.sectionFields);
    expect((blocks[2] as SectionBlock).fields?.[0]?.text).toHaveLength(BLOCK_LIMITS.fieldText);
    expect(blocks[5]).toMatchObject({ elements: { length: BLOCK_LIMITS.actionsElements } });
  });

  it('put plain texts on one line without bidi controls, and leave block_id out when there is none', () => {
    expect(plainText(`Identity\n and SSO${BIDI}`, 75).text).toBe(`Identity and SSO${BIDI_SHOWN}`);
    expect(section(undefined, 'text')).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'text' } });
    expect(option('v', long(80), long(80))).toMatchObject({
      text: { text: `${long(74)}…` },
      description: { text: `${long(74)}…` },
    });
  });

  it('cut a message’s fallback text to Slack’s 4,000', () => {
    expect(message(long(5000), []).text).toHaveLength(BLOCK_LIMITS.fallbackText);
    expect(message('short', [divider()])).toEqual({ text: 'short', blocks: [{ type: 'divider' }] });
  });
});
