/** HTTP routes of the district's training dashboards (区级校外培训看板), registered from alerts.routes.ts. */
import { ErrorBody, TrainingDistrictOverview, TrainingDistrictQuery, TrainingInstitutionDetail, TrainingInstitutionParams } from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { trainingDistrictWorkbook } from './district-export.service';
import { trainingDistrictOverview, trainingInstitutionDetail } from './district.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['training'];

export function registerTrainingDistrictRoutes(app: App): void {
  app.get(
    '/api/training/district',
    {
      schema: {
        tags,
        summary: '区级校外培训看板：机构状态×类别×学区、资金覆盖率、托管/划拨/退费、预警与投诉（来自汇总表）',
        querystring: TrainingDistrictQuery,
        response: { 200: TrainingDistrictOverview, ...errors },
      },
    },
    (req) => trainingDistrictOverview(req.ctx, req.query),
  );
  app.get(
    '/api/training/district/institutions/:institutionId',
    {
      schema: { tags, summary: '区级校外培训看板：一个机构的数据与预警', params: TrainingInstitutionParams, response: { 200: TrainingInstitutionDetail, ...errors } },
    },
    (req) => trainingInstitutionDetail(req.ctx, req.params.institutionId),
  );
  app.get(
    '/api/training/district/export',
    { schema: { tags, summary: '导出区级校外培训看板（Excel：学区汇总、机构明细、未结预警）', querystring: TrainingDistrictQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await trainingDistrictWorkbook(req.ctx, req.query)),
  );
}
