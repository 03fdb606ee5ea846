/** The sleep area's calls: a family's nights and reports, classes' weeks for staff. */
import type { SleepClasses, SleepClassWeek, SleepFamily, SleepNight } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const sleepKey = (...parts: unknown[]) => ['five-managements', 'sleep', ...parts];

export const useFamilySleep = (studentId: string | undefined) =>
  useQuery({ queryKey: sleepKey('family', studentId), queryFn: () => api.get<SleepFamily>(`/api/five-managements/sleep/family/${studentId}`), enabled: !!studentId });
export type SleepClassesFilters = { week: string; below: boolean; schoolId?: string; page: number; pageSize: number };
/** One page of the classes in reach, those needing attention first; the previous page stays on screen while the next loads. */
export const useSleepClasses = (f: SleepClassesFilters) =>
  useQuery({
    queryKey: sleepKey('classes', f),
    queryFn: () => api.get<SleepClasses>(`/api/five-managements/sleep/classes${qs({ week: f.week, below: f.below ? 'true' : undefined, schoolId: f.schoolId, page: f.page, pageSize: f.pageSize })}`),
    placeholderData: keepPreviousData,
  });
export const useSleepClassWeek = (classId: string | null, week: string) =>
  useQuery({ queryKey: sleepKey('week', classId, week), queryFn: () => api.get<SleepClassWeek>(`/api/five-managements/sleep/classes/${classId}/week${qs({ week })}`), enabled: !!classId });

export type SleepReportBody = { studentId: string; date: string; bedtime?: string; wakeTime?: string; asUsual?: boolean };

export function useSleepWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: sleepKey() });
  return {
    report: async (body: SleepReportBody) => {
      const night = await api.put<SleepNight>('/api/five-managements/sleep/family/reports', body);
      await refresh();
      return night;
    },
    saveUsual: async (studentId: string, body: { bedtime: string; wakeTime: string }) => {
      const usual = await api.put<SleepFamily['usual']>(`/api/five-managements/sleep/family/${studentId}/usual`, body);
      await refresh();
      return usual;
    },
  };
}
