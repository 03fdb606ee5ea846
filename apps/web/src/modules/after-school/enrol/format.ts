/** How the enrol pages write weekdays and times. */
import type { ChildCourse } from '@shuangjian/contracts';

export function weekdaysText(t: (key: string, vars?: Record<string, string | number>) => string, days: readonly number[]): string {
  const names = t('afterSchool.enrol.weekdayNames').split(',');
  return t('afterSchool.enrol.weekdays', { days: days.map((d) => names[d - 1] ?? String(d)).join('、') });
}

export const slotText = (t: Parameters<typeof weekdaysText>[0], c: Pick<ChildCourse, 'weekdays' | 'startTime' | 'endTime'>) =>
  `${weekdaysText(t, c.weekdays)} ${c.startTime}–${c.endTime}`;
