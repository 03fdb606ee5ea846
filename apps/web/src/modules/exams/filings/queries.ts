/** The exam filings area's calls: rules in force, filings (refused ones are violations), file, change, cancel; semesters and subjects to pick from. */
import type { ExamFiling, ExamFilingInput, ExamFilingList, ExamFilingStatus, ExamRuleTexts } from '@shuangjian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const filingsKey = (...parts: unknown[]) => ['exams', 'filings', ...parts];

export interface SemesterOption {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}
export interface SubjectOption {
  id: string;
  code: string;
  name: string;
  sort: number;
}

export const useSemesters = () => useQuery({ queryKey: ['semesters'], queryFn: () => api.get<SemesterOption[]>('/api/semesters') });
export const useSubjectOptions = () => useQuery({ queryKey: ['subjects'], queryFn: () => api.get<SubjectOption[]>('/api/subjects') });

export const useExamRules = (on?: string) => useQuery({ queryKey: filingsKey('rules', on), queryFn: () => api.get<ExamRuleTexts>(`/api/exams/rules${qs({ on })}`) });

export const useFilings = (f: { semesterId?: string; status?: ExamFilingStatus }, enabled = true) =>
  useQuery({
    queryKey: filingsKey('list', f),
    queryFn: () => api.get<ExamFilingList>(`/api/exams/filings${qs(f)}`),
    placeholderData: keepPreviousData,
    enabled,
  });

export function useFilingWrites() {
  const qc = useQueryClient();
  const settle = { onSettled: () => qc.invalidateQueries({ queryKey: ['exams'] }) };
  return {
    file: useMutation({ mutationFn: (body: ExamFilingInput) => api.post<ExamFiling>('/api/exams/filings', body), ...settle }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: ExamFilingInput }) => api.put<ExamFiling>(`/api/exams/filings/${id}`, body), ...settle }),
    cancel: useMutation({ mutationFn: (id: string) => api.post<ExamFiling>(`/api/exams/filings/${id}/cancel`), ...settle }),
  };
}
