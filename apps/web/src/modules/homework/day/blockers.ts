/**
 * Why a class's day cannot be submitted yet, and the cut that would bring it within its limit — said before the class
 * teacher presses submit, in the words of what must happen (the server refuses the same days).
 */
import { countsTowardLimit, proposeCut } from '@shuangjian/policy';
import type { ClassDayRow, Item } from '../components/model';

export type SubmitBlock =
  | { kind: 'over'; minutes: number }
  | { kind: 'rules'; count: number }
  | { kind: 'pending'; count: number; subjects: string }
  | { kind: 'empty' };

/** The first thing that stops the day from being submitted (over the limit, another rule, a content check, nothing to submit). */
export function submitBlock(day: ClassDayRow): SubmitBlock | null {
  const pending = day.items.filter((i) => i.status === 'pending_check');
  const ready = day.items.filter((i) => i.status === 'ready');
  if (day.check.over) return { kind: 'over', minutes: day.check.written - day.check.limit };
  const others = day.check.violations.filter((v) => v.rule !== 'homework.dayLimits');
  if (others.length) return { kind: 'rules', count: others.length };
  if (pending.length) return { kind: 'pending', count: pending.length, subjects: pending.map((p) => p.subjectName).join('、') };
  if (!ready.length && day.publishedVersion === 0) return { kind: 'empty' };
  return null;
}

/** The shortening that brings the day within its limit: which item, from and to how many minutes (null: none fits). */
export function dayCut(day: ClassDayRow) {
  const inChain = day.items.filter((i) => i.status === 'ready' || i.status === 'pending_check');
  return proposeCut(inChain, day.check);
}

/** The day's counted total if `item` took `minutes` instead. */
export function totalWith(day: ClassDayRow, item: Item, minutes: number | null | undefined): number {
  if (!countsTowardLimit(item) || minutes == null || (item.status !== 'ready' && item.status !== 'pending_check')) return day.check.written;
  return day.check.written - item.minutes + minutes;
}
