import { describe, expect, it } from 'vitest';
import {
  canActOnDecision,
  canAddDecision,
  canAddNextAction,
  canAddRisk,
  canEditNextAction,
  canEditReadiness,
  canEditRisk,
  canEditWorkstream,
  canMoveListItem,
  isAdmin,
  isMember,
  type ProgramAccess,
} from '../../src/domain/permissions.js';

const OWNER = 'UOWNER01';
const OTHER_OWNER = 'UOWNER02';
const ADMIN = 'UADMIN01';
const GLOBAL = 'UGLOBAL01';
const STRANGER = 'USTRANGER';
const ASSIGNEE = 'UASSIGNEE';
const globalAdmins = [GLOBAL];

const identity = { key: 'identity-sso', name: 'Identity and SSO', ownerIds: [OWNER] };
const hosting = { key: 'kanopy-hosting', name: 'Kanopy hosting', ownerIds: [OTHER_OWNER] };
const gating = { key: 'readiness-gating', name: 'Readiness gating', ownerIds: [] };
const program: ProgramAccess = {
  name: 'Builder Insights',
  admins: [ADMIN],
  workstreams: [identity, hosting, gating],
};

describe('admins and members', () => {
  it('counts program admins and global admins as admins, nobody else', () => {
    expect(isAdmin(ADMIN, program, globalAdmins)).toBe(true);
    expect(isAdmin(GLOBAL, program, globalAdmins)).toBe(true);
    expect(isAdmin(OWNER, program, globalAdmins)).toBe(false);
    expect(isAdmin(ADMIN, { ...program, admins: [] }, globalAdmins)).toBe(false);
  });

  it('makes a member of whoever owns a workstream of the program', () => {
    expect(isMember(OWNER, program)).toBe(true);
    expect(isMember(ADMIN, program)).toBe(false);
    expect(isMember(STRANGER, program)).toBe(false);
  });
});

describe('canEditWorkstream', () => {
  it('lets the workstream’s owners, program admins and global admins change it, saying as what', () => {
    expect(canEditWorkstream(OWNER, program, identity, globalAdmins)).toEqual({
      allowed: true,
      as: 'workstream-owner',
    });
    expect(canEditWorkstream(ADMIN, program, identity, globalAdmins)).toEqual({
      allowed: true,
      as: 'program-admin',
    });
    expect(canEditWorkstream(GLOBAL, program, identity, globalAdmins)).toEqual({
      allowed: true,
      as: 'rollout-admin',
    });
  });

  it('refuses the owner of another workstream and a stranger, naming who can', () => {
    const refused = canEditWorkstream(OTHER_OWNER, program, identity, globalAdmins);
    expect(refused).toEqual({
      allowed: false,
      reason:
        'Only the owners of Identity and SSO, its backups or an admin of Builder Insights can change it.',
    });
    expect(canEditWorkstream(STRANGER, program, identity, globalAdmins).allowed).toBe(false);
  });

  it('lets a backup update the workstream it backs, and nothing else', () => {
    const backed = { ...identity, backupIds: [STRANGER] };
    expect(canEditWorkstream(STRANGER, program, backed, globalAdmins)).toEqual({
      allowed: true,
      as: 'workstream-backup',
    });
    expect(canEditWorkstream(STRANGER, program, { ...gating, backupIds: [STRANGER] }, globalAdmins)).toEqual({
      allowed: true,
      as: 'workstream-backup',
    });
    expect(canEditWorkstream(OTHER_OWNER, program, backed, globalAdmins).allowed).toBe(false);
  });

  it('leaves a workstream without owners to admins, and says so', () => {
    const refused = canEditWorkstream(OWNER, program, gating, globalAdmins);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason).toBe(
      'Readiness gating has no owners yet, so only an admin of Builder Insights can change it.',
    );
    expect(canEditWorkstream(ADMIN, program, gating, globalAdmins).allowed).toBe(true);
  });
});

describe('adding risks and actions', () => {
  it('is open to any member and to admins', () => {
    for (const add of [canAddRisk, canAddNextAction]) {
      expect(add(OWNER, program, globalAdmins)).toEqual({ allowed: true, as: 'program-member' });
      expect(add(ADMIN, program, globalAdmins).allowed).toBe(true);
      expect(add(GLOBAL, program, globalAdmins).allowed).toBe(true);
    }
  });

  it('is refused to someone who owns nothing in the program', () => {
    expect(canAddRisk(STRANGER, program, globalAdmins)).toEqual({
      allowed: false,
      reason: 'Only people who own a workstream in Builder Insights, or its admins, can add risks.',
    });
    expect(canAddNextAction(STRANGER, program, globalAdmins).allowed).toBe(false);
  });
});

describe('canEditRisk', () => {
  const tied = { workstream: 'identity-sso' };
  const untied = { workstream: null };

  it('gives a risk tied to a workstream to that workstream’s owners and admins', () => {
    expect(canEditRisk(OWNER, program, tied, globalAdmins)).toEqual({
      allowed: true,
      as: 'workstream-owner',
    });
    expect(canEditRisk(ADMIN, program, tied, globalAdmins).allowed).toBe(true);
    expect(canEditRisk(OTHER_OWNER, program, tied, globalAdmins)).toEqual({
      allowed: false,
      reason:
        'This risk belongs to Identity and SSO: only its owners or an admin of Builder Insights can change it.',
    });
  });

  it('lets any member edit a risk tied to no workstream, but not a stranger', () => {
    expect(canEditRisk(OTHER_OWNER, program, untied, globalAdmins)).toEqual({
      allowed: true,
      as: 'program-member',
    });
    expect(canEditRisk(STRANGER, program, untied, globalAdmins)).toEqual({
      allowed: false,
      reason: 'Only people who own a workstream in Builder Insights or its admins can change this risk.',
    });
  });

  it('leaves a risk of an ownerless workstream to admins', () => {
    const refused = canEditRisk(OWNER, program, { workstream: 'readiness-gating' }, globalAdmins);
    expect(!refused.allowed && refused.reason).toBe(
      'This risk belongs to Readiness gating, which has no owners yet: only an admin of Builder Insights can change it.',
    );
  });
});

describe('canEditNextAction', () => {
  it('follows the risk rules for owners, members and admins', () => {
    const tied = { workstream: 'identity-sso', owner: 'Platform team' };
    expect(canEditNextAction(OWNER, program, tied, globalAdmins).allowed).toBe(true);
    expect(canEditNextAction(GLOBAL, program, tied, globalAdmins).allowed).toBe(true);
    expect(canEditNextAction(OTHER_OWNER, program, tied, globalAdmins).allowed).toBe(false);
    expect(canEditNextAction(OTHER_OWNER, program, { ...tied, workstream: null }, globalAdmins).allowed).toBe(
      true,
    );
  });

  it('lets the person the action is assigned to edit it, even owning nothing', () => {
    const mine = { workstream: 'identity-sso', owner: ASSIGNEE };
    expect(canEditNextAction(ASSIGNEE, program, mine, globalAdmins)).toEqual({
      allowed: true,
      as: 'action-owner',
    });
    expect(canEditNextAction(ASSIGNEE, program, { ...mine, workstream: null }, globalAdmins).allowed).toBe(
      true,
    );
  });

  it('names the assignee among those who can, when refusing', () => {
    const refused = canEditNextAction(
      STRANGER,
      program,
      { workstream: 'identity-sso', owner: ASSIGNEE },
      globalAdmins,
    );
    expect(!refused.allowed && refused.reason).toBe(
      'This action belongs to Identity and SSO: only its owners, the person it is assigned to or an admin of Builder Insights can change it.',
    );
  });
});

describe('canMoveListItem', () => {
  const mine = { workstream: 'identity-sso' };

  it('lets anyone who may edit it leave it where it is, and members or admins move it anywhere', () => {
    expect(canMoveListItem(ASSIGNEE, program, mine, undefined, globalAdmins, 'next actions').allowed).toBe(
      true,
    );
    expect(
      canMoveListItem(ASSIGNEE, program, mine, 'identity-sso', globalAdmins, 'next actions').allowed,
    ).toBe(true);
    expect(canMoveListItem(OTHER_OWNER, program, mine, 'kanopy-hosting', globalAdmins, 'risks').allowed).toBe(
      true,
    );
    expect(canMoveListItem(GLOBAL, program, mine, null, globalAdmins, 'risks').allowed).toBe(true);
  });

  it('refuses someone who owns no workstream moving an item elsewhere, or untying it', () => {
    for (const to of ['kanopy-hosting', null, '']) {
      const refused = canMoveListItem(ASSIGNEE, program, mine, to, globalAdmins, 'next actions');
      expect(!refused.allowed && refused.reason).toBe(
        'Only people who own a workstream in Builder Insights, or its admins, can move next actions to another workstream.',
      );
    }
  });
});

describe('canEditReadiness', () => {
  it('is the admins’ call only: owners and strangers are refused with the reason', () => {
    expect(canEditReadiness(ADMIN, program, globalAdmins)).toEqual({ allowed: true, as: 'program-admin' });
    expect(canEditReadiness(GLOBAL, program, globalAdmins)).toEqual({ allowed: true, as: 'rollout-admin' });
    expect(canEditReadiness(OWNER, program, globalAdmins)).toEqual({
      allowed: false,
      reason: 'Only an admin of Builder Insights can change readiness: it is the program’s go/no-go call.',
    });
    expect(canEditReadiness(STRANGER, program, globalAdmins).allowed).toBe(false);
  });
});

describe('decisions', () => {
  const program = {
    name: 'Builder Insights',
    admins: ['UPADMIN1'],
    workstreams: [
      { key: 'sso', name: 'Identity and SSO', ownerIds: ['UOWNER01'] },
      { key: 'kanopy', name: 'Kanopy hosting', ownerIds: ['UOWNER02'] },
    ],
  };
  const d = { workstreams: ['sso'], deciders: ['U0LEAD1'] };

  it('lets deciders, the blocked workstream’s owners and admins act on a decision', () => {
    expect(canActOnDecision('U0LEAD1', program, d, [])).toEqual({ allowed: true, as: 'decider' });
    expect(canActOnDecision('UOWNER01', program, d, [])).toEqual({ allowed: true, as: 'workstream-owner' });
    expect(canActOnDecision('UPADMIN1', program, d, [])).toEqual({ allowed: true, as: 'program-admin' });
    expect(canActOnDecision('UGLOBAL1', program, d, ['UGLOBAL1'])).toEqual({
      allowed: true,
      as: 'rollout-admin',
    });
  });

  it('refuses other members, saying who may', () => {
    expect(canActOnDecision('UOWNER02', program, d, [])).toEqual({
      allowed: false,
      reason:
        'Only its deciders, the owners of Identity and SSO or an admin of Builder Insights can change this decision.',
    });
    expect(canActOnDecision('UOWNER02', program, { workstreams: [], deciders: [] }, [])).toEqual({
      allowed: false,
      reason: 'Only its deciders or an admin of Builder Insights can change this decision.',
    });
  });

  it('lets members and admins add one', () => {
    expect(canAddDecision('UOWNER02', program, []).allowed).toBe(true);
    expect(canAddDecision('U0LEAD1', program, [])).toEqual({
      allowed: false,
      reason: 'Only people who own a workstream in Builder Insights, or its admins, can add decisions.',
    });
  });
});
