/** HTTP routes of the after-school module's plan area: plans (一校一案) and their review, the district's status list, the public page. */
import {
  DistrictPlanQuery,
  ErrorBody,
  IdParams,
  Plan,
  PlanApprove,
  PlanContext,
  PlanContextQuery,
  PlanCreate,
  PlanEdit,
  PlanQuery,
  PlanReturn,
  PublicSchoolPage,
  PublicSchoolParams,
  SchoolPlanStatus,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App, ModuleDeps } from '../../platform/http';
import { registerCatalogueRoutes } from './catalogue.routes';
import * as plans from './plan.service';
import { publicSchoolPage } from './public.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['after-school'];

export function registerPlanRoutes(app: App, deps: ModuleDeps): void {
  registerCatalogueRoutes(app);
  app.get('/api/after-school/plans', { schema: { tags, summary: '课后服务方案（一校一案）各版本', querystring: PlanQuery, response: { 200: z.array(Plan), ...errors } } }, (req) =>
    plans.listPlans(req.ctx, req.query),
  );
  app.get('/api/after-school/plans/context', { schema: { tags, summary: '方案核对依据：学期校历与区县课后服务时间要求', querystring: PlanContextQuery, response: { 200: PlanContext, ...errors } } }, (req) =>
    plans.planContext(req.ctx, req.query),
  );
  app.get('/api/after-school/plans/district', { schema: { tags, summary: '区县：各校本学期方案状态（含未提交的学校）', querystring: DistrictPlanQuery, response: { 200: z.array(SchoolPlanStatus), ...errors } } }, (req) =>
    plans.districtPlans(req.ctx, req.query),
  );
  app.get('/api/after-school/plans/:id', { schema: { tags, summary: '方案详情', params: IdParams, response: { 200: Plan, ...errors } } }, (req) => plans.getPlan(req.ctx, req.params.id));
  app.post('/api/after-school/plans', { schema: { tags, summary: '新建方案版本（不填内容则复制在用版本）', body: PlanCreate, response: { 200: Plan, ...errors } } }, (req) =>
    plans.createPlan(req.ctx, req.body),
  );
  app.put('/api/after-school/plans/:id', { schema: { tags, summary: '修改草稿或退回的方案', params: IdParams, body: PlanEdit, response: { 200: Plan, ...errors } } }, (req) =>
    plans.editPlan(req.ctx, req.params.id, req.body.body),
  );
  app.post('/api/after-school/plans/:id/submit', { schema: { tags, summary: '提交审核备案（先按区县规定核对）', params: IdParams, response: { 200: Plan, ...errors } } }, (req) =>
    plans.submitPlan(req.ctx, req.params.id),
  );
  app.post('/api/after-school/plans/:id/approve', { schema: { tags, summary: '区县审核通过（原在用版本作废）', params: IdParams, body: PlanApprove, response: { 200: Plan, ...errors } } }, (req) =>
    plans.approvePlan(req.ctx, req.params.id, req.body),
  );
  app.post('/api/after-school/plans/:id/return', { schema: { tags, summary: '区县退回修改（附理由）', params: IdParams, body: PlanReturn, response: { 200: Plan, ...errors } } }, (req) =>
    plans.returnPlan(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/public/after-school/schools/:schoolId',
    {
      schema: { tags: ['public'], summary: '学校课后服务三单公开（时间表、课程与收费、当日作业清单）', params: PublicSchoolParams, response: { 200: PublicSchoolPage, 400: ErrorBody, 404: ErrorBody }, security: [] },
      config: { public: true },
    },
    (req) => publicSchoolPage(deps.database.db, req.params.schoolId, deps.now()),
  );
}
