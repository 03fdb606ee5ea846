/** HTTP routes of 督导报告: the list, generating a period's reports, and a report as an Excel workbook or a PDF. */
import { ErrorBody, GeneratedReports, GenerateReport, ReportFileParams, ReportList, ReportListQuery } from '@shuangjian/contracts';
import { sendDownload } from '../../platform/download';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { reportWorkbook } from './reports.excel';
import { reportPdf } from './reports.pdf';
import { generateReports, listReports, reportSnapshot } from './reports.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['supervision'];

export function registerReportRoutes(app: App): void {
  app.get(
    '/api/supervision/reports',
    { schema: { tags, summary: '督导报告列表（月报、学期报告；学校只见本校）', querystring: ReportListQuery, response: { 200: ReportList, ...errors } } },
    (req) => listReports(req.ctx, req.query),
  );
  app.post(
    '/api/supervision/reports',
    { schema: { tags, summary: '生成督导报告（全区及各校，或一所学校；同期同范围的报告将被替换）', body: GenerateReport, response: { 200: GeneratedReports, ...errors } } },
    (req) => generateReports(req.ctx, req.body),
  );
  app.get(
    '/api/supervision/reports/:id.xlsx',
    { schema: { tags, summary: '下载督导报告（Excel：总览、分学校、各模块、考核结果）', params: ReportFileParams, response: errors } },
    async (req, reply) => {
      const { snapshot, fileName } = await reportSnapshot(req.ctx, req.params.id);
      return sendXlsx(reply, { buffer: await reportWorkbook(snapshot), fileName: `${fileName}.xlsx` });
    },
  );
  app.get(
    '/api/supervision/reports/:id.pdf',
    { schema: { tags, summary: '下载督导报告（可打印的 PDF 摘要）', params: ReportFileParams, response: { ...errors, 503: ErrorBody } } },
    async (req, reply) => {
      const { snapshot, fileName } = await reportSnapshot(req.ctx, req.params.id);
      return sendDownload(reply, { data: await reportPdf(snapshot, { timeZone: req.ctx.user.timeZone }), fileName: `${fileName}.pdf`, mime: 'application/pdf' });
    },
  );
}
