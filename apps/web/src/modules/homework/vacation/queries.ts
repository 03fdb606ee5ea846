/** The vacation pages' calls: a family's hand-ins and uploads, a class's vacation day and feedback, the excellent-work lists. */
import type { Attachment, ChildHandIns, ClassVacationDay, ExcellentList, ExcellentPreview, HandIn, HandInInput, ReviewInput } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { hwKey } from '../components/model';

export type HandInRow = z.infer<typeof HandIn>;
export type VacationDayRow = z.infer<typeof ClassVacationDay>;
export type ExcellentListRow = z.infer<typeof ExcellentList>;
export type PreviewRow = z.infer<typeof ExcellentPreview>;
export type FileRow = z.infer<typeof Attachment>;

export const fileUrl = (id: string) => `/api/homework/vacation/files/${id}`;
export const isImage = (f: { mime: string }) => f.mime.startsWith('image/') && f.mime !== 'image/heic';

export const useChildHandIns = (studentId: string, from: string, to: string) =>
  useQuery({
    queryKey: hwKey('vacation', 'child', studentId, from, to),
    queryFn: () => api.get<z.infer<typeof ChildHandIns>>(`/api/homework/vacation/child${qs({ studentId, from, to })}`),
  });

export function uploadHandInFile(studentId: string, file: File) {
  const body = new FormData();
  body.append('file', file);
  return api.post<FileRow>(`/api/homework/vacation/files${qs({ studentId })}`, body);
}

export const handIn = (body: z.input<typeof HandInInput>) => api.put<HandInRow>('/api/homework/vacation/hand-ins', body);

export const useVacationDay = (classId: string | undefined, date: string) =>
  useQuery({
    queryKey: hwKey('vacation', 'class', classId, date),
    queryFn: () => api.get<VacationDayRow>(`/api/homework/vacation/classes/${classId}/${date}`),
    enabled: !!classId,
  });

export const review = (handInId: string, body: z.input<typeof ReviewInput>) => api.put<HandInRow>(`/api/homework/vacation/hand-ins/${handInId}/review`, body);

export const useExcellentPreview = (schoolId: string | undefined, grade: number | undefined, date: string) =>
  useQuery({
    queryKey: hwKey('vacation', 'excellent-preview', schoolId, grade, date),
    queryFn: () => api.get<PreviewRow>(`/api/homework/vacation/excellent/preview${qs({ schoolId, grade, date })}`),
    enabled: !!schoolId && !!grade,
    retry: false,
  });

export const publishExcellent = (body: { schoolId: string; grade: number; date: string }) => api.post<ExcellentListRow>('/api/homework/vacation/excellent', body);

export const useExcellentLists = (query: { schoolId?: string; studentId?: string }) =>
  useQuery({
    queryKey: hwKey('vacation', 'excellent', query.schoolId, query.studentId),
    queryFn: () => api.get<ExcellentListRow[]>(`/api/homework/vacation/excellent${qs(query)}`),
  });
