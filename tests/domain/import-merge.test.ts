import { describe, expect, it } from 'vitest';
import { mergeProgram } from '../../src/domain/import-merge.js';
import { type ProgramFile, type ProgramFileInput, parseProgramFile } from '../../src/domain/program-file.js';
import { smallProgram } from '../support/programs.js';

const RISK = 'identity decisions stay abstract and block entitlement implementation';
const ACTION = 'confirm owner and meeting path for Okta/identity decisions';

function parsed(input: ProgramFileInput): ProgramFile {
  const result = parseProgramFile(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.program;
}

/** The small program as the last import left it: its risk is row 7, its action row 9. */
function base(): ProgramFile {
  const file = parsed(smallProgram());
  return {
    ...file,
    risks: file.risks.map((r) => ({ ...r, id: 7 })),
    actions: file.actions.map((a) => ({ ...a, id: 9 })),
  };
}

/** `base()` with one workstream's fields changed. */
function withWorkstream(from: ProgramFile, key: string, fields: Partial<ProgramFile['workstreams'][number]>) {
  return { ...from, workstreams: from.workstreams.map((w) => (w.key === key ? { ...w, ...fields } : w)) };
}

const ws = (p: ProgramFile, key: string) => p.workstreams.find((w) => w.key === key);

describe('mergeProgram', () => {
  it('keeps a value changed in Slack that the file did not change, and takes the file’s unrelated change', () => {
    const current = withWorkstream(base(), 'identity-sso', { status: 'blocked' });
    const file = withWorkstream(base(), 'kanopy-hosting', { status: 'needs-validation' });

    const { merged, conflicts } = mergeProgram({ base: base(), current, file });

    expect(conflicts).toEqual([]);
    expect(ws(merged, 'identity-sso')?.status).toBe('blocked');
    expect(ws(merged, 'kanopy-hosting')?.status).toBe('needs-validation');
  });

  it('takes the file’s value where nobody changed it in Slack, and agrees when both sides made the same change', () => {
    const current = withWorkstream(base(), 'identity-sso', { status: 'blocked', risk: 'medium' });
    const file = withWorkstream(base(), 'identity-sso', { status: 'blocked', blocker: 'the Okta contract' });

    const { merged, conflicts } = mergeProgram({ base: base(), current, file });

    expect(conflicts).toEqual([]);
    expect(ws(merged, 'identity-sso')).toMatchObject({
      status: 'blocked',
      risk: 'medium',
      blocker: 'the Okta contract',
    });
  });

  it('reports a field changed on both sides to different values, with base, Slack’s and the file’s values', () => {
    const current = withWorkstream(base(), 'identity-sso', { status: 'blocked' });
    const file = withWorkstream(base(), 'identity-sso', { status: 'in-discovery' });

    const { conflicts } = mergeProgram({ base: base(), current, file });

    expect(conflicts).toEqual([
      {
        kind: 'field',
        entity: 'workstream',
        item: 'identity-sso',
        label: 'Identity and SSO',
        field: 'status',
        base: 'needs-decision',
        slack: 'blocked',
        file: 'in-discovery',
      },
    ]);
  });

  it('settles every conflict with the file’s values under prefer file, and Slack’s under prefer slack', () => {
    const current = withWorkstream(base(), 'identity-sso', { status: 'blocked', state: 'waiting on legal' });
    const file = withWorkstream(base(), 'identity-sso', { status: 'in-discovery', state: 'scoping again' });

    const byFile = mergeProgram({ base: base(), current, file, prefer: 'file' });
    const bySlack = mergeProgram({ base: base(), current, file, prefer: 'slack' });

    expect(byFile.conflicts.map((c) => c.kind === 'field' && c.field)).toEqual(['state', 'status']);
    expect(ws(byFile.merged, 'identity-sso')).toMatchObject({
      status: 'in-discovery',
      state: 'scoping again',
    });
    expect(bySlack.conflicts).toHaveLength(2);
    expect(ws(bySlack.merged, 'identity-sso')).toMatchObject({
      status: 'blocked',
      state: 'waiting on legal',
    });
  });

  it('merges risks, readiness and actions per item and field', () => {
    const b = base();
    const current: ProgramFile = {
      ...b,
      risks: b.risks.map((r) => ({ ...r, severity: 'medium' })),
      readiness: b.readiness.map((r) => (r.name === 'Hosting readiness' ? { ...r, signal: 'ready' } : r)),
      actions: b.actions.map((a) => ({ ...a, done: true })),
    };
    const file: ProgramFile = {
      ...b,
      risks: b.risks.map((r) => ({ ...r, status: 'closed' })),
      readiness: b.readiness.map((r) => (r.name === 'Hosting readiness' ? { ...r, note: 'shaped' } : r)),
      actions: b.actions.map((a) => ({ ...a, due: '2026-12-15' })),
    };

    const { merged, conflicts } = mergeProgram({ base: b, current, file });

    expect(conflicts).toEqual([]);
    expect(merged.risks).toEqual([
      { id: 7, text: RISK, severity: 'medium', workstream: 'identity-sso', status: 'closed' },
    ]);
    expect(merged.readiness.find((r) => r.name === 'Hosting readiness')).toEqual({
      name: 'Hosting readiness',
      signal: 'ready',
      note: 'shaped',
    });
    expect(merged.actions[0]).toMatchObject({ id: 9, done: true, due: '2026-12-15' });
  });

  it('knows a risk renamed in Slack by its id, and a file without ids by the last import’s text', () => {
    const b = base();
    const current: ProgramFile = {
      ...b,
      risks: b.risks.map((r) => ({ ...r, text: 'identity stays abstract' })),
    };
    const oldFile = parsed(
      smallProgram({ risks: [{ text: RISK, severity: 'low', workstream: 'identity-sso' }] }),
    );

    const { merged, conflicts, file } = mergeProgram({ base: b, current, file: oldFile });

    expect(conflicts).toEqual([]);
    expect(file.risks[0]?.id).toBe(7);
    expect(merged.risks).toEqual([
      { id: 7, text: 'identity stays abstract', severity: 'low', workstream: 'identity-sso', status: 'open' },
    ]);
  });

  it('keeps items added in Slack, adds the file’s new ones and drops what the file removed and Slack left alone', () => {
    const b = base();
    const slackRisk = { id: 12, text: 'budget slips', severity: 'medium' as const, status: 'open' as const };
    const current: ProgramFile = { ...b, risks: [...b.risks, slackRisk] };
    const file: ProgramFile = {
      ...b,
      risks: [{ text: 'new from the file', severity: 'low', status: 'open' }],
    };

    const { merged, conflicts, fromFile } = mergeProgram({ base: b, current, file });

    expect(conflicts).toEqual([]);
    expect(merged.risks.map((r) => r.text)).toEqual(['new from the file', 'budget slips']);
    expect(fromFile.risks).toEqual([0, undefined]);
  });

  it('calls removing an item changed in Slack since the last import a conflict', () => {
    const b = base();
    const current: ProgramFile = { ...b, actions: b.actions.map((a) => ({ ...a, done: true })) };
    const file: ProgramFile = { ...b, actions: [] };

    const stopped = mergeProgram({ base: b, current, file });
    const byFile = mergeProgram({ base: b, current, file, prefer: 'file' });
    const bySlack = mergeProgram({ base: b, current, file, prefer: 'slack' });

    expect(stopped.conflicts).toEqual([
      { kind: 'removal', entity: 'action', item: '9', label: ACTION, removedBy: 'file', fields: ['done'] },
    ]);
    expect(byFile.merged.actions).toEqual([]);
    expect(bySlack.merged.actions.map((a) => a.id)).toEqual([9]);
  });

  it('changes nothing when the file is the store as exported, whatever the base', () => {
    const current = withWorkstream(base(), 'identity-sso', { status: 'blocked' });

    const { merged, conflicts } = mergeProgram({ base: base(), current, file: current });

    expect(conflicts).toEqual([]);
    expect(merged).toEqual(current);
  });

  it('counts a difference on an item the last import did not have as a conflict', () => {
    const b = base();
    const added = { id: 12, text: 'budget slips', severity: 'medium' as const, status: 'open' as const };
    const current: ProgramFile = { ...b, risks: [...b.risks, added] };
    const file: ProgramFile = { ...b, risks: [...b.risks, { ...added, severity: 'high' }] };

    const { conflicts } = mergeProgram({ base: b, current, file });

    expect(conflicts).toEqual([
      {
        kind: 'field',
        entity: 'risk',
        item: '12',
        label: 'budget slips',
        field: 'severity',
        base: undefined,
        slack: 'medium',
        file: 'high',
      },
    ]);
  });

  it('merges decisions by id: a decision recorded in Slack survives a file that only moved its date', () => {
    const question = 'Which Okta path do we use?';
    const withDecision = (from: ProgramFile, fields: Partial<ProgramFile['decisions'][number]> = {}) => ({
      ...from,
      decisions: [
        {
          id: 4,
          question,
          workstreams: ['identity-sso'],
          deciders: ['UADMIN01'],
          needed_by: '2026-12-11',
          state: 'open' as const,
          outcome: '',
          decided_by: [],
          reason: '',
          ...fields,
        },
      ],
    });
    const decided = {
      state: 'decided' as const,
      outcome: 'Okta OIDC',
      decided_by: ['UADMIN01'],
      decided_at: '2026-12-01',
    };
    const current = withDecision(base(), decided);
    const file = withDecision(base(), { needed_by: '2026-12-18' });

    const { merged, conflicts } = mergeProgram({ base: withDecision(base()), current, file });

    expect(conflicts).toEqual([]);
    expect(merged.decisions).toEqual([
      expect.objectContaining({ id: 4, ...decided, needed_by: '2026-12-18' }),
    ]);

    const clash = mergeProgram({
      base: withDecision(base()),
      current,
      file: withDecision(base(), { outcome: 'SAML' }),
    });
    expect(clash.conflicts).toEqual([
      expect.objectContaining({
        kind: 'field',
        entity: 'decision',
        item: '4',
        field: 'outcome',
        slack: 'Okta OIDC',
        file: 'SAML',
      }),
    ]);
  });
});
