/** The rules area's calls: live course check, rules in force, timetables, violations. */
import type {
  TrainingCourseCheckInput,
  TrainingRuleCheck,
  TrainingRuleTexts,
  TrainingSchedule,
  TrainingScheduleCourse,
  TrainingScheduleInput,
  TrainingViolation,
  TrainingViolationList,
} from '@shuangjian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const rulesKey = (...parts: unknown[]) => ['training', 'rules', ...parts];

export interface ViolationFilters {
  institutionId?: string;
  rule?: string;
  status?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const useViolations = (f: ViolationFilters) =>
  useQuery({
    queryKey: rulesKey('violations', f),
    queryFn: () => api.get<TrainingViolationList>(`/api/training/violations${qs({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export function useResolveViolation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post<TrainingViolation>(`/api/training/violations/${id}/resolve`, { note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey('violations') }),
  });
}

export const useRuleTexts = (on?: string) => useQuery({ queryKey: rulesKey('texts', on), queryFn: () => api.get<TrainingRuleTexts>(`/api/training/rules${qs({ on })}`) });

/** The live check of a course as typed (the registry's filing form); nothing is recorded. */
export const checkCourseNow = (body: TrainingCourseCheckInput) => api.post<TrainingRuleCheck>('/api/training/rules/check-course', body);
export const useCourseCheck = (body: TrainingCourseCheckInput | null) =>
  useQuery({
    queryKey: rulesKey('check-course', body),
    queryFn: () => checkCourseNow(body!),
    enabled: !!body,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const useSchedules = () => useQuery({ queryKey: rulesKey('schedules'), queryFn: () => api.get<{ items: TrainingSchedule[] }>('/api/training/schedules') });
export const useScheduleCourses = () => useQuery({ queryKey: rulesKey('schedule-courses'), queryFn: () => api.get<TrainingScheduleCourse[]>('/api/training/schedules/courses') });

export function useFileSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingScheduleInput) => api.post<TrainingSchedule>('/api/training/schedules', body),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey() }),
  });
}
export function useDeleteSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/training/schedules/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: rulesKey('schedules') }),
  });
}
