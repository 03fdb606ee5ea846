/** HTTP routes of the training module's inspections area: plans, visits, photos, rectifications, 年检. */
import {
  AnnualReview,
  AnnualReviewInput,
  AnnualReviewQuery,
  ErrorBody,
  Finding,
  FindingDeadlineInput,
  FindingPage,
  FindingQuery,
  IdParams,
  InspectionOverview,
  InspectionPhoto,
  InspectionPlan,
  InspectionPlanInput,
  InspectionPlanQuery,
  InspectionPlanStatusInput,
  InspectionVisit,
  InspectionVisitInput,
  InspectionVisitQuery,
  RectificationResponseInput,
  RectificationVerifyInput,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { today } from '../../platform/clock';
import { sendDownload } from '../../platform/download';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { decideAnnualReview, listAnnualReviews } from './inspections-annual.service';
import * as plans from './inspections-plans.service';
import * as rectify from './inspections-rectify.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['training'];
const base = '/api/training/inspections';

export function registerInspectionsRoutes(app: App): void {
  app.get(`${base}/inspectors`, { schema: { tags, summary: '可列入检查计划的督学和区级人员', response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })), ...errors } } }, (req) =>
    plans.listInspectors(req.ctx),
  );
  app.get(`${base}/plans`, { schema: { tags, summary: '检查计划（督学只见本学区）', querystring: InspectionPlanQuery, response: { 200: z.array(InspectionPlan), ...errors } } }, (req) =>
    plans.listPlans(req.ctx, req.query),
  );
  app.post(`${base}/plans`, { schema: { tags, summary: '按学区制定检查计划', body: InspectionPlanInput, response: { 200: InspectionPlan, ...errors } } }, (req) =>
    plans.createPlan(req.ctx, req.body),
  );
  app.post(
    `${base}/plans/:id/status`,
    { schema: { tags, summary: '完成或取消检查计划', params: IdParams, body: InspectionPlanStatusInput, response: { 200: InspectionPlan, ...errors } } },
    (req) => plans.setPlanStatus(req.ctx, req.params.id, req.body),
  );
  app.get(`${base}/visits`, { schema: { tags, summary: '检查记录', querystring: InspectionVisitQuery, response: { 200: z.array(InspectionVisit), ...errors } } }, (req) =>
    plans.listVisits(req.ctx, req.query),
  );
  app.post(`${base}/visits`, { schema: { tags, summary: '记录一次检查：清单、发现的问题（含照片、整改期限）', body: InspectionVisitInput, response: { 200: InspectionVisit, ...errors } } }, (req) =>
    plans.recordVisit(req.ctx, req.body),
  );
  app.get(`${base}/visits/:id`, { schema: { tags, summary: '一次检查记录', params: IdParams, response: { 200: InspectionVisit, ...errors } } }, (req) =>
    plans.getVisit(req.ctx, req.params.id),
  );

  app.post(
    `${base}/photos`,
    { schema: { tags, summary: '上传检查或整改照片（≤ 10 MB）', consumes: ['multipart/form-data'], response: { 200: InspectionPhoto, 413: ErrorBody, 415: ErrorBody, ...errors } } },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '照片（file）：请以 multipart/form-data 上传');
      const file = await req.file();
      if (!file) throw new AppError(400, 'VALIDATION', '照片（file）：请选择照片');
      return rectify.uploadPhoto(req.ctx, { filename: file.filename, data: await file.toBuffer() });
    },
  );
  app.get(`${base}/photos/:id`, { schema: { tags, summary: '查看检查或整改照片', params: IdParams, response: errors } }, async (req, reply) =>
    sendDownload(reply, await rectify.readPhoto(req.ctx, req.params.id)),
  );

  app.get(
    `${base}/findings`,
    { schema: { tags, summary: '检查发现的问题与整改（分页，逾期的最先；按状态、是否逾期、机构、机构名称或描述筛选；机构只见本机构）', querystring: FindingQuery, response: { 200: FindingPage, ...errors } } },
    (req) => rectify.listFindings(req.ctx, req.query),
  );
  app.get(`${base}/findings/:id`, { schema: { tags, summary: '一个问题的整改经过', params: IdParams, response: { 200: Finding, ...errors } } }, (req) =>
    rectify.getFinding(req.ctx, req.params.id),
  );
  app.post(`${base}/findings/:id/deadline`, { schema: { tags, summary: '调整整改期限', params: IdParams, body: FindingDeadlineInput, response: { 200: Finding, ...errors } } }, (req) =>
    rectify.setDeadline(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/findings/:id/response`,
    { schema: { tags, summary: '机构提交整改情况和佐证照片', params: IdParams, body: RectificationResponseInput, response: { 200: Finding, ...errors } } },
    (req) => rectify.respond(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/findings/:id/verify`,
    { schema: { tags, summary: '督学复核整改：销号或退回（须说明原因）', params: IdParams, body: RectificationVerifyInput, response: { 200: Finding, ...errors } } },
    (req) => rectify.verify(req.ctx, req.params.id, req.body),
  );

  app.get(`${base}/overview`, { schema: { tags, summary: '检查与整改概况', querystring: AnnualReviewQuery, response: { 200: InspectionOverview, ...errors } } }, (req) =>
    rectify.overview(req.ctx, req.query.year ?? Number(today(req.ctx).slice(0, 4))),
  );
  app.get(`${base}/annual`, { schema: { tags, summary: '年检结果', querystring: AnnualReviewQuery, response: { 200: z.array(AnnualReview), ...errors } } }, (req) =>
    listAnnualReviews(req.ctx, req.query.year),
  );
  app.post(`${base}/annual`, { schema: { tags, summary: '登记年检结果（合格 / 基本合格 / 不合格，移动黑白名单）', body: AnnualReviewInput, response: { 200: AnnualReview, ...errors } } }, (req) =>
    decideAnnualReview(req.ctx, req.body),
  );
}
