/** The 课程与课表 module's calls: class timetables, import, publish, 巡课, 阴阳课表 findings, figures, family and public views. */
import type {
  ClassTimetable,
  FamilyTimetable,
  PublicTimetablePage,
  TaughtPeriod,
  TaughtPeriodInput,
  TimetableCell,
  TimetableDashboard,
  TimetableImportResult,
  TimetableSchoolList,
  YinYangFinding,
} from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../app/api';

export const timetableKey = (...parts: unknown[]) => ['timetable', ...parts];
const base = '/api/timetable';

export const useSchoolTimetables = (schoolId: string | undefined) =>
  useQuery({ queryKey: timetableKey('school', schoolId), queryFn: () => api.get<TimetableSchoolList>(`${base}/classes${qs({ schoolId })}`), placeholderData: keepPreviousData });

export const useClassTimetable = (classId: string | undefined) =>
  useQuery({ queryKey: timetableKey('class', classId), queryFn: () => api.get<ClassTimetable>(`${base}/classes/${classId}`), enabled: !!classId });

export const usePatrols = (params: { schoolId?: string; classId?: string }) =>
  useQuery({ queryKey: timetableKey('patrols', params), queryFn: () => api.get<TaughtPeriod[]>(`${base}/patrols${qs(params)}`) });

export const useFindings = (params: { status?: string; schoolId?: string }) =>
  useQuery({ queryKey: timetableKey('findings', params), queryFn: () => api.get<YinYangFinding[]>(`${base}/findings${qs(params)}`), placeholderData: keepPreviousData });

export const useTimetableDashboard = (semesterId: string | undefined) =>
  useQuery({ queryKey: timetableKey('dashboard', semesterId), queryFn: () => api.get<TimetableDashboard>(`${base}/dashboard${qs({ semesterId })}`), placeholderData: keepPreviousData });

export const useFamilyTimetable = () => useQuery({ queryKey: timetableKey('family'), queryFn: () => api.get<FamilyTimetable>(`${base}/family`) });

export const usePublicTimetable = (schoolId: string | undefined) =>
  useQuery({ queryKey: timetableKey('public', schoolId), queryFn: () => api.get<PublicTimetablePage>(`/api/public/timetable/schools/${schoolId}`), enabled: !!schoolId });

export const templateUrl = (schoolId: string) => `${base}/template${qs({ schoolId })}`;
export const exportUrl = (semesterId: string | undefined) => `${base}/dashboard/export${qs({ semesterId })}`;

export function useTimetableWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: timetableKey() });
    return out;
  };
  return {
    save: (classId: string, semesterId: string, cells: TimetableCell[]) => after(api.put<ClassTimetable>(`${base}/classes/${classId}`, { semesterId, cells })),
    publish: (classId: string, semesterId: string) => after(api.post<ClassTimetable>(`${base}/classes/${classId}/publish`, { semesterId })),
    importFile: (schoolId: string, file: File) => {
      const body = new FormData();
      body.append('file', file);
      return after(api.post<TimetableImportResult>(`${base}/import${qs({ schoolId })}`, body));
    },
    record: (body: TaughtPeriodInput) => after(api.post<TaughtPeriod>(`${base}/patrols`, body)),
    answer: (id: string, explanation: string) => after(api.post<YinYangFinding>(`${base}/findings/${id}/answer`, { explanation })),
    decide: (id: string, decision: 'close' | 'send_back', reason: string | null) => after(api.post<YinYangFinding>(`${base}/findings/${id}/decide`, { decision, reason })),
  };
}
