import { describe, expect, it } from 'vitest';
import {
  decisionChoice,
  readDecisionChoice,
  readWorkstreamChoice,
  workstreamChoice,
} from '../../src/ui/decision-choices.js';

describe('the decision forms’ choices', () => {
  it('carry a decision’s id and a workstream’s key with the version the form showed, and read them back', () => {
    expect(readDecisionChoice(decisionChoice({ id: 12, version: 3 }))).toEqual({ id: 12, version: 3 });
    expect(readDecisionChoice('new')).toBeUndefined();
    expect(readDecisionChoice(undefined)).toBeUndefined();
    expect(readWorkstreamChoice(workstreamChoice({ key: 'id:sso', version: 4 }))).toEqual({
      key: 'id:sso',
      version: 4,
    });
    expect(readWorkstreamChoice('identity-sso')).toBeUndefined();
  });
});
