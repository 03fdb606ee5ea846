/** The reading area's calls (读物管理): the district's lists and their import, the book check, a school's filings, the summary. */
import type {
  ReadingCheck,
  ReadingFiling,
  ReadingFilingImportResult,
  ReadingFilingPage,
  ReadingKind,
  ReadingList,
  ReadingListEntry,
  ReadingListImportResult,
  ReadingListPage,
  ReadingSource,
  ReadingStatus,
  ReadingSummary,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const readingKey = (...parts: unknown[]) => ['five-managements', 'reading', ...parts];

export interface EntryBody {
  list: ReadingList;
  title: string;
  author?: string | null;
  publisher?: string | null;
  isbn?: string | null;
  kind: ReadingKind;
  gradeFrom: number;
  gradeTo: number;
  reason?: string | null;
  addedOn?: string;
}

export interface FilingBody {
  title: string;
  isbn?: string | null;
  publisher?: string | null;
  kind: ReadingKind;
  grades: number[];
  copies: number;
  source: ReadingSource;
}

export interface ListFilters {
  list: ReadingList;
  q?: string;
  kind?: ReadingKind;
  grade?: number;
  page: number;
}

export interface FilingFilters {
  schoolId?: string;
  semesterId?: string;
  status?: ReadingStatus;
  q?: string;
  page: number;
}

export const useListEntries = (f: ListFilters) =>
  useQuery({
    queryKey: readingKey('lists', f),
    queryFn: () => api.get<ReadingListPage>(`/api/five-managements/reading/lists${qs({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });

export const useFilings = (f: FilingFilters, enabled = true) =>
  useQuery({
    queryKey: readingKey('filings', f),
    queryFn: () => api.get<ReadingFilingPage>(`/api/five-managements/reading/filings${qs({ ...f, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useSummary = (semesterId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: readingKey('summary', semesterId ?? null),
    queryFn: () => api.get<ReadingSummary>(`/api/five-managements/reading/summary${qs({ semesterId })}`),
    enabled,
  });

export const useReadingSemesters = () =>
  useQuery({ queryKey: ['semesters'], queryFn: () => api.get<{ id: string; name: string; startDate: string; endDate: string }[]>('/api/semesters') });

export const listTemplateUrl = (list: ReadingList) => `/api/five-managements/reading/lists/template${qs({ list })}`;
export const filingTemplateUrl = () => '/api/five-managements/reading/filings/template';

const upload = <T,>(url: string, file: File) => {
  const body = new FormData();
  body.append('file', file);
  return api.post<T>(url, body);
};

/** The writes; each refreshes what the reading pages show. */
export function useReadingWrites() {
  const client = useQueryClient();
  const done = <T,>(r: T) => {
    void client.invalidateQueries({ queryKey: readingKey() });
    return r;
  };
  return {
    createEntry: (body: EntryBody) => api.post<ReadingListEntry>('/api/five-managements/reading/lists', body).then(done),
    updateEntry: (id: string, body: EntryBody) => api.put<ReadingListEntry>(`/api/five-managements/reading/lists/${id}`, body).then(done),
    deleteEntry: (id: string) => api.delete(`/api/five-managements/reading/lists/${id}`).then(done),
    importList: (list: ReadingList, file: File) => upload<ReadingListImportResult>(`/api/five-managements/reading/lists/import${qs({ list })}`, file).then(done),
    check: (body: { title: string; publisher?: string | null; isbn?: string | null; kind: ReadingKind }) => api.post<ReadingCheck>('/api/five-managements/reading/check', body),
    file: (body: FilingBody & { schoolId: string; semesterId?: string }) => api.post<ReadingFiling>('/api/five-managements/reading/filings', body).then(done),
    updateFiling: (id: string, body: FilingBody) => api.put<ReadingFiling>(`/api/five-managements/reading/filings/${id}`, body).then(done),
    deleteFiling: (id: string) => api.delete(`/api/five-managements/reading/filings/${id}`).then(done),
    importFilings: (schoolId: string, semesterId: string | undefined, file: File) =>
      upload<ReadingFilingImportResult>(`/api/five-managements/reading/filings/import${qs({ schoolId, semesterId })}`, file).then(done),
  };
}
