import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../../src/domain/digest-content.js';
import { Blocks } from '../../../../src/playground/page/render/blocks.js';
import type { RenderContext } from '../../../../src/playground/page/render/context.js';
import { initialViewState } from '../../../../src/playground/page/render/view-state.js';
import { digestMessage } from '../../../../src/ui/digest-message.js';
import { homeView } from '../../../../src/ui/home-view.js';
import { LIST_BLOCKS } from '../../../../src/ui/ids.js';
import { nextActionModal } from '../../../../src/ui/next-action-modal.js';
import { statusPage } from '../../../../src/ui/status-overview.js';
import { workstreamDetail } from '../../../../src/ui/workstream-detail.js';
import { workstreamUpdateModal } from '../../../../src/ui/workstream-modal.js';
import { AS_OF, LAST_DIGEST, scenario } from '../../../support/digest-fixture.js';
import {
  program as baseProgram,
  nextAction,
  numberedWorkstream,
  workstream,
} from '../../../support/program-objects.js';
import { html, renderContext, visibleText } from './render-context.js';

const ctx = renderContext();
const render = (blocks: unknown[], over: Partial<RenderContext> = {}) =>
  html(<Blocks blocks={blocks} ctx={renderContext(over)} />);
const shown = (blocks: unknown[], over: Partial<RenderContext> = {}) =>
  visibleText(<Blocks blocks={blocks} ctx={renderContext(over)} />);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

describe('Blocks: each block type', () => {
  it('shows a header as a heading', () => {
    expect(render([{ type: 'header', text: plain('Launch :rocket:') }])).toBe(
      '<div class="bk-blocks"><h2 class="bk-header"><span class="bk-plain">Launch 🚀</span></h2></div>',
    );
  });

  it('shows a section’s text, its fields in a grid and its accessory', () => {
    const out = render([
      {
        type: 'section',
        block_id: 's',
        text: mrkdwn('*Title*'),
        fields: [mrkdwn('*Status*\nBlocked'), plain('Risk: high')],
        accessory: { type: 'button', action_id: 'go', text: plain('Details') },
      },
    ]);
    expect(out).toContain(
      '<div class="bk-section__text"><span class="bk-mrkdwn"><strong>Title</strong></span></div>',
    );
    expect(out).toContain(
      '<div class="bk-fields"><div class="bk-field"><span class="bk-mrkdwn"><strong>Status</strong><br/>Blocked</span></div>' +
        '<div class="bk-field"><span class="bk-plain">Risk: high</span></div></div>',
    );
    expect(out).toContain(
      '<div class="bk-accessory"><button type="button" class="bk-button">Details</button></div>',
    );
  });

  it('shows a context’s texts and images small, in a row', () => {
    const out = render([
      {
        type: 'context',
        elements: [
          { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'avatar' },
          mrkdwn('by <@UOWNER01>'),
          plain('plain'),
        ],
      },
    ]);
    expect(out).toContain(
      '<div class="bk-context"><img class="bk-context__image" src="https://example.com/a.png" alt="avatar"/>',
    );
    expect(out).toContain('<span class="bk-mention">@ana</span>');
    expect(out).toContain('<span class="bk-context__text"><span class="bk-plain">plain</span></span>');
  });

  it('shows a divider as a rule', () => {
    expect(render([{ type: 'divider' }])).toBe('<div class="bk-blocks"><hr class="bk-divider"/></div>');
  });

  it('shows an actions block’s elements in a row', () => {
    const out = render([
      {
        type: 'actions',
        elements: [
          { type: 'button', text: plain('One'), style: 'primary' },
          { type: 'button', text: plain('Two') },
          { type: 'overflow', options: [{ text: plain('Three'), value: '3' }] },
        ],
      },
    ]);
    expect(out).toContain(
      '<div class="bk-actions"><button type="button" class="bk-button bk-button--primary">One</button>' +
        '<button type="button" class="bk-button">Two</button>',
    );
    expect(out).toContain('aria-label="More actions"');
  });

  it('labels an input’s control with the block’s label, and says when it is optional', () => {
    const out = render([
      {
        type: 'input',
        block_id: 'status',
        optional: true,
        label: plain('Status'),
        hint: plain('As of today'),
        element: { type: 'plain_text_input', action_id: 'value' },
      },
    ]);
    const labelFor =
      /<label class="bk-label" id="([^"]+)" for="([^"]+)"><span class="bk-plain">Status<\/span><\/label>/.exec(
        out,
      );
    expect(labelFor).not.toBeNull();
    expect(out).toContain(`<input type="text" class="bk-text-input" value id="${labelFor?.[2]}"`);
    expect(out).toContain('<span class="bk-optional">(optional)</span>');
    const hintId = /<div class="bk-hint" id="([^"]+)">/.exec(out)?.[1];
    expect(out).toContain(`aria-describedby="${hintId}"`);
    expect(
      visibleText(
        <Blocks
          blocks={[{ type: 'input', label: plain('Name'), element: { type: 'plain_text_input' } }]}
          ctx={ctx}
        />,
      ),
    ).not.toContain('optional');
  });

  it('labels a group of checkboxes or radio buttons by the block’s label', () => {
    const out = render([
      {
        type: 'input',
        label: plain('Done'),
        element: { type: 'checkboxes', options: [{ text: plain('This action is done'), value: 'done' }] },
      },
    ]);
    const labelId = /<span class="bk-label" id="([^"]+)">/.exec(out)?.[1];
    expect(labelId).toBeDefined();
    expect(out).toContain(`<fieldset class="bk-choices" aria-labelledby="${labelId}"`);
  });

  it('shows an input’s error beside it as an alert, and marks the control invalid', () => {
    const blocks = [
      { type: 'input', block_id: 'blocker', label: plain('Blocker'), element: { type: 'plain_text_input' } },
    ];
    expect(render(blocks)).not.toContain('role="alert"');
    const out = render(blocks, {
      errors: { blocker: 'Required when the status is Blocked.', other: 'not this' },
    });
    const errorId =
      /<div class="bk-error" role="alert" id="([^"]+)">Required when the status is Blocked.<\/div>/.exec(
        out,
      )?.[1];
    expect(errorId).toBeDefined();
    expect(out).toContain(`aria-describedby="${errorId}" aria-invalid="true"`);
    expect(out).toContain('class="bk-input bk-input--invalid"');
    expect(out).not.toContain('not this');
  });

  it('shows an image with its title, from the web only', () => {
    const out = render([
      {
        type: 'image',
        image_url: 'https://example.com/chart.png',
        alt_text: 'Burndown',
        title: plain('Week 48'),
      },
    ]);
    expect(out).toContain(
      '<figcaption class="bk-image__title"><span class="bk-plain">Week 48</span></figcaption>',
    );
    expect(out).toContain(
      '<img class="bk-image__img" src="https://example.com/chart.png" alt="Burndown" loading="lazy"/>',
    );
    expect(render([{ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' }])).not.toContain(
      'javascript',
    );
  });

  it('says which block it cannot show, never leaving it out', () => {
    expect(render([{ type: 'rich_text', elements: [] }, { type: 'video' }, { foo: 1 }])).toBe(
      '<div class="bk-blocks"><div class="bk-unsupported" role="note">Unsupported block: rich_text</div>' +
        '<div class="bk-unsupported" role="note">Unsupported block: video</div>' +
        '<div class="bk-unsupported" role="note">Unsupported block: (no type)</div></div>',
    );
  });
});

describe('Blocks: escaping', () => {
  it('shows a blocker of <img src=x onerror=alert(1)> as exactly those characters', () => {
    const w = numberedWorkstream(1, { status: 'blocked', blocker: '<img src=x onerror=alert(1)>' });
    const { blocks } = workstreamDetail(
      baseProgram({ workstreams: [w] }),
      w,
      new Date('2026-11-23T18:00:00Z'),
    );
    const out = html(<Blocks blocks={blocks} ctx={ctx} />);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)>');
    // What the reader sees (tags dropped, entities undone) is the blocker exactly as typed.
    expect(visibleText(<Blocks blocks={blocks} ctx={ctx} />)).toContain(
      'Main blocker<img src=x onerror=alert(1)>',
    );
  });

  it('shows stored text that looks like Slack markup as typed, pinging or linking nothing', () => {
    const w = numberedWorkstream(1, { name: '<!channel> & <https://evil.example|docs>' });
    const out = html(<Blocks blocks={statusPage(baseProgram({ workstreams: [w] })).blocks} ctx={ctx} />);
    expect(out).not.toContain('bk-mention');
    expect(out).not.toContain('href');
    expect(out).toContain('&lt;!channel> &amp; &lt;https://evil.example|docs>');
  });
});

describe('Blocks: Rollout’s surfaces', () => {
  const noPlaceholders = (out: string) => expect(out).not.toContain('Unsupported');

  it('shows /rollout status with its counts, rows and Details buttons', () => {
    const p = baseProgram({
      name: 'Builder Insights',
      workstreams: [
        numberedWorkstream(1, {
          name: 'Identity and SSO',
          status: 'blocked',
          risk: 'high',
          blocker: 'Okta path',
        }),
        numberedWorkstream(2, { name: 'Hosting', status: 'done' }),
      ],
    });
    const blocks = statusPage(p).blocks;
    const out = html(<Blocks blocks={blocks} ctx={ctx} />);
    const text = visibleText(<Blocks blocks={blocks} ctx={ctx} />);
    noPlaceholders(out);
    expect(out).toContain('<h2 class="bk-header"><span class="bk-plain">Builder Insights</span></h2>');
    expect(out).toContain('<strong>Identity and SSO</strong>');
    expect(text).toContain('🔴 High risk');
    expect(text).toContain('Blocker: Okta path');
    expect(
      out.match(/<button type="button" class="bk-button" title="Details of [^"]+">Details<\/button>/g),
    ).toHaveLength(2);
  });

  it('shows the weekly digest, its date in the reader’s zone and mentions by name', () => {
    const { program, history } = scenario();
    const digest = buildDigest({ program, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });
    const { blocks } = digestMessage(digest, program);
    const out = html(<Blocks blocks={blocks} ctx={ctx} />);
    const text = visibleText(<Blocks blocks={blocks} ctx={ctx} />);
    noPlaceholders(out);
    expect(text).toContain('Weekly leadership digest · as of Today 9:00 AM');
    expect(text).toContain('Identity and SSO');
    expect(out).toContain('<span class="bk-mention">@ana</span>');
    expect(out).toContain('>Full status</button>');
  });

  it('shows the update form with its labelled inputs and initial values', () => {
    const w = workstream('sso', {
      name: 'SSO',
      status: 'blocked',
      risk: 'high',
      state: 'Waiting',
      blocker: 'Okta',
    });
    const view = workstreamUpdateModal(baseProgram({ name: 'Builder Insights' }), w);
    const values = initialViewState(view.blocks);
    const out = render(view.blocks, { surface: 'modal', state: { values, set: () => {} } });
    noPlaceholders(out);
    for (const label of ['Status', 'Risk', 'Current state', 'Main blocker', 'Snapshot', 'Note'])
      expect(out, label).toMatch(
        new RegExp(
          `<label class="bk-label" id="[^"]+" for="[^"]+"><span class="bk-plain">${label}</span></label>`,
        ),
      );
    expect(out).toContain('<option value="blocked" selected>Blocked</option>');
    expect(out).toContain('<option value="high" selected>High</option>');
    expect(out).toContain('value="Waiting"');
    expect(out).toContain('>Okta</textarea>');
    expect(out).toContain('Required when the status is Blocked.');
  });

  it('shows the next-action form: user picker, workstream select, date and Done checkbox', () => {
    const p = baseProgram({ workstreams: [workstream('sso', { name: 'SSO' })] });
    const view = nextActionModal(
      p,
      nextAction(1, { owner: 'UOWNER02', due: '2026-12-01', workstream: 'sso', done: true }),
    );
    const out = render(view.blocks, { surface: 'modal' });
    noPlaceholders(out);
    expect(out).toContain('<option value="UOWNER02" selected>ben</option>');
    expect(out).toContain('<option value="sso" selected>SSO</option>');
    expect(out).toContain('type="date" class="bk-datepicker" value="2026-12-01"');
    expect(out).toMatch(
      /<input type="checkbox" value="done" checked\/><span class="bk-choice__text"><span class="bk-plain">This action is done/,
    );
    expect(Object.keys(initialViewState(view.blocks))).toContain(LIST_BLOCKS.nextActionDone);
  });

  it('shows the Home tab with Update buttons beside the viewer’s workstreams', () => {
    const p = baseProgram({
      name: 'Builder Insights',
      workstreams: [
        numberedWorkstream(1, { name: 'Mine', ownerIds: ['UOWNER01'], updatedAt: '2026-11-20T12:00:00Z' }),
      ],
    });
    const view = homeView({ userId: 'UOWNER01', programs: [p], now: new Date('2026-11-23T18:00:00Z') });
    const out = render(view.blocks, { surface: 'home' });
    noPlaceholders(out);
    expect(out).toContain('Your workstreams');
    expect(out).toContain(
      '<button type="button" class="bk-button bk-button--primary" title="Update Mine">Update</button>',
    );
    // The program's overview follows, its block_ids prefixed for the Home tab.
    expect(out).toContain('<h2 class="bk-header"><span class="bk-plain">Builder Insights</span></h2>');
  });

  it('shows an empty Home tab’s friendly line with its emoji', () => {
    const view = homeView({ userId: 'UNOBODY', programs: [], now: new Date('2026-11-23T18:00:00Z') });
    const text = shown(view.blocks, { surface: 'home' });
    expect(text).toContain('You don’t own any workstream yet. 👋');
    expect(text).not.toContain('Unsupported');
  });
});
