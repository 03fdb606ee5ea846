/** The district view's calls: the overview of every school for a semester, and one school's courses. */
import type { AfterSchoolDistrictOverview, AfterSchoolSchoolDetail } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const districtKey = (...parts: unknown[]) => ['after-school', 'district', ...parts];

export const useDistrictOverview = (semesterId: string | undefined) =>
  useQuery({
    queryKey: districtKey('overview', semesterId ?? null),
    queryFn: () => api.get<AfterSchoolDistrictOverview>(`/api/after-school/district${qs({ semesterId })}`),
    placeholderData: keepPreviousData,
  });

export const useSchoolDetail = (schoolId: string | null, semesterId: string | undefined) =>
  useQuery({
    queryKey: districtKey('school', schoolId, semesterId ?? null),
    queryFn: () => api.get<AfterSchoolSchoolDetail>(`/api/after-school/district/schools/${schoolId}${qs({ semesterId })}`),
    enabled: !!schoolId,
  });

export const exportUrl = (semesterId: string | undefined) => `/api/after-school/district/export${qs({ semesterId })}`;
