import { describe, expect, it } from 'vitest';
import { historyFieldLabel, historyValueLabel } from '../../src/domain/history-fields.js';

describe('history field labels', () => {
  it('names stored fields in the page’s words, and any other field still as words', () => {
    expect(historyFieldLabel('status')).toBe('Status');
    expect(historyFieldLabel('state')).toBe('Current state');
    expect(historyFieldLabel('blocker')).toBe('Main blocker');
    expect(historyFieldLabel('summary')).toBe('Snapshot');
    expect(historyFieldLabel('owner_ids')).toBe('Owners');
    expect(historyFieldLabel('some_new_field')).toBe('Some new field');
  });

  it('shows enumerated values as labels and leaves others alone', () => {
    expect(historyValueLabel('status', 'needs-decision')).toBe('Needs decision');
    expect(historyValueLabel('risk', 'high')).toBe('High');
    expect(historyValueLabel('severity', 'low')).toBe('Low');
    expect(historyValueLabel('signal', 'partial')).toBe('Partially ready');
    expect(historyValueLabel('status', 'unheard-of')).toBe('unheard-of');
    expect(historyValueLabel('blocker', 'high')).toBe('high');
  });
});
