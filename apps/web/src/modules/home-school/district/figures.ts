/** The dashboard's figures as text: a rate (num/den, 暂无数据 when nothing was counted) or a count. */
import { HS_FIGURES, type IndicatorRatio, ratioOf } from '@shuangjian/contracts';

export type HsFigureSpec = (typeof HS_FIGURES)[number];

/** The rate in percent with one decimal ('45.0%'), null without data. */
export const ratePct = (r: IndicatorRatio | undefined) => {
  const v = ratioOf(r);
  return v === null ? null : `${(v * 100).toFixed(1)}%`;
};

/** For a chart: the rate in percent with one decimal, null (a gap) without data. */
export const chartPct = (r: IndicatorRatio | undefined) => {
  const v = ratioOf(r);
  return v === null ? null : Math.round(v * 1000) / 10;
};

/** The figures the bar charts compare per school. */
export const CHARTED = HS_FIGURES.filter((f) => f.key === 'visitCoverage' || f.key === 'specialCared' || f.key === 'meetingClasses');
