/** The set-homework form's values and the pure rules of a plan: which dates it covers, one entry per date. */
import { type HomeworkType, type Layer, type PlanKind, type Place, PLAN_DAYS_MAX } from '@shuangjian/contracts';
import { addDays, dateRange, weekStart } from '@shuangjian/policy';
import type { FormInstance, UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { AttachmentRow } from '../components/model';

type TypeValue = z.infer<typeof HomeworkType>;
type LayerValue = z.infer<typeof Layer>;
type PlaceValue = z.infer<typeof Place>;
type PlanKindValue = z.infer<typeof PlanKind>;

export interface EntryValues {
  date: string;
  title?: string | null;
  content?: string;
  type: TypeValue;
  layer: LayerValue;
  place: PlaceValue;
  minutes?: number | null;
  links?: string[];
  files?: UploadFile<AttachmentRow>[];
  designId?: string | null;
}

export interface FormValues {
  classIds: string[];
  subjectId?: string;
  planKind: PlanKindValue;
  date?: Dayjs;
  week?: Dayjs;
  weekdays: number[];
  range?: [Dayjs, Dayjs];
  entries: EntryValues[];
}

export const blankEntry = (date: string): EntryValues => ({ date, type: 'written', layer: 'basic', place: 'home', links: [], files: [] });
export const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The dates a plan covers, past days left out (homework is never set for a day gone by). */
export function planDates(v: Pick<FormValues, 'planKind' | 'date' | 'week' | 'weekdays' | 'range'>, today: string): string[] {
  let dates: string[] = [];
  if (v.planKind === 'daily') dates = v.date ? [iso(v.date)] : [];
  else if (v.planKind === 'weekly') {
    if (v.week) {
      const monday = weekStart(iso(v.week));
      dates = [...(v.weekdays ?? [])].sort((a, b) => a - b).map((d) => addDays(monday, d - 1));
    }
  } else if (v.range) dates = dateRange(iso(v.range[0]), iso(v.range[1]));
  return dates.filter((d) => d >= today).slice(0, PLAN_DAYS_MAX);
}

/** Entries follow the plan's dates: a kept date keeps what was typed, a new one starts as a copy of the first. */
export function entriesFor(dates: string[], existing: EntryValues[]): EntryValues[] {
  const template = existing[0];
  return dates.map((date) => existing.find((e) => e.date === date) ?? (template ? { ...template, date } : blankEntry(date)));
}

const attachmentIds = (files: UploadFile<AttachmentRow>[] | undefined) => (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

/** One entry as the API takes it. */
export const payloadEntry = (e: EntryValues) => ({
  date: e.date,
  title: e.title?.trim() || null,
  content: e.content ?? '',
  type: e.type,
  layer: e.layer,
  place: e.place,
  minutes: e.minutes ?? 0,
  links: e.links ?? [],
  attachmentIds: attachmentIds(e.files),
  designId: e.designId ?? null,
});

/** The first day's entry copied to every other day of the plan. */
export function copyToAll(form: FormInstance<FormValues>) {
  const list = (form.getFieldValue('entries') as EntryValues[] | undefined) ?? [];
  const first = list[0];
  if (!first) return;
  form.setFieldValue(
    'entries',
    list.map((e, i) => (i === 0 ? e : { ...first, date: e.date })),
  );
}
