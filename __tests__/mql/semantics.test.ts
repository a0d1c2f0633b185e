// MQL semantics as a table of cases: expression, data, expected value. Each row is one fact about
// the language that bundles written for cnspec rely on.
import { describe, expect, it } from 'vitest';
import { isSuccess, isTruthy } from '../../src/mql/truthiness.js';
import { BlockValue, ErrorValue, MqlDuration, MqlTime, type Value } from '../../src/mql/values.js';
import { dataEnvironment, evalAll, evalLast, NOW } from '../helpers/mql.js';

const DATA: Value = {
  empty: [],
  nothing: null,
  nums: [1, 2, 3],
  words: ['alpha', 'beta', 'gamma'],
  users: [
    { name: 'ann', status: 'ACTIVE', age: 30, groups: ['a', 'b'] },
    { name: 'bob', status: 'SUSPENDED', age: 41, groups: [] },
    { name: 'cy', status: 'ACTIVE', age: 25, groups: ['b'] },
  ],
  settings: { password: { complexity: { minLength: 8 } }, flag: true, zero: 0, text: '15' },
  created: '2026-01-01T00:00:00.000Z',
  broken: new ErrorValue('could not read it', 'forbidden', 'the Super Administrator role'),
  brokenList: [1, new ErrorValue('one element failed', 'failed')],
};

const env = dataEnvironment(DATA, { minLength: 15, zones: ['z1', 'z2'] });
const value = (q: string) => evalLast(q, env);

type Case = [string, Value];

const CASES: Record<string, Case[]> = {
  'list functions on an empty list': [
    ['data.empty.where(_ == 1)', []],
    ['data.empty.all(_ == 1)', true],
    ['data.empty.any(_ == 1)', false],
    ['data.empty.none(_ == 1)', true],
    ['data.empty.one(_ == 1)', false],
    ['data.empty.contains(1)', false],
    ['data.empty.contains(_ > 1)', false],
    ['data.empty.map(_ + 1)', []],
    ['data.empty.length', 0],
    ['data.empty.first', null],
    ['data.empty.last', null],
    ['data.empty.containsAll([1])', false],
    ['data.empty.containsAll([])', true],
    ['data.empty.containsNone([1])', true],
    ['data.empty.containsOnly([1])', true],
  ],
  'list functions on a null list': [
    ['data.nothing.where(_ == 1)', null],
    ['data.nothing.map(_ + 1)', null],
    ['data.nothing.length', null],
    ['data.nothing.first', null],
    ['data.nothing.last', null],
  ],
  'list functions on data': [
    ['data.users.where(status == "ACTIVE").map(name)', ['ann', 'cy']],
    ['data.users.all(age > 20)', true],
    ['data.users.all(status == "ACTIVE")', false],
    ['data.users.any(status == "SUSPENDED")', true],
    ['data.users.none(age > 50)', true],
    ['data.users.one(status == "SUSPENDED")', true],
    ['data.users.one(status == "ACTIVE")', false],
    ['data.users.contains(name == "bob")', true],
    ['data.users.where(_["age"] > 28).length', 2],
    ['data.nums.contains(2)', true],
    ['data.nums.containsAll([1, 3])', true],
    ['data.nums.containsNone([4, 5])', true],
    ['data.nums.containsOnly([1, 2, 3, 4])', true],
    ['data.nums.containsOnly([1, 2])', false],
    ['data.nums.first', 1],
    ['data.nums.last', 3],
    ['data.nums[1]', 2],
    ['data.nums[-1]', 3],
    ['data.nums[7]', null],
    ['data.users.map(groups.length)', [2, 0, 1]],
    ['"beta".in(data.words)', true],
    ['"delta".notIn(data.words)', true],
    ['["alpha", "beta"].in(data.words)', true],
  ],
  'strings': [
    ['"Hello".downcase', 'hello'],
    ['"Hello".upcase', 'HELLO'],
    ['"Hello".length', 5],
    ['"a,b,c".split(",")', ['a', 'b', 'c']],
    ['"  x  ".trim', 'x'],
    ['"--x--".trim("-")', 'x'],
    ['"hello world".contains("o w")', true],
    ['"hello".contains(["x", "ell"])', true],
    ['"a" + "b"', 'ab'],
  ],
  'precedence': [
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['7 / 2', 3],
    ['7 / 2.5', 2.8],
    ['7 % 4', 3],
    ['-2 * 3', -6],
    ['!false && true', true],
    ['1 < 2 == true', true],
    ['2 > 1 && 3 > 2 || false', true],
  ],
  'soft equality': [
    ['"2" == 2', true],
    ['2 == "2"', true],
    ['[1] == 1', true],
    ['[1, 2] == 1', false],
    ['"true" == true', true],
    ['data.settings["text"] == 15', true],
    ['data.settings["text"] >= 15', true],
    ['null == null', true],
    ['null == 0', false],
    ['"" == null', false],
    ['[1, 2] == [1, 2]', true],
    ['{"a": 1} == {"a": 1}', true],
  ],
  'regular expressions': [
    ['"abc" == /b/', true],
    ['"abc" == /^b/', false],
    ['"abc" != /z/', true],
    ['null != /(OPTIONAL|REQUIRED)/', true],
    ['null == /x/', false],
    ['"ABC" =~ /abc/i', true],
    ['"ABC" !~ /abc/', true],
    ['"https://x.example" =~ "^https://"', true],
    ['data.words.where(_ == /^[ab]/)', ['alpha', 'beta']],
  ],
  'empty': [
    ['data.empty == empty', true],
    ['data.nothing == empty', true],
    ['"" == empty', true],
    ['{} == empty', true],
    ['data.nums == empty', false],
    ['data.nums != empty', true],
  ],
  'dict access and null chaining': [
    ['data.settings["password"]["complexity"]["minLength"]', 8],
    ["data.settings['password']['complexity']['minLength'] >= props.minLength", false],
    ['data.settings["missing"]["deeper"]["still"]', null],
    ['data.nothing["x"]', null],
    ['data.settings.flag', true],
    ['data.settings.zero == 0', true],
    ['data.settings.length', 4],
    ['data.settings.keys', ['password', 'flag', 'zero', 'text']],
  ],
  'variables and props': [
    ['x = 3\ny = x * 2\ny + 1', 7],
    ['active = data.users.where(status == "ACTIVE")\nactive.length', 2],
    ['props.zones.contains("z2")', true],
    ['"z3".in(props.zones)', false],
  ],
  'comments and layout': [
    ['# a comment\n1 + 1 // another', 2],
    ['/* block\ncomment */ 3', 3],
    ['data.users\n  .where(status == "ACTIVE")\n  .length', 2],
    ['data.users.all(age > 20) &&\n  data.users.any(name == "cy")', true],
  ],
};

describe('MQL semantics', () => {
  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      it.each(cases)('%s', async (query, expected) => {
        expect(await value(query)).toEqual(expected);
      });
    });
  }

  it('makes the predicates error on a null list, so missing data never passes', async () => {
    for (const fn of ['all', 'any', 'none', 'one', 'contains']) {
      const v = await value(`data.nothing.${fn}(_ == 1)`);
      expect(v, fn).toBeInstanceOf(ErrorValue);
    }
    for (const fn of ['containsAll', 'containsNone', 'containsOnly']) expect(await value(`data.nothing.${fn}([1])`), fn).toBeInstanceOf(ErrorValue);
  });

  it('propagates unreadable data through fields, operators, functions and blocks', async () => {
    for (const q of ['data.broken', 'data.broken["x"]', 'data.broken == 1', 'data.broken.length', 'data.broken.all(_ == 1)', 'data.brokenList.all(_ == 1)', '!data.broken', 'data.broken && true', 'data.broken.where(x == 1) { x }']) {
      const v = await value(q);
      expect(v, q).toBeInstanceOf(ErrorValue);
    }
    expect(((await value('data.broken')) as ErrorValue).needs).toBe('the Super Administrator role');
    expect(await value('false && data.broken')).toBe(false);
  });

  it('does time arithmetic and comparison', async () => {
    expect(await value('time.now')).toEqual(new MqlTime(NOW));
    expect(await value('time.today')).toEqual(new MqlTime(Date.parse('2026-12-04T00:00:00.000Z')));
    expect(await value('90 * time.day')).toEqual(new MqlDuration(90 * 86_400_000));
    expect(await value('time.now - 2 * time.hour < time.now')).toBe(true);
    expect(await value('time.now + time.minute > time.now')).toBe(true);
    expect(await value('(time.now - time.today) == 12 * time.hour')).toBe(true);
    expect(await value('time.day * 2 == 48 * time.hour')).toBe(true);
  });

  it('projects dicts and lists with blocks, and { * } takes every key', async () => {
    const blocks = (await value('data.users.where(status == "ACTIVE") { name age > 26 }')) as BlockValue[];
    expect(blocks.map((b) => b.entries.map((e) => [e.label, e.value, e.assertion]))).toEqual([
      [['name', 'ann', false], ['age > 26', true, true]],
      [['name', 'cy', false], ['age > 26', false, true]],
    ]);
    const star = (await value('data.settings { * }')) as BlockValue;
    expect(star.entries.map((e) => e.label)).toEqual(['password', 'flag', 'zero', 'text']);
    expect(await value('data.nothing { x }')).toBe(null);
  });

  it('binds _ and fields inside functions, and variables in blocks', async () => {
    expect(await value('data.users.where(_.name == "bob").map(_["age"])')).toEqual([41]);
    expect(await value('limit = 26\ndata.users.where(age > limit).length')).toBe(2);
    const b = (await value('data.users.first { n = name\nn + "!" }')) as BlockValue;
    expect(b.entries).toEqual([{ label: 'n + "!"', value: 'ann!', assertion: false }]);
  });

  it('marks which statements are assertions', async () => {
    const results = await evalAll('data.nums\ndata.nums.length > 2\ndata.nums.all(_ > 0)\nx = 1', env);
    expect(results.map((r) => r.assertion)).toEqual([false, true, true]);
  });
});

describe('truthiness and check verdicts', () => {
  const block = (...entries: Array<[Value, boolean]>) => new BlockValue(entries.map(([value, assertion], i) => ({ label: `e${i}`, value, assertion })));
  it.each<[string, Value, boolean, ReturnType<typeof isSuccess>]>([
    ['true', true, true, { valid: true, success: true }],
    ['false', false, false, { valid: true, success: false }],
    ['an empty list', [], false, { valid: false }],
    ['a list of trues', [true, true], true, { valid: true, success: true }],
    ['a list with a false', [true, false], false, { valid: true, success: false }],
    ['a string', 'x', true, { valid: false }],
    ['an empty string', '', false, { valid: false }],
    ['zero', 0, false, { valid: false }],
    ['null', null, false, { valid: false }],
    ['a dict', { a: 1 }, true, { valid: false }],
    ['a block with a passing assertion and data', block(['x', false], [true, true]), true, { valid: true, success: true }],
    ['a block with a failing assertion', block(['x', false], [false, true]), false, { valid: true, success: false }],
    ['a block with data only', block(['x', false]), true, { valid: false }],
    ['a list of blocks, one failing', [block([true, true]), block([false, true])], false, { valid: true, success: false }],
  ])('%s', (_, v, truthy, success) => {
    expect(isTruthy(v)).toBe(truthy);
    expect(isSuccess(v)).toEqual(success);
  });

  it('an error is neither truthy nor a success', () => {
    const e = new ErrorValue('x');
    expect(isTruthy(e)).toBe(false);
    expect(isSuccess(e)).toEqual({ valid: true, error: e });
    expect(isSuccess([true, e])).toEqual({ valid: true, error: e });
  });
});
