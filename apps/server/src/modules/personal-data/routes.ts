/** The family's download of its child's data (a JSON file). */
import { ErrorBody, IdParams } from '@shuangjian/contracts';
import { sendDownload } from '../../platform/download';
import type { App } from '../../platform/http';
import { childDataExport } from './personal-data.service';

export function registerPersonalDataRoutes(app: App) {
  app.get(
    '/api/personal-data/children/:id',
    {
      schema: {
        tags: ['personal-data'],
        summary: '下载孩子的个人信息（JSON）：平台保存的关于孩子的全部记录，仅限孩子的监护人',
        params: IdParams,
        response: { 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => sendDownload(reply, await childDataExport(req.ctx, req.params.id)),
  );
}
