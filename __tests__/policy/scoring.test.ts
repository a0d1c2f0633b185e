// Scoring against values worked out by hand from the reference's formulas (okta-resources-and-mql
// §4): a passing check scores 100, a failing one 100 − impact; errors, skips and waived checks are
// not scored; risk is 100 − score.
import { describe, expect, it } from 'vitest';
import { checkScore, combinedScore, impactRating, policyScore, riskOf, riskRating, type Scorable } from '../../src/policy/scoring.js';

// A: pass i90 · B: fail i80 · C: fail i30 · D: error i100 · E: skip · F: waived i95 · G: pass i50 w2 · H: fail i60 w3
const MIXED: Scorable[] = [
  { status: 'pass', impact: 90 },
  { status: 'fail', impact: 80 },
  { status: 'fail', impact: 30 },
  { status: 'error', impact: 100 },
  { status: 'skip', impact: 70 },
  { status: 'waived', impact: 95 },
  { status: 'pass', impact: 50, weight: 2 },
  { status: 'fail', impact: 60, weight: 3 },
];

describe('check scores', () => {
  it('scores a pass 100, a failure 100 − impact, and leaves errors, skips and waivers unscored', () => {
    expect(checkScore({ status: 'pass', impact: 90 })).toBe(100);
    expect(checkScore({ status: 'fail', impact: 80 })).toBe(20);
    expect(checkScore({ status: 'fail' })).toBe(0);
    expect(checkScore({ status: 'error', impact: 100 })).toBeUndefined();
    expect(checkScore({ status: 'skip', impact: 10 })).toBeUndefined();
    expect(checkScore({ status: 'waived', impact: 95 })).toBeUndefined();
  });
});

describe('scoring systems on the same eight checks', () => {
  // Scored: A 100 (i90 w1), B 20 (i80 w1), C 70 (i30 w1), G 100 (i50 w2), H 40 (i60 w3).
  it('highest impact: the lowest score, so the risk is the worst failure', () => {
    expect(policyScore('highest impact', MIXED)).toBe(20);
  });
  it('average: (100 + 20 + 70 + 100 + 40) / 5 = 66', () => {
    expect(policyScore('average', MIXED)).toBe(66);
  });
  it('weighted: (100 + 20 + 70 + 200 + 120) / 8 = 63.75, floored', () => {
    expect(policyScore('weighted', MIXED)).toBe(63);
  });
  it('banded: a high-band failure caps the score at 50·pcrHigh + 10', () => {
    // low f=0 → pcrLow 0; mid f=1/2 → pcrMid (3+0)/4·½ = 0.375; high f=0 → pcrHigh 0;
    // critical passed, high failed → floor(50·0) + 10.
    expect(policyScore('banded', MIXED)).toBe(10);
  });
  it('decayed: x = 2.9, xmax = 4.8, g = 0.8 gives 30', () => {
    // x = 0.8 + 0.3 + 0.6·3; xmax = 0.9 + 0.8 + 0.3 + 0.5·2 + 0.6·3; g = 8/10;
    // 100·(e^(−2.9/4.8·0.8) − e^(−0.8)) / (1 − e^(−0.8)) = 30.39…
    expect(policyScore('decayed', MIXED)).toBe(30);
  });
  it('ignore score: no score at all', () => {
    expect(policyScore('ignore score', MIXED)).toBeUndefined();
  });
});

describe('banded scoring by which band fails', () => {
  const pass = (impact: number): Scorable => ({ status: 'pass', impact });
  const fail = (impact: number): Scorable => ({ status: 'fail', impact });
  it('is 100 when nothing fails', () => expect(policyScore('banded', [pass(95), pass(75), pass(50), pass(10)])).toBe(100));
  it('a low failure only: floor(40·pcrLow) + 60', () => {
    // two low checks, one passes: pcrLow = 0.5 → 20 + 60
    expect(policyScore('banded', [pass(95), pass(75), fail(10), pass(20)])).toBe(80);
  });
  it('a medium failure only: floor(50·pcrMid) + 30', () => {
    // pcrLow 1; mid 1 of 2 → (3+1)/4·½ = 0.5 → 25 + 30
    expect(policyScore('banded', [pass(95), pass(50), fail(45), pass(10)])).toBe(55);
  });
  it('a critical failure: floor(50·pcrCrit)', () => {
    // pcrLow 1, pcrMid 1, pcrHigh 1; critical 1 of 2 → (1+4)/5·½ = 0.5 → 25
    expect(policyScore('banded', [pass(95), fail(90), pass(75), pass(50)])).toBe(25);
  });
});

describe('errors, skips and waivers', () => {
  it('gives no score when nothing was scored, so errors never look like passes', () => {
    expect(policyScore('average', [{ status: 'error', impact: 90 }, { status: 'skip' }])).toBeUndefined();
    expect(policyScore('highest impact', [{ status: 'error', impact: 90 }, { status: 'pass', impact: 90 }])).toBe(100);
  });
  it('waiving the worst failure lowers the risk to the next worst', () => {
    const waived = MIXED.map((c) => (c.impact === 80 ? { ...c, status: 'waived' as const } : c));
    expect(riskOf(policyScore('highest impact', waived)!)).toBe(60);
  });
});

describe('several policies and ratings', () => {
  it('combines policies by how many checks each scored', () => {
    // (20·5 + 100·3) / 8 = 50
    expect(combinedScore([{ score: 20, scored: 5 }, { score: 100, scored: 3 }, { score: undefined, scored: 0 }])).toBe(50);
    expect(combinedScore([{ score: undefined, scored: 0 }])).toBeUndefined();
  });
  it('rates risk and impact in cnspec bands', () => {
    expect([100, 90, 89, 70, 69, 40, 39, 1, 0].map(riskRating)).toEqual(['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'none']);
    expect([95, 90, 80, 55, 20, 0, undefined].map(impactRating)).toEqual(['critical', 'critical', 'high', 'medium', 'low', 'none', 'critical']);
  });
});
