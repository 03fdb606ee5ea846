/** HTTP routes of the district's after-school dashboards (区级课后服务看板). */
import { AfterSchoolDistrictOverview, AfterSchoolSchoolDetail, AfterSchoolSchoolParams, AfterSchoolSemesterQuery, ErrorBody } from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { districtOverview, districtWorkbook, schoolDetail } from './district.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['after-school'];

export function registerDistrictRoutes(app: App): void {
  app.get(
    '/api/after-school/district',
    { schema: { tags, summary: '区级课后服务看板：各校参与率、方案状态、出勤、满意度、收费（来自汇总表）', querystring: AfterSchoolSemesterQuery, response: { 200: AfterSchoolDistrictOverview, ...errors } } },
    (req) => districtOverview(req.ctx, req.query),
  );
  app.get(
    '/api/after-school/district/schools/:schoolId',
    {
      schema: {
        tags,
        summary: '区级课后服务看板：一所学校的课程（名额、候补、开课与出勤）',
        params: AfterSchoolSchoolParams,
        querystring: AfterSchoolSemesterQuery,
        response: { 200: AfterSchoolSchoolDetail, ...errors },
      },
    },
    (req) => schoolDetail(req.ctx, req.params.schoolId, req.query),
  );
  app.get(
    '/api/after-school/district/export',
    { schema: { tags, summary: '导出区级课后服务看板（Excel）', querystring: AfterSchoolSemesterQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await districtWorkbook(req.ctx, req.query)),
  );
}
