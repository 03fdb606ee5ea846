/** HTTP routes of the 五项管理 self-check: checklists, a school's self-check and answers, rectifications, evidence files. */
import {
  SelfcheckChecklist,
  SelfcheckChecklistInput,
  SelfcheckChecklistUpdate,
  ErrorBody,
  IdParams,
  Rectification,
  RectificationDecisionInput,
  RectificationFixInput,
  RectificationOwnerInput,
  RectificationQuery,
  SchoolSelfcheck,
  SchoolSelfcheckQuery,
  SelfcheckAnswerInput,
  SelfcheckOverview,
  SelfcheckSemesterQuery,
  SelfcheckSubmitInput,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { registerAttachmentRoutes } from '../../platform/attachments.routes';
import type { App } from '../../platform/http';
import { answerItem, getSchoolSelfcheck, submitSelfcheck } from './selfcheck-answers.service';
import * as lists from './selfcheck-checklists.service';
import { selfcheckOverview } from './selfcheck-district.service';
import * as rectify from './selfcheck-rectify.service';
import { evidenceKind } from './selfcheck.repo';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['five-managements'];
const base = '/api/five-managements/selfcheck';

export function registerSelfcheckRoutes(app: App): void {
  app.get(`${base}/checklists`, { schema: { tags, summary: '自查清单（区教育局可见草稿）', response: { 200: z.array(SelfcheckChecklist), ...errors } } }, (req) => lists.listChecklists(req.ctx));
  app.get(`${base}/checklist`, { schema: { tags, summary: '某学期的自查清单', querystring: SelfcheckSemesterQuery, response: { 200: SelfcheckChecklist.nullable(), ...errors } } }, (req) =>
    lists.getChecklist(req.ctx, req.query),
  );
  app.post(`${base}/checklists`, { schema: { tags, summary: '新建学期自查清单（默认载入负面清单）', body: SelfcheckChecklistInput, response: { 200: SelfcheckChecklist, ...errors } } }, (req) =>
    lists.createChecklist(req.ctx, req.body),
  );
  app.put(`${base}/checklists/:id`, { schema: { tags, summary: '修改自查清单草稿', params: IdParams, body: SelfcheckChecklistUpdate, response: { 200: SelfcheckChecklist, ...errors } } }, (req) =>
    lists.updateChecklist(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/checklists/:id/publish`, { schema: { tags, summary: '发布自查清单，通知各校', params: IdParams, response: { 200: SelfcheckChecklist, ...errors } } }, (req) =>
    lists.publishChecklist(req.ctx, req.params.id),
  );

  app.get(`${base}/overview`, { schema: { tags, summary: '各校自查完成情况与整改事项', querystring: SelfcheckSemesterQuery, response: { 200: SelfcheckOverview, ...errors } } }, (req) =>
    selfcheckOverview(req.ctx, req.query),
  );
  app.get(`${base}/school`, { schema: { tags, summary: '一所学校的学期自查（含整改事项）', querystring: SchoolSelfcheckQuery, response: { 200: SchoolSelfcheck, ...errors } } }, (req) =>
    getSchoolSelfcheck(req.ctx, req.query),
  );
  app.put(`${base}/answers`, { schema: { tags, summary: '逐项填写符合/不符合及佐证（不符合即列入整改）', body: SelfcheckAnswerInput, response: { 200: SchoolSelfcheck, ...errors } } }, (req) =>
    answerItem(req.ctx, req.body),
  );
  app.post(`${base}/submit`, { schema: { tags, summary: '提交学期自查（每项均须按要求提供佐证）', body: SelfcheckSubmitInput, response: { 200: SchoolSelfcheck, ...errors } } }, (req) =>
    submitSelfcheck(req.ctx, req.body),
  );

  app.get(`${base}/rectifications`, { schema: { tags, summary: '整改事项', querystring: RectificationQuery, response: { 200: z.array(Rectification), ...errors } } }, (req) =>
    rectify.listRectifications(req.ctx, req.query),
  );
  app.post(
    `${base}/rectifications/:id/responsible`,
    { schema: { tags, summary: '指定整改责任人', params: IdParams, body: RectificationOwnerInput, response: { 200: Rectification, ...errors } } },
    (req) => rectify.setResponsible(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/rectifications/:id/fix`, { schema: { tags, summary: '学校提交整改情况和佐证', params: IdParams, body: RectificationFixInput, response: { 200: Rectification, ...errors } } }, (req) =>
    rectify.recordFix(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/rectifications/:id/decision`,
    { schema: { tags, summary: '复核整改：销号或退回（须说明原因）', params: IdParams, body: RectificationDecisionInput, response: { 200: Rectification, ...errors } } },
    (req) => rectify.decideRectification(req.ctx, req.params.id, req.body),
  );

  registerAttachmentRoutes(app, evidenceKind, { base: `${base}/files`, tags });
}
