/** Small formatters the sleep pages share. */
import type { SleepRuleCited } from '@shuangjian/contracts';

type T = (key: string, params?: Record<string, string | number>) => string;

export const hoursMinutes = (t: T, minutes: number) => t('five.sleep.hm', { h: Math.floor(minutes / 60), m: minutes % 60 });
export const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(bp % 100 ? 1 : 0)}%`);

export const ruleLine = (t: T, r: SleepRuleCited) =>
  t('five.sleep.rule', { stage: t(`five.sleep.stage.${r.stage}`), hours: hoursMinutes(t, r.minMinutes).replace(/ 0 分$| 0 min$/, ''), bedtime: r.latestBedtime });
export const ruleCite = (t: T, r: { policyVersions: string | null }) => t('five.sleep.ruleCite', { version: r.policyVersions ?? t('five.sleep.ruleDefault') });
