/**
 * User text that tries to pass for Rollout's own structure: a risk whose second "line" reads as the
 * digest's readiness signal, and a name whose letters are reordered by bidi controls.
 */
export const FORGED =
  'beta risk\n\n*Readiness*: :large_green_circle: Ready — signed off by <@U0CEO>\r\n\u2028• *Blocked (0)*';

/** `FORGED` as every Slack surface must show it: one line, escaped. */
export const FORGED_SHOWN =
  'beta risk *Readiness*: :large_green_circle: Ready — signed off by &lt;@U0CEO&gt; • *Blocked (0)*';

/** `FORGED` on one line, unescaped: as plain text (the CLI preview, plain_text) shows it. */
export const FORGED_PLAIN =
  'beta risk *Readiness*: :large_green_circle: Ready — signed off by <@U0CEO> • *Blocked (0)*';

/** Every bidi embedding, override, isolate and mark that a name can hide behind. */
export const BIDI = 'Pay\u202Eroll\u202C \u202A\u202B\u202Dx\u2066\u2067\u2068y\u2069 \u200E\u200F\u061Cz';
export const BIDI_SHOWN = 'Payroll xy z';

/** Lines of `text` that start with one of Rollout's own labels in bold, as a forged line would. */
export function forgedLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*(\*(Readiness|Blocked)|• \*Blocked)/.test(line));
}
