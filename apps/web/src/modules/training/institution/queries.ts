/** The institution side of 校外培训 (the only caller of its API): orders, money, lessons and their consumptions, refunds to pay. */
import type {
  Consumption,
  Finding,
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
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const institutionKey = (...parts: unknown[]) => ['training', 'institution', ...parts];
const base = '/api/training';

export const useInstitutionMoney = (institutionId: string | undefined) =>
  useQuery({ queryKey: institutionKey('summary', institutionId), queryFn: () => api.get<InstitutionMoney>(`${base}/institution/summary${qs({ institutionId })}`), enabled: !!institutionId });

export const useInstitutionOrders = (institutionId: string | undefined, status?: OrderStatus) =>
  useQuery({
    queryKey: institutionKey('orders', institutionId, status ?? null),
    queryFn: () => api.get<InstitutionOrders>(`${base}/institution/orders${qs({ institutionId, status })}`),
    enabled: !!institutionId,
  });

export const useLessons = (institutionId: string | undefined, from?: string, to?: string) =>
  useQuery({ queryKey: institutionKey('lessons', institutionId, from ?? null, to ?? null), queryFn: () => api.get<LessonList>(`${base}/lessons${qs({ institutionId, from, to })}`), enabled: !!institutionId });

export const useRefunds = (institutionId: string | undefined, status?: RefundStatus) =>
  useQuery({ queryKey: institutionKey('refunds', institutionId, status ?? null), queryFn: () => api.get<RefundList>(`${base}/refunds${qs({ institutionId, status })}`), enabled: !!institutionId });

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
