import { describe, expect, it } from 'vitest';
import {
  isMultiLine,
  multiLine,
  normalizeUserText,
  oneLine,
  withoutBidiControls,
} from '../../src/domain/user-text.js';
import { BIDI, BIDI_SHOWN, FORGED, FORGED_PLAIN } from '../support/forged-text.js';

describe('oneLine', () => {
  it('turns every line break and whitespace run into one space, trimmed', () => {
    expect(oneLine(FORGED)).toBe(FORGED_PLAIN);
    expect(oneLine('  a\r\nb\rc\u2028d\u2029e\u0085f\tg\v\fh  ')).toBe('a b c d e f g h');
    expect(oneLine('\n\n')).toBe('');
  });

  it('drops bidi embeddings, overrides, isolates and marks', () => {
    expect(oneLine(BIDI)).toBe(BIDI_SHOWN);
    expect(withoutBidiControls('\u202Eabc\u202C')).toBe('abc');
  });

  it('leaves ordinary text, right-to-left letters and emoji alone', () => {
    expect(oneLine('Okta/identity — R&D <team> שלום 🚀')).toBe('Okta/identity — R&D <team> שלום 🚀');
  });
});

describe('multiLine', () => {
  it('keeps the lines, whatever ends them, with at most one blank line in a row', () => {
    expect(multiLine('  first  line \r\nsecond\u2028third\r\n\r\n\r\n\n fourth\t\t ok ')).toBe(
      'first line\nsecond\nthird\n\nfourth ok',
    );
  });

  it('drops bidi controls', () => {
    expect(multiLine(`${BIDI}\n${BIDI}`)).toBe(`${BIDI_SHOWN}\n${BIDI_SHOWN}`);
  });
});

describe('normalizeUserText', () => {
  it('keeps the lines of summaries only; every other stored text is one line', () => {
    expect(normalizeUserText('summary', 'a\n\nb')).toBe('a\n\nb');
    expect(normalizeUserText('programSummary', 'a\nb')).toBe('a\nb');
    for (const field of [
      'blocker',
      'state',
      'riskText',
      'nextActionText',
      'note',
      'readinessNote',
    ] as const) {
      expect(normalizeUserText(field, 'a\n\nb'), field).toBe('a b');
    }
    expect(isMultiLine('workstreamName')).toBe(false);
  });
});
