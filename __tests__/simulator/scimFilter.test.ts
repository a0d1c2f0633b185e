import { describe, expect, it } from 'vitest';
import { compileFilter, FilterSyntaxError } from '../../src/simulator/scimFilter.js';

const users = [
  { id: 'a', status: 'ACTIVE', lastUpdated: '2026-01-01T00:00:00.000Z', profile: { email: 'ann@x.example', firstName: 'Ann' } },
  { id: 'b', status: 'SUSPENDED', lastUpdated: '2026-06-01T00:00:00.000Z', profile: { email: 'bob@y.example', firstName: 'Bob' } },
  { id: 'c', status: 'ACTIVE', lastUpdated: '2026-09-01T00:00:00.000Z', profile: { email: null, firstName: 'Cy' } },
];
const ids = (expr: string, attrs?: string[]) => users.filter(compileFilter(expr, attrs)).map((u) => u.id);

describe('Okta filter expressions', () => {
  it.each([
    ['status eq "ACTIVE"', ['a', 'c']],
    ['status ne "ACTIVE"', ['b']],
    ['lastUpdated gt "2026-03-01T00:00:00.000Z"', ['b', 'c']],
    ['profile.email sw "ann"', ['a']],
    ['profile.email co "example"', ['a', 'b']],
    ['profile.email ew "y.example"', ['b']],
    ['profile.email pr', ['a', 'b']],
    ['status eq "ACTIVE" and profile.firstName sw "c"', ['c']],
    ['status eq "SUSPENDED" or id eq "a"', ['a', 'b']],
    ['not (status eq "ACTIVE")', ['b']],
    ['(id eq "a" or id eq "b") and status eq "ACTIVE"', ['a']],
    ['STATUS EQ "active"', []],
  ])('%s', (expr, expected) => {
    expect(ids(expr)).toEqual(expected);
  });

  it('is case-insensitive in operators and values, as Okta is for eq', () => {
    expect(ids('status EQ "active"')).toEqual(['a', 'c']);
  });

  it.each(['', 'status', 'status eq', 'status eq ACTIVE', '(status eq "A"', 'status eq "A" garbage', 'status like "A"', 'status eq "unterminated'])(
    'rejects %j with a syntax error',
    (expr) => {
      expect(() => compileFilter(expr)).toThrow(FilterSyntaxError);
    },
  );

  it('refuses attributes the endpoint does not filter on', () => {
    expect(() => compileFilter('profile.department eq "x"', ['status'])).toThrow(/the attribute 'profile.department' cannot be used here/);
  });
});
