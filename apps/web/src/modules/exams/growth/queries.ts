/** The growth area's calls (综合素质评价): classes, a class's record, a pupil's summary, entries, bulk, the labour grid, comments. */
import type {
  GrowthBulkInput,
  GrowthBulkResult,
  GrowthClassList,
  GrowthClassView,
  GrowthCommentInput,
  GrowthCommentView,
  GrowthEntryInput,
  GrowthEntryUpdate,
  GrowthEntryView,
  GrowthLabourGridInput,
  GrowthLabourGridResult,
  GrowthSummary,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const growthKey = (...parts: unknown[]) => ['exams', 'growth', ...parts];
const base = '/api/exams/growth';

export const useGrowthClasses = (semesterId?: string) =>
  useQuery({ queryKey: growthKey('classes', semesterId), queryFn: () => api.get<GrowthClassList>(`${base}/classes${qs({ semesterId })}`) });

export const useClassGrowth = (classId: string | undefined, semesterId?: string) =>
  useQuery({
    queryKey: growthKey('class', classId, semesterId),
    queryFn: () => api.get<GrowthClassView>(`${base}/classes/${classId}${qs({ semesterId })}`),
    enabled: !!classId,
    placeholderData: keepPreviousData,
  });

export const useGrowthSummary = (studentId: string | undefined, semesterId?: string) =>
  useQuery({
    queryKey: growthKey('student', studentId, semesterId),
    queryFn: () => api.get<GrowthSummary>(`${base}/students/${studentId}${qs({ semesterId })}`),
    enabled: !!studentId,
  });

/** Writes, each refreshing the growth area's reads. */
export function useGrowthWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: growthKey() });
    return out;
  };
  return {
    record: (input: GrowthEntryInput) => after(api.post<GrowthEntryView>(`${base}/entries`, input)),
    correct: (id: string, input: GrowthEntryUpdate) => after(api.put<GrowthEntryView>(`${base}/entries/${id}`, input)),
    remove: (id: string) => after(api.delete<{ ok: true }>(`${base}/entries/${id}`)),
    bulk: (classId: string, input: GrowthBulkInput) => after(api.post<GrowthBulkResult>(`${base}/classes/${classId}/bulk`, input)),
    labour: (classId: string, input: GrowthLabourGridInput) => after(api.put<GrowthLabourGridResult>(`${base}/classes/${classId}/labour`, input)),
    comment: (input: GrowthCommentInput) => after(api.put<GrowthCommentView>(`${base}/comments`, input)),
  };
}
