/**
 * The institution side of 校外培训 (the only caller of its API): orders, money, lessons and their consumptions, refunds
 * to pay. The three lists are the server's pages: `total` counts every match, not the page's rows.
 */
import type {
  Consumption,
  Finding,
  InstitutionCourses,
  InstitutionMoney,
  InstitutionOrders,
  LessonList,
  OrderStatus,
  PayRefundInput,
  RecordLessonInput,
  RecordLessonResult,
  Refund,
  RefundList,
  RefundStatus,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';
import type { Paging } from '../../../components/usePaging';

export const institutionKey = (...parts: unknown[]) => ['training', 'institution', ...parts];
const base = '/api/training';

export const useInstitutionMoney = (institutionId: string | undefined) =>
  useQuery({ queryKey: institutionKey('summary', institutionId), queryFn: () => api.get<InstitutionMoney>(`${base}/institution/summary${qs({ institutionId })}`), enabled: !!institutionId });

export interface OrderFilters {
  status?: OrderStatus | undefined;
  courseId?: string | undefined;
  /** Only orders with lessons left (who may attend a lesson). */
  withLessonsLeft?: boolean | undefined;
  /** The order's code or the child's name. */
  q?: string | undefined;
}

/** A page of the institution's orders, newest first, filtered by the server. */
export const useInstitutionOrders = (institutionId: string | undefined, f: OrderFilters, paging: Paging) =>
  useQuery({
    queryKey: institutionKey('orders', institutionId, f, paging),
    queryFn: () => api.get<InstitutionOrders>(`${base}/institution/orders${qs({ institutionId, ...f, ...paging })}`),
    enabled: !!institutionId,
    placeholderData: keepPreviousData,
  });

/** The courses the institution has orders of, with how many may still attend. */
export const useInstitutionCourses = (institutionId: string | undefined) =>
  useQuery({ queryKey: institutionKey('courses', institutionId), queryFn: () => api.get<InstitutionCourses>(`${base}/institution/courses${qs({ institutionId })}`), enabled: !!institutionId });

export const useLessons = (institutionId: string | undefined, from: string, to: string, paging: Paging) =>
  useQuery({
    queryKey: institutionKey('lessons', institutionId, from, to, paging),
    queryFn: () => api.get<LessonList>(`${base}/lessons${qs({ institutionId, from, to, ...paging })}`),
    enabled: !!institutionId,
    placeholderData: keepPreviousData,
  });

export const useRefunds = (institutionId: string | undefined, status: RefundStatus | undefined, paging: Paging) =>
  useQuery({
    queryKey: institutionKey('refunds', institutionId, status ?? null, paging),
    queryFn: () => api.get<RefundList>(`${base}/refunds${qs({ institutionId, status, ...paging })}`),
    enabled: !!institutionId,
    placeholderData: keepPreviousData,
  });

/** Inspection findings still waiting for the institution's rectification (the inspections area's paged list, read for its total). */
export const useOpenRectifications = (institutionId: string | undefined) =>
  useQuery({
    queryKey: institutionKey('rectifications', institutionId),
    queryFn: () => api.get<{ items: Finding[]; total: number }>(`${base}/inspections/findings${qs({ institutionId, status: 'open', pageSize: 1 })}`),
    enabled: !!institutionId,
  });

/** The writes; each refreshes the institution's answers. Money-moving writes carry the Idempotency-Key their form made once. */
export function useInstitutionWrites() {
  const client = useQueryClient();
  const done = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: institutionKey() });
    return out;
  };
  const key = (k: string) => ({ headers: { 'idempotency-key': k } });
  return {
    recordLesson: (input: RecordLessonInput, k: string) => done(api.post<RecordLessonResult>(`${base}/lessons`, input, key(k))),
    consume: (lessonId: string, orderId: string, k: string) => done(api.post<Consumption>(`${base}/lessons/${lessonId}/consume`, { orderId }, key(k))),
    payRefund: (refundId: string, input: PayRefundInput, k: string) => done(api.post<Refund>(`${base}/refunds/${refundId}/pay`, input, key(k))),
  };
}
