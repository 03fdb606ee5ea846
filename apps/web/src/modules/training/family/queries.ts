/** The family side of 校外培训 (the only caller of its API): packages on sale, the standard contract, orders, confirmations, refunds. */
import type { Consumption, DisputeInput, FamilyOrder, FamilyOrders, PackagesForSale, PlaceOrderInput, Refund, RefundRequestInput, StandardContract } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const familyKey = (...parts: unknown[]) => ['training', 'family', ...parts];
const base = '/api/training';

export const useContract = (enabled = true) =>
  useQuery({ queryKey: familyKey('contract'), queryFn: () => api.get<StandardContract>(`${base}/contract`), enabled, staleTime: 5 * 60_000 });

export const usePackages = (studentId: string | undefined) =>
  useQuery({ queryKey: familyKey('packages', studentId), queryFn: () => api.get<PackagesForSale>(`${base}/family/packages${qs({ studentId })}`), enabled: !!studentId });

export const useFamilyOrders = (studentId: string | undefined) =>
  useQuery({ queryKey: familyKey('orders', studentId), queryFn: () => api.get<FamilyOrders>(`${base}/family/orders${qs({ studentId })}`), enabled: !!studentId });

/** The writes; each refreshes the family's answers. A buy carries the Idempotency-Key its dialog made once. */
export function useFamilyWrites() {
  const client = useQueryClient();
  const done = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: familyKey() });
    return out;
  };
  return {
    buy: (input: PlaceOrderInput, key: string) => done(api.post<FamilyOrder>(`${base}/orders`, input, { headers: { 'idempotency-key': key } })),
    confirm: (consumptionId: string) => done(api.post<Consumption>(`${base}/consumptions/${consumptionId}/confirm`)),
    dispute: (consumptionId: string, input: DisputeInput) => done(api.post<Consumption>(`${base}/consumptions/${consumptionId}/dispute`, input)),
    refund: (orderId: string, input: RefundRequestInput, key: string) =>
      done(api.post<Refund>(`${base}/orders/${orderId}/refund`, input, { headers: { 'idempotency-key': key } })),
  };
}
