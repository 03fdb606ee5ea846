/** The self-check area's calls (自查自纠): checklists, a school's self-check and answers, rectifications, evidence files. */
import type { SelfcheckFile, SelfcheckChecklist, SelfcheckItemInput, Rectification, SchoolSelfcheck, SelfcheckOverview, SelfcheckResult } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

const base = '/api/five-managements/selfcheck';
export const selfcheckKey = (...parts: unknown[]) => ['five-managements', 'selfcheck', ...parts];
export const evidenceUrl = (id: string) => `${base}/files/${id}`;

export const useSelfcheckOverview = (semesterId?: string) =>
  useQuery({ queryKey: selfcheckKey('overview', semesterId), queryFn: () => api.get<SelfcheckOverview>(`${base}/overview${qs({ semesterId })}`) });

export const useChecklist = (semesterId?: string) =>
  useQuery({ queryKey: selfcheckKey('checklist', semesterId), queryFn: () => api.get<SelfcheckChecklist | null>(`${base}/checklist${qs({ semesterId })}`) });

export const useSchoolSelfcheck = (schoolId?: string, semesterId?: string) =>
  useQuery({ queryKey: selfcheckKey('school', schoolId, semesterId), queryFn: () => api.get<SchoolSelfcheck>(`${base}/school${qs({ schoolId, semesterId })}`) });

export async function uploadEvidence(file: File): Promise<SelfcheckFile> {
  const body = new FormData();
  body.append('file', file);
  return api.post<SelfcheckFile>(`${base}/files`, body);
}

export interface AnswerBody {
  checklistId: string;
  schoolId: string;
  itemId: string;
  result: SelfcheckResult;
  text?: string | null;
  responsible?: string | null;
  fileIds: string[];
}

/** Writes, each refreshing the area's reads. */
export function useSelfcheckWrites() {
  const client = useQueryClient();
  const after = async <T>(p: Promise<T>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: selfcheckKey() });
    return out;
  };
  return {
    createChecklist: (semesterId: string, title: string) => after(api.post<SelfcheckChecklist>(`${base}/checklists`, { semesterId, title })),
    updateChecklist: (id: string, title: string, items: SelfcheckItemInput[]) => after(api.put<SelfcheckChecklist>(`${base}/checklists/${id}`, { title, items })),
    publish: (id: string) => after(api.post<SelfcheckChecklist>(`${base}/checklists/${id}/publish`)),
    answer: (body: AnswerBody) => after(api.put<SchoolSelfcheck>(`${base}/answers`, body)),
    submit: (checklistId: string, schoolId: string) => after(api.post<SchoolSelfcheck>(`${base}/submit`, { checklistId, schoolId })),
    setResponsible: (id: string, responsible: string) => after(api.post<Rectification>(`${base}/rectifications/${id}/responsible`, { responsible })),
    fix: (id: string, text: string, fileIds: string[]) => after(api.post<Rectification>(`${base}/rectifications/${id}/fix`, { text, fileIds })),
    decide: (id: string, decision: 'close' | 'send_back', reason?: string) => after(api.post<Rectification>(`${base}/rectifications/${id}/decision`, { decision, reason })),
  };
}
