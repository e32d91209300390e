import { describe, expect, it } from 'vitest';
import {
  canvasIdFromUrl,
  canvasSummary,
  canvasTabs,
  paneForCanvas,
} from '../../../src/playground/page/canvas-tabs.js';
import type { PlaygroundCanvas } from '../../../src/playground/protocol.js';

function canvas(id: string, fields: Partial<PlaygroundCanvas> = {}): PlaygroundCanvas {
  return { id, title: id, markdown: '', tabbedIn: [], updatedAt: 0, edits: 0, ...fields };
}

describe('canvasIdFromUrl', () => {
  it('reads the canvas of a Slack canvas link', () => {
    expect(canvasIdFromUrl('https://test.slack.com/docs/T0001/F0CANVAS0001')).toBe('F0CANVAS0001');
    expect(canvasIdFromUrl('https://acme.enterprise.slack.com/docs/T0ABC/F123ABC/?x=1')).toBe('F123ABC');
  });

  it('reads nothing from other links', () => {
    for (const url of [
      'https://test.slack.com/archives/C0001/p123',
      'http://test.slack.com/docs/T0001/F0001',
      'https://test.slack.com.evil.example/docs/T0001/F0001',
      'https://slack.com/docs/T0001/F0001',
      'https://test.slack.com/docs/T0001/F0001/extra',
      'javascript:alert(1)',
    ])
      expect(canvasIdFromUrl(url), url).toBeUndefined();
  });
});

describe('canvasTabs', () => {
  const own = canvas('F1', { channel: 'C1' });
  const tabbed = canvas('F2', { tabbedIn: ['C1', 'C2'] });
  const elsewhere = canvas('F3', { channel: 'C9' });

  it("lists the channel's own canvas first, then those tabbed in it", () => {
    expect(canvasTabs([tabbed, elsewhere, own], 'C1').map((c) => c.id)).toEqual(['F1', 'F2']);
    expect(canvasTabs([tabbed, own], 'C2').map((c) => c.id)).toEqual(['F2']);
    expect(canvasTabs([own], 'C3')).toEqual([]);
  });

  it('adds a canvas opened from elsewhere, once', () => {
    expect(canvasTabs([own, elsewhere], 'C1', 'F3').map((c) => c.id)).toEqual(['F1', 'F3']);
    expect(canvasTabs([own], 'C1', 'F1').map((c) => c.id)).toEqual(['F1']);
    expect(canvasTabs([own], 'C1', 'F404').map((c) => c.id)).toEqual(['F1']);
  });
});

describe('paneForCanvas', () => {
  const panes = ['C1', 'C2', 'D1'];

  it('opens a canvas in its channel, else a channel it is a tab of, when the person sees it', () => {
    expect(paneForCanvas(canvas('F1', { channel: 'C2' }), panes, 'C1')).toBe('C2');
    expect(paneForCanvas(canvas('F1', { tabbedIn: ['C9', 'C2'] }), panes, 'C1')).toBe('C2');
  });

  it('opens any other canvas where the person is, or in their first pane', () => {
    expect(paneForCanvas(canvas('F1', { channel: 'C9' }), panes, 'D1')).toBe('D1');
    expect(paneForCanvas(canvas('F1'), panes, undefined)).toBe('C1');
  });
});

describe('canvasSummary', () => {
  it('says how many times the app edited it', () => {
    expect(canvasSummary({ edits: 0 })).toBe('Canvas · created');
    expect(canvasSummary({ edits: 1 })).toBe('Canvas · edited 1 time · updated');
  });
});
