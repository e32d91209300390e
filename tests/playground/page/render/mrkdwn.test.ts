import { describe, expect, it } from 'vitest';
import { type MrkdwnNode, parseMrkdwn } from '../../../../src/playground/page/render/mrkdwn.js';
import { statusLine, workstreamRow } from '../../../../src/ui/status-overview.js';
import { numberedWorkstream } from '../../../support/program-objects.js';

const text = (t: string): MrkdwnNode => ({ type: 'text', text: t });
const br: MrkdwnNode = { type: 'br' };

describe('parseMrkdwn: formatting', () => {
  it('reads bold, italic, strike and inline code', () => {
    expect(parseMrkdwn('*bold* _italic_ ~strike~ `code`')).toEqual([
      { type: 'bold', children: [text('bold')] },
      text(' '),
      { type: 'italic', children: [text('italic')] },
      text(' '),
      { type: 'strike', children: [text('strike')] },
      text(' '),
      { type: 'code', text: 'code' },
    ]);
  });

  it('nests formatting', () => {
    expect(parseMrkdwn('*_both_* and _*both*_')).toEqual([
      { type: 'bold', children: [{ type: 'italic', children: [text('both')] }] },
      text(' and '),
      { type: 'italic', children: [{ type: 'bold', children: [text('both')] }] },
    ]);
    expect(parseMrkdwn('*bold with _italic_ inside*')).toEqual([
      {
        type: 'bold',
        children: [text('bold with '), { type: 'italic', children: [text('italic')] }, text(' inside')],
      },
    ]);
  });

  it('counts markers only at word boundaries, as Slack does', () => {
    expect(parseMrkdwn('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseMrkdwn('2*3*4')).toEqual([text('2*3*4')]);
    expect(parseMrkdwn('a*b* c')).toEqual([text('a*b* c')]);
    expect(parseMrkdwn('*b*c')).toEqual([text('*b*c')]);
    expect(parseMrkdwn('* not bold *')).toEqual([text('* not bold *')]);
    expect(parseMrkdwn('x ~ y ~ z')).toEqual([text('x ~ y ~ z')]);
    expect(parseMrkdwn('**')).toEqual([text('**')]);
    expect(parseMrkdwn('(*yes*), "_yes_".')).toEqual([
      text('('),
      { type: 'bold', children: [text('yes')] },
      text('), "'),
      { type: 'italic', children: [text('yes')] },
      text('".'),
    ]);
    expect(parseMrkdwn('*Blocker:* x')).toEqual([{ type: 'bold', children: [text('Blocker:')] }, text(' x')]);
  });

  it('reads a long line of stray markers quickly', () => {
    const line = '_a *b ~c '.repeat(5000);
    const started = performance.now();
    expect(parseMrkdwn(line)).toEqual([text(line)]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not format across lines', () => {
    expect(parseMrkdwn('*a\nb*')).toEqual([text('*a'), br, text('b*')]);
  });

  it('keeps code literal: no formatting, mentions or emoji inside', () => {
    expect(parseMrkdwn('`a *b* _c_ :wave: <@U1>`')).toEqual([
      { type: 'code', text: 'a *b* _c_ :wave: <@U1>' },
    ]);
    expect(parseMrkdwn('run `/rollout status WORKSTREAM`.')).toEqual([
      text('run '),
      { type: 'code', text: '/rollout status WORKSTREAM' },
      text('.'),
    ]);
    expect(parseMrkdwn('a ` b')).toEqual([text('a ` b')]);
  });

  it('reads a code block over several lines, literally, without the newlines around it', () => {
    expect(parseMrkdwn('Run:\n```\nnpm i\n*not bold*\n> not quoted\n```\nDone')).toEqual([
      text('Run:'),
      { type: 'pre', text: 'npm i\n*not bold*\n> not quoted' },
      text('Done'),
    ]);
    expect(parseMrkdwn('```a &lt;b&gt;```')).toEqual([{ type: 'pre', text: 'a <b>' }]);
  });
});

describe('parseMrkdwn: lines, quotes and lists', () => {
  it('turns newlines into line breaks, blank lines included', () => {
    expect(parseMrkdwn('a\nb\n\nc')).toEqual([text('a'), br, text('b'), br, br, text('c')]);
  });

  it('groups quoted lines, written as > or as Slack stores them (&gt;)', () => {
    expect(parseMrkdwn('> one\n&gt; *two*\nafter')).toEqual([
      { type: 'quote', children: [text('one'), br, { type: 'bold', children: [text('two')] }] },
      text('after'),
    ]);
    expect(parseMrkdwn('before\n>quoted')).toEqual([
      text('before'),
      { type: 'quote', children: [text('quoted')] },
    ]);
    expect(parseMrkdwn('a > b')).toEqual([text('a > b')]);
  });

  it('quotes everything after >>>', () => {
    expect(parseMrkdwn('intro\n>>> one\ntwo')).toEqual([
      text('intro'),
      { type: 'quote', children: [text('one'), br, text('two')] },
    ]);
  });

  it('leaves list lines as text lines, as Slack shows them', () => {
    expect(parseMrkdwn('• one\n- two\n1. three')).toEqual([
      text('• one'),
      br,
      text('- two'),
      br,
      text('1. three'),
    ]);
  });
});

describe('parseMrkdwn: links, mentions and dates', () => {
  it('reads links with and without a label, mailto included', () => {
    expect(
      parseMrkdwn(
        '<https://example.com/a?b=1&amp;c=2|the *docs*> <https://example.com> <mailto:a@b.co|mail>',
      ),
    ).toEqual([
      {
        type: 'link',
        url: 'https://example.com/a?b=1&c=2',
        children: [text('the '), { type: 'bold', children: [text('docs')] }],
      },
      text(' '),
      { type: 'link', url: 'https://example.com', children: [text('https://example.com')] },
      text(' '),
      { type: 'link', url: 'mailto:a@b.co', children: [text('mail')] },
    ]);
  });

  it('does not read markers inside a URL', () => {
    expect(parseMrkdwn('_see <https://x.io/a_b_c|here>_')).toEqual([
      {
        type: 'italic',
        children: [text('see '), { type: 'link', url: 'https://x.io/a_b_c', children: [text('here')] }],
      },
    ]);
  });

  it('reads user, channel, group and special mentions', () => {
    expect(
      parseMrkdwn(
        '<@U123> <@U456|bob> <#C1> <#C2|general> <!subteam^S9|@team> <!here> <!channel> <!everyone>',
      ),
    ).toEqual([
      { type: 'user', id: 'U123' },
      text(' '),
      { type: 'user', id: 'U456', label: 'bob' },
      text(' '),
      { type: 'channel', id: 'C1' },
      text(' '),
      { type: 'channel', id: 'C2', label: 'general' },
      text(' '),
      { type: 'usergroup', id: 'S9', label: '@team' },
      text(' '),
      { type: 'special', name: 'here' },
      text(' '),
      { type: 'special', name: 'channel' },
      text(' '),
      { type: 'special', name: 'everyone' },
    ]);
  });

  it('reads dates, with their link and fallback', () => {
    expect(parseMrkdwn('<!date^1700000000^{date_short_pretty} at {time}|Nov 14, 2023>')).toEqual([
      {
        type: 'date',
        seconds: 1700000000,
        format: '{date_short_pretty} at {time}',
        fallback: 'Nov 14, 2023',
      },
    ]);
    expect(parseMrkdwn('<!date^1700000000^{date}^https://example.com/x|then>')).toEqual([
      {
        type: 'date',
        seconds: 1700000000,
        format: '{date}',
        link: 'https://example.com/x',
        fallback: 'then',
      },
    ]);
    expect(parseMrkdwn('<!date^soon^{date}|some day>')).toEqual([text('some day')]);
  });

  it('shows a sequence it does not know as written', () => {
    expect(parseMrkdwn('<!unknown> <@> a < b')).toEqual([text('<!unknown> <@> a < b')]);
  });
});

describe('parseMrkdwn: emoji and escaping', () => {
  it('reads emoji and skin tones, underscores in names included', () => {
    expect(parseMrkdwn(':white_check_mark: :+1::skin-tone-2: _:wave:_')).toEqual([
      { type: 'emoji', name: 'white_check_mark' },
      text(' '),
      { type: 'emoji', name: '+1', skinTone: 2 },
      text(' '),
      { type: 'italic', children: [{ type: 'emoji', name: 'wave' }] },
    ]);
  });

  it('decodes Slack’s entities to text, once', () => {
    expect(parseMrkdwn('&lt;img src=x onerror=alert(1)&gt; &amp; &amp;lt;')).toEqual([
      text('<img src=x onerror=alert(1)> & &lt;'),
    ]);
  });

  it('shows escaped control sequences as text, pinging or linking nothing', () => {
    expect(parseMrkdwn('&lt;!channel&gt; &amp; &lt;https://evil|docs&gt;')).toEqual([
      text('<!channel> & <https://evil|docs>'),
    ]);
  });

  it('reads a Rollout overview row', () => {
    const row = workstreamRow(
      numberedWorkstream(1, {
        name: 'SSO <beta> & co',
        status: 'blocked',
        risk: 'high',
        blocker: 'Okta_path *now*',
      }),
    );
    const nodes = parseMrkdwn(row);
    expect(nodes[0]).toEqual({ type: 'bold', children: [text('SSO <beta> & co')] });
    expect(statusLine(numberedWorkstream(1, { status: 'blocked', risk: 'high' }))).toContain(':red_circle:');
    expect(nodes).toContainEqual({ type: 'emoji', name: 'red_circle' });
    expect(nodes).toContainEqual({ type: 'italic', children: [text('Team')] });
    expect(nodes.slice(-3)).toEqual([
      { type: 'bold', children: [text('Blocker:')] },
      text(' Okta_path '),
      { type: 'bold', children: [text('now')] },
    ]);
  });
});
