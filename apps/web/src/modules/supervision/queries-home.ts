/** The 督导总览 calls: the district (zones, schools, institution cards), one school's classes and weeks, the workbook. */
import type { SupervisionHome, SupervisionSchoolHome } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../app/api';

const base = '/api/supervision/home';
export const homeKey = (...parts: unknown[]) => ['supervision', 'home', ...parts];

/** A refusal is an answer, not a failure to retry. */
const noRetryOnRefusal = (count: number, error: Error) => !(error instanceof ApiError && [403, 404].includes(error.status)) && count < 2;

export const useSupervisionHome = (date: string | undefined, enabled = true) =>
  useQuery({
    queryKey: homeKey('district', date ?? null),
    queryFn: () => api.get<SupervisionHome>(`${base}${qs({ date })}`),
    placeholderData: keepPreviousData,
    retry: noRetryOnRefusal,
    enabled,
  });

export const useSupervisionSchool = (schoolId: string | undefined, date: string | undefined) =>
  useQuery({
    queryKey: homeKey('school', schoolId, date ?? null),
    queryFn: () => api.get<SupervisionSchoolHome>(`${base}/schools/${schoolId}${qs({ date })}`),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
    retry: noRetryOnRefusal,
  });

export const homeExportUrl = (date: string | undefined) => `${base}/export${qs({ date })}`;
