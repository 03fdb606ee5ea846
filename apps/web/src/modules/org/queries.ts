/** Types and shared queries of the organisation pages; query keys: ['zones'], ['schools'], ['classes', filters], … */
import type {
  Credential,
  Institution,
  School,
  SchoolClass,
  StaffMember,
  Student,
  StudentDetail,
  Subject,
  Zone,
} from '@shuangjian/contracts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../app/api';

export type ZoneRow = z.infer<typeof Zone>;
export type SchoolRow = z.infer<typeof School>;
export type ClassRow = z.infer<typeof SchoolClass>;
export type StudentRow = z.infer<typeof Student>;
export type StudentDetailRow = z.infer<typeof StudentDetail>;
export type SubjectRow = z.infer<typeof Subject>;
export type StaffRow = z.infer<typeof StaffMember>;
export type InstitutionRow = z.infer<typeof Institution>;
export type CredentialRow = z.infer<typeof Credential>;
export interface Paged<T> {
  items: T[];
  total: number;
}

export const useZones = (enabled = true) => useQuery({ queryKey: ['zones'], queryFn: () => api.get<ZoneRow[]>('/api/zones'), enabled });
export const useSchools = (enabled = true) => useQuery({ queryKey: ['schools'], queryFn: () => api.get<SchoolRow[]>('/api/schools'), enabled });
export const useSubjects = (enabled = true) => useQuery({ queryKey: ['subjects'], queryFn: () => api.get<SubjectRow[]>('/api/subjects'), enabled });
export const useInstitutions = (enabled = true) =>
  useQuery({ queryKey: ['institutions'], queryFn: () => api.get<InstitutionRow[]>('/api/institutions'), enabled });

/** Classes of one school (and grade); nothing is asked until a school is chosen. */
export function useClasses(schoolId: string | undefined, grade?: number) {
  return useQuery({
    queryKey: ['classes', { schoolId, grade }],
    queryFn: () => api.get<ClassRow[]>(`/api/classes${qs({ schoolId, grade })}`),
    enabled: !!schoolId,
  });
}

/** After a change to classes or students: lists, counts on the school table and the home page. */
export function invalidateOrg(client: QueryClient, ...keys: string[]) {
  for (const key of [...keys, 'schools', 'org-overview']) void client.invalidateQueries({ queryKey: [key] });
}
