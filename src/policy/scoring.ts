// cnspec's scoring: a check scores 100 when it passes and 100 − impact when it fails; a policy
// combines its checks with its scoring system; several policies average by their check counts.
// Risk is 100 − score. Errors, skips and waived checks are not scored.
import type { ScoringSystem } from './bundle.js';

export type CheckStatus = 'pass' | 'fail' | 'error' | 'skip' | 'waived';
export type Rating = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** The ratings, worst first. */
export const RATINGS: readonly Rating[] = ['critical', 'high', 'medium', 'low', 'none'];

export interface Scorable {
  status: CheckStatus;
  /** 0–100; a failing check without one scores 0. */
  impact?: number;
  weight?: number;
}

/** A check's score, or undefined when it is not scored. */
export function checkScore(c: Scorable): number | undefined {
  if (c.status === 'pass') return 100;
  if (c.status === 'fail') return 100 - (c.impact ?? 100);
  return undefined;
}

function banded(checks: ReadonlyArray<{ score: number; impact: number }>): number {
  const band = (lo: number, hi: number) => {
    const inBand = checks.filter((c) => c.impact >= lo && c.impact < hi);
    const passed = inBand.filter((c) => c.score === 100).length;
    return { f: inBand.length ? passed / inBand.length : 1, failed: passed < inBand.length };
  };
  const low = band(0, 40);
  const mid = band(40, 70);
  const high = band(70, 90);
  const crit = band(90, 101);
  const pcrLow = low.f;
  const pcrMid = ((3 + pcrLow) / 4) * mid.f;
  const pcrHigh = ((1 + pcrMid) / 2) * high.f;
  const pcrCrit = ((1 + 4 * pcrHigh) / 5) * crit.f;
  if (crit.failed) return Math.floor(50 * pcrCrit);
  if (high.failed) return Math.floor(50 * pcrHigh) + 10;
  if (mid.failed) return Math.floor(50 * pcrMid) + 30;
  if (low.failed) return Math.floor(40 * pcrLow) + 60;
  return 100;
}

function decayed(checks: ReadonlyArray<{ score: number; impact: number; weight: number }>): number {
  const x = checks.reduce((s, c) => s + ((100 - c.score) / 100) * c.weight, 0);
  const xmax = checks.reduce((s, c) => s + (c.impact / 100) * c.weight, 0);
  const g = checks.reduce((s, c) => s + c.weight, 0) / 10;
  if (xmax === 0 || g === 0) return 100;
  return Math.floor((100 * (Math.exp((-x / xmax) * g) - Math.exp(-g))) / (1 - Math.exp(-g)));
}

/** A policy's score from its checks, or undefined when none is scored. */
export function policyScore(system: ScoringSystem, checks: readonly Scorable[]): number | undefined {
  if (system === 'ignore score') return undefined;
  const scored = checks
    .map((c) => ({ score: checkScore(c), impact: c.impact ?? 100, weight: c.weight ?? 1 }))
    .filter((c): c is { score: number; impact: number; weight: number } => c.score !== undefined);
  if (scored.length === 0) return undefined;
  switch (system) {
    case 'highest impact':
      return Math.min(100, ...scored.map((c) => c.score));
    case 'average':
      return Math.floor(scored.reduce((s, c) => s + c.score, 0) / scored.length);
    case 'weighted': {
      const total = scored.reduce((s, c) => s + c.weight, 0);
      return total === 0 ? 100 : Math.floor(scored.reduce((s, c) => s + c.score * c.weight, 0) / total);
    }
    case 'banded':
      return banded(scored);
    case 'decayed':
      return decayed(scored);
  }
}

/** Several policies on one org: the average of their scores, weighted by how many checks each scored. */
export function combinedScore(policies: ReadonlyArray<{ score?: number; scored: number }>): number | undefined {
  const counted = policies.filter((p): p is { score: number; scored: number } => p.score !== undefined && p.scored > 0);
  const total = counted.reduce((s, p) => s + p.scored, 0);
  if (total === 0) return undefined;
  return Math.floor(counted.reduce((s, p) => s + p.score * p.scored, 0) / total);
}

export const riskOf = (score: number): number => 100 - score;

/** Risk bands: 90–100 critical, 70–89 high, 40–69 medium, 1–39 low, 0 none. */
export function riskRating(risk: number): Rating {
  if (risk >= 90) return 'critical';
  if (risk >= 70) return 'high';
  if (risk >= 40) return 'medium';
  if (risk > 0) return 'low';
  return 'none';
}

/** Impact bands: ≥90 critical, ≥70 high, ≥40 medium, >0 low, 0 none. */
export function impactRating(impact: number | undefined): Rating {
  if (impact === undefined) return 'critical';
  if (impact >= 90) return 'critical';
  if (impact >= 70) return 'high';
  if (impact >= 40) return 'medium';
  if (impact > 0) return 'low';
  return 'none';
}
