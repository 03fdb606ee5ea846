/** Level counts as shares: the pass rate is 及格 or better. */
import type { FitnessLevelCounts } from '@shuangjian/contracts';

export const LEVELS = ['excellent', 'good', 'pass', 'fail'] as const;
export const LEVEL_COLORS = { excellent: '#389e0d', good: '#1677ff', pass: '#faad14', fail: '#cf1322' } as const;
export const testedOf = (l: FitnessLevelCounts) => l.excellent + l.good + l.pass + l.fail;
export const passRate = (l: FitnessLevelCounts) => {
  const n = testedOf(l);
  return n ? (l.excellent + l.good + l.pass) / n : null;
};
export const pct = (v: number | null) => (v === null ? '–' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
