/** The care area's calls: a school's lunch (offer, enrolments, the day, the month) and summer sites; the family view. */
import type { CareFamily, LunchDay, LunchEnrolment, LunchMonthFees, LunchOffer, LunchOfferInput, SummerEnrolment, SummerSite, SummerSiteInput } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const careKey = (...parts: unknown[]) => ['after-school', 'care', ...parts];
type OfferBody = Omit<LunchOfferInput, 'feeFen'> & { feeFen: number };
type SiteBody = Omit<SummerSiteInput, 'feeFen'> & { feeFen: number };

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
    takeLunch: (offerId: string, date: string, exceptions: { studentId: string; mark: 'absent' | 'leave' }[]) =>
      after(api.put<LunchDay>(`/api/after-school/lunch/offers/${offerId}/day`, { date, exceptions })),
    createSite: (year: number, body: SiteBody) => after(api.post<SummerSite>(`/api/after-school/summer/sites${qs({ year })}`, body)),
    addSession: (siteId: string, body: { name: string; startDate: string; endDate: string }) => after(api.post<SummerSite>(`/api/after-school/summer/sites/${siteId}/sessions`, body)),
    enrolSummer: (sessionId: string, studentId: string) => after(api.post<SummerEnrolment>(`/api/after-school/summer/sessions/${sessionId}/enrolments`, { studentId })),
    withdrawSummer: (id: string) => after(api.post<SummerEnrolment>(`/api/after-school/summer/enrolments/${id}/withdraw`)),
  };
}
