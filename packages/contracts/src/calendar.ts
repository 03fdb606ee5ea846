import { z } from 'zod';
import { Id, LocalDate, Text } from './common';

export const Semester = z.object({
  id: Id,
  name: z.string(),
  schoolYear: z.string(),
  term: z.number().int(),
  startDate: LocalDate,
  endDate: LocalDate,
});
export const SemesterInput = z
  .object({
    name: Text(40),
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/, { message: '应为 2026-2027 这样的学年' }),
    term: z.union([z.literal(1), z.literal(2)]),
    startDate: LocalDate,
    endDate: LocalDate,
  })
  .refine((s) => s.startDate <= s.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

export const CALENDAR_ENTRY_KINDS = ['holiday', 'workday', 'vacation'] as const;
export const calendarEntryKindLabels = { holiday: '法定节假日', workday: '调休上班', vacation: '假期' } as const;
export const CalendarEntry = z.object({
  id: Id,
  kind: z.enum(CALENDAR_ENTRY_KINDS),
  name: z.string(),
  startDate: LocalDate,
  endDate: LocalDate,
  schoolId: Id.nullable(),
});
export const CalendarEntryInput = z
  .object({
    kind: z.enum(CALENDAR_ENTRY_KINDS),
    name: Text(40),
    startDate: LocalDate,
    endDate: LocalDate,
    schoolId: Id.nullish().transform((v) => v ?? null),
  })
  .refine((s) => s.startDate <= s.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

export const DAY_KINDS = ['school_day', 'weekend', 'holiday', 'vacation'] as const;
export const dayKindLabels = { school_day: '上课日', weekend: '周末', holiday: '法定节假日', vacation: '假期' } as const;
export const DayInfo = z.object({
  date: LocalDate,
  kind: z.enum(DAY_KINDS),
  schoolDay: z.boolean(),
  reason: z.enum(['entry', 'outside_semester', 'weekday']),
  name: z.string().nullable(),
  entryId: Id.nullable(),
  semesterId: Id.nullable(),
});
export const DaysQuery = z
  .object({ schoolId: Id.optional(), from: LocalDate, to: LocalDate })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: '一次最多查询 400 天', path: ['to'] });
