/** HTTP routes of the training module's reconcile area: the custody bank's statements and their reconciliation. */
import {
  ErrorBody,
  IdParams,
  ReconcileDetail,
  ReconcileDetailQuery,
  StatementImportErrors,
  StatementImportList,
  StatementImportQuery,
  StatementImportsQuery,
} from '@shuangjian/contracts';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { reconcileWorkbook } from './reconcile-export';
import { importStatement, listStatementImports, reconcileDetail, rerunReconcile, statementTemplate } from './reconcile.service';

const tags = ['training-reconcile'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const base = '/api/training/reconcile';

export function registerReconcileRoutes(app: App): void {
  app.post(
    `${base}/imports`,
    {
      schema: {
        tags,
        summary: '导入托管银行对账单（.xlsx 或 .csv）并对账：有错误整份不导入；同一文件不能重复导入',
        description:
          'multipart/form-data，字段 file 为 .xlsx 或 .csv 文件；列：交易日期、收/支（或带符号的金额）、金额(元)、对方户名、摘要/附言（含订单编号）、流水号、余额（选填）。',
        consumes: ['multipart/form-data'],
        querystring: StatementImportQuery,
        response: { 200: ReconcileDetail, 413: ErrorBody, 415: ErrorBody, ...errors, 422: StatementImportErrors.or(ErrorBody) },
      },
    },
    (req) =>
      importStatement(req.ctx, req.query, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 或 .csv 文件');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的对账单文件');
        return { buffer: await file.toBuffer(), fileName: file.filename };
      }),
  );
  app.get(
    `${base}/imports`,
    { schema: { tags, summary: '已导入的对账单（可按机构）', querystring: StatementImportsQuery, response: { 200: StatementImportList, ...errors } } },
    (req) => listStatementImports(req.ctx, req.query),
  );
  app.get(
    `${base}/imports/:id`,
    {
      schema: {
        tags,
        summary: '一份对账单的对账结果：汇总、差异（默认只列差异）',
        params: IdParams,
        querystring: ReconcileDetailQuery,
        response: { 200: ReconcileDetail, ...errors },
      },
    },
    (req) => reconcileDetail(req.ctx, req.params.id, req.query.show),
  );
  app.post(
    `${base}/imports/:id/rerun`,
    { schema: { tags, summary: '账本变动后重新对账（银行流水不变）', params: IdParams, response: { 200: ReconcileDetail, ...errors } } },
    (req) => rerunReconcile(req.ctx, req.params.id),
  );
  app.get(
    `${base}/imports/:id/export`,
    { schema: { tags, summary: '导出对账差异（.xlsx：汇总和差异明细）', params: IdParams, response: errors } },
    async (req, reply) => sendXlsx(reply, await reconcileWorkbook(req.ctx, req.params.id)),
  );
  app.get(`${base}/template`, { schema: { tags, summary: '下载托管银行对账单导入模板（.xlsx，含填写说明）', response: errors } }, async (req, reply) =>
    sendXlsx(reply, await statementTemplate(req.ctx)),
  );
}
