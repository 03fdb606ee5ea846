/** The fitness area's calls: the teacher's day and its record, the week, the fitness test summary, import, a child's result. */
import type {
  ChildFitnessResult,
  FitnessDayInput,
  FitnessDayRecord,
  FitnessTeacherDay,
  FitnessTestImportResult,
  FitnessTestResults,
  FitnessTestSummary,
  FitnessWeek,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const fitnessKey = (...parts: unknown[]) => ['five-managements', 'fitness', ...parts];
const base = '/api/five-managements/fitness';

export const useFitnessDay = (date: string | undefined) =>
  useQuery({ queryKey: fitnessKey('day', date), queryFn: () => api.get<FitnessTeacherDay>(`${base}/day${qs({ date })}`), placeholderData: keepPreviousData });

export const useFitnessWeek = (params: { date?: string; schoolId?: string; classId?: string }, enabled = true) =>
  useQuery({ queryKey: fitnessKey('week', params), queryFn: () => api.get<FitnessWeek>(`${base}/week${qs(params)}`), enabled, placeholderData: keepPreviousData });

export const useFitnessSummary = (semesterId: string | undefined, schoolId?: string) =>
  useQuery({ queryKey: fitnessKey('summary', semesterId, schoolId), queryFn: () => api.get<FitnessTestSummary>(`${base}/tests/summary${qs({ semesterId, schoolId })}`) });

export const useFitnessClassResults = (classId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: fitnessKey('results', classId, semesterId),
    queryFn: () => api.get<FitnessTestResults>(`${base}/tests/results${qs({ classId, semesterId })}`),
    enabled: !!classId,
  });

export const useChildFitness = (studentId: string | undefined) =>
  useQuery({ queryKey: fitnessKey('child', studentId), queryFn: () => api.get<ChildFitnessResult>(`${base}/tests/child${qs({ studentId })}`), enabled: !!studentId });

export const fitnessTemplateUrl = (schoolId: string | undefined) => `${base}/tests/template${qs({ schoolId })}`;

export function useFitnessWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: fitnessKey() });
    return out;
  };
  return {
    saveDay: (body: FitnessDayInput) => after(api.put<FitnessDayRecord>(`${base}/days`, body)),
    importTests: (schoolId: string, semesterId: string | undefined, file: File) => {
      const body = new FormData();
      body.append('file', file);
      return after(api.post<FitnessTestImportResult>(`${base}/tests/import${qs({ schoolId, semesterId })}`, body));
    },
  };
}
