import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Program, Workstream } from '../../src/domain/program.js';
import { viewProblems } from '../../src/slack-standin/block-kit-rules.js';
import { decodeProgramRef, decodeWorkstreamRef } from '../../src/ui/action-values.js';
import { homeView } from '../../src/ui/home-view.js';
import { ACTIONS, BLOCKS, HOME_BLOCKS, homeProgramBlock, workstreamRowBlock } from '../../src/ui/ids.js';
import { blockText, blockWithId } from '../support/blocks.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_SHOWN } from '../support/forged-text.js';
import { program as baseProgram, numberedWorkstream } from '../support/program-objects.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const ME = 'UOWNER01';

const ws = (i: number, over: Partial<Workstream> = {}) =>
  numberedWorkstream(i, { updatedAt: '2026-11-17T12:00:00Z', ...over });
const program = (id: number, workstreams: Workstream[], over: Partial<Program> = {}) =>
  baseProgram({ id, slug: `p${id}`, name: `Program ${id}`, workstreams, ...over });

const mine = (blocks: KnownBlock[]) =>
  blocks.filter((b): b is SectionBlock => b.type === 'section' && String(b.block_id).startsWith('home_ws:'));

describe('homeView', () => {
  it('lists the viewer’s workstreams with status, risk, time since update and an Update button', () => {
    const p = program(1, [
      ws(0, { name: 'Not mine' }),
      ws(1, { name: 'Mine & done', ownerIds: [ME], status: 'done', risk: 'high' }),
      ws(2, { name: 'Mine <high>', ownerIds: ['UOTHER', ME], status: 'blocked', risk: 'high' }),
    ]);
    const view = homeView({ userId: ME, programs: [p], now: NOW });
    expect(view.type).toBe('home');
    expect(viewProblems(view, 'home')).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your workstreams' } });
    const rows = mine(view.blocks);
    expect(rows.map((r) => r.text?.text.split('\n')[0])).toEqual([
      '*Mine &lt;high&gt;*',
      '*Mine &amp; done*',
    ]);
    expect(rows[0]?.text?.text).toContain('Blocked · :red_circle: High risk');
    expect(rows[0]?.text?.text).toContain('updated 9 days ago');
    const button = rows[0]?.accessory;
    expect(button).toMatchObject({ type: 'button', action_id: ACTIONS.openWorkstreamUpdate });
    expect(decodeWorkstreamRef((button as { value?: string }).value)).toEqual({
      program: 'p1',
      workstream: 'ws-2',
    });
    // The overview follows, with its Details buttons (from Home they answer in a modal).
    expect(blockText(view, homeProgramBlock('p1', BLOCKS.statusHeader))).toContain('Program 1');
    expect(blockWithId(view, homeProgramBlock('p1', workstreamRowBlock('ws-0')))).toMatchObject({
      accessory: { action_id: ACTIONS.showWorkstream },
    });
  });

  it('lists what the viewer backs up too, saying so, with its Update button', () => {
    const p = program(1, [
      ws(0, { name: 'Not mine' }),
      ws(1, { name: 'Covered', ownerIds: ['UOTHER'], backupIds: [ME] }),
      ws(2, { name: 'Mine', ownerIds: [ME] }),
    ]);
    const rows = mine(homeView({ userId: ME, programs: [p], now: NOW }).blocks);

    expect(rows.map((r) => r.text?.text.split('\n')[0])).toEqual(['*Covered* · _you back it up_', '*Mine*']);
    expect(rows[0]?.accessory).toMatchObject({ type: 'button', action_id: ACTIONS.openWorkstreamUpdate });
  });

  it('keeps a name to its own line, so it cannot add a status line of its own, and drops bidi controls', () => {
    const p = program(1, [ws(1, { name: `${FORGED}${BIDI}`, ownerIds: [ME], blocker: FORGED })], {
      name: `Program\n${BIDI}`,
    });
    const other = program(2, []);
    const view = homeView({ userId: ME, programs: [p, other], now: NOW });
    expect(viewProblems(view, 'home')).toEqual([]);
    const row = mine(view.blocks)[0];
    expect(row?.text?.text.split('\n')).toEqual([
      `*${FORGED_SHOWN}${BIDI_SHOWN}* · Program ${BIDI_SHOWN}`,
      ':memo: Drafted · :large_green_circle: Low risk',
      'updated 9 days ago',
    ]);
    expect(row?.accessory).toMatchObject({
      accessibility_label: expect.not.stringMatching(/[\n\u202A-\u202E\u2066-\u2069]/),
    });
    expect(JSON.stringify(view.blocks)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
  });

  it('has a friendly line, then the overview, for someone who owns nothing', () => {
    const view = homeView({
      userId: 'UNOBODY',
      programs: [program(1, [ws(0, { ownerIds: [ME] })])],
      now: NOW,
    });
    expect(mine(view.blocks)).toEqual([]);
    expect(blockText(view, HOME_BLOCKS.mineEmpty)).toContain('You don’t own any workstream yet.');
    expect(blockText(view, homeProgramBlock('p1', workstreamRowBlock('ws-0')))).toContain('Workstream 0');
    expect(viewProblems(view, 'home')).toEqual([]);
  });

  it('says there is no program yet when there is none', () => {
    const view = homeView({ userId: ME, programs: [], now: NOW });
    expect(blockText(view, HOME_BLOCKS.noPrograms)).toContain('There is no program yet.');
    expect(viewProblems(view, 'home')).toEqual([]);
  });

  it('names the program of each of your workstreams when there are several, and keeps block_ids unique', () => {
    const a = program(1, [ws(0, { ownerIds: [ME] })]);
    const b = program(2, [ws(0, { ownerIds: [ME] })]);
    const view = homeView({ userId: ME, programs: [a, b], now: NOW });
    expect(mine(view.blocks).map((r) => r.text?.text.split('\n')[0])).toEqual([
      '*Workstream 0* · Program 1',
      '*Workstream 0* · Program 2',
    ]);
    expect(viewProblems(view, 'home')).toEqual([]);
  });

  it('stays within 100 blocks for a program of 1,000 workstreams, of which you own 60', () => {
    const p = program(
      1,
      Array.from({ length: 1000 }, (_, i) => ws(i, { ownerIds: i % 17 === 0 ? [ME] : [] })),
    );
    const view = homeView({ userId: ME, programs: [p], now: NOW });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(viewProblems(view, 'home')).toEqual([]);
    expect(mine(view.blocks)).toHaveLength(20);
    expect(blockText(view, HOME_BLOCKS.mineMore)).toContain('…and 39 more of yours.');
    expect(blockText(view, homeProgramBlock('p1', BLOCKS.statusMore))).toMatch(/…and \d+ more workstreams/);
    const more = view.blocks.find((b): b is SectionBlock => String(b.block_id).endsWith(':status_more'));
    expect(more?.accessory).toMatchObject({ action_id: ACTIONS.showStatus });
    expect(decodeProgramRef((more?.accessory as { value?: string } | undefined)?.value)).toBe('p1');
  });

  it('stays within 100 blocks for many programs, showing small ones whole and counting the rest', () => {
    const small = program(1, [ws(0), ws(1)]);
    const bigs = Array.from({ length: 40 }, (_, n) =>
      program(
        n + 2,
        Array.from({ length: 200 }, (_, i) => ws(i)),
      ),
    );
    const view = homeView({ userId: ME, programs: [small, ...bigs], now: NOW });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(viewProblems(view, 'home')).toEqual([]);
    expect(blockWithId(view, homeProgramBlock('p1', workstreamRowBlock('ws-1')))).toBeDefined();
    // Every program shown shows some of its workstreams, not counts alone.
    const headers = view.blocks.filter((b) => String(b.block_id).endsWith(':status_header'));
    for (const h of headers) {
      const slug = String(h.block_id).split(':')[1];
      const rows = view.blocks.filter((b) => String(b.block_id).startsWith(`home_p:${slug}:ws_row:`));
      expect(rows.length).toBeGreaterThanOrEqual(2);
    }
    expect(headers.length).toBeGreaterThan(5);
    expect(blockText(view, HOME_BLOCKS.programsMore)).toMatch(
      /…and \d+ more programs\. See one with `\/rollout status PROGRAM`/,
    );
    // Programs with your workstreams come first, so a cut never hides them.
    const yours = program(99, [ws(0, { ownerIds: [ME] })], { slug: 'zz-yours' });
    const withYours = homeView({ userId: ME, programs: [...bigs, yours], now: NOW });
    expect(blockWithId(withYours, homeProgramBlock('zz-yours', BLOCKS.statusHeader))).toBeDefined();
    expect(withYours.blocks.length).toBeLessThanOrEqual(100);
  });

  it('stays within 100 blocks with the references of many programs, each overview ending with its own', () => {
    const references = [{ position: 0, title: 'Decision Register', url: 'https://wiki.example.com/dr' }];
    const small = program(1, [ws(0, { state: 'on track', ownerIds: [ME] })], { references });
    const bigs = Array.from({ length: 40 }, (_, n) =>
      program(
        n + 2,
        Array.from({ length: 200 }, (_, i) => ws(i, { ownerIds: i % 9 === 0 ? [ME] : [] })),
        { references },
      ),
    );
    const view = homeView({ userId: ME, programs: [small, ...bigs], now: NOW });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(viewProblems(view, 'home')).toEqual([]);
    expect(blockText(view, homeProgramBlock('p1', BLOCKS.statusReferences))).toContain(
      '<https://wiki.example.com/dr|Decision Register>',
    );
    expect(blockText(view, homeProgramBlock('p1', workstreamRowBlock('ws-0')))).toContain(
      '*State:* on track',
    );
    const headers = view.blocks.filter((b) => String(b.block_id).endsWith(':status_header'));
    for (const h of headers) {
      const slug = String(h.block_id).split(':')[1];
      expect(blockWithId(view, homeProgramBlock(String(slug), BLOCKS.statusReferences))).toBeDefined();
    }
    const one = homeView({ userId: ME, programs: [bigs[0] as Program], now: NOW });
    expect(one.blocks.length).toBeLessThanOrEqual(100);
    expect(one.blocks.at(-1)?.block_id).toBe(homeProgramBlock('p2', BLOCKS.statusReferences));
  });
});
