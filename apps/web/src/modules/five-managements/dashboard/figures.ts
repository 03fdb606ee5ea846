/** Figures as the dashboards show them: a rate only when something was counted (den > 0), else no data. */
import { type IndicatorRatio, ratioOf } from '@shuangjian/contracts';

export const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);
export const ratePct = (r: IndicatorRatio | undefined) => pct(ratioOf(r));
/** For a chart: the rate in percent with one decimal, null (a gap) without data. */
export const chartPct = (r: IndicatorRatio | undefined) => {
  const v = ratioOf(r);
  return v === null ? null : Math.round(v * 1000) / 10;
};
