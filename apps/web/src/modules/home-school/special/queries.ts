/** The 一人一档 calls: the special students' register, one pupil's file (each read audited), its plan and care records, care staff. */
import type { CarePlanInput, CareRecordInput, CareStaffList as CareStaffListSchema, SpecialFile, SpecialFlag, SpecialStudentList } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError, qs } from '../../../app/api';

export const specialKey = (...parts: unknown[]) => ['home-school', 'special', ...parts];
const base = '/api/home-school';

export type SpecialList = SpecialStudentList;
export type CareStaffList = z.infer<typeof CareStaffListSchema>;

/** A refusal is an answer, not a failure to retry: 403 and 404 come back at once. */
const noRetryOnRefusal = (count: number, error: Error) => !(error instanceof ApiError && (error.status === 403 || error.status === 404)) && count < 2;

/** The register's filters and page, as the server takes them (each read of a page is audited). */
export interface SpecialFilters {
  schoolId?: string;
  classId?: string;
  flag?: SpecialFlag;
  hasFile?: 'true' | 'false';
  q?: string;
  page: number;
  pageSize: number;
}

export const useSpecialList = (filters: SpecialFilters) =>
  useQuery({ queryKey: specialKey('list', filters), queryFn: () => api.get<SpecialList>(`${base}/special${qs({ ...filters })}`), placeholderData: keepPreviousData, retry: noRetryOnRefusal });

export const useSpecialFile = (studentId: string | undefined) =>
  useQuery({ queryKey: specialKey('file', studentId), queryFn: () => api.get<SpecialFile>(`${base}/special/${studentId}`), enabled: !!studentId, retry: noRetryOnRefusal });

export const useCareStaff = () => useQuery({ queryKey: specialKey('care-staff'), queryFn: () => api.get<CareStaffList>(`${base}/care-staff`) });

export function useSpecialWrites() {
  const client = useQueryClient();
  // the answer is the file as it now stands: show it at once, and let the register catch up
  const file = async (studentId: string, p: Promise<SpecialFile>) => {
    const out = await p;
    client.setQueryData(specialKey('file', studentId), out);
    await client.invalidateQueries({ queryKey: specialKey('list') });
    return out;
  };
  const staff = async (p: Promise<CareStaffList>) => {
    const out = await p;
    client.setQueryData(specialKey('care-staff'), out);
    return out;
  };
  return {
    savePlan: (studentId: string, body: CarePlanInput) => file(studentId, api.put<SpecialFile>(`${base}/special/${studentId}/plan`, body)),
    addRecord: (studentId: string, body: CareRecordInput) => file(studentId, api.post<SpecialFile>(`${base}/special/${studentId}/records`, body)),
    designate: (schoolId: string, userId: string) => staff(api.post<CareStaffList>(`${base}/care-staff`, { schoolId, userId })),
    remove: (schoolId: string, userId: string) => staff(api.delete<CareStaffList>(`${base}/care-staff/${schoolId}/${userId}`)),
  };
}
