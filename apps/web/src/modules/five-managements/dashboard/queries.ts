/** The 五项管理 dashboards' calls: the district view, a school, a class (a week and a semester each), the workbook. */
import type { FiveClassDashboard, FiveDistrictDashboard, FiveSchoolDashboard } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export interface DashboardPeriodParams {
  week?: string;
  semesterId?: string;
}

export const fiveDashboardKey = (...parts: unknown[]) => ['five-managements', 'dashboard', ...parts];

export const useFiveDistrict = (p: DashboardPeriodParams) =>
  useQuery({
    queryKey: fiveDashboardKey('district', p.week ?? null, p.semesterId ?? null),
    queryFn: () => api.get<FiveDistrictDashboard>(`/api/five-managements/dashboard${qs({ ...p })}`),
    placeholderData: keepPreviousData,
  });

export const useFiveSchool = (schoolId: string | undefined, p: DashboardPeriodParams) =>
  useQuery({
    queryKey: fiveDashboardKey('school', schoolId, p.week ?? null, p.semesterId ?? null),
    queryFn: () => api.get<FiveSchoolDashboard>(`/api/five-managements/dashboard/schools/${schoolId}${qs({ ...p })}`),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
  });

export const useFiveClass = (classId: string | undefined, p: DashboardPeriodParams) =>
  useQuery({
    queryKey: fiveDashboardKey('class', classId, p.week ?? null, p.semesterId ?? null),
    queryFn: () => api.get<FiveClassDashboard>(`/api/five-managements/dashboard/classes/${classId}${qs({ ...p })}`),
    enabled: !!classId,
    placeholderData: keepPreviousData,
  });

export const fiveExportUrl = (p: DashboardPeriodParams) => `/api/five-managements/dashboard/export${qs({ ...p })}`;
