/** The 家访 pages' calls: my progress against the visit rule, visits, a class's progress, the pupils of a class to pick from. */
import type { ClassProgress, StudentPage, TeacherProgress, Visit, VisitInput } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';

export const visitsKey = (...parts: unknown[]) => ['home-school', 'visits', ...parts];
const base = '/api/home-school';

export const useMyProgress = () => useQuery({ queryKey: visitsKey('progress-me'), queryFn: () => api.get<TeacherProgress>(`${base}/progress/me`) });

export const useMyVisits = () => useQuery({ queryKey: visitsKey('list', 'mine'), queryFn: () => api.get<{ items: Visit[] }>(`${base}/visits${qs({ mine: 'true' })}`) });

export const useClassProgress = (classId: string | undefined) =>
  useQuery({ queryKey: visitsKey('class', classId), queryFn: () => api.get<ClassProgress>(`${base}/progress/classes/${classId}`), enabled: !!classId });

/** The class's pupils as the organisation lists them (names and 学号), for the visit form's pupil picker. */
export const useClassPupils = (classId: string | undefined) =>
  useQuery({
    queryKey: visitsKey('pupils', classId),
    queryFn: () => api.get<z.infer<typeof StudentPage>>(`/api/students${qs({ classId, pageSize: 500 })}`),
    enabled: !!classId,
    staleTime: 5 * 60_000,
  });

export function useVisitWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    // progress, lists and the class pages all move with a visit
    await client.invalidateQueries({ queryKey: ['home-school'] });
    return out;
  };
  return {
    record: (body: VisitInput) => after(api.post<Visit>(`${base}/visits`, body)),
    followUpDone: (id: string) => after(api.post<Visit>(`${base}/visits/${id}/follow-up-done`)),
  };
}
