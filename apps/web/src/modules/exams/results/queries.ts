/** The levels area's calls: a class's sheet for an exam and subject, recording it in one request, an exam's counts, a family's levels. */
import type { ExamFilingList, ExamResultSheet, ExamResultsInput, ExamSummary, FamilyLevels } from '@shuangjian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const resultsKey = (...parts: unknown[]) => ['exams', 'results', ...parts];

/** Accepted filings (the exams levels can be recorded for). */
export const useAcceptedExams = () =>
  useQuery({ queryKey: ['exams', 'filings', 'list', { status: 'accepted' }], queryFn: () => api.get<ExamFilingList>(`/api/exams/filings${qs({ status: 'accepted' })}`) });

export const useResultSheet = (examId: string | undefined, classId: string | undefined, subjectId: string | undefined) =>
  useQuery({
    queryKey: resultsKey('sheet', examId, classId, subjectId),
    queryFn: () => api.get<ExamResultSheet>(`/api/exams/filings/${examId}/results${qs({ classId, subjectId })}`),
    enabled: !!examId && !!classId && !!subjectId,
    placeholderData: keepPreviousData,
  });

export function useRecordResults() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ examId, body }: { examId: string; body: ExamResultsInput }) => api.put<ExamResultSheet>(`/api/exams/filings/${examId}/results`, body),
    onSuccess: (sheet) => {
      qc.setQueryData(resultsKey('sheet', sheet.examId, sheet.classId, sheet.subjectId), sheet);
      void qc.invalidateQueries({ queryKey: resultsKey('summary', sheet.examId) });
    },
  });
}

export const useExamSummary = (examId: string | undefined) =>
  useQuery({ queryKey: resultsKey('summary', examId), queryFn: () => api.get<ExamSummary>(`/api/exams/filings/${examId}/summary`), enabled: !!examId });

export const useFamilyLevels = (studentId: string | undefined) =>
  useQuery({ queryKey: resultsKey('family', studentId), queryFn: () => api.get<FamilyLevels>(`/api/exams/family/levels${qs({ studentId })}`), enabled: !!studentId });
