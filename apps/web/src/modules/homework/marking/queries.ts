/** The marking pages' calls: my marking worklist and records, rates for the school and district, the family's marks, the weekly record. */
import type { ChildMark, ClassRegister, DistrictMarkingRates, Marking, MarkingDetail, MarkingInput, MarkingRates, MarkingWorklist, SchoolClass } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { hwKey } from '../components/model';

export type WorklistRow = z.infer<typeof MarkingWorklist>['rows'][number];
export type MarkingRow = z.infer<typeof Marking>;
export type DetailRow = z.infer<typeof MarkingDetail>;
export type RatesRow = z.infer<typeof MarkingRates>;
export type DistrictRatesRow = z.infer<typeof DistrictMarkingRates>;
export type RegisterRow = z.infer<typeof ClassRegister>;
export type ChildMarkRow = z.infer<typeof ChildMark>;
export type MarkingBody = z.input<typeof MarkingInput>;
type ClassRow = z.infer<typeof SchoolClass>;

export const useWorklist = (from: string, to: string) =>
  useQuery({ queryKey: hwKey('marking', 'mine', from, to), queryFn: () => api.get<z.infer<typeof MarkingWorklist>>(`/api/homework/marking/mine${qs({ from, to })}`) });

export const useMarkingDetail = (itemId: string | null) =>
  useQuery({ queryKey: hwKey('marking', 'item', itemId), queryFn: () => api.get<DetailRow>(`/api/homework/marking/items/${itemId}`), enabled: !!itemId });

export const saveMarking = (itemId: string, body: MarkingBody) => api.put<MarkingRow>(`/api/homework/marking/items/${itemId}`, body);

export const useSchoolRates = (schoolId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: hwKey('marking', 'school', schoolId, from, to),
    queryFn: () => api.get<RatesRow>(`/api/homework/marking/school${qs({ schoolId, from, to })}`),
    enabled: !!schoolId,
  });

export const useDistrictRates = (from: string, to: string, enabled: boolean) =>
  useQuery({ queryKey: hwKey('marking', 'district', from, to), queryFn: () => api.get<DistrictRatesRow>(`/api/homework/marking/district${qs({ from, to })}`), enabled });

export const useChildMarks = (studentId: string, date: string, enabled = true) =>
  useQuery({
    queryKey: hwKey('marking', 'child', studentId, date),
    queryFn: () => api.get<ChildMarkRow[]>(`/api/homework/child/marks${qs({ studentId, date })}`),
    enabled,
  });

export const useRegister = (classId: string | undefined, weekStart: string) =>
  useQuery({
    queryKey: hwKey('register', classId, weekStart),
    queryFn: () => api.get<RegisterRow>(`/api/homework/register${qs({ classId, weekStart })}`),
    enabled: !!classId,
  });

export const registerExportUrl = (classId: string, weekStart: string) => `/api/homework/register/export${qs({ classId, weekStart })}`;

/** Every class the reader sees (a teacher's own, a school's, the district's), in school, grade and name order. */
export const useVisibleClasses = () => useQuery({ queryKey: ['classes', 'visible'], queryFn: () => api.get<ClassRow[]>('/api/classes') });
