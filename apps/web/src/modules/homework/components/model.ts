/**
 * Types and helpers shared by the homework pages. Every homework query key starts with 'homework', so one
 * invalidation after a change in the review chain refreshes every homework view (to-do, day, load check, notice).
 */
import type {
  Attachment,
  ClassDay,
  Design,
  HomeworkItem,
  HomeworkSettings,
  LoadCheck,
  LoadCheckResult,
  LoadEntry,
  PublishedList,
  Todo,
} from '@shuangjian/contracts';
import { addDays, isoWeekday, todayIn } from '@shuangjian/policy';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Locale } from '../../../app/i18n';

export type Item = z.infer<typeof HomeworkItem>;
export type AttachmentRow = z.infer<typeof Attachment>;
export type LoadCheckRow = z.infer<typeof LoadCheck>;
export type LoadEntryRow = z.infer<typeof LoadEntry>;
export type LoadCheckResultRow = z.infer<typeof LoadCheckResult>;
export type ClassDayRow = z.infer<typeof ClassDay>;
export type TodoRow = z.infer<typeof Todo>;
export type PublishedListRow = z.infer<typeof PublishedList>;
export type DesignRow = z.infer<typeof Design>;
export type SettingsRow = z.infer<typeof HomeworkSettings>;

/** Query keys: ['homework', 'todo'], ['homework', 'day', classId, date], ['homework', 'item', id], … */
export const hwKey = (...parts: (string | number | null | undefined | object)[]) => ['homework', ...parts];

export function invalidateHomework(client: QueryClient) {
  void client.invalidateQueries({ queryKey: ['homework'] });
  void client.invalidateQueries({ queryKey: ['notifications'] });
}

/** Today in the district's time zone (useTimeZone()). */
export function districtToday(timeZone: string): string {
  return todayIn(timeZone);
}

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export function weekdayName(date: string, locale: Locale): string {
  return WEEKDAYS[locale][isoWeekday(date) - 1]!;
}

/** "11月26日 周四" / "Nov 26 Thu". */
export function formatDay(date: string, locale: Locale, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (locale === 'en') {
    const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
    return `${withYear ? `${y} ` : ''}${month} ${d} ${weekdayName(date, locale)}`;
  }
  return `${withYear ? `${y}年` : ''}${m}月${d}日 ${weekdayName(date, locale)}`;
}

export const nextDay = (date: string) => addDays(date, 1);
export const previousDay = (date: string) => addDays(date, -1);

/** A value that settles `delay` ms after its last change (the load check asks once the teacher pauses typing). */
export function useDebounced<T>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled;
}

/** Class names in /api/me carry the school ("示范区实验小学 三年级(2)班"); a teacher of one school reads the class alone. */
export function shortClassName(name: string): string {
  const i = name.lastIndexOf(' ');
  return i > 0 ? name.slice(i + 1) : name;
}
