/** The plan area's calls: plans (一校一案) and their review, the course catalogue, the white list, the public page. */
import type { Course, Plan, PlanContext, Provider, PublicSchoolPage, SchoolPlanStatus, ServicePlan } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';

export const planKey = (...parts: unknown[]) => ['after-school', 'plan', ...parts];
export type SchoolStatusRow = z.infer<typeof SchoolPlanStatus>;
export interface SemesterRow {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}
/** What the course dialog sends (the server fills defaults). */
export type CourseDraft = Omit<Course, 'id' | 'schoolId' | 'semesterId' | 'enrolled' | 'teacherNames' | 'providerName' | 'pricePerLessonFen' | 'status'>;
export interface ProviderDraft {
  institutionId: string;
  item: string;
  category: string;
  pricePerLessonFen: number;
  listedFrom: string;
  listedUntil: string | null;
  panelNote: string | null;
}

export const useSemesters = () => useQuery({ queryKey: ['semesters'], queryFn: () => api.get<SemesterRow[]>('/api/semesters') });

/** The semester in force on `date`: the one containing it, else the latest begun, else the first. */
export function semesterAt(list: readonly SemesterRow[] | undefined, date: string): SemesterRow | undefined {
  if (!list?.length) return undefined;
  return list.find((s) => s.startDate <= date && date <= s.endDate) ?? [...list].reverse().find((s) => s.startDate <= date) ?? list[0];
}

export const usePlans = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: planKey('plans', schoolId, semesterId),
    queryFn: () => api.get<Plan[]>(`/api/after-school/plans${qs({ schoolId, semesterId })}`),
    enabled: !!schoolId && !!semesterId,
  });

export const usePlan = (id: string | undefined) => useQuery({ queryKey: planKey('plan', id), queryFn: () => api.get<Plan>(`/api/after-school/plans/${id}`), enabled: !!id });

export const usePlanContext = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: planKey('context', schoolId, semesterId),
    queryFn: () => api.get<PlanContext>(`/api/after-school/plans/context${qs({ schoolId, semesterId })}`),
    enabled: !!schoolId && !!semesterId,
  });

export const useDistrictPlans = (semesterId: string | undefined) =>
  useQuery({
    queryKey: planKey('district', semesterId),
    queryFn: () => api.get<SchoolStatusRow[]>(`/api/after-school/plans/district${qs({ semesterId })}`),
    enabled: !!semesterId,
  });

export const useCourses = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: planKey('courses', schoolId, semesterId),
    queryFn: () => api.get<Course[]>(`/api/after-school/courses${qs({ schoolId, semesterId })}`),
    enabled: !!schoolId && !!semesterId,
  });

export const useCourseTeachers = (schoolId: string | undefined) =>
  useQuery({
    queryKey: planKey('teachers', schoolId),
    queryFn: () => api.get<{ id: string; name: string }[]>(`/api/after-school/courses/teachers${qs({ schoolId })}`),
    enabled: !!schoolId,
  });

export const useProviders = () => useQuery({ queryKey: planKey('providers'), queryFn: () => api.get<Provider[]>('/api/after-school/providers') });

export const usePublicSchool = (schoolId: string | undefined) =>
  useQuery({
    queryKey: planKey('public', schoolId),
    queryFn: () => api.get<PublicSchoolPage>(`/api/public/after-school/schools/${schoolId}`),
    enabled: !!schoolId,
  });

/** Writes, each refreshing the plan area's lists. */
export function usePlanWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: planKey() });
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await refresh();
    return out;
  };
  return {
    createPlan: (schoolId: string, semesterId: string, body?: ServicePlan) => after(api.post<Plan>('/api/after-school/plans', { schoolId, semesterId, body })),
    editPlan: (id: string, body: ServicePlan) => after(api.put<Plan>(`/api/after-school/plans/${id}`, { body })),
    submitPlan: (id: string) => after(api.post<Plan>(`/api/after-school/plans/${id}/submit`)),
    approvePlan: (id: string, note: string | null) => after(api.post<Plan>(`/api/after-school/plans/${id}/approve`, { note })),
    returnPlan: (id: string, reason: string) => after(api.post<Plan>(`/api/after-school/plans/${id}/return`, { reason })),
    saveCourse: (id: string | null, schoolId: string, semesterId: string, body: CourseDraft) =>
      after(id ? api.patch<Course>(`/api/after-school/courses/${id}`, body) : api.post<Course>('/api/after-school/courses', { schoolId, semesterId, ...body })),
    closeCourse: (id: string, status: 'open' | 'closed') => after(api.patch<Course>(`/api/after-school/courses/${id}`, { status })),
    saveProvider: (id: string | null, body: ProviderDraft) =>
      after(
        id
          ? api.patch<Provider>(`/api/after-school/providers/${id}`, { pricePerLessonFen: body.pricePerLessonFen, listedUntil: body.listedUntil, panelNote: body.panelNote })
          : api.post<Provider>('/api/after-school/providers', body),
      ),
    setProviderStatus: (id: string, status: 'listed' | 'delisted') => after(api.patch<Provider>(`/api/after-school/providers/${id}`, { status })),
  };
}
