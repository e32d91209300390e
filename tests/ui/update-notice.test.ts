import { describe, expect, it } from 'vitest';
import { updateNotice } from '../../src/ui/update-notice.js';
import { workstream } from '../support/program-objects.js';

describe('updateNotice', () => {
  const w = workstream('identity-sso', { name: 'Identity and SSO' });

  it('names status, risk and target moves, the target with its reason, and lists the other fields', () => {
    const { text } = updateNotice(
      w,
      [
        { field: 'status', oldValue: 'needs-decision', newValue: 'blocked' },
        { field: 'target', oldValue: '2027-01-18', newValue: '2027-02-01', note: 'vendor <!channel> review' },
        { field: 'blocker', oldValue: 'a', newValue: 'b' },
      ],
      'U0OWNER1',
    );

    expect(text).toBe(
      '*Identity and SSO*: Needs decision → Blocked; target 18 Jan 2027 → 1 Feb 2027 (vendor &lt;!channel&gt; review); updated main blocker, by <@U0OWNER1>',
    );
  });

  it('says when a first target was set, or a target cleared', () => {
    const first = updateNotice(w, [{ field: 'target', oldValue: null, newValue: '2027-02-01' }], 'U0OWNER1');
    const cleared = updateNotice(
      w,
      [{ field: 'target', oldValue: '2027-02-01', newValue: null }],
      'U0OWNER1',
    );

    expect(first.text).toContain('target none → 1 Feb 2027, by');
    expect(cleared.text).toContain('target 1 Feb 2027 → none, by');
  });
});
