/**
 * 督导测评细则 rules, pure: how a figure becomes an indicator's 0–100 score, a school's weighted total, the
 * red/yellow/black list a total lands on, and ranks with ties. The server freezes results with these; the web shows
 * the same numbers live.
 *
 * Missing scores: an indicator whose figure has a zero denominator (nothing to measure at that school) or that no
 * inspector has scored yet has no score (null). It is left out of that school's total and the other indicators'
 * weights are renormalised over what is present, so a school is neither rewarded nor punished for an empty figure.
 */

/** The formulas of contracts' FORMULAS (packages/policy imports no contracts). */
export type FormulaName = 'rate' | 'target' | 'inverse' | 'pass' | 'cap';
export type ListName = 'red' | 'yellow' | 'black';

/** One decimal, as totals and scores are shown and stored. */
export const round1 = (x: number): number => Math.round((x + Math.sign(x) * Number.EPSILON) * 10) / 10;

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/** num / den, or null when there is nothing to measure (den 0). */
export function rateOf(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/**
 * An indicator's score (0–100, one decimal) from a rate: rate → rate × 100; target → rate / target × 100 capped at
 * 100; inverse → (1 − rate) × 100 (lower is better); pass → 100 when rate ≥ target else 0; cap → 100 when
 * rate ≤ target else 0. A null rate (den 0) gives null: missing. A formula that needs a target and has none gives null.
 */
export function scoreOf(formula: FormulaName, rate: number | null, target: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  switch (formula) {
    case 'rate':
      return round1(clamp100(rate * 100));
    case 'inverse':
      return round1(clamp100((1 - rate) * 100));
    case 'target':
      if (target === null) return null;
      return target <= 0 ? 100 : round1(clamp100((rate / target) * 100));
    case 'pass':
      if (target === null) return null;
      return rate >= target ? 100 : 0;
    case 'cap':
      if (target === null) return null;
      return rate <= target ? 100 : 0;
  }
}

/** Each indicator's share of the total: weight / Σ weights (0 when the weights sum to 0). */
export function sharesOf(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => (sum > 0 ? w / sum : 0));
}

/**
 * A school's total (0–100, one decimal): Σ weight × score / Σ weight over the indicators that have a score (missing
 * ones are left out, the rest renormalised). Null when no indicator has a score.
 */
export function totalOf(indicators: readonly { id: string; weight: number }[], scores: Readonly<Record<string, number | null | undefined>>): number | null {
  let sum = 0;
  let weights = 0;
  for (const ind of indicators) {
    const s = scores[ind.id];
    if (s === null || s === undefined || !(ind.weight > 0)) continue;
    sum += ind.weight * s;
    weights += ind.weight;
  }
  return weights > 0 ? round1(sum / weights) : null;
}

export interface ListThresholds {
  /** 红榜: total ≥ redMin. */
  redMin: number;
  /** 黄牌: blackBelow ≤ total < yellowBelow. */
  yellowBelow: number;
  /** 黑榜: total < blackBelow. */
  blackBelow: number;
}

/** The list a total lands on: red (≥ redMin), black (< blackBelow), yellow (< yellowBelow), else none. */
export function listOf(total: number | null, t: ListThresholds): ListName | null {
  if (total === null) return null;
  if (total >= t.redMin) return 'red';
  if (total < t.blackBelow) return 'black';
  if (total < t.yellowBelow) return 'yellow';
  return null;
}

/** Thresholds are ordered blackBelow ≤ yellowBelow ≤ redMin, each 0–100: the first broken rule, or null. */
export function checkThresholds(t: ListThresholds): { field: keyof ListThresholds; message: string } | null {
  for (const f of ['redMin', 'yellowBelow', 'blackBelow'] as const)
    if (!(t[f] >= 0 && t[f] <= 100)) return { field: f, message: '应在 0–100 之间' };
  if (t.yellowBelow > t.redMin) return { field: 'yellowBelow', message: '黄牌线不能高于红榜线' };
  if (t.blackBelow > t.yellowBelow) return { field: 'blackBelow', message: '黑榜线不能高于黄牌线' };
  return null;
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank skips (100, 90, 90, 80 → 1, 2, 2, 4).
 * A null total has no rank. Index-aligned with the input.
 */
export function ranks(totals: readonly (number | null)[]): (number | null)[] {
  const ranked = totals.filter((t): t is number => t !== null).sort((a, b) => b - a);
  return totals.map((t) => (t === null ? null : ranked.indexOf(t) + 1));
}

export interface SheetIndicator {
  id: string;
  weight: number;
  kind: 'metric' | 'inspector';
  metric: string | null;
  formula: FormulaName | null;
  target: number | null;
}
export interface IndicatorOutcomeValue {
  num: number | null;
  den: number | null;
  rate: number | null;
  score: number | null;
}
export interface SchoolOutcome {
  detail: Record<string, IndicatorOutcomeValue>;
  total: number | null;
  /** Inspector-scored indicators without a score for this school. */
  missing: number;
}

/**
 * One school on the sheet: each computed indicator's figure and score, each inspector indicator's score (or missing),
 * and the weighted total.
 */
export function schoolOutcome(
  indicators: readonly SheetIndicator[],
  figures: Readonly<Record<string, { num: number; den: number } | undefined>>,
  inspectorScores: Readonly<Record<string, number | undefined>>,
): SchoolOutcome {
  const detail: Record<string, IndicatorOutcomeValue> = {};
  const scores: Record<string, number | null> = {};
  let missing = 0;
  for (const ind of indicators) {
    if (ind.kind === 'metric') {
      const f = (ind.metric && figures[ind.metric]) || { num: 0, den: 0 };
      const rate = rateOf(f.num, f.den);
      const score = ind.formula ? scoreOf(ind.formula, rate, ind.target) : null;
      detail[ind.id] = { num: f.num, den: f.den, rate, score };
      scores[ind.id] = score;
    } else {
      const s = inspectorScores[ind.id];
      const score = s === undefined ? null : round1(clamp100(s));
      if (score === null) missing++;
      detail[ind.id] = { num: null, den: null, rate: null, score };
      scores[ind.id] = score;
    }
  }
  return { detail, total: totalOf(indicators, scores), missing };
}
