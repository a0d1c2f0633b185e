// Shell pieces that do not need a terminal: completion from the schema, help, and when a
// multi-line statement is complete.
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/shell/completion.js';
import { helpText } from '../../src/shell/help.js';
import { isComplete } from '../../src/shell/input.js';

describe('completion', () => {
  it.each([
    ['ok', ['okta'], 'ok'],
    ['okta.us', ['users'], 'us'],
    ['okta.organization.threat', ['threatInsightSettings'], 'threat'],
    ['okta.organization.threatInsightSettings.ac', ['action'], 'ac'],
    ['okta.users.wh', ['where'], 'wh'],
    ['okta.users.where(status == "A").le', ['length'], 'le'],
    ['okta.users.first.prof', ['profile'], 'prof'],
    ['x = okta.groups.first.mem', ['members'], 'mem'],
    ['okta.policies.password.first.rules.al', ['all'], 'al'],
    ['time.', ['day', 'hour', 'minute', 'now', 'second', 'today', 'week'], ''],
    ['okta.nothing.x', [], 'x'],
  ])('%j', (line, hits, partial) => {
    expect(complete(line)).toEqual([hits, partial]);
  });

  it('offers every field of a resource after the dot', () => {
    const [hits] = complete('okta.');
    expect(hits).toEqual(expect.arrayContaining(['users', 'groups', 'applications', 'policies', 'networks', 'organization']));
  });
});

describe('help', () => {
  it('lists the collections under okta', () => {
    expect(helpText()).toMatch(/okta\.users\s+\[\]okta\.user\s+users/);
  });

  it('lists a resource’s fields with their types', () => {
    const text = helpText('okta.policyRule');
    expect(text).toContain('okta.policyRule: A rule of a policy.');
    expect(text).toMatch(/actions\s+dict\s+what the rule does/);
  });

  it('suggests a resource for a typo', () => {
    expect(helpText('okta.usr')).toBe("There is no resource 'okta.usr' (did you mean 'okta.user'?). Type 'help' for the list.");
  });

  it('lists the functions', () => {
    expect(helpText('functions')).toMatch(/where\(…\)\s+list\s+the elements for which the condition holds/);
  });
});

describe('multi-line input', () => {
  it.each([
    ['okta.users', true],
    ['okta.users {', false],
    ['okta.users { name', false],
    ['okta.users {\n name\n}', true],
    ['okta.users.where(', false],
    ['okta.users.where(name == "{")', true],
    ["x == '('", true],
    ['x # {', true],
  ])('%j is complete: %s', (text, complete) => {
    expect(isComplete(text)).toBe(complete);
  });
});
