/** The inspections area's calls: plans, visits, photos, rectifications, 年检. */
import type {
  AnnualReview,
  AnnualReviewInput,
  Finding,
  FindingPage,
  Institution as InstitutionSchema,
  InspectionOverview,
  InspectionPlan,
  InspectionPlanInput,
  InspectionPhoto,
  InspectionVisit,
  InspectionVisitInput,
  RectificationResponseInput,
  RectificationStatus,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';

export type InstitutionRow = z.infer<typeof InstitutionSchema>;

export const inspectionsKey = (...parts: unknown[]) => ['training', 'inspections', ...parts];
const base = '/api/training/inspections';

export const photoUrl = (id: string) => `${base}/photos/${id}`;

export const useInspectors = () => useQuery({ queryKey: inspectionsKey('inspectors'), queryFn: () => api.get<{ id: string; name: string }[]>(`${base}/inspectors`) });

export const usePlans = (p: { from?: string; to?: string; mine?: boolean } = {}) =>
  useQuery({ queryKey: inspectionsKey('plans', p), queryFn: () => api.get<InspectionPlan[]>(`${base}/plans${qs({ from: p.from, to: p.to, mine: p.mine ? 'true' : undefined })}`) });

export const useVisit = (id: string | undefined) =>
  useQuery({ queryKey: inspectionsKey('visit', id), queryFn: () => api.get<InspectionVisit>(`${base}/visits/${id}`), enabled: !!id });

/** The findings' filters, all applied by the server: one status or several, overdue only, one institution, words of the institution's name or the finding. */
export type FindingFilters = { status?: RectificationStatus | RectificationStatus[]; overdue?: boolean; institutionId?: string; q?: string };

/** One page of findings, the most urgent first; `total` counts every matching finding, not the page's. */
export const useFindings = (f: FindingFilters = {}, page = 1, pageSize = 20) =>
  useQuery({
    queryKey: inspectionsKey('findings', f, page, pageSize),
    queryFn: () =>
      api.get<FindingPage>(
        `${base}/findings${qs({ status: [f.status ?? []].flat().join(','), overdue: f.overdue === undefined ? undefined : String(f.overdue), institutionId: f.institutionId, q: f.q, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useOverview = (year: number) => useQuery({ queryKey: inspectionsKey('overview', year), queryFn: () => api.get<InspectionOverview>(`${base}/overview${qs({ year })}`) });

export const useAnnual = (year: number) => useQuery({ queryKey: inspectionsKey('annual', year), queryFn: () => api.get<AnnualReview[]>(`${base}/annual${qs({ year })}`) });

/** Institutions the person may see (the organisation's registry list). */
export const useInstitutionList = () =>
  useQuery({
    queryKey: inspectionsKey('institutions'),
    queryFn: () => api.get<InstitutionRow[]>('/api/institutions'),
  });

export async function uploadPhoto(file: File): Promise<InspectionPhoto> {
  const body = new FormData();
  body.append('file', file);
  return api.post<InspectionPhoto>(`${base}/photos`, body);
}

/** Writes, each refreshing the area's lists. */
export function useInspectionWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: inspectionsKey() });
    return out;
  };
  return {
    createPlan: (input: InspectionPlanInput) => after(api.post<InspectionPlan>(`${base}/plans`, input)),
    setPlanStatus: (id: string, status: 'done' | 'cancelled', reason?: string) => after(api.post<InspectionPlan>(`${base}/plans/${id}/status`, { status, reason })),
    recordVisit: (input: InspectionVisitInput) => after(api.post<InspectionVisit>(`${base}/visits`, input)),
    respond: (id: string, input: RectificationResponseInput) => after(api.post<Finding>(`${base}/findings/${id}/response`, input)),
    verify: (id: string, input: { decision: 'close' | 'send_back'; reason?: string; deadline?: string }) => after(api.post<Finding>(`${base}/findings/${id}/verify`, input)),
    setDeadline: (id: string, deadline: string, reason?: string) => after(api.post<Finding>(`${base}/findings/${id}/deadline`, { deadline, reason })),
    decideAnnual: (input: AnnualReviewInput) => after(api.post<AnnualReview>(`${base}/annual`, input)),
  };
}
