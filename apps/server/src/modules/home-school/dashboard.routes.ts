/** HTTP routes of the 家校社协同看板: the district, a school with its classes, and the Excel export. */
import { ErrorBody, HsDashboardQuery, HsDistrictDashboard, HsSchoolDashboard, HsSchoolParams } from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { hsDashboardWorkbook } from './dashboard-export.service';
import { hsDistrictDashboard, hsSchoolDashboard } from './dashboard.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['home-school'];

export function registerDashboardRoutes(app: App): void {
  app.get('/api/home-school/dashboard', { schema: { tags, summary: '家校社协同看板：全区、各学区、各校', querystring: HsDashboardQuery, response: { 200: HsDistrictDashboard, ...errors } } }, (req) => hsDistrictDashboard(req.ctx, req.query));
  app.get('/api/home-school/dashboard/schools/:schoolId', { schema: { tags, summary: '家校社协同看板：一所学校及各班', params: HsSchoolParams, querystring: HsDashboardQuery, response: { 200: HsSchoolDashboard, ...errors } } }, (req) => hsSchoolDashboard(req.ctx, req.params.schoolId, req.query));
  app.get('/api/home-school/dashboard/export', { schema: { tags, summary: '导出家校社协同看板（Excel：全区、学区、学校、班级）', querystring: HsDashboardQuery, response: errors } }, async (req, reply) => sendXlsx(reply, await hsDashboardWorkbook(req.ctx, req.query)));
}
