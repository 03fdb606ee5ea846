/** The exams dashboards' calls: the district view and a school for a semester, the workbook. */
import type { ExamsDistrictDashboard, ExamsSchoolDashboard } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const examsDashboardKey = (...parts: unknown[]) => ['exams', 'dashboard', ...parts];

export const useExamsDistrict = (semesterId: string | undefined) =>
  useQuery({
    queryKey: examsDashboardKey('district', semesterId ?? null),
    queryFn: () => api.get<ExamsDistrictDashboard>(`/api/exams/dashboard${qs({ semesterId })}`),
    placeholderData: keepPreviousData,
  });

export const useExamsSchool = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: examsDashboardKey('school', schoolId, semesterId ?? null),
    queryFn: () => api.get<ExamsSchoolDashboard>(`/api/exams/dashboard/schools/${schoolId}${qs({ semesterId })}`),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
  });

export const examsExportUrl = (semesterId: string | undefined) => `/api/exams/dashboard/export${qs({ semesterId })}`;
