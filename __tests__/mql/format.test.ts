import { describe, expect, it } from 'vitest';
import { block, formatAssertion, formatDuration, formatTime, inline, toJson } from '../../src/mql/format.js';
import { materialize } from '../../src/mql/display.js';
import { BlockValue, MqlDuration, MqlTime } from '../../src/mql/values.js';

describe('printing values as the cnspec shell does', () => {
  it('prints times in Go’s format, in UTC', () => {
    expect(formatTime(Date.parse('2023-01-20T23:49:58.000Z'))).toBe('2023-01-20 23:49:58 +0000 UTC');
  });

  it.each([
    [86_400_000 * 90, '90 days'],
    [3_600_000, '1 hour'],
    [90_000, '90 seconds'],
    [-60_000, '-1 minute'],
    [1500, '1500 ms'],
  ])('prints the duration %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('keeps flat dicts on one line with sorted keys and no nulls; unfolds long nested ones', async () => {
    expect(block(await materialize({ login: 'a@x', email: 'a@x', mobilePhone: null, firstName: 'A' }))).toBe('{email: "a@x", firstName: "A", login: "a@x"}');
    const nested = await materialize({ password: { complexity: { minLength: 8, minLowerCase: 1, minUpperCase: 1, minNumber: 1, minSymbol: 0 }, age: { maxAgeDays: 0, historyCount: 4, minAgeMinutes: 0 }, lockout: { maxAttempts: 10, autoUnlockMinutes: 0, showLockoutFailures: false } } });
    expect(block(nested)).toMatch(/^\{\n  password: \{\n    age: \{historyCount: 4, maxAgeDays: 0, minAgeMinutes: 0\}\n    complexity: \{/);
  });

  it('indexes lists and nests blocks', async () => {
    const d = await materialize([new BlockValue([{ label: 'name', value: 'x', assertion: false }, { label: 'n == 1', value: true, assertion: true }]), new MqlTime(0)]);
    expect(block(d)).toBe('[\n  0: {\n    name: "x"\n    n == 1: true\n  }\n  1: 1970-01-01 00:00:00 +0000 UTC\n]');
    expect(block(await materialize([]))).toBe('[]');
  });

  it('prints assertions with [ok], [failed] and [error]', async () => {
    expect(formatAssertion({ text: 'a == "block"', ok: true, value: await materialize('block') })).toBe('[ok] value: "block"');
    expect(formatAssertion({ text: 'a == "block"', ok: false, value: await materialize('audit'), expected: '== "block"' })).toBe('[failed] a == "block"\n  expected: == "block"\n  actual:   "audit"');
    expect(formatAssertion({ text: 'x', ok: false, value: await materialize(null), error: { message: 'no access' } })).toBe('[error] x\n  error: no access');
  });

  it('writes JSON with ISO times and durations in seconds', async () => {
    expect(toJson(await materialize({ at: new MqlTime(0), d: new MqlDuration(2000), r: /x/i }))).toEqual({ at: '1970-01-01T00:00:00.000Z', d: { seconds: 2 }, r: '/x/i' });
    expect(inline(await materialize(['a', 1, true, null]))).toBe('["a", 1, true, null]');
  });
});
