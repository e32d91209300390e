import { describe, expect, it } from 'vitest';
import { SnapshotCache } from '../../src/services/snapshot-cache.js';
import { StatusPages } from '../../src/services/status-pages.js';
import { statusPage } from '../../src/ui/status-overview.js';
import { textsWith } from '../support/blocks.js';
import { program as baseProgram, numberedWorkstream as ws } from '../support/program-objects.js';

describe('StatusPages', () => {
  it('builds the first page once per program snapshot and again for a new one', () => {
    const pages = new StatusPages();
    const snapshot = baseProgram({ workstreams: [ws(1)] });
    const first = pages.first(snapshot);
    expect(pages.first(snapshot)).toBe(first);
    expect(first).toEqual(statusPage(snapshot));
    const changed = baseProgram({ workstreams: [ws(1, { status: 'blocked', blocker: 'b' })] });
    expect(pages.first(changed)).not.toBe(first);
    expect(textsWith(pages.first(changed).blocks, 'Blocked')).not.toEqual([]);
  });
});

describe('SnapshotCache', () => {
  it('keeps one answer per snapshot, built again when its key changes', () => {
    const cache = new SnapshotCache<string>();
    const snapshot = baseProgram({ workstreams: [ws(1)] });
    let builds = 0;
    const build = () => `answer ${++builds}`;
    expect(cache.of(snapshot, 'Mon', build)).toBe('answer 1');
    expect(cache.of(snapshot, 'Mon', build)).toBe('answer 1');
    expect(cache.of(snapshot, 'Tue', build)).toBe('answer 2');
    expect(cache.of(baseProgram({ workstreams: [ws(1)] }), 'Tue', build)).toBe('answer 3');
  });
});
