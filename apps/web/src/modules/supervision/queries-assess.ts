/**
 * The 学期考核 (测评细则) calls: assessments and their indicator sheet, inspectors' scores, the live preview and the frozen
 * results, awards, the school's own published results, and the warnings (警示通报) sent after an assessment.
 */
import type {
  AssessmentResults,
  AssessSchoolResult,
  IndicatorSheetInput,
  InspectorScore,
  InspectorScoreInput,
  InspectorScoreSheet,
  NoticeSendInput,
  OwnAssessResults,
  SentNotice,
  SentNotices,
  SupervisionAssessmentDetail,
  SupervisionAssessmentInput,
  SupervisionAssessmentList,
} from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, idempotencyKey, qs } from '../../app/api';

export const assessKey = (...parts: unknown[]) => ['supervision', 'assess', ...parts];
const base = '/api/supervision';

/** A refusal is an answer, not a failure to retry: 403, 404 and 409 come back at once. */
const noRetryOnRefusal = (count: number, error: Error) => !(error instanceof ApiError && [403, 404, 409].includes(error.status)) && count < 2;

export const useAssessments = () => useQuery({ queryKey: assessKey('list'), queryFn: () => api.get<SupervisionAssessmentList>(`${base}/assessments`) });

export const useAssessment = (id: string | undefined) =>
  useQuery({ queryKey: assessKey('one', id), queryFn: () => api.get<SupervisionAssessmentDetail>(`${base}/assessments/${id}`), enabled: !!id, retry: noRetryOnRefusal });

export const useScoreSheet = (id: string, enabled: boolean) =>
  useQuery({ queryKey: assessKey('scores', id), queryFn: () => api.get<InspectorScoreSheet>(`${base}/assessments/${id}/scores`), enabled, retry: noRetryOnRefusal });

/** The live preview (draft, scoring) or the frozen results (closed, published). */
export const useResults = (id: string, frozen: boolean, enabled = true) =>
  useQuery({
    queryKey: assessKey(frozen ? 'results' : 'preview', id),
    queryFn: () => api.get<AssessmentResults>(`${base}/assessments/${id}/${frozen ? 'results' : 'preview'}`),
    enabled,
    retry: noRetryOnRefusal,
  });

export const resultsExportUrl = (id: string) => `${base}/assessments/${id}/results.xlsx`;
/** An inspector's evidence file (photos, documents) behind a score. */
export const evidenceUrl = (id: string) => `${base}/evidence/${id}`;
export function uploadEvidence(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ id: string; name: string }>(`${base}/evidence`, form);
}

/** The warnings sent after this assessment (newest first): each school's reply status comes from here. */
export const useAssessWarnings = (assessmentId: string, enabled: boolean) =>
  useQuery({
    queryKey: assessKey('warnings', assessmentId),
    queryFn: () => api.get<SentNotices>(`${base}/notices/sent${qs({ kind: 'warning', assessmentId, pageSize: 100 })}`),
    enabled,
    retry: noRetryOnRefusal,
  });

export const useOwnResults = () => useQuery({ queryKey: assessKey('own'), queryFn: () => api.get<OwnAssessResults>(`${base}/results`), retry: noRetryOnRefusal });

export function useAssessWrites() {
  const client = useQueryClient();
  /** The answer is the assessment as it now stands: show it at once, and let the list and the figures catch up. */
  const detail = async (p: Promise<SupervisionAssessmentDetail>) => {
    const out = await p;
    client.setQueryData(assessKey('one', out.id), out);
    await client.invalidateQueries({ queryKey: assessKey('list') });
    // a closed assessment has no preview any more (the server answers 409): drop it rather than ask again
    if (out.status === 'draft' || out.status === 'scoring') await client.invalidateQueries({ queryKey: assessKey('preview', out.id) });
    else client.removeQueries({ queryKey: assessKey('preview', out.id) });
    await client.invalidateQueries({ queryKey: assessKey('results', out.id) });
    await client.invalidateQueries({ queryKey: assessKey('scores', out.id) });
    return out;
  };
  const path = (id: string, rest = '') => `${base}/assessments/${id}${rest}`;
  return {
    create: (body: SupervisionAssessmentInput) => detail(api.post<SupervisionAssessmentDetail>(`${base}/assessments`, body, { headers: idempotencyKey() })),
    update: (id: string, body: SupervisionAssessmentInput) => detail(api.put<SupervisionAssessmentDetail>(path(id), body)),
    remove: async (id: string) => {
      await api.delete(path(id));
      await client.invalidateQueries({ queryKey: assessKey('list') });
    },
    saveSheet: (id: string, body: IndicatorSheetInput) => detail(api.put<SupervisionAssessmentDetail>(path(id, '/indicators'), body)),
    open: (id: string) => detail(api.post<SupervisionAssessmentDetail>(path(id, '/open'))),
    close: (id: string) => detail(api.post<SupervisionAssessmentDetail>(path(id, '/close'))),
    publish: (id: string) => detail(api.post<SupervisionAssessmentDetail>(path(id, '/publish'))),
    score: async (id: string, body: InspectorScoreInput) => {
      const out = await api.put<InspectorScore>(path(id, '/scores'), body);
      client.setQueryData<InspectorScoreSheet>(assessKey('scores', id), (sheet) =>
        sheet && { ...sheet, scores: [...sheet.scores.filter((s) => !(s.indicatorId === out.indicatorId && s.schoolId === out.schoolId)), out] },
      );
      await client.invalidateQueries({ queryKey: assessKey('preview', id) });
      return out;
    },
    award: async (id: string, schoolId: string, award: string | null) => {
      const out = await api.put<AssessSchoolResult>(path(id, `/results/${schoolId}/award`), { award });
      client.setQueryData<AssessmentResults>(assessKey('results', id), (r) => r && { ...r, schools: r.schools.map((s) => (s.schoolId === schoolId ? { ...s, award: out.award } : s)) });
      return out;
    },
    warn: async (body: NoticeSendInput) => {
      const out = await api.post<SentNotice>(`${base}/notices`, body, { headers: idempotencyKey() });
      if (body.assessmentId) await client.invalidateQueries({ queryKey: assessKey('warnings', body.assessmentId) });
      return out;
    },
  };
}
