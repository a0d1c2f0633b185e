import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '../../src/simulator/fixture/jsonSyntax.js';

describe('jsonErrorOffset', () => {
  it('accepts everything JSON.stringify produces', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonErrorOffset(JSON.stringify(v, null, 2)) === -1));
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        return (jsonErrorOffset(text) === -1) === valid;
      }),
    );
  });

  it.each([
    ['{"a": idx}', 6],
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"tab\there"', 4],
    ['{} x', 3],
  ])('points at the first error in %j', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('turns an offset into a line and column', () => {
    expect(lineAndColumn('{\n  "a": x\n}', 9)).toBe('line 2, column 8');
  });
});
