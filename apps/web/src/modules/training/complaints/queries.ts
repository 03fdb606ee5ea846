/** The complaints area's calls: the public form and look-up, a parent's tickets, handling and statistics. */
import type { Complaint, ComplaintFiled, ComplaintPage, ComplaintStats, PublicInstitution, PublicTicket } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';

export const complaintsKey = (...parts: unknown[]) => ['training', 'complaints', ...parts];
export type InstitutionOption = z.infer<typeof PublicInstitution>;
export interface ComplaintFilters {
  status?: string;
  category?: string;
  institutionId?: string;
  zoneId?: string;
  overdue?: boolean;
}
export interface Filing {
  category: string;
  institutionId?: string | null;
  institutionName?: string | null;
  description: string;
  replyPhone?: string | null;
}

/** The district's published white and black lists: the institutions a complainant picks from. */
export const usePublicInstitutions = (district: string | undefined) =>
  useQuery({
    queryKey: ['public-institutions', district],
    queryFn: () => api.get<InstitutionOption[]>(`/api/public/districts/${encodeURIComponent(district!)}/institutions`),
    enabled: !!district,
    retry: false,
  });

export const usePublicDistricts = () => useQuery({ queryKey: ['public-districts'], queryFn: () => api.get<{ code: string; name: string }[]>('/api/public/districts') });

export const filePublic = (district: string, body: Filing) => api.post<ComplaintFiled>(`/api/public/districts/${encodeURIComponent(district)}/complaints`, body);

export const useTicket = (code: string | undefined) =>
  useQuery({ queryKey: ['public-complaint', code], queryFn: () => api.get<PublicTicket>(`/api/public/complaints/${encodeURIComponent(code!)}`), enabled: !!code, retry: false });

export const useMyComplaints = () => useQuery({ queryKey: complaintsKey('mine'), queryFn: () => api.get<Complaint[]>('/api/training/family/complaints') });
export const fileAsParent = (body: Filing) => api.post<Complaint>('/api/training/family/complaints', body);

export const complaintsExportUrl = (f: ComplaintFilters) => `/api/training/complaints.xlsx${qs({ ...f, overdue: f.overdue ? 'true' : undefined })}`;

/** One page of the handlers' list: the server filters and counts (`total` is every matching ticket, not the page's). */
export const useComplaints = (f: ComplaintFilters, page: number, pageSize: number) =>
  useQuery({
    queryKey: complaintsKey('list', f, page, pageSize),
    queryFn: () => api.get<ComplaintPage>(`/api/training/complaints${qs({ ...f, overdue: f.overdue ? 'true' : undefined, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
/** The ticket a notification links to by its code, wherever it falls in the list. */
export const useComplaintIdByCode = (code: string | undefined) =>
  useQuery({
    queryKey: complaintsKey('code', code),
    queryFn: async () => (await api.get<ComplaintPage>(`/api/training/complaints${qs({ code, pageSize: 1 })}`)).items[0]?.id ?? null,
    enabled: !!code,
    retry: false,
  });
export const useComplaint = (id: string | undefined) =>
  useQuery({ queryKey: complaintsKey('one', id), queryFn: () => api.get<Complaint>(`/api/training/complaints/${id}`), enabled: !!id });
export const useComplaintStats = () => useQuery({ queryKey: complaintsKey('stats'), queryFn: () => api.get<ComplaintStats>('/api/training/complaints/stats') });

export type Step = { kind: 'assign'; zoneId: string; note?: string } | { kind: 'investigate'; note?: string } | { kind: 'answer'; answer: string } | { kind: 'close'; note?: string };
export const takeStep = (id: string, step: Step) => {
  const { kind, ...body } = step;
  return api.post<Complaint>(`/api/training/complaints/${id}/${kind}`, body);
};

export function useRefreshComplaints() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: complaintsKey() });
}
