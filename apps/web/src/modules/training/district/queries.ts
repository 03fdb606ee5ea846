/** The training district view's calls: the overview from the rollup (optionally one zone) and one institution. */
import type { TrainingDistrictOverview, TrainingInstitutionDetail } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const trainingDistrictKey = (...parts: unknown[]) => ['training', 'district', ...parts];

export const useTrainingDistrict = (zoneId: string | undefined) =>
  useQuery({
    queryKey: trainingDistrictKey('overview', zoneId ?? null),
    queryFn: () => api.get<TrainingDistrictOverview>(`/api/training/district${qs({ zoneId })}`),
    placeholderData: keepPreviousData,
  });

export const useTrainingInstitution = (institutionId: string | null) =>
  useQuery({
    queryKey: trainingDistrictKey('institution', institutionId),
    queryFn: () => api.get<TrainingInstitutionDetail>(`/api/training/district/institutions/${institutionId}`),
    enabled: !!institutionId,
  });

export const trainingExportUrl = (zoneId: string | undefined) => `/api/training/district/export${qs({ zoneId })}`;
