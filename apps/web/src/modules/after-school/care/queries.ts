/** The care area's calls: a school's lunch (offer, enrolments, the day, the month) and summer sites; the family view. */
import type { CareFamily, LunchDay, LunchEnrolment, LunchMark, LunchMonthFees, LunchOffer, LunchOfferInput, SummerEnrolment, SummerSite, SummerSiteInput } from '@shuangjian/contracts';
import { afterSchoolSettings } from '@shuangjian/policy';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';
import type { Paged, StaffRow, StudentRow } from '../../org/queries';

export const careKey = (...parts: unknown[]) => ['after-school', 'care', ...parts];
type OfferBody = Omit<LunchOfferInput, 'feeFen'> & { feeFen: number };
type SiteBody = Omit<SummerSiteInput, 'feeFen'> & { feeFen: number };
type Exception = { studentId: string; mark: 'absent' | 'leave' };
export type Waiver = { code: string; label: string; shareBp: number };
export interface SummerDay {
  date: string;
  taken: boolean;
  children: { studentId: string; name: string; schoolName: string; mark: LunchMark | null }[];
}
/** Staff who may be on a summer rota (the rota service's roles). */
export const ROTA_ROLES: readonly string[] = ['school_admin', 'class_teacher', 'teacher', 'grade_leader', 'subject_leader'];

export const lunchMonthExportUrl = (offerId: string, month: string) => `/api/after-school/lunch/offers/${offerId}/month/export${qs({ month })}`;

export const useLunchOffers = (schoolId: string | undefined) =>
  useQuery({ queryKey: careKey('offers', schoolId), queryFn: () => api.get<{ items: LunchOffer[] }>(`/api/after-school/lunch/offers${qs({ schoolId })}`), enabled: !!schoolId });
export const useLunchEnrolments = (offerId: string | undefined) =>
  useQuery({ queryKey: careKey('enrolments', offerId), queryFn: () => api.get<{ items: LunchEnrolment[] }>(`/api/after-school/lunch/offers/${offerId}/enrolments`), enabled: !!offerId });
export const useLunchDay = (offerId: string | undefined, date: string) =>
  useQuery({ queryKey: careKey('day', offerId, date), queryFn: () => api.get<LunchDay>(`/api/after-school/lunch/offers/${offerId}/day${qs({ date })}`), enabled: !!offerId });
export const useLunchMonth = (offerId: string | undefined, month: string, enabled: boolean) =>
  useQuery({ queryKey: careKey('month', offerId, month), queryFn: () => api.get<LunchMonthFees>(`/api/after-school/lunch/offers/${offerId}/month${qs({ month })}`), enabled: !!offerId && enabled });
export const useSummerSites = (year: number) =>
  useQuery({
    queryKey: careKey('sites', year),
    queryFn: () => api.get<{ items: SummerSite[]; vacation: { startDate: string; endDate: string } | null }>(`/api/after-school/summer/sites${qs({ year })}`),
  });
export const useSessionEnrolments = (sessionId: string | null) =>
  useQuery({ queryKey: careKey('session', sessionId), queryFn: () => api.get<{ items: SummerEnrolment[] }>(`/api/after-school/summer/sessions/${sessionId}/enrolments`), enabled: !!sessionId });
export const useSiteRota = (session: { siteId: string; startDate: string; endDate: string } | null) =>
  useQuery({
    queryKey: careKey('rota', session?.siteId, session?.startDate, session?.endDate),
    queryFn: () =>
      api.get<{ items: { date: string; staff: { userId: string; name: string }[] }[] }>(
        `/api/after-school/summer/sites/${session!.siteId}/rota${qs({ from: session!.startDate, to: session!.endDate })}`,
      ),
    enabled: !!session,
  });
export const useSummerDay = (sessionId: string | null, date: string) =>
  useQuery({ queryKey: careKey('summer-day', sessionId, date), queryFn: () => api.get<SummerDay>(`/api/after-school/summer/sessions/${sessionId}/day${qs({ date })}`), enabled: !!sessionId });
/** Students of a school (or the district's, for a community site) matching what was typed: a picker's options. */
export const useStudentSearch = (schoolId: string | null | undefined, q: string) =>
  useQuery({
    queryKey: careKey('students', schoolId, q),
    queryFn: () => api.get<Paged<StudentRow>>(`/api/students${qs({ schoolId, q, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
/** Staff of a school (or any of the district's schools) matching what was typed, for the summer rota. */
export const useStaffSearch = (schoolId: string | null, q: string, enabled: boolean) =>
  useQuery({
    queryKey: careKey('staff', schoolId, q),
    queryFn: () => api.get<Paged<StaffRow>>(`/api/staff${qs({ schoolId, q, pageSize: 30 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
/** The district's waiver categories in force today ('after-school.waivers'), the shipped ones until the district sets its own. */
export const useWaiverCategories = (enabled: boolean) =>
  useQuery({
    queryKey: careKey('waivers'),
    queryFn: async () => {
      const all = await api.get<{ key: string; current: { value: unknown } | null }[]>('/api/policies');
      const entry = all.find((p) => p.key === 'after-school.waivers');
      return (entry?.current?.value ?? afterSchoolSettings['after-school.waivers'].default) as Waiver[];
    },
    enabled,
  });
export const useCareFamily = (studentId: string | undefined) =>
  useQuery({ queryKey: careKey('family', studentId), queryFn: () => api.get<CareFamily>(`/api/after-school/care/family${qs({ studentId })}`), enabled: !!studentId });

export function useCareWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: careKey() });
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await refresh();
    return out;
  };
  return {
    saveOffer: (body: OfferBody) => after(api.put<LunchOffer>('/api/after-school/lunch/offers', body)),
    enrolLunch: (offerId: string, studentId: string, kitchen: string) => after(api.post<LunchEnrolment>(`/api/after-school/lunch/offers/${offerId}/enrolments`, { studentId, kitchen })),
    endLunch: (id: string, fromDate: string) => after(api.post<LunchEnrolment>(`/api/after-school/lunch/enrolments/${id}/end`, { fromDate })),
    takeLunch: (offerId: string, date: string, exceptions: Exception[]) =>
      after(api.put<LunchDay>(`/api/after-school/lunch/offers/${offerId}/day`, { date, exceptions })),
    createSite: (year: number, body: SiteBody) => after(api.post<SummerSite>(`/api/after-school/summer/sites${qs({ year })}`, body)),
    addSession: (siteId: string, body: { name: string; startDate: string; endDate: string }) => after(api.post<SummerSite>(`/api/after-school/summer/sites/${siteId}/sessions`, body)),
    enrolSummer: (sessionId: string, studentId: string, waiverCode?: string | null) =>
      after(api.post<SummerEnrolment>(`/api/after-school/summer/sessions/${sessionId}/enrolments`, waiverCode ? { studentId, waiverCode } : { studentId })),
    setRota: (siteId: string, date: string, userIds: string[]) => after(api.put<unknown>(`/api/after-school/summer/sites/${siteId}/rota`, { date, userIds })),
    takeSummer: (sessionId: string, date: string, exceptions: Exception[]) => after(api.put<SummerDay>(`/api/after-school/summer/sessions/${sessionId}/day`, { date, exceptions })),
    withdrawSummer: (id: string) => after(api.post<SummerEnrolment>(`/api/after-school/summer/enrolments/${id}/withdraw`)),
  };
}
