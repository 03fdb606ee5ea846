/** The reports area's calls: the monthly and semester reports (list, generate, files) and the policy change history. */
import type { GenerateReport, GeneratedReports, PolicyHistory, ReportList, ReportListQuery } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, idempotencyKey, qs } from '../../app/api';

const base = '/api/supervision/reports';
export const reportsKey = (...parts: unknown[]) => ['supervision', 'reports', ...parts];

export const useReports = (query: ReportListQuery) =>
  useQuery({
    queryKey: reportsKey('list', query),
    queryFn: () => api.get<ReportList>(`${base}${qs({ ...query })}`),
    placeholderData: keepPreviousData,
  });

/** Generate (or regenerate) a period's reports, under an idempotency key: a resent request is carried out once. */
export const postReports = (input: GenerateReport) => api.post<GeneratedReports>(base, input, { headers: idempotencyKey() });

export const reportFileUrl = (id: string, kind: 'xlsx' | 'pdf') => `${base}/${id}.${kind}`;

export const usePolicyHistory = () => useQuery({ queryKey: ['policies', 'history'], queryFn: () => api.get<PolicyHistory>('/api/policies/history') });
