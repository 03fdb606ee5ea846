/** The daily area's calls: the teacher's day and attendance, leave, pick-up sign-out, patrols, assessment, flexible hours. */
import type {
  AssessmentInput,
  AssessmentMonth,
  CancelSession,
  FlexHoursMonth,
  LeaveInput,
  LeavePage,
  LeaveView,
  PatrolDay,
  PatrolInput,
  PatrolView,
  PickupInput,
  PickupPage,
  PickupView,
  SessionView,
  TakeAttendance,
  TeacherDay,
  Uncollected,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const dailyKey = (...parts: unknown[]) => ['after-school', 'daily', ...parts];
const base = '/api/after-school/daily';

export const useTeacherDay = (date: string | undefined) =>
  useQuery({ queryKey: dailyKey('day', date), queryFn: () => api.get<TeacherDay>(`${base}/day${qs({ date })}`), placeholderData: keepPreviousData });

export const useUncollected = (date: string | undefined) =>
  useQuery({ queryKey: dailyKey('uncollected', date), queryFn: () => api.get<Uncollected>(`${base}/uncollected${qs({ date })}`) });

/** One page of leaves (a child's), newest first; `total` counts them all. */
export const useLeaves = (studentId: string | undefined, page: number, pageSize: number) =>
  useQuery({
    queryKey: dailyKey('leaves', studentId, page, pageSize),
    queryFn: () => api.get<LeavePage>(`${base}/leaves${qs({ studentId, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });

/** One page of sign-outs (a child's), newest first; `total` counts them all. */
export const usePickups = (studentId: string | undefined, page: number, pageSize: number) =>
  useQuery({
    queryKey: dailyKey('pickups', studentId, page, pageSize),
    queryFn: () => api.get<PickupPage>(`${base}/pickups${qs({ studentId, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });

export const usePatrols = (date: string | undefined, schoolId?: string) =>
  useQuery({ queryKey: dailyKey('patrols', date, schoolId), queryFn: () => api.get<PatrolDay>(`${base}/patrols${qs({ date, schoolId })}`), placeholderData: keepPreviousData });

export const useAssessments = (month: string | undefined, schoolId?: string) =>
  useQuery({
    queryKey: dailyKey('assessments', month, schoolId),
    queryFn: () => api.get<AssessmentMonth>(`${base}/assessments${qs({ month, schoolId })}`),
    placeholderData: keepPreviousData,
  });

export const useFlexHours = (month: string | undefined, schoolId?: string) =>
  useQuery({
    queryKey: dailyKey('flex', month, schoolId),
    queryFn: () => api.get<FlexHoursMonth>(`${base}/flex-hours${qs({ month, schoolId })}`),
    placeholderData: keepPreviousData,
  });

/** Writes, each refreshing the daily area's lists. */
export function useDailyWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: dailyKey() });
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await refresh();
    return out;
  };
  return {
    take: (courseId: string, body: TakeAttendance) => after(api.post<SessionView>(`${base}/courses/${courseId}/attendance`, body)),
    cancel: (courseId: string, body: CancelSession) => after(api.post<SessionView>(`${base}/courses/${courseId}/cancel`, body)),
    askLeave: (body: LeaveInput) => after(api.post<LeaveView>(`${base}/leaves`, body)),
    cancelLeave: (id: string) => after(api.post<LeaveView>(`${base}/leaves/${id}/cancel`)),
    signOut: (body: PickupInput) => after(api.post<PickupView>(`${base}/pickups`, body)),
    patrol: (body: PatrolInput) => after(api.post<PatrolView>(`${base}/patrols`, body)),
    assess: (body: AssessmentInput) => after(api.put<AssessmentMonth>(`${base}/assessments`, body)),
  };
}
