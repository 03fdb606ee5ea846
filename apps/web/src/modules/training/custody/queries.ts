/** The district custody pages' calls: custody figures per institution and the transfer journal (custody area), the bank statements and their reconciliation. */
import type { CustodySummary, ReconcileDetail, ReconcileShow, StatementImport, StatementImportList, TransferJournal } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const custodyKey = (...parts: unknown[]) => ['training', 'custody-district', ...parts];

export const useCustodySummary = () => useQuery({ queryKey: custodyKey('summary'), queryFn: () => api.get<CustodySummary>('/api/training/custody/summary') });

export interface JournalFilter {
  institutionId?: string;
  kind?: string;
  from?: string;
  to?: string;
  page: number;
}
export const useTransfers = (f: JournalFilter) =>
  useQuery({
    queryKey: custodyKey('transfers', f),
    queryFn: () => api.get<TransferJournal>(`/api/training/custody/transfers${qs({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
export const transfersExportUrl = (f: Omit<JournalFilter, 'page'>) => `/api/training/custody/transfers.xlsx${qs({ ...f })}`;

export const useStatementImports = (institutionId?: string) =>
  useQuery({ queryKey: custodyKey('imports', institutionId ?? null), queryFn: () => api.get<StatementImportList>(`/api/training/reconcile/imports${qs({ institutionId })}`) });

export const useReconcile = (id: string | null, show: ReconcileShow) =>
  useQuery({
    queryKey: custodyKey('reconcile', id, show),
    queryFn: () => api.get<ReconcileDetail>(`/api/training/reconcile/imports/${id}${qs({ show })}`),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });

/** Differences of a reconciliation: lines either way, amounts, and the closing balance when it is off. */
export const diffCount = (i: StatementImport) => i.amountDiffers + i.unmatchedBank + i.missingBank + (i.balanceDiffFen ? 1 : 0);

export const statementTemplateUrl = '/api/training/reconcile/template';
export const reconcileExportUrl = (id: string) => `/api/training/reconcile/imports/${id}/export`;

export interface ImportForm {
  institutionId: string;
  periodFrom: string;
  periodTo: string;
  bank?: string;
  closingBalanceFen?: number;
}

export function useReconcileWrites() {
  const client = useQueryClient();
  const done = <T,>(r: T) => {
    void client.invalidateQueries({ queryKey: custodyKey() });
    return r;
  };
  return {
    importStatement: (form: ImportForm, file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post<ReconcileDetail>(`/api/training/reconcile/imports${qs({ ...form })}`, body).then(done);
    },
    rerun: (id: string) => api.post<ReconcileDetail>(`/api/training/reconcile/imports/${id}/rerun`).then(done),
  };
}
