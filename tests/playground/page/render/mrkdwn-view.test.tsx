import { describe, expect, it } from 'vitest';
import { emojify, Mrkdwn, Text } from '../../../../src/playground/page/render/mrkdwn-view.js';
import { slackDate } from '../../../../src/ui/mrkdwn.js';
import { html, renderContext, visibleText } from './render-context.js';

const ctx = renderContext();
const md = (text: string) => html(<Mrkdwn text={text} ctx={ctx} />);
const shown = (text: string) => visibleText(<Mrkdwn text={text} ctx={ctx} />);

describe('Mrkdwn', () => {
  it('shows formatting as strong, em, s, code, pre and blockquote', () => {
    expect(md('*b* _i_ ~s~ `c`')).toBe(
      '<span class="bk-mrkdwn"><strong>b</strong> <em>i</em> <s>s</s> <code class="bk-code">c</code></span>',
    );
    expect(md('```x```')).toContain('<pre class="bk-pre">x</pre>');
    expect(md('> q\nafter')).toContain('<blockquote class="bk-quote">q</blockquote>after');
    expect(md('a\nb')).toContain('a<br/>b');
  });

  it('shows an escaped blocker as exactly the characters typed, with no markup from it', () => {
    const out = md('*Blocker:* &lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
    expect(shown('*Blocker:* &lt;img src=x onerror=alert(1)&gt;')).toBe(
      'Blocker: <img src=x onerror=alert(1)>',
    );
    // Even markup that arrives unescaped inside a link label or code stays text.
    expect(md('<https://ok.example|<b>x</b>> `<script>`')).not.toMatch(/<script|<b>/);
  });

  it('links http(s) and mailto only, in a new tab without referrer', () => {
    expect(md('<https://example.com/a?b=1&amp;c=2|docs>')).toContain(
      '<a class="bk-link" href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noreferrer noopener">docs</a>',
    );
    expect(md('<mailto:a@b.co|mail us>')).toContain('href="mailto:a@b.co"');
    const evil = md('<javascript:alert(1)|click me>');
    expect(evil).not.toContain('href');
    expect(visibleText(<Mrkdwn text="<javascript:alert(1)|click me>" ctx={ctx} />)).toBe('click me');
    expect(md('<JavaScript:alert(1)>')).not.toContain('href');
  });

  it('shows mentions by name, falling back to the label or the ID', () => {
    expect(shown('<@UOWNER01> <@UNKNOWN> <@UNKNOWN|carl> <#C0LEADERS> <#CX|secret> <#CY>')).toBe(
      '@ana @UNKNOWN @carl #leaders #secret #CY',
    );
    expect(md('<@UOWNER01>')).toContain('<span class="bk-mention">@ana</span>');
    expect(shown('<!here> <!channel> <!everyone> <!subteam^S1|@design> <!subteam^S2>')).toBe(
      '@here @channel @everyone @design @S2',
    );
    expect(md('<!here>')).toContain('class="bk-mention bk-mention--special"');
  });

  it('shows dates in the reader’s zone, as Rollout writes them', () => {
    // 17:14 UTC is 9:14 AM in Los Angeles, the same day as the reader's "now".
    expect(shown(slackDate('2026-11-23T17:14:00Z'))).toBe('Today 9:14 AM');
    expect(md(slackDate('2026-11-23T17:14:00Z'))).toContain(
      '<time class="bk-date" datetime="2026-11-23T17:14:00.000Z">',
    );
    expect(
      visibleText(
        <Mrkdwn
          text={slackDate('2026-11-23T17:14:00Z')}
          ctx={renderContext({
            viewer: { id: 'U', tz: 'Asia/Tokyo' },
            now: new Date('2026-12-10T00:00:00Z'),
          })}
        />,
      ),
    ).toBe('Nov 24, 2026 2:14 AM');
    expect(md('<!date^1795453200^{date}^https://example.com|x>')).toContain('href="https://example.com"');
  });

  it('shows known emoji as characters, and unknown ones as written', () => {
    expect(shown(':wave: :white_check_mark: :no_such_thing: :+1::skin-tone-2: :rocket::skin-tone-3:')).toBe(
      '👋 ✅ :no_such_thing: 👍🏻 🚀',
    );
    expect(md(':wave:')).toContain('<span class="bk-emoji" title=":wave:">👋</span>');
  });

  it('does not take an emoji name from the prototype of the map', () => {
    expect(shown(':constructor: :toString:')).toBe(':constructor: :toString:');
  });
});

describe('Text', () => {
  it('shows plain_text literally, with emoji unless emoji is false', () => {
    expect(
      visibleText(<Text obj={{ type: 'plain_text', text: '*not bold* <@UOWNER01> :wave:' }} ctx={ctx} />),
    ).toBe('*not bold* <@UOWNER01> 👋');
    expect(visibleText(<Text obj={{ type: 'plain_text', text: ':wave:', emoji: false }} ctx={ctx} />)).toBe(
      ':wave:',
    );
    expect(html(<Text obj={{ type: 'plain_text', text: '<img src=x>' }} ctx={ctx} />)).not.toContain('<img');
  });

  it('shows mrkdwn through Mrkdwn', () => {
    expect(html(<Text obj={{ type: 'mrkdwn', text: '*b*', verbatim: true }} ctx={ctx} />)).toContain(
      '<strong>b</strong>',
    );
  });

  it('shows nothing for what is not a text object', () => {
    expect(html(<Text obj={undefined} ctx={ctx} />)).toBe('');
    expect(html(<Text obj={{ type: 'plain_text' }} ctx={ctx} />)).toBe('');
  });
});

describe('emojify', () => {
  it('replaces known names and leaves colons elsewhere alone', () => {
    expect(emojify('at 10:30: :wave:, ratio 1:2:3', ctx.emoji)).toBe('at 10:30: 👋, ratio 1:2:3');
    expect(emojify(':nope:wave:', ctx.emoji)).toBe(':nope👋');
  });
});
