import type { ActionsBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/domain/digest-content.js';
import type { HistoryEntry, Program } from '../../src/domain/program.js';
import { RISKS, STATUSES, type Status } from '../../src/domain/vocabulary.js';
import { blockKitProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeProgramRef } from '../../src/ui/action-values.js';
import { DIGEST_MAX_BLOCKS, digestMessage, digestPreviewText } from '../../src/ui/digest-message.js';
import { ACTIONS, DIGEST_BLOCKS } from '../../src/ui/ids.js';
import { BLOCK_LIMITS } from '../../src/ui/limits.js';
import {
  AS_OF,
  action,
  decision,
  entry,
  LAST_DIGEST,
  program,
  readiness,
  risk,
  scenario,
  workstream,
} from '../support/digest-fixture.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_PLAIN, FORGED_SHOWN, forgedLines } from '../support/forged-text.js';
import { milestone } from '../support/program-objects.js';

const EVIL = '<!channel> & <https://evil|docs>';
const EVIL_ESCAPED = '&lt;!channel&gt; &amp; &lt;https://evil|docs&gt;';

function render(p: Program, history: HistoryEntry[] = []) {
  const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });
  return { digest, message: digestMessage(digest, p) };
}

/** The mrkdwn of every section whose block_id starts with `digest_<section>:`, joined. */
function sectionText(blocks: KnownBlock[], section: string): string {
  return blocks
    .filter(
      (b): b is SectionBlock => b.type === 'section' && (b.block_id ?? '').startsWith(`digest_${section}:`),
    )
    .map((b) => b.text?.text ?? '')
    .join('\n');
}

function textOf(blocks: KnownBlock[], blockId: string): string {
  const block = blocks.find((b) => b.block_id === blockId);
  if (block?.type === 'section') return block.text?.text ?? '';
  if (block?.type === 'header') return (block as HeaderBlock).text.text;
  if (block?.type === 'context') return JSON.stringify(block.elements);
  return '';
}

describe('digestMessage', () => {
  const { program: p, history } = scenario();
  const { message } = render(p, history);
  const { blocks, text } = message;

  it('is a message Slack accepts', () => {
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(text.length).toBeGreaterThan(0);
  });

  it('heads with the program name and the week', () => {
    expect(textOf(blocks, DIGEST_BLOCKS.header)).toBe(
      'Builder Insights operationalization · Week of 23 Nov 2026',
    );
    expect(textOf(blocks, DIGEST_BLOCKS.context)).toContain('<!date^1795453200^');
  });

  it('gives the headline counts', () => {
    const headline = textOf(blocks, DIGEST_BLOCKS.headline);
    expect(headline).toContain('*2* high risks');
    expect(headline).toContain('*2* blocked');
    expect(headline).toContain('*2* need a decision');
    expect(headline).toContain(':large_yellow_circle: *1 of 3* readiness dimensions ready');
  });

  it('colours readiness green only when every dimension is ready, red when none is', () => {
    const headline = (signals: ('ready' | 'not-ready')[]) => {
      const items = signals.map((signal, i) => readiness(i + 1, i, { signal }));
      const { message: m } = render(program({ readiness: items }));
      return textOf(m.blocks, DIGEST_BLOCKS.headline);
    };
    expect(headline(['not-ready', 'not-ready'])).toContain(':red_circle: *0 of 2* readiness');
    expect(headline(['ready', 'ready'])).toContain(':large_green_circle: *2 of 2* readiness');
  });

  it('says which workstreams are most likely to slow rollout, and why, right after the headline', () => {
    const ids = blocks.map((b) => b.block_id ?? b.type);
    expect(ids.slice(2, 5)).toEqual([DIGEST_BLOCKS.headline, 'divider', 'digest_slowing:0']);
    expect(sectionText(blocks, 'slowing').split('\n')).toEqual([
      '*Most likely to slow rollout (3)*',
      '• *Identity and SSO* — :red_circle: high risk, upstream of blocked *Readiness gating* · _Identity and Security_ (<@UOWNER01>)',
      '• *Org-aware access* — :red_circle: high risk, upstream of blocked *Readiness gating* · _Builder Relations Ops_',
      '• *Observability and analytics* — :no_entry: blocked, :red_circle: high risk · _Platform_',
    ]);
  });

  it('lists top risks, high first, with workstream and owning team', () => {
    const risks = sectionText(blocks, 'risks');
    expect(risks).toContain('*Top risks (4 open)*');
    const lines = risks.split('\n').slice(1);
    expect(lines[0]).toBe(
      '• :red_circle: High: identity decisions stay abstract — *Identity and SSO* · _Identity and Security_',
    );
    expect(lines[1]).toContain('telemetry treated as optional — *Observability and analytics* · _Platform_');
    expect(lines[2]).toContain('Medium: program-wide medium risk — _program-wide_');
    expect(risks).not.toContain('closed high risk');
  });

  it('lists blocked work with its blocker and owners mentioned, or the team when nobody owns it', () => {
    const blocked = sectionText(blocks, 'blocked');
    expect(blocked).toContain(
      '• *Observability and analytics* (blocked 1 day) — approved telemetry stack · _Platform_',
    );
    expect(blocked).toContain(
      '• *Readiness gating* (blocked 7 days) — depends on upstream decisions · _Product_ (<@UOWNER04>)',
    );
  });

  it('lists waiting work with its blocker and how long it has waited', () => {
    const waiting = sectionText(blocks, 'waiting');
    expect(waiting).toContain(
      '• *Identity and SSO* — :raised_hand: Needs decision, waiting 12 days: approved Okta path and claims model',
    );
    expect(waiting).toContain('*Org-aware access* — :microscope: Needs validation, waiting 4 days');
  });

  it('says what changed since the last digest', () => {
    const changes = sectionText(blocks, 'changes');
    expect(changes).toContain('*What changed since Mon 16 Nov 2026*');
    expect(changes).toContain('• *Readiness gating*: :memo: Drafted → :no_entry: Blocked');
    expect(changes).toContain('• *Identity and SSO*: risk :large_orange_circle: Medium → :red_circle: High');
    expect(changes).toContain('• Risk opened: a risk opened this week');
    expect(changes).toContain('• Risk closed: closed high risk');
    expect(changes).toContain('• Risk reopened: a low risk');
    expect(changes).toContain('• Risk removed: a risk removed');
    expect(changes).toContain(
      '• Risk :large_green_circle: Low → :large_orange_circle: Medium: program-wide medium risk',
    );
    expect(changes).not.toContain('Kanopy');
  });

  it('mentions the owners of stale work', () => {
    const stale = sectionText(blocks, 'stale');
    expect(stale).toContain('*Stale: not updated in 7 days or more (3)*');
    expect(stale).toContain(
      '• *Kanopy hosting* — last updated 13 days ago · _Platform Engineering_ (<@UOWNER02> <@UOWNER03>)',
    );
    expect(stale).toContain('• *Seven days* — last updated 7 days ago');
    expect(stale).not.toContain('Six days');
    expect(stale).not.toContain('Shipped');
  });

  it('says why stale work waits when all its owners are away, rather than only calling it stale', () => {
    const { program: p, history } = scenario();
    const away = new Map<string, string | null>([
      ['UOWNER02', '2026-12-04'],
      ['UOWNER03', null],
    ]);
    const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST, away });
    const message = digestMessage(digest, p);
    expect(sectionText(message.blocks, 'stale')).toContain(
      '• *Kanopy hosting* — last updated 13 days ago · _Platform Engineering_ (<@UOWNER02> <@UOWNER03>) · :palm_tree: owners away until Fri 4 Dec 2026',
    );
    expect(digestPreviewText(digest, p)).toContain('owners away until Fri 4 Dec 2026');
  });

  it('calls out overdue actions, then those due this week', () => {
    const next = sectionText(blocks, 'next');
    const lines = next.split('\n');
    expect(lines[0]).toBe('*Next actions (2 overdue, 2 due this week)*');
    expect(lines[1]).toBe('• :warning: *Overdue* (due Sun 1 Nov 2026, 22 days ago): long overdue');
    expect(lines[2]).toBe(
      '• :warning: *Overdue* (due Fri 20 Nov 2026, 3 days ago): confirm Okta meeting path — <@UOWNER01> · _Identity and SSO_',
    );
    expect(lines[3]).toBe('• *Due today*: confirm org source — Builder Relations lead');
    expect(lines[4]).toBe('• Due Sun 29 Nov 2026: confirm Kanopy assumptions');
    expect(next).not.toContain('next week');
  });

  it('gives the readiness signal per dimension', () => {
    const r = sectionText(blocks, 'readiness');
    expect(r).toContain('• :red_circle: *Identity readiness* — Not ready: until Okta path is confirmed');
    expect(r).toContain('• :large_yellow_circle: *Hosting readiness* — Partially ready');
    expect(r).toContain('• :large_green_circle: *Leadership readiness* — Ready');
  });

  it('ends with a Full status button carrying the program slug', () => {
    const last = blocks[blocks.length - 1] as ActionsBlock;
    expect(last.block_id).toBe(DIGEST_BLOCKS.actions);
    const button = last.elements[0];
    expect(button?.type).toBe('button');
    if (button?.type !== 'button') return;
    expect(button.action_id).toBe(ACTIONS.showStatus);
    expect(decodeProgramRef(button.value)).toBe('builder-insights');
  });

  it('has a fallback text with the headline and the blockers', () => {
    expect(text).toContain(
      'Builder Insights operationalization — Week of 23 Nov 2026: 2 high risks, 2 blocked, 2 need a decision, 1 of 3 readiness dimensions ready.',
    );
    expect(text).toContain('Blocked: Readiness gating — depends on upstream decisions');
  });

  it('says so when a section is empty', () => {
    const empty = digestMessage(
      buildDigest({ program: program(), asOf: AS_OF, changesSince: [] }),
      program(),
    );
    expect(blockKitProblems(empty.blocks, 'message')).toEqual([]);
    expect(sectionText(empty.blocks, 'slowing')).toContain(
      '_No open workstream stands out as likely to slow rollout._',
    );
    expect(sectionText(empty.blocks, 'risks')).toContain('_No open risks._');
    expect(sectionText(empty.blocks, 'blocked')).toContain('_Nothing is blocked._');
    expect(sectionText(empty.blocks, 'changes')).toContain('_No status or risk changes in the past week._');
    expect(sectionText(empty.blocks, 'stale')).toContain(
      '_Every open workstream was updated in the last 7 days._',
    );
    expect(textOf(empty.blocks, DIGEST_BLOCKS.headline)).toContain('no readiness dimensions');
  });
});

describe('digestMessage: most likely to slow rollout', () => {
  it('names at most three blocked workstreams downstream of one, and counts the rest', () => {
    const p = program({
      workstreams: [
        workstream('up', 0, { name: 'Up', risk: 'high', ownerTeam: 'Core' }),
        ...Array.from({ length: 5 }, (_, i) =>
          workstream(`b${i}`, i + 1, { name: `B${i}`, status: 'blocked', dependsOn: ['up'] }),
        ),
      ],
    });
    const { message } = render(p);
    expect(sectionText(message.blocks, 'slowing')).toContain(
      '• *Up* — :red_circle: high risk, upstream of blocked *B0*, *B1*, *B2* +2 more · _Core_',
    );
  });

  it('cuts a long list with "and N more" within its two sections, in the message and the preview', () => {
    const p = program({
      workstreams: Array.from({ length: 200 }, (_, i) =>
        workstream(`w${i}`, i, {
          name: `Workstream ${i} ${'<&> '.repeat(40)}`,
          ownerTeam: 'x'.repeat(200),
          ownerIds: ['U000001', 'U000002', 'U000003', 'U000004', 'U000005', 'U000006'],
          risk: 'high',
          status: 'blocked',
        }),
      ),
    });
    const { digest, message } = render(p);
    expect(digest.slowing).toHaveLength(200);
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    const slowingBlocks = message.blocks.filter((b) => (b.block_id ?? '').startsWith('digest_slowing:'));
    expect(slowingBlocks).toHaveLength(2);
    const text = sectionText(message.blocks, 'slowing');
    const shown = text.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(text).toContain(`_…and ${200 - shown} more workstreams — see the full status_`);
    expect(digestPreviewText(digest, p)).toContain('Most likely to slow rollout (200)\n  - Workstream 0 ');
  });
});

describe('digestMessage escaping', () => {
  it('shows user text as written, in blocks and in the fallback text, and pings nobody', () => {
    const p = program({
      name: `Program ${EVIL}`,
      workstreams: [
        workstream('evil', 0, {
          name: `WS ${EVIL}`,
          ownerTeam: EVIL,
          status: 'blocked',
          risk: 'high',
          blocker: EVIL,
        }),
        workstream('waiting', 1, { name: 'Waiting', status: 'needs-decision', blocker: EVIL }),
        workstream('down', 2, {
          name: `Down ${EVIL}`,
          status: 'blocked',
          blocker: EVIL,
          dependsOn: ['evil'],
        }),
      ],
      risks: [risk(1, 0, { text: EVIL, severity: 'high', workstream: 'evil' })],
      readiness: [readiness(1, 0, { name: EVIL, note: EVIL })],
      actions: [action(1, 0, { text: EVIL, owner: EVIL, due: '2026-11-24' })],
    });
    const history = [
      entry({ entity: 'risk', entityKey: '1', entityLabel: EVIL, field: 'created', newValue: EVIL }),
    ];
    const { message } = render(p, history);
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(sectionText(message.blocks, 'blocked')).toContain(`— ${EVIL_ESCAPED} · _${EVIL_ESCAPED}_`);
    expect(sectionText(message.blocks, 'slowing')).toContain(
      `• *WS ${EVIL_ESCAPED}* — :no_entry: blocked, :red_circle: high risk, upstream of blocked *Down ${EVIL_ESCAPED}* · _${EVIL_ESCAPED}_`,
    );
    for (const section of ['slowing', 'risks', 'blocked', 'waiting', 'changes', 'next', 'readiness']) {
      expect(sectionText(message.blocks, section), section).toContain(EVIL_ESCAPED);
    }
    expect(message.text).toContain(`Blocked: WS ${EVIL_ESCAPED} — ${EVIL_ESCAPED}`);
    expect(message.text).toContain(`Program ${EVIL_ESCAPED}`);
    // The header is plain_text: shown as typed, Slack reads no mentions or links there.
    expect(textOf(message.blocks, DIGEST_BLOCKS.header)).toContain(EVIL);
    const mrkdwn = JSON.stringify({
      text: message.text,
      blocks: message.blocks.filter((b) => b.type !== 'header'),
    });
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<https://evil');
  });
});

describe('digestMessage and user text that looks like Rollout’s own', () => {
  const p = program({
    name: `Program\n${BIDI}`,
    workstreams: [
      workstream('forged', 0, {
        name: `WS${BIDI}\n`,
        ownerTeam: FORGED,
        status: 'blocked',
        risk: 'high',
        blocker: FORGED,
      }),
      workstream('waiting', 1, { name: 'Waiting', status: 'needs-decision', blocker: FORGED }),
    ],
    risks: [risk(1, 0, { text: FORGED, severity: 'high', workstream: 'forged' })],
    readiness: [readiness(1, 0, { name: `Hosting\n${BIDI}`, note: FORGED })],
    actions: [action(1, 0, { text: FORGED, owner: `Platform\nteam`, due: '2026-11-24' })],
  });
  const history = [
    entry({ entity: 'risk', entityKey: '1', entityLabel: FORGED, field: 'created', newValue: FORGED }),
  ];

  it('keeps every piece of user text on the line of its item, so no line of the message is forged', () => {
    const { message } = render(p, history);
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    for (const section of ['slowing', 'risks', 'blocked', 'waiting', 'changes', 'next', 'readiness']) {
      const [title, ...lines] = sectionText(message.blocks, section).split('\n');
      expect(title, section).toMatch(/^\*[^*]+\*$/);
      for (const line of lines) expect(line, section).toMatch(/^(• |_)/);
      expect(lines.join('\n'), section).toContain(FORGED_SHOWN);
    }
    expect(sectionText(message.blocks, 'risks')).toContain(
      `• :red_circle: High: ${FORGED_SHOWN} — *WS${BIDI_SHOWN}* · _${FORGED_SHOWN}_`,
    );
    expect(sectionText(message.blocks, 'readiness')).toContain(
      `*Hosting ${BIDI_SHOWN}* — Partially ready: ${FORGED_SHOWN}`,
    );
    expect(sectionText(message.blocks, 'next')).toContain(`— Platform team`);
    expect(textOf(message.blocks, DIGEST_BLOCKS.header)).toBe(`Program ${BIDI_SHOWN} · Week of 23 Nov 2026`);
  });

  it('keeps the fallback text to one line per blocked workstream', () => {
    const { message } = render(p, history);
    const lines = message.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Program /);
    expect(lines[1]).toBe(`Blocked: WS${BIDI_SHOWN} — ${FORGED_SHOWN}`);
    expect(forgedLines(message.text)).toEqual([]);
  });

  it('keeps the plain-text preview’s lines its own too', () => {
    const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });
    const preview = digestPreviewText(digest, p);
    expect(preview).toContain(`  - High: ${FORGED_PLAIN} — WS${BIDI_SHOWN} · ${FORGED_PLAIN}`);
    expect(preview.startsWith(`Program ${BIDI_SHOWN} — Week of 23 Nov 2026\n`)).toBe(true);
    expect(forgedLines(preview)).toEqual([]);
    expect(preview).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
  });
});

/** 1,000 workstreams, 300 open high risks, texts at their longest, full of characters that escaping grows. */
function hugeProgram(): { program: Program; history: HistoryEntry[] } {
  const status = (i: number) => STATUSES[i % STATUSES.length] as Status;
  const free = (i: number) => RISKS[i % RISKS.length] === 'high' && !['done', 'blocked'].includes(status(i));
  const UPSTREAM = Array.from({ length: 1000 }, (_, i) => i)
    .filter(free)
    .slice(0, 6)
    .map((i) => `ws-${i}`);
  const long = (label: string, max: number) => `${label} ${'<&> '.repeat(max)}`.slice(0, max);
  const workstreams = Array.from({ length: 1000 }, (_, i) =>
    workstream(`ws-${i}`, i, {
      name: long(`Workstream ${i}`, 150),
      ownerTeam: long(`Team ${i % 17}`, 200),
      ownerIds: Array.from({ length: 8 }, (_, j) => `U${String((i + j) % 50).padStart(6, '0')}`),
      status: status(i),
      risk: RISKS[i % RISKS.length],
      blocker: long(`blocker ${i}`, 500),
      // Blocked work downstream of the first high-risk open workstreams: "upstream of blocked …" at its longest.
      dependsOn: status(i) === 'blocked' ? UPSTREAM : [],
      statusSince: '2026-10-01T17:00:00.000Z',
      updatedAt: '2026-10-01T17:00:00.000Z',
    }),
  );
  const risks = Array.from({ length: 300 }, (_, i) =>
    risk(i + 1, i, { text: long(`risk ${i}`, 500), severity: 'high', workstream: `ws-${i}` }),
  );
  const actions = Array.from({ length: 400 }, (_, i) =>
    action(i + 1, i, {
      text: long(`action ${i}`, 500),
      owner: `U${String(i % 50).padStart(6, '0')}`,
      due: '2026-11-20',
    }),
  );
  const items = Array.from({ length: 60 }, (_, i) =>
    readiness(i + 1, i, { name: long(`dim ${i}`, 150), note: long('note', 500) }),
  );
  const history = workstreams.map((w) =>
    entry({
      entity: 'workstream',
      entityKey: w.key,
      entityLabel: w.name,
      field: 'status',
      oldValue: 'drafted',
      newValue: w.status,
    }),
  );
  return {
    program: program({ name: long('Program', 150), workstreams, risks, actions, readiness: items }),
    history,
  };
}

describe('digestMessage within Block Kit limits', () => {
  it('never plans more than Slack’s 50 blocks', () => {
    expect(DIGEST_MAX_BLOCKS).toBeLessThanOrEqual(BLOCK_LIMITS.messageBlocks);
  });

  it('fits a 1,000-workstream program with 300 high risks and long texts, cutting lists with "and N more"', () => {
    const { program: p, history } = hugeProgram();
    const { digest, message } = render(p, history);
    expect(digest.counts.highRisks).toBe(300);
    expect(digest.slowing.filter((w) => w.upstreamOf.length > 3).length).toBeGreaterThan(0);
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_MAX_BLOCKS);
    expect(message.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
    expect(message.text).toMatch(/…and \d+ more blocked workstreams/);
    // Every list shows what fits and counts the rest, so that nothing silently disappears.
    const totals = {
      slowing: digest.slowing.length,
      risks: digest.topRisks.length,
      blocked: digest.blocked.length,
      waiting: digest.waiting.length,
      changes: digest.changes.length,
      stale: digest.stale.length,
      next: digest.actions.overdue.length + digest.actions.dueThisWeek.length,
      readiness: digest.readiness.length,
    };
    for (const [section, total] of Object.entries(totals)) {
      const text = sectionText(message.blocks, section);
      const shown = text.split('\n').filter((l) => l.startsWith('• ')).length;
      const counted = Number(/_…and (\d+) more .+ — see the full status_/.exec(text)?.[1]);
      expect(shown, section).toBeGreaterThan(0);
      expect(shown + counted, section).toBe(total);
    }
    // No raw '<' in mrkdwn but our own mentions and dates (the header is plain_text).
    expect(JSON.stringify(message.blocks.filter((b) => b.type !== 'header'))).not.toMatch(/<(?![@!])/);
  });
});

describe('digestPreviewText', () => {
  const { program: p, history } = scenario();
  const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: history, since: LAST_DIGEST });
  const preview = digestPreviewText(digest, p);

  it('reads as plain text with the same sections, user IDs as @U…, no Slack markup', () => {
    expect(preview).toContain('Builder Insights operationalization — Week of 23 Nov 2026');
    expect(preview).toContain(
      '2 high risks · 2 blocked · 2 need a decision · 1 of 3 readiness dimensions ready',
    );
    expect(preview).toContain(
      '  - High: identity decisions stay abstract — Identity and SSO · Identity and Security',
    );
    expect(preview).toContain(
      '  - Readiness gating (blocked 7 days) — depends on upstream decisions · Product (@UOWNER04)',
    );
    expect(preview).toContain(
      '  - Kanopy hosting — last updated 13 days ago · Platform Engineering (@UOWNER02 @UOWNER03)',
    );
    expect(preview).toContain('  - Readiness gating: Drafted → Blocked');
    expect(preview).toContain(
      '\nMost likely to slow rollout (3)\n  - Identity and SSO — high risk, upstream of blocked Readiness gating · Identity and Security (@UOWNER01)\n',
    );
    expect(preview).toContain(
      '  - Overdue (due Fri 20 Nov 2026, 3 days ago): confirm Okta meeting path — @UOWNER01',
    );
    expect(preview).toContain('Full status: /rollout status builder-insights');
    expect(preview).not.toMatch(/<@|:[a-z_]+:|\*/);
  });

  it('shows user text as typed, unescaped', () => {
    const q = program({
      workstreams: [workstream('evil', 0, { name: 'Evil', status: 'blocked', blocker: EVIL })],
    });
    const text = digestPreviewText(buildDigest({ program: q, asOf: AS_OF, changesSince: [] }), q);
    expect(text).toContain(`Evil (blocked 3 days) — ${EVIL}`);
    expect(text).not.toContain('&amp;');
  });

  it('names who owns waiting work, and counts open actions that have no due date', () => {
    const p = program({
      workstreams: [
        workstream('waiting-one', 0, {
          name: 'Waiting one',
          status: 'needs-decision',
          ownerTeam: 'Legal',
          ownerIds: ['UOWNER09'],
        }),
      ],
      actions: [action(1, 0, { due: null }), action(2, 1, { due: null })],
    });
    const preview = digestPreviewText(render(p).digest, p);
    expect(preview).toContain('Waiting one — ');
    expect(preview).toContain('· Legal (@UOWNER09)');
    expect(preview).toContain(
      'No open actions are overdue or due this week. 2 open actions have no due date',
    );
  });
});

describe('digestMessage: decisions', () => {
  const p = program({
    workstreams: [
      workstream('identity-sso', 0, {
        name: 'Identity and SSO',
        ownerTeam: 'Identity and Security',
        ownerIds: ['UOWNER01'],
        status: 'needs-decision',
        blocker: 'approved Okta path',
        statusSince: '2026-11-11T18:00:00.000Z',
      }),
      workstream('org-access', 1, { name: 'Org-aware access', status: 'needs-validation' }),
      workstream('gating', 2, { name: 'Readiness gating', status: 'blocked', blocker: 'upstream' }),
    ],
    decisions: [
      decision(1, 0, {
        question: 'Which Okta path?',
        workstreams: ['identity-sso'],
        deciders: ['UDECIDE1', 'UDECIDE2'],
        neededBy: '2026-12-11',
      }),
      decision(2, 1, {
        question: 'Which org source?',
        workstreams: ['org-access', 'gating'],
        deciders: ['UDECIDE1'],
        neededBy: '2026-11-20',
        openedAt: '2026-11-17T18:00:00.000Z',
      }),
      decision(3, 2, { question: 'Program-wide question' }),
      decision(4, 3, {
        question: 'Which telemetry stack?',
        workstreams: ['identity-sso'],
        state: 'decided',
        outcome: 'OpenTelemetry, owned by Platform',
        decidedBy: ['UDECIDE1', 'UDECIDE2'],
        decidedAt: '2026-11-20',
        link: 'https://example.slack.com/archives/C1/p1|x>',
      }),
      decision(5, 4, {
        question: 'Which hosting?',
        state: 'decided',
        outcome: 'Kanopy',
        decidedAt: '2026-11-18',
        link: 'javascript:alert(1)',
      }),
    ],
  });
  const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: [], since: LAST_DIGEST });
  const { blocks, text } = digestMessage(digest, p);

  it('is a message Slack accepts, within the planned blocks', () => {
    expect(blockKitProblems(blocks, 'message')).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(DIGEST_MAX_BLOCKS);
  });

  it('shows each waiting workstream’s decision, its deciders and its age, overdue work first', () => {
    const lines = sectionText(blocks, 'waiting').split('\n');
    expect(lines[0]).toBe('*Waiting on a decision or validation (2)*');
    expect(lines[1]).toBe(
      '• *Org-aware access* — :microscope: Needs validation, waiting 3 days: _no blocker recorded_ · _no owner_ · :hourglass_flowing_sand: Decision: Which org source? — <@UDECIDE1>, waiting 6 days, :warning: *overdue* (needed by Fri 20 Nov 2026)',
    );
    expect(lines[2]).toBe(
      '• *Identity and SSO* — :raised_hand: Needs decision, waiting 12 days: approved Okta path · _Identity and Security_ (<@UOWNER01>) · :hourglass_flowing_sand: Decision: Which Okta path? — <@UDECIDE1> <@UDECIDE2>, waiting 12 days, needed by Fri 11 Dec 2026',
    );
    // The program-wide one is on no listed work: counted, not lost.
    expect(lines[3]).toBe('_1 open decision is on no waiting or blocked work: see /rollout decisions._');
    expect(sectionText(blocks, 'blocked')).toContain(
      '• *Readiness gating* (blocked 3 days) — upstream · _no owner_ · :hourglass_flowing_sand: Decision: Which org source? — <@UDECIDE1>, waiting 6 days, :warning: *overdue*',
    );
  });

  it('says what was decided this week: outcome, who as mentions, and the link only when it is http(s)', () => {
    const ids = blocks.map((b) => b.block_id ?? b.type);
    expect(ids.indexOf('digest_decided:0')).toBe(ids.indexOf('digest_waiting:0') + 1);
    const lines = sectionText(blocks, 'decided').split('\n');
    expect(lines).toEqual([
      '*Decided this week (2)*',
      '• :white_check_mark: *Which hosting?* — Kanopy (decided, Wed 18 Nov 2026)',
      '• :white_check_mark: *Which telemetry stack?* — OpenTelemetry, owned by Platform (decided by <@UDECIDE1> <@UDECIDE2>, Fri 20 Nov 2026) · _Identity and SSO_ · <https://example.slack.com/archives/C1/p1%7Cx%3E|where it was decided>',
    ]);
    expect(JSON.stringify(blocks)).not.toContain('javascript:');
  });

  it('puts what was decided in the notification text too', () => {
    expect(text.split('\n').slice(1)).toEqual([
      'Blocked: Readiness gating — upstream',
      'Decided: Which hosting? — Kanopy',
      'Decided: Which telemetry stack? — OpenTelemetry, owned by Platform',
    ]);
  });

  it('says so when nothing was decided', () => {
    const q = program({ decisions: [decision(1, 0, { question: 'still open' })] });
    const d = buildDigest({ program: q, asOf: AS_OF, changesSince: [], since: LAST_DIGEST });
    const m = digestMessage(d, q);
    expect(sectionText(m.blocks, 'decided')).toBe(
      '*Decided this week (0)*\n_No decisions were recorded since Mon 16 Nov 2026._',
    );
    expect(sectionText(m.blocks, 'waiting')).toBe(
      '*Waiting on a decision or validation (0)*\n_Nothing is waiting on a decision or validation. 1 open decision is on no waiting or blocked work: see /rollout decisions._',
    );
  });

  it('shows the same in the plain-text preview', () => {
    const preview = digestPreviewText(digest, p);
    expect(preview).toContain(
      '\nWaiting on a decision or validation (2)\n  - Org-aware access — Needs validation, waiting 3 days: no blocker recorded · no owner · Decision: Which org source? — @UDECIDE1, waiting 6 days, overdue (needed by Fri 20 Nov 2026)\n',
    );
    expect(preview).toContain(
      '\nDecided this week (2)\n  - Which hosting? — Kanopy (decided, Wed 18 Nov 2026)\n  - Which telemetry stack? — OpenTelemetry, owned by Platform (decided by @UDECIDE1 @UDECIDE2, Fri 20 Nov 2026) · Identity and SSO · where it was decided: https://example.slack.com/archives/C1/p1|x>\n',
    );
    expect(preview).toContain('1 open decision is on no waiting or blocked work: see /rollout decisions.');
    expect(preview).not.toContain('javascript:');
  });

  it('counts pending decisions past the two it names for one workstream', () => {
    const q = program({
      workstreams: [workstream('w', 0, { name: 'W', status: 'needs-decision' })],
      decisions: [1, 2, 3, 4].map((i) => decision(i, i, { question: `q${i}`, workstreams: ['w'] })),
    });
    const d = buildDigest({ program: q, asOf: AS_OF, changesSince: [] });
    const waiting = sectionText(digestMessage(d, q).blocks, 'waiting');
    expect(waiting).toContain('Decision: q1 —');
    expect(waiting).toContain('Decision: q2 —');
    expect(waiting).not.toContain('q3');
    expect(waiting).toContain(' · +2 more decisions');
  });

  it('escapes decisions’ text everywhere, keeps it on its line, and pings nobody', () => {
    const q = program({
      workstreams: [workstream('w', 0, { name: 'W', status: 'needs-decision' })],
      decisions: [
        decision(1, 0, { question: `${EVIL}\n${FORGED}`, workstreams: ['w'], deciders: [EVIL] }),
        decision(2, 1, {
          question: `${EVIL}\n${FORGED}`,
          state: 'decided',
          outcome: `${EVIL}\n${FORGED}`,
          decidedBy: [EVIL],
          decidedAt: '2026-11-20',
        }),
      ],
    });
    const d = buildDigest({ program: q, asOf: AS_OF, changesSince: [], since: LAST_DIGEST });
    const m = digestMessage(d, q);
    expect(blockKitProblems(m.blocks, 'message')).toEqual([]);
    for (const section of ['waiting', 'decided']) {
      const [title, ...lines] = sectionText(m.blocks, section).split('\n');
      expect(title, section).toMatch(/^\*[^*]+\*$/);
      expect(lines, section).toHaveLength(1);
      expect(lines[0], section).toMatch(/^• /);
      expect(lines[0], section).toContain(EVIL_ESCAPED);
      expect(lines[0], section).toContain(FORGED_SHOWN);
    }
    expect(m.text).toContain(`Decided: ${EVIL_ESCAPED} ${FORGED_SHOWN} — ${EVIL_ESCAPED} ${FORGED_SHOWN}`);
    expect(forgedLines(m.text)).toEqual([]);
    const mrkdwn = JSON.stringify({ text: m.text, blocks: m.blocks.filter((b) => b.type !== 'header') });
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<https://evil');
    const preview = digestPreviewText(d, q);
    expect(forgedLines(preview)).toEqual([]);
    expect(preview).toContain(`Decision: ${EVIL} ${FORGED_PLAIN}`);
  });
});

describe('digestMessage: a program with 200 decisions', () => {
  const long = (label: string, max: number) => `${label} ${'<&> '.repeat(max)}`.slice(0, max);
  const ids = Array.from({ length: 8 }, (_, j) => `U${String(j).padStart(6, '0')}`);
  const workstreams = Array.from({ length: 60 }, (_, i) =>
    workstream(`ws-${i}`, i, {
      name: long(`Workstream ${i}`, 150),
      status: i % 3 === 0 ? 'blocked' : 'needs-decision',
      blocker: long(`blocker ${i}`, 500),
      ownerIds: ids,
    }),
  );
  // 100 pending (half overdue) on the waiting and blocked work, 100 decided this week with long outcomes.
  const decisions = Array.from({ length: 200 }, (_, i) =>
    i < 100
      ? decision(i + 1, i, {
          question: long(`pending ${i}`, 500),
          workstreams: [`ws-${i % 60}`, `ws-${(i + 1) % 60}`],
          deciders: ids,
          neededBy: i % 2 === 0 ? '2026-11-02' : '2026-12-30',
        })
      : decision(i + 1, i, {
          question: long(`decided ${i}`, 500),
          state: 'decided',
          outcome: long(`outcome ${i}`, 1000),
          decidedBy: ids,
          decidedAt: '2026-11-20',
          workstreams: workstreams.slice(0, 6).map((w) => w.key),
          link: `https://example.com/${'a'.repeat(900)}`,
        }),
  );
  const p = program({ name: long('Program', 150), workstreams, decisions });
  const digest = buildDigest({ program: p, asOf: AS_OF, changesSince: [], since: LAST_DIGEST });
  const message = digestMessage(digest, p);

  it('stays within Block Kit’s limits, cutting each list with "and N more"', () => {
    expect(digest.decided).toHaveLength(100);
    expect(digest.counts.pendingDecisions).toBe(100);
    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_MAX_BLOCKS);
    expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.messageBlocks);
    expect(message.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
    for (const b of message.blocks) {
      if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText);
    }
    const totals = { waiting: digest.waiting.length, blocked: digest.blocked.length, decided: 100 };
    for (const [section, total] of Object.entries(totals)) {
      const text = sectionText(message.blocks, section);
      const shown = text.split('\n').filter((l) => l.startsWith('• ')).length;
      const counted = Number(/_…and (\d+) more .+ — see the full status_/.exec(text)?.[1]);
      expect(shown, section).toBeGreaterThan(0);
      expect(shown + counted, section).toBe(total);
    }
    // Links are whole or left out: a line is never cut through one.
    const decided = sectionText(message.blocks, 'decided');
    expect(decided).toContain('|where it was decided>');
    expect(decided.match(/<https:/g)?.length).toBe(decided.match(/\|where it was decided>/g)?.length);
    expect(JSON.stringify(message.blocks.filter((b) => b.type !== 'header'))).not.toMatch(/<(?![@!h])/);
  });

  it('previews the same lists, capped as in the message', () => {
    const preview = digestPreviewText(digest, p);
    expect(preview).toContain('\nDecided this week (100)\n');
    expect(preview).toContain('  …and 80 more decisions — see the full status');
    expect(preview).toContain('Decision: pending 0 ');
  });
});

describe('the digest’s dates', () => {
  const identity = workstream('identity-sso', 0, {
    name: 'Identity and SSO',
    target: '2027-02-01',
    baseline: '2027-01-18',
  });
  const gate = {
    ...milestone('Internal readiness gate', ['identity-sso']),
    key: 'gate',
    target: '2027-01-15',
    baseline: '2027-01-15',
  };
  const moved = [
    entry({
      entity: 'workstream',
      entityKey: 'identity-sso',
      field: 'target',
      oldValue: '2027-01-18',
      newValue: '2027-01-25',
    }),
    entry({
      entity: 'workstream',
      entityKey: 'identity-sso',
      field: 'target',
      oldValue: '2027-01-25',
      newValue: '2027-02-01',
      note: `vendor review ${EVIL}`,
    }),
    // Moved and moved back: not news.
    entry({
      entity: 'milestone',
      entityKey: 'gate',
      field: 'target',
      oldValue: '2027-01-15',
      newValue: '2027-01-22',
    }),
    entry({
      entity: 'milestone',
      entityKey: 'gate',
      field: 'target',
      oldValue: '2027-01-22',
      newValue: '2027-01-15',
    }),
  ];

  it('lists a date due before what it depends on, then each target that moved, net, with reason and slip', () => {
    const { digest, message } = render(program({ workstreams: [identity], milestones: [gate] }), moved);

    expect(digest.counts).toMatchObject({ datesMoved: 1, dateConflicts: 1 });
    const text = sectionText(message.blocks, 'dates');
    expect(text).toContain('*Dates (1 moved since Mon 16 Nov 2026, 1 due before what they depend on)*');
    expect(text).toContain(
      '• :warning: *Internal readiness gate* is due Fri 15 Jan 2027 but depends on *Identity and SSO*, due Mon 1 Feb 2027',
    );
    expect(text).toContain(
      `• :calendar: *Identity and SSO*: Mon 18 Jan 2027 → Mon 1 Feb 2027 (+2 weeks against baseline): vendor review ${EVIL_ESCAPED}`,
    );
    expect(text).not.toContain('Jan 22');
    // Target moves are the dates list's, not "What changed" lines.
    expect(sectionText(message.blocks, 'changes')).not.toContain('Identity and SSO');
  });

  it('keeps 200 dated milestones in conflict within Slack’s limits, counting the rest', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...milestone(`Gate ${i}`, ['identity-sso']),
      key: `gate-${i}`,
      position: i,
      target: '2027-01-01',
    }));
    const { message } = render(program({ workstreams: [identity], milestones: many }), moved);

    expect(blockKitProblems(message.blocks, 'message')).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_MAX_BLOCKS);
    expect(sectionText(message.blocks, 'dates')).toMatch(/…and 181 more dates — see the full status/);
  });
});
