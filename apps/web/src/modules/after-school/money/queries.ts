/** The money area's calls: a month's bills, waivers, subsidy and costs, payments and their import, settlement, a child's bills. */
import type { ChildBills, FundList, GenerateBillsResult, MonthBills, Payment, PaymentImportResult, PaymentPage, PaymentReversalResult, Settlement, WaiverList } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, qs } from '../../../app/api';

export const moneyKey = (...parts: unknown[]) => ['after-school', 'money', ...parts];

export const useMonthBills = (schoolId: string | undefined, month: string) =>
  useQuery({ queryKey: moneyKey('bills', schoolId, month), queryFn: () => api.get<MonthBills>(`/api/after-school/money/bills${qs({ schoolId, month })}`), enabled: !!schoolId });

/** One page of the school's payments (of a month, or the unmatched lines): the server filters and counts (`total` is all of them). */
export const usePayments = (schoolId: string | undefined, month: string | undefined, unmatched: boolean, page: number, pageSize: number) =>
  useQuery({
    queryKey: moneyKey('payments', schoolId, month ?? null, unmatched, page, pageSize),
    queryFn: () => api.get<PaymentPage>(`/api/after-school/money/payments${qs({ schoolId, month, unmatched: unmatched ? '1' : undefined, page, pageSize })}`),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
  });

export const useWaivers = (schoolId: string | undefined) =>
  useQuery({ queryKey: moneyKey('waivers', schoolId), queryFn: () => api.get<WaiverList>(`/api/after-school/money/waivers${qs({ schoolId })}`), enabled: !!schoolId });

export const useFunds = (schoolId: string | undefined) =>
  useQuery({ queryKey: moneyKey('funds', schoolId), queryFn: () => api.get<FundList>(`/api/after-school/money/funds${qs({ schoolId })}`), enabled: !!schoolId });

export const useSettlement = (schoolId: string | undefined, period: string) =>
  useQuery({ queryKey: moneyKey('settlement', schoolId, period), queryFn: () => api.get<Settlement>(`/api/after-school/money/settlement${qs({ schoolId, period })}`), enabled: !!schoolId });

export const useChildBills = (studentId: string | undefined) =>
  useQuery({ queryKey: moneyKey('child', studentId), queryFn: () => api.get<ChildBills>(`/api/after-school/money/child${qs({ studentId })}`), enabled: !!studentId });

export const billsExportUrl = (schoolId: string | undefined, month: string) => `/api/after-school/money/bills/export${qs({ schoolId, month })}`;
export const paymentTemplateUrl = (schoolId: string | undefined) => `/api/after-school/money/payments/template${qs({ schoolId })}`;
export const settlementExportUrl = (schoolId: string | undefined, period: string) => `/api/after-school/money/settlement/export${qs({ schoolId, period })}`;

/** The writes; each refreshes what the money area shows. */
export function useMoneyWrites() {
  const client = useQueryClient();
  const done = <T,>(r: T) => {
    void client.invalidateQueries({ queryKey: moneyKey() });
    return r;
  };
  return {
    generate: (schoolId: string, month: string) => api.post<GenerateBillsResult>('/api/after-school/money/bills/generate', { schoolId, month }).then(done),
    recordPayment: (body: { schoolId: string; studentId: string; amountFen: number; paidOn: string; payer?: string; remark?: string; reference?: string }) =>
      api.post<Payment>('/api/after-school/money/payments', body, { headers: idempotencyKey() }).then(done),
    importPayments: (schoolId: string, file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post<PaymentImportResult>(`/api/after-school/money/payments/import${qs({ schoolId })}`, body).then(done);
    },
    reverse: (paymentId: string, reason: string) =>
      api.post<PaymentReversalResult>(`/api/after-school/money/payments/${paymentId}/reverse`, { reason }, { headers: idempotencyKey() }).then(done),
    match: (paymentId: string, studentId: string) => api.post<Payment>(`/api/after-school/money/payments/${paymentId}/match`, { studentId }).then(done),
    addWaiver: (body: { schoolId: string; studentId: string; category: string; note?: string }) => api.post('/api/after-school/money/waivers', body).then(done),
    revokeWaiver: (id: string) => api.delete(`/api/after-school/money/waivers/${id}`).then(done),
    recordFund: (body: { schoolId: string; kind: 'subsidy' | 'cost'; item: string; amountFen: number; month?: string | null }) => api.post('/api/after-school/money/funds', body).then(done),
    settle: (schoolId: string, period: string) => api.post<Settlement>('/api/after-school/money/settlement', { schoolId, period }).then(done),
  };
}
