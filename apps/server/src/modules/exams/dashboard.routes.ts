/** HTTP routes of the exams dashboards: filings and violations, growth-record completion, district → school → class. */
import { DashboardSchoolParams, ErrorBody, ExamsDashboardQuery, ExamsDistrictDashboard, ExamsSchoolDashboard } from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { examsDashboardWorkbook } from './dashboard-export.service';
import { examsDistrictDashboard, examsSchoolDashboard } from './dashboard.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['exams'];

export function registerDashboardRoutes(app: App): void {
  app.get(
    '/api/exams/dashboard',
    {
      schema: {
        tags,
        summary: '考试与评价看板：各学区、各学校的考试备案通过与被拒（违规）、等级结果录入、成长记录完整率（本学期，来自指标汇总表）',
        querystring: ExamsDashboardQuery,
        response: { 200: ExamsDistrictDashboard, ...errors },
      },
    },
    (req) => examsDistrictDashboard(req.ctx, req.query),
  );
  app.get(
    '/api/exams/dashboard/schools/:schoolId',
    {
      schema: {
        tags,
        summary: '考试与评价看板：一所学校的备案情况与各班等级结果、成长记录完整率',
        params: DashboardSchoolParams,
        querystring: ExamsDashboardQuery,
        response: { 200: ExamsSchoolDashboard, ...errors },
      },
    },
    (req) => examsSchoolDashboard(req.ctx, req.params.schoolId, req.query),
  );
  app.get(
    '/api/exams/dashboard/export',
    { schema: { tags, summary: '导出考试与评价看板（Excel：全区汇总、按学区、按学校）', querystring: ExamsDashboardQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await examsDashboardWorkbook(req.ctx, req.query)),
  );
}
