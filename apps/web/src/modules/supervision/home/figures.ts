/**
 * How the 督导总览 shows a figure: a rate in percent, its colour by the METRICS entry's better direction (green on
 * target, amber to watch, red to act), and the module page behind it.
 */
import { type Figure, METRICS, type MetricKey } from '@shuangjian/contracts';

export type Tone = 'good' | 'watch' | 'bad' | 'none';
export const TONE_COLORS: Record<Tone, string> = { good: '#389e0d', watch: '#d48806', bad: '#cf1322', none: 'rgba(0,0,0,0.45)' };

/**
 * Bands of a rate: a higher-is-better figure is on target from 90% and to watch from 70%; a lower-is-better one (class
 * days over the homework limit) is on target up to 5% and to watch up to 15%.
 */
const BANDS = { higher: { good: 0.9, watch: 0.7 }, lower: { good: 0.05, watch: 0.15 } } as const;

export function toneOf(key: MetricKey, f: Pick<Figure, 'rate'> | undefined): Tone {
  if (!f || f.rate === null) return 'none';
  const better = METRICS[key].better;
  const b = BANDS[better];
  if (better === 'higher') return f.rate >= b.good ? 'good' : f.rate >= b.watch ? 'watch' : 'bad';
  return f.rate <= b.good ? 'good' : f.rate <= b.watch ? 'watch' : 'bad';
}

/** 87.5% (one decimal); null when nothing was counted. */
export const pct = (f: Pick<Figure, 'rate'> | undefined) => (f && f.rate !== null ? `${(f.rate * 100).toFixed(1)}%` : null);
/** The chart's value: percent with one decimal, null for no data (a gap, not a zero). */
export const chartPct = (f: Pick<Figure, 'rate'> | undefined) => (f && f.rate !== null ? Math.round(f.rate * 1000) / 10 : null);

/** The page with the records behind a figure; the semester is passed where the page takes one. */
export function metricLink(key: MetricKey, semesterId?: string | null): string {
  const link: string = METRICS[key].link;
  const takesSemester = link === '/after-school/district' || link === '/home-school/district';
  return takesSemester && semesterId ? `${link}?semester=${semesterId}` : link;
}
