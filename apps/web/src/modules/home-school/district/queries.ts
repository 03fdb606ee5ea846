/** The 家校社协同看板's calls: the district (zones, schools), a school and its classes, the workbook. */
import type { HsDistrictDashboard, HsSchoolDashboard } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

const base = '/api/home-school/dashboard';
export const hsDashboardKey = (...parts: unknown[]) => ['home-school', 'dashboard', ...parts];

export const useHsDistrict = (semesterId: string | undefined) =>
  useQuery({
    queryKey: hsDashboardKey('district', semesterId ?? null),
    queryFn: () => api.get<HsDistrictDashboard>(`${base}${qs({ semesterId })}`),
    placeholderData: keepPreviousData,
  });

export const useHsSchool = (schoolId: string | undefined, semesterId: string | undefined) =>
  useQuery({
    queryKey: hsDashboardKey('school', schoolId, semesterId ?? null),
    queryFn: () => api.get<HsSchoolDashboard>(`${base}/schools/${schoolId}${qs({ semesterId })}`),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
  });

export const hsExportUrl = (semesterId: string | undefined) => `${base}/export${qs({ semesterId })}`;
