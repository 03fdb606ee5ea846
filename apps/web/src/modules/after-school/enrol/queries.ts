/** The enrol area's calls (选课): the family's child page and its writes, the school's windows, draws, seats and rosters. */
import type {
  ChildEnrolView,
  ChoiceResult,
  CourseSeats,
  DrawResult,
  EnrolWindow,
  OpenWindowInput,
  OptOutInput,
  Roster,
} from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const enrolKey = (...parts: unknown[]) => ['after-school', 'enrol', ...parts];
const base = '/api/after-school';

export const useChildEnrol = (studentId: string | undefined) =>
  useQuery({ queryKey: enrolKey('child', studentId), queryFn: () => api.get<ChildEnrolView>(`${base}/children/${studentId}/enrol`), enabled: !!studentId });

export const useWindows = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({ queryKey: enrolKey('windows', schoolId, semesterId), queryFn: () => api.get<EnrolWindow[]>(`${base}/windows${qs({ schoolId, semesterId })}`), enabled: !!schoolId && !!semesterId });

export const useSeats = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({ queryKey: enrolKey('seats', schoolId, semesterId), queryFn: () => api.get<CourseSeats[]>(`${base}/seats${qs({ schoolId, semesterId })}`), enabled: !!schoolId && !!semesterId });

export const useRoster = (courseId: string | undefined) =>
  useQuery({ queryKey: enrolKey('roster', courseId), queryFn: () => api.get<Roster>(`${base}/courses/${courseId}/roster`), enabled: !!courseId });

export const useDraw = (windowId: string | undefined) =>
  useQuery({ queryKey: enrolKey('draw', windowId), queryFn: () => api.get<DrawResult>(`${base}/windows/${windowId}/draw`), enabled: !!windowId });

export const rosterExportUrl = (courseId: string) => `${base}/courses/${courseId}/roster/export`;

/** Writes, each refreshing the enrol area's answers. */
export function useEnrolWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: enrolKey() });
    return out;
  };
  return {
    sign: (studentId: string, textHash: string) => after(api.post<{ ok: true }>(`${base}/children/${studentId}/agreement`, { textHash })),
    choose: (studentId: string, courseId: string) => after(api.post<ChoiceResult>(`${base}/children/${studentId}/choices`, { courseId })),
    withdraw: (studentId: string, courseId: string) => after(api.delete<{ ok: true }>(`${base}/children/${studentId}/choices/${courseId}`)),
    optOut: (studentId: string, input: OptOutInput) => after(api.post<{ withdrawn: number; optOutFrom: string }>(`${base}/children/${studentId}/opt-out`, input)),
    openWindow: (input: OpenWindowInput) => after(api.post<EnrolWindow>(`${base}/windows`, input)),
    draw: (windowId: string, seed?: string) => after(api.post<DrawResult>(`${base}/windows/${windowId}/draw`, seed ? { seed } : {})),
  };
}
