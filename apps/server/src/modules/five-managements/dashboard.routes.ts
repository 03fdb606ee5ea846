/** HTTP routes of the 五项管理 dashboards: district → school → class, Excel. */
import {
  DashboardClassParams,
  DashboardSchoolParams,
  ErrorBody,
  FiveClassDashboard,
  FiveDashboardQuery,
  FiveDistrictDashboard,
  FiveSchoolDashboard,
} from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { fiveDashboardWorkbook } from './dashboard-export.service';
import { fiveClassDashboard, fiveDistrictDashboard, fiveSchoolDashboard } from './dashboard.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['five-managements'];

export function registerDashboardRoutes(app: App): void {
  app.get(
    '/api/five-managements/dashboard',
    {
      schema: {
        tags,
        summary: '五项管理看板：各学区、各学校的睡眠、手机、读物、体质、自查整改指标（所选周与本学期，来自指标汇总表）',
        querystring: FiveDashboardQuery,
        response: { 200: FiveDistrictDashboard, ...errors },
      },
    },
    (req) => fiveDistrictDashboard(req.ctx, req.query),
  );
  app.get(
    '/api/five-managements/dashboard/schools/:schoolId',
    {
      schema: {
        tags,
        summary: '五项管理看板：一所学校的各班指标，睡眠达标率低于阈值的班级',
        params: DashboardSchoolParams,
        querystring: FiveDashboardQuery,
        response: { 200: FiveSchoolDashboard, ...errors },
      },
    },
    (req) => fiveSchoolDashboard(req.ctx, req.params.schoolId, req.query),
  );
  app.get(
    '/api/five-managements/dashboard/classes/:classId',
    {
      schema: {
        tags,
        summary: '五项管理看板：一个班级的指标与近几周走势',
        params: DashboardClassParams,
        querystring: FiveDashboardQuery,
        response: { 200: FiveClassDashboard, ...errors },
      },
    },
    (req) => fiveClassDashboard(req.ctx, req.params.classId, req.query),
  );
  app.get(
    '/api/five-managements/dashboard/export',
    { schema: { tags, summary: '导出五项管理看板（Excel：全区汇总、按学区、按学校、睡眠未达标班级）', querystring: FiveDashboardQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await fiveDashboardWorkbook(req.ctx, req.query)),
  );
}
