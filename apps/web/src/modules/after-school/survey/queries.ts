/** The survey area's calls: build, send and read surveys (district and schools), and families' answers. */
import type { FamilySurvey, Survey, SurveyAnswerValue, SurveyInput, SurveyResults, SurveyTextPage } from '@shuangjian/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../app/api';

export const surveyKey = (...parts: unknown[]) => ['after-school', 'survey', ...parts];
export type GroupBy = SurveyResults['groupBy'];
/** What the builder form sends (the schema's input: defaults filled in by the server). */
export type SurveyDraft = Omit<SurveyInput, 'questions' | 'audience'> & {
  audience: { schoolIds: string[]; grades: number[]; courseIds: string[] };
  questions: { kind: SurveyInput['questions'][number]['kind']; text: string; options: string[]; required: boolean; satisfaction: boolean }[];
};

export const useSurveys = () => useQuery({ queryKey: surveyKey('list'), queryFn: () => api.get<{ items: Survey[] }>('/api/after-school/surveys') });

export const useSurveyResults = (id: string | undefined, groupBy: GroupBy) =>
  useQuery({
    queryKey: surveyKey('results', id, groupBy),
    queryFn: () => api.get<SurveyResults>(`/api/after-school/surveys/${id}/results${qs({ groupBy })}`),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });

/** A page of one text question's answers in a group; page 1 comes with the results, so it is asked for only past it. */
export const useSurveyTexts = (id: string, groupBy: GroupBy, group: string, question: number, page: number, pageSize: number) =>
  useQuery({
    queryKey: surveyKey('texts', id, groupBy, group, question, page, pageSize),
    queryFn: () => api.get<SurveyTextPage>(`/api/after-school/surveys/${id}/texts${qs({ groupBy, group, question, page, pageSize })}`),
    enabled: page > 1,
    placeholderData: keepPreviousData,
  });

export const resultsExportUrl = (id: string, groupBy: GroupBy) => `/api/after-school/surveys/${id}/results.xlsx${qs({ groupBy })}`;

export const useFamilySurveys = (studentId: string | undefined) =>
  useQuery({
    queryKey: surveyKey('family', studentId),
    queryFn: () => api.get<{ items: FamilySurvey[] }>(`/api/after-school/surveys/family${qs({ studentId })}`),
    enabled: !!studentId,
  });

/** Writes, each refreshing the lists it changes. */
export function useSurveyWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: surveyKey() });
  return {
    save: async (id: string | null, body: SurveyDraft) => {
      const out = id ? await api.put<Survey>(`/api/after-school/surveys/${id}`, body) : await api.post<Survey>('/api/after-school/surveys', body);
      await refresh();
      return out;
    },
    send: async (id: string) => {
      const out = await api.post<Survey>(`/api/after-school/surveys/${id}/send`);
      await refresh();
      return out;
    },
    remove: async (id: string) => {
      await api.delete(`/api/after-school/surveys/${id}`);
      await refresh();
    },
    answer: async (id: string, studentId: string, answers: SurveyAnswerValue[]) => {
      await api.post(`/api/after-school/surveys/${id}/answers`, { studentId, answers });
      await refresh();
    },
  };
}
