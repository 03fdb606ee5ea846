/** HTTP routes of the 督导考核 district home: the district (zones and schools), one school's drill-down, the Excel export. */
import { ErrorBody, SupervisionHome, SupervisionHomeQuery, SupervisionSchoolHome, SupervisionSchoolParams } from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { supervisionSchoolHome } from './home-drill.service';
import { supervisionHomeWorkbook } from './home-export.service';
import { supervisionHome } from './home.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['supervision'];

export function registerHomeRoutes(app: App): void {
  app.get(
    '/api/supervision/home',
    { schema: { tags, summary: '督导总览：各学区、各校本周与本学期的各项指标，校外培训机构概况', querystring: SupervisionHomeQuery, response: { 200: SupervisionHome, ...errors } } },
    (req) => supervisionHome(req.ctx, req.query),
  );
  app.get(
    '/api/supervision/home/schools/:schoolId',
    { schema: { tags, summary: '督导总览：一所学校（各班、本学期各周）', params: SupervisionSchoolParams, querystring: SupervisionHomeQuery, response: { 200: SupervisionSchoolHome, ...errors } } },
    (req) => supervisionSchoolHome(req.ctx, req.params.schoolId, req.query),
  );
  app.get(
    '/api/supervision/home/export',
    {
      schema: {
        tags,
        summary: '导出督导总览（Excel：各校本周、各校本学期、学区与全区、校外培训机构）',
        querystring: SupervisionHomeQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: errors,
      },
    },
    async (req, reply) => sendXlsx(reply, await supervisionHomeWorkbook(req.ctx, req.query)),
  );
}
