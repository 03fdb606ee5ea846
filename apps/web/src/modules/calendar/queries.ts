/** Types and queries of the calendar pages; keys: ['semesters'], ['calendar-entries', schoolId], ['calendar-days', schoolId, from, to]. */
import type { CalendarEntry, DayInfo, Semester } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../app/api';

export type SemesterRow = z.infer<typeof Semester>;
export type EntryRow = z.infer<typeof CalendarEntry>;
export type DayRow = z.infer<typeof DayInfo>;

export const useSemesters = () => useQuery({ queryKey: ['semesters'], queryFn: () => api.get<SemesterRow[]>('/api/semesters') });

export const useEntries = (schoolId: string | undefined) =>
  useQuery({ queryKey: ['calendar-entries', schoolId ?? null], queryFn: () => api.get<EntryRow[]>(`/api/calendar/entries${qs({ schoolId })}`) });

export const useDays = (schoolId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['calendar-days', schoolId ?? null, from, to],
    queryFn: () => api.get<DayRow[]>(`/api/calendar/days${qs({ schoolId, from, to })}`),
    placeholderData: (prev) => prev,
  });
