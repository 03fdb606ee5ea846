/** How the homework dashboards write and colour their measures: shares as percentages, judged against the district target. */

/** 0.924 → "92.4%"; null → "–". */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** n ÷ d, null when nothing was reported. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export const GOOD = '#389e0d';
export const WARN = '#d48806';
export const BAD = '#cf1322';
export const MUTED = '#8c8c8c';

/** Within-limit completion: green at or above the target, red below it. */
export function withinColor(rate: number | null | undefined, target: number): string {
  if (rate === null || rate === undefined) return MUTED;
  return rate >= target ? GOOD : BAD;
}

/**
 * Over-limit rate (over-loaded class-days ÷ class-days with reports): a class-day may be over-loaded for at most
 * 1 − target of its children, so the same share of days is the tolerance; twice that is high.
 */
export function overColor(rate: number | null | undefined, target: number): string {
  if (rate === null || rate === undefined) return MUTED;
  const tolerance = 1 - target;
  if (rate > 2 * tolerance) return BAD;
  if (rate > tolerance) return WARN;
  return GOOD;
}

/** Planned written minutes against the limit: a share for the progress bar and heat map (grades 1–2: any written homework at home is over). */
export function loadShare(planned: number, limit: number): number {
  if (limit <= 0) return planned > 0 ? 2 : 0;
  return planned / limit;
}

export function loadColor(share: number): string {
  if (share > 1) return BAD;
  if (share > 0.8) return WARN;
  return GOOD;
}

/** Reporting rate (families who reported ÷ children asked): no target of its own, so only a thin share reads as weak. */
export function reportingColor(rate: number | null | undefined): string | undefined {
  if (rate === null || rate === undefined) return MUTED;
  return undefined;
}

/** The share of a class-day's children who finished every counted item within the limit, bedtime stops left out. */
export function finishedShare(withinLimit: number, bedtimeStops: number, reporters: number): number | null {
  return ratio(Math.max(0, withinLimit - bedtimeStops), reporters);
}
