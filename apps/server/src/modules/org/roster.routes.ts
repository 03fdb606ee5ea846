/** Roster spreadsheets: template, export, import (multipart upload of one .xlsx). */
import { Credential, ErrorBody, IdParams, ImportErrors, ImportResult, RosterParams, RosterQuery } from '@shuangjian/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { exportRoster, importRoster, rosterTemplate } from './roster.service';
import { createClassGuardianAccounts } from './guardian-accounts.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['roster'];

export function registerRosterRoutes(app: App) {
  app.get(
    '/api/roster/:entity/template',
    { schema: { tags, summary: '下载导入模板（.xlsx）', params: RosterParams, querystring: RosterQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await rosterTemplate(req.ctx, req.params.entity, req.query.schoolId)),
  );
  app.get(
    '/api/roster/:entity/export',
    { schema: { tags, summary: '导出名单（.xlsx）', params: RosterParams, querystring: RosterQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await exportRoster(req.ctx, req.params.entity, req.query.schoolId)),
  );
  app.post(
    '/api/roster/:entity/import',
    {
      schema: {
        tags,
        summary: '导入名单：全部行通过才写入，否则返回每一处错误',
        description: 'multipart/form-data，字段 file 为 .xlsx 文件。dryRun=1 只检查不写入。',
        consumes: ['multipart/form-data'],
        params: RosterParams,
        querystring: RosterQuery.extend({ dryRun: z.enum(['0', '1']).default('0') }),
        response: { 200: ImportResult, 422: ImportErrors, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    (req) =>
      importRoster(req.ctx, req.params.entity, req.query.schoolId, req.query.dryRun === '1', async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 文件');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的 .xlsx 文件');
        return file.toBuffer();
      }),
  );
  app.post(
    '/api/classes/:id/guardian-accounts',
    { schema: { tags, summary: '为本班尚无账号的监护人批量开通家长账号', params: IdParams, response: { 200: z.array(Credential), ...errors } } },
    (req) => createClassGuardianAccounts(req.ctx, req.params.id),
  );
}
