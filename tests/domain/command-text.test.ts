import { describe, expect, it } from 'vitest';
import { COMMAND_TEXT_LIMIT, commandTokens, parseCommandText } from '../../src/domain/command-text.js';

describe('parseCommandText', () => {
  it('splits the subcommand from its arguments on spaces', () => {
    expect(parseCommandText('status identity-sso')).toEqual({ sub: 'status', args: ['identity-sso'] });
    expect(parseCommandText('risks')).toEqual({ sub: 'risks', args: [] });
  });

  it('keeps a "straight-quoted" phrase together as one argument, without its quotes', () => {
    expect(parseCommandText('status "Identity and SSO"')).toEqual({
      sub: 'status',
      args: ['Identity and SSO'],
    });
    expect(parseCommandText('history "Kanopy hosting" builder-insights')).toEqual({
      sub: 'history',
      args: ['Kanopy hosting', 'builder-insights'],
    });
  });

  it('keeps a “curly-quoted” phrase together too, as macOS Slack sends quotes with smart quotes on', () => {
    expect(parseCommandText('status “Identity and SSO”')).toEqual({
      sub: 'status',
      args: ['Identity and SSO'],
    });
    expect(parseCommandText('update “Identity and SSO” "Kanopy hosting" “the "new" path”')).toEqual({
      sub: 'update',
      args: ['Identity and SSO', 'Kanopy hosting', 'the "new" path'],
    });
  });

  it('ignores extra spaces, tabs and line breaks between words, before and after', () => {
    expect(parseCommandText('   status    identity-sso   ')).toEqual({
      sub: 'status',
      args: ['identity-sso'],
    });
    expect(parseCommandText('status\t"Identity and SSO"\n  next')).toEqual({
      sub: 'status',
      args: ['Identity and SSO', 'next'],
    });
  });

  it('gives an empty subcommand and no arguments for empty or blank text', () => {
    expect(parseCommandText('')).toEqual({ sub: '', args: [] });
    expect(parseCommandText('   ')).toEqual({ sub: '', args: [] });
  });

  it('lower-cases the subcommand only: arguments keep the case they were typed in', () => {
    expect(parseCommandText('STATUS Identity')).toEqual({ sub: 'status', args: ['Identity'] });
    expect(parseCommandText('Risks “Identity and SSO”')).toEqual({
      sub: 'risks',
      args: ['Identity and SSO'],
    });
  });

  it('takes a quoted subcommand as a word like any other', () => {
    expect(parseCommandText('“Status” x')).toEqual({ sub: 'status', args: ['x'] });
  });

  it('runs a quote left open to the end of the text', () => {
    expect(parseCommandText('status "Identity and SSO')).toEqual({
      sub: 'status',
      args: ['Identity and SSO'],
    });
    expect(parseCommandText('history “Kanopy hosting')).toEqual({ sub: 'history', args: ['Kanopy hosting'] });
  });

  it('reads text full of unclosed quotes in one pass: a million characters within the test timeout', () => {
    // The regex it replaces looked for a closing quote afresh at each opening one: 1.9 s at 120k characters,
    // growing with the square of the length (minutes at a million).
    const text = '" “'.repeat(333_334);
    const tokens = commandTokens(text);
    expect(tokens[0]).toBe('“');
    expect(tokens.length).toBeGreaterThan(300_000);
  });

  it('ignores text past COMMAND_TEXT_LIMIT characters', () => {
    const padded = `status ${'x'.repeat(COMMAND_TEXT_LIMIT)} beyond`;
    expect(parseCommandText(padded)).toEqual({ sub: 'status', args: ['x'.repeat(COMMAND_TEXT_LIMIT - 7)] });
  });

  it('splits exactly as the regex it replaces, on every short mix of words, spaces and quotes', () => {
    const old = (text: string) =>
      [...text.matchAll(/"([^"]*)"|“([^”]*)”|["“]([^"”]*)$|(\S+)/g)]
        .map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim())
        .filter(Boolean);
    const alphabet = ['a', ' ', '"', '“', '”', '\t'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 12);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(commandTokens(text), JSON.stringify(text)).toEqual(old(text));
    }
  });
});
