/** The phones area's calls: the family's rule page and requests, the class register, the school's rule page. */
import type { PhoneFamily, PhoneRegister, PhoneRequest } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const phonesKey = (...parts: unknown[]) => ['five-managements', 'phones', ...parts];

export const useFamilyPhones = (studentId: string | undefined) =>
  useQuery({ queryKey: phonesKey('family', studentId), queryFn: () => api.get<PhoneFamily>(`/api/five-managements/phones/family/${studentId}`), enabled: !!studentId });
export const usePhoneRegister = (classId: string | undefined, date?: string) =>
  useQuery({ queryKey: phonesKey('register', classId, date), queryFn: () => api.get<PhoneRegister>(`/api/five-managements/phones/classes/${classId}/register${qs({ date })}`), enabled: !!classId });

export type PhoneRequestBody = { studentId: string; reason: string; undertaking: string; validUntil?: string | null };
export type PhoneMark = { requestId: string; handedIn: boolean; returned: boolean };

export function usePhoneWrites() {
  const client = useQueryClient();
  const done = async <T>(p: Promise<T>) => {
    const r = await p;
    await client.invalidateQueries({ queryKey: phonesKey() });
    return r;
  };
  return {
    file: (body: PhoneRequestBody) => done(api.post<PhoneRequest>('/api/five-managements/phones/requests', body)),
    withdraw: (id: string) => done(api.post<PhoneRequest>(`/api/five-managements/phones/requests/${id}/withdraw`)),
    decide: (id: string, approve: boolean, note: string | null) => done(api.post<PhoneRequest>(`/api/five-managements/phones/requests/${id}/decision`, { approve, note })),
    revoke: (id: string, reason: string) => done(api.post<PhoneRequest>(`/api/five-managements/phones/requests/${id}/revoke`, { reason })),
    mark: (classId: string, date: string, marks: PhoneMark[]) => done(api.put<PhoneRegister>(`/api/five-managements/phones/classes/${classId}/marks`, { date, marks })),
    hotline: (classId: string, phone: string) => done(api.put(`/api/five-managements/phones/classes/${classId}/hotline`, { phone })),
  };
}
