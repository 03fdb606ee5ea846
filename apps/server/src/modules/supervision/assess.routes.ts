/** HTTP routes of 测评细则: assessments and their indicator sheet, inspectors' scores, results and lists, a school's own. */
import {
  AssessAwardInput,
  AssessmentLists,
  AssessmentResults,
  AssessResultParams,
  AssessResultsQuery,
  AssessSchoolResult,
  ErrorBody,
  IdParams,
  IndicatorSheetInput,
  InspectorScore,
  InspectorScoreInput,
  InspectorScoreSheet,
  Ok,
  OwnAssessResult,
  OwnAssessResultParams,
  OwnAssessResults,
  SupervisionAssessmentDetail,
  SupervisionAssessmentInput,
  SupervisionAssessmentList,
} from '@shuangjian/contracts';
import { registerAttachmentRoutes } from '../../platform/attachments.routes';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { resultsWorkbook } from './assess-export.service';
import { assessmentLists, assessmentResults, ownResult, ownResults, previewResults, setAward } from './assess-results.service';
import { putScore, scoreEvidenceKind, scoreSheet } from './assess-scores.service';
import {
  assessmentDetail,
  closeAssessment,
  createAssessment,
  deleteAssessment,
  listAssessments,
  openAssessment,
  publishAssessment,
  replaceIndicators,
  updateAssessment,
} from './assess.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['supervision'];
const base = '/api/supervision/assessments';

export function registerAssessmentRoutes(app: App): void {
  app.get(base, { schema: { tags, summary: '督导测评列表（督学不见草稿）', response: { 200: SupervisionAssessmentList, ...errors } } }, (req) => listAssessments(req.ctx));
  app.post(base, { schema: { tags, summary: '区教育局：新建学期督导测评（草稿；支持 Idempotency-Key）', body: SupervisionAssessmentInput, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => createAssessment(req.ctx, req.body));
  app.get(`${base}/:id`, { schema: { tags, summary: '一项督导测评与其测评细则（各指标权重占比）', params: IdParams, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => assessmentDetail(req.ctx, req.params.id));
  app.put(`${base}/:id`, { schema: { tags, summary: '区教育局：修改测评（仅草稿）', params: IdParams, body: SupervisionAssessmentInput, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => updateAssessment(req.ctx, req.params.id, req.body));
  app.delete(`${base}/:id`, { schema: { tags, summary: '区教育局：删除测评（仅草稿）', params: IdParams, response: { 200: Ok, ...errors } } }, (req) => deleteAssessment(req.ctx, req.params.id));
  app.put(`${base}/:id/indicators`, { schema: { tags, summary: '区教育局：整体替换测评细则的指标（仅草稿；权重按总和折算占比）', params: IdParams, body: IndicatorSheetInput, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => replaceIndicators(req.ctx, req.params.id, req.body));
  app.post(`${base}/:id/open`, { schema: { tags, summary: '区教育局：开始评分（草稿 → 评分中）', params: IdParams, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => openAssessment(req.ctx, req.params.id));
  app.post(`${base}/:id/close`, { schema: { tags, summary: '区教育局：关账（关账日起；按关账日数据固化各校结果）', params: IdParams, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => closeAssessment(req.ctx, req.params.id));
  app.post(`${base}/:id/publish`, { schema: { tags, summary: '区教育局：公布结果（通知各校管理员）', params: IdParams, response: { 200: SupervisionAssessmentDetail, ...errors } } }, (req) => publishAssessment(req.ctx, req.params.id));
  app.get(`${base}/:id/scores`, { schema: { tags, summary: '督学：评分表（本人可评的学校与已有评分）', params: IdParams, response: { 200: InspectorScoreSheet, ...errors } } }, (req) => scoreSheet(req.ctx, req.params.id));
  app.put(`${base}/:id/scores`, { schema: { tags, summary: '督学：为一所学校的一项督导指标评分（0–100，附佐证）', params: IdParams, body: InspectorScoreInput, response: { 200: InspectorScore, ...errors } } }, (req) => putScore(req.ctx, req.params.id, req.body));
  app.get(`${base}/:id/preview`, { schema: { tags, summary: '评分中的实时预览：各校得分、排名与拟列榜单', params: IdParams, response: { 200: AssessmentResults, ...errors } } }, (req) => previewResults(req.ctx, req.params.id));
  app.get(`${base}/:id/results`, { schema: { tags, summary: '关账后的测评结果（可按榜单筛选）', params: IdParams, querystring: AssessResultsQuery, response: { 200: AssessmentResults, ...errors } } }, (req) => assessmentResults(req.ctx, req.params.id, req.query));
  app.get(`${base}/:id/lists`, { schema: { tags, summary: '红榜、黄牌与黑榜', params: IdParams, response: { 200: AssessmentLists, ...errors } } }, (req) => assessmentLists(req.ctx, req.params.id));
  app.get(`${base}/:id/results.xlsx`, { schema: { tags, summary: '导出测评结果（Excel：结果、指标、明细）', params: IdParams, response: errors } }, async (req, reply) => sendXlsx(reply, await resultsWorkbook(req.ctx, req.params.id)));
  app.put(`${base}/:id/results/:schoolId/award`, { schema: { tags, summary: '区教育局：设置一所学校的表彰（关账后、公布前）', params: AssessResultParams, body: AssessAwardInput, response: { 200: AssessSchoolResult, ...errors } } }, (req) => setAward(req.ctx, req.params.id, req.params.schoolId, req.body));
  app.get('/api/supervision/results', { schema: { tags, summary: '学校：本校已公布的督导测评结果', response: { 200: OwnAssessResults, ...errors } } }, (req) => ownResults(req.ctx));
  app.get('/api/supervision/results/:assessmentId', { schema: { tags, summary: '学校：本校在一项已公布测评中的结果与各指标得分', params: OwnAssessResultParams, response: { 200: OwnAssessResult, ...errors } } }, (req) => ownResult(req.ctx, req.params.assessmentId));
  registerAttachmentRoutes(app, scoreEvidenceKind, { base: '/api/supervision/evidence', tags });
}
