/** HTTP routes of the 五项管理 module's reading area: the district's lists, a school's filings, the summary. */
import {
  ErrorBody,
  IdParams,
  Ok,
  ReadingCheck,
  ReadingCheckInput,
  ReadingFiling,
  ReadingFilingImportQuery,
  ReadingFilingImportResult,
  ReadingFilingInput,
  ReadingFilingPage,
  ReadingFilingQuery,
  ReadingFilingUpdate,
  ReadingImportErrors,
  ReadingListEntry,
  ReadingListEntryInput,
  ReadingListImportQuery,
  ReadingListImportResult,
  ReadingListPage,
  ReadingListQuery,
  ReadingSummary,
  ReadingSummaryQuery,
} from '@shuangjian/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import * as filings from './reading-filings.service';
import * as reads from './reading-filings-read.service';
import * as lists from './reading-lists.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const uploadErrors = { ...errors, 413: ErrorBody, 415: ErrorBody, 422: ReadingImportErrors.or(ErrorBody) };
const tags = ['five-managements'];
const base = '/api/five-managements/reading';

/** The uploaded .xlsx of a multipart request (field file). */
const uploaded = (req: FastifyRequest) => async () => {
  if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 文件');
  const file = await req.file();
  if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的 Excel 文件');
  return { buffer: await file.toBuffer(), fileName: file.filename };
};

export function registerReadingRoutes(app: App): void {
  app.get(
    `${base}/lists`,
    { schema: { tags, summary: '区推荐书目与负面清单（各校教职工可查）', querystring: ReadingListQuery, response: { 200: ReadingListPage, ...errors } } },
    (req) => lists.listEntries(req.ctx, req.query),
  );
  app.post(
    `${base}/lists`,
    { schema: { tags, summary: '向推荐书目或负面清单添加一条（负面清单须写原因）', body: ReadingListEntryInput, response: { 200: ReadingListEntry, ...errors } } },
    (req) => lists.createEntry(req.ctx, req.body),
  );
  app.put(
    `${base}/lists/:id`,
    { schema: { tags, summary: '修改清单条目（已登记的读物保留当时的核查结果）', params: IdParams, body: ReadingListEntryInput, response: { 200: ReadingListEntry, ...errors } } },
    (req) => lists.updateEntry(req.ctx, req.params.id, req.body),
  );
  app.delete(
    `${base}/lists/:id`,
    { schema: { tags, summary: '从清单删除一条（已产生的自查问题不变）', params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await lists.deleteEntry(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/lists/template`,
    { schema: { tags, summary: '下载清单导入模板（.xlsx，含填写说明）', querystring: ReadingListImportQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await lists.listTemplate(req.ctx, req.query.list)),
  );
  app.post(
    `${base}/lists/import`,
    {
      schema: {
        tags,
        summary: '从 Excel 导入推荐书目或负面清单：有错误整份不导入；同一本书再次导入时更新，不重复',
        description: 'multipart/form-data，字段 file 为 .xlsx 文件；列：书名、作者、出版社、ISBN、类别、适用年级、列入原因、列入日期。',
        consumes: ['multipart/form-data'],
        querystring: ReadingListImportQuery,
        response: { 200: ReadingListImportResult, ...uploadErrors },
      },
    },
    (req) => lists.importEntries(req.ctx, req.query.list, uploaded(req)),
  );
  app.post(
    `${base}/check`,
    { schema: { tags, summary: '购书前查一本书是否在推荐书目或负面清单中（不作记录）', body: ReadingCheckInput, response: { 200: ReadingCheck, ...errors } } },
    (req) => lists.checkBook(req.ctx, req.body),
  );
  app.get(
    `${base}/filings`,
    { schema: { tags, summary: '进校读物登记及核查结果（学校只见本校）', querystring: ReadingFilingQuery, response: { 200: ReadingFilingPage, ...errors } } },
    (req) => reads.listFilings(req.ctx, req.query),
  );
  app.post(
    `${base}/filings`,
    { schema: { tags, summary: '学校登记一种进校读物，按区清单核查（命中负面清单的进入本校自查）', body: ReadingFilingInput, response: { 200: ReadingFiling, ...errors } } },
    (req) => filings.fileReading(req.ctx, req.body),
  );
  app.put(
    `${base}/filings/:id`,
    { schema: { tags, summary: '修改一条进校读物登记（按现行清单重新核查）', params: IdParams, body: ReadingFilingUpdate, response: { 200: ReadingFiling, ...errors } } },
    (req) => filings.updateFiling(req.ctx, req.params.id, req.body),
  );
  app.delete(
    `${base}/filings/:id`,
    { schema: { tags, summary: '删除一条进校读物登记（已产生的自查问题不变）', params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await filings.deleteFiling(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/filings/template`,
    { schema: { tags, summary: '下载进校读物登记导入模板（.xlsx，含填写说明）', response: errors } },
    async (req, reply) => sendXlsx(reply, await reads.filingTemplate(req.ctx)),
  );
  app.post(
    `${base}/filings/import`,
    {
      schema: {
        tags,
        summary: '从 Excel 导入本学期进校读物：有错误整份不导入；已登记的同一本书（同一来源）跳过',
        description: 'multipart/form-data，字段 file 为 .xlsx 文件；列：书名、ISBN、出版社、类别、年级、册数、来源。',
        consumes: ['multipart/form-data'],
        querystring: ReadingFilingImportQuery,
        response: { 200: ReadingFilingImportResult, ...uploadErrors },
      },
    },
    (req) => reads.importFilings(req.ctx, req.query, uploaded(req)),
  );
  app.get(
    `${base}/summary`,
    { schema: { tags, summary: '各校进校读物登记、命中负面清单与待审核教辅数（某学期）', querystring: ReadingSummaryQuery, response: { 200: ReadingSummary, ...errors } } },
    (req) => reads.readingSummary(req.ctx, req.query.semesterId),
  );
}
