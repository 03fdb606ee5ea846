/** School calendar rule: is a date a school day for a school, and if not, a weekend, a statutory holiday or a vacation day. */
import { isoWeekday, type LocalDate } from './dates';

export type DayKind = 'school_day' | 'weekend' | 'holiday' | 'vacation';

/** holiday: 法定节假日; workday: 调休上班 (a weekend day that is worked); vacation: 寒暑假 or another break. */
export type CalendarEntryKind = 'holiday' | 'workday' | 'vacation';

export interface SemesterSpan {
  id: string;
  name: string;
  startDate: LocalDate;
  endDate: LocalDate;
}

export interface CalendarEntrySpan {
  id: string;
  kind: CalendarEntryKind;
  name: string;
  startDate: LocalDate;
  endDate: LocalDate;
  /** null: applies to every school of the district. */
  schoolId: string | null;
}

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  schoolDay: boolean;
  /** What decided it: a calendar entry, the semester bounds, or the weekday. */
  reason: 'entry' | 'outside_semester' | 'weekday';
  name: string | null;
  entryId: string | null;
  semesterId: string | null;
}

const covers = (span: { startDate: LocalDate; endDate: LocalDate }, date: LocalDate) =>
  span.startDate <= date && date <= span.endDate;

/**
 * A school's own entries win over the district's; within one level a holiday beats a worked weekend, which beats a
 * vacation entry. Outside every semester is vacation; Saturday and Sunday are weekends unless an entry says otherwise.
 */
export function classifyDay(
  date: LocalDate,
  semesters: readonly SemesterSpan[],
  entries: readonly CalendarEntrySpan[],
  schoolId: string | null,
): DayInfo {
  const semester = semesters.find((s) => covers(s, date)) ?? null;
  const base = { date, semesterId: semester?.id ?? null };
  const applicable = entries.filter((e) => covers(e, date) && (e.schoolId === null || e.schoolId === schoolId));
  const order: CalendarEntryKind[] = ['holiday', 'workday', 'vacation'];
  const levels = schoolId === null ? [null] : [schoolId, null];
  for (const level of levels) {
    const atLevel = applicable.filter((e) => e.schoolId === level);
    for (const kind of order) {
      const entry = atLevel.find((e) => e.kind === kind);
      if (!entry) continue;
      if (kind === 'workday' && !semester) continue;
      if (kind === 'workday') {
        return { ...base, kind: 'school_day', schoolDay: true, reason: 'entry', name: entry.name, entryId: entry.id };
      }
      return { ...base, kind, schoolDay: false, reason: 'entry', name: entry.name, entryId: entry.id };
    }
  }
  if (!semester) return { ...base, kind: 'vacation', schoolDay: false, reason: 'outside_semester', name: null, entryId: null };
  if (isoWeekday(date) >= 6) return { ...base, kind: 'weekend', schoolDay: false, reason: 'weekday', name: null, entryId: null };
  return { ...base, kind: 'school_day', schoolDay: true, reason: 'weekday', name: semester.name, entryId: null };
}
