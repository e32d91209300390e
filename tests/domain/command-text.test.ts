import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/domain/command-text.js';

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
});
