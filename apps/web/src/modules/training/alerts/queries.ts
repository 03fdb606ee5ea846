/** The alerts area's calls: the case list, one case, the people who may take one, and the case's steps. */
import type { TrainingAlertAssignee, TrainingAlertClose, TrainingAlertDetail, TrainingAlertQuery, TrainingAlertRow } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const alertsKey = (...parts: unknown[]) => ['training', 'alerts', ...parts];

export const useAlerts = (filter: TrainingAlertQuery) =>
  useQuery({
    queryKey: alertsKey('list', filter),
    queryFn: () => api.get<TrainingAlertRow[]>(`/api/training/alerts${qs({ ...filter })}`),
    placeholderData: keepPreviousData,
  });

export const useAlert = (id: string | null) =>
  useQuery({ queryKey: alertsKey('one', id), queryFn: () => api.get<TrainingAlertDetail>(`/api/training/alerts/${id}`), enabled: !!id });

export const useAssignees = (zoneId: string | undefined) =>
  useQuery({
    queryKey: alertsKey('assignees', zoneId ?? null),
    queryFn: () => api.get<TrainingAlertAssignee[]>(`/api/training/alerts/assignees${qs({ zoneId })}`),
    enabled: !!zoneId,
  });

/** A case's steps, each refreshing the lists and the district view (open alerts are counted there). */
export function useAlertWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await Promise.all([client.invalidateQueries({ queryKey: alertsKey() }), client.invalidateQueries({ queryKey: ['training', 'district'] })]);
    return out;
  };
  return {
    assign: (id: string, assigneeId: string) => after(api.post<TrainingAlertDetail>(`/api/training/alerts/${id}/assign`, { assigneeId })),
    note: (id: string, text: string) => after(api.post<TrainingAlertDetail>(`/api/training/alerts/${id}/notes`, { text })),
    close: (id: string, body: TrainingAlertClose) => after(api.post<TrainingAlertDetail>(`/api/training/alerts/${id}/close`, body)),
  };
}
