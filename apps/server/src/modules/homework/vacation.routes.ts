/** HTTP routes of vacation homework handed in (假期作业天天交、天天清) and the excellent-work list (寒暑假作业优秀学生名单). */
import {
  Attachment,
  ChildHandIns,
  ChildHandInsQuery,
  ClassVacationDay,
  DayParams,
  ErrorBody,
  ExcellentInput,
  ExcellentList,
  ExcellentListsQuery,
  ExcellentPreview,
  ExcellentQuery,
  HANDIN_FILE_MAX_BYTES,
  HandIn,
  HandInFileQuery,
  HandInInput,
  IdParams,
  ReviewInput,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { sendDownload } from '../../platform/download';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { excellentLists, excellentPreview, publishExcellent } from './vacation-excellent.service';
import * as vacation from './vacation.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['homework'];

export function registerVacationRoutes(app: App) {
  app.post(
    '/api/homework/vacation/files',
    {
      schema: {
        tags,
        summary: `上传假期作业的照片或文件（家长，≤ ${HANDIN_FILE_MAX_BYTES / 1024 / 1024} MB）`,
        consumes: ['multipart/form-data'],
        querystring: HandInFileQuery,
        response: { 200: Attachment, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    // the child is checked before the body is read: another family's child answers 404 whatever is sent
    (req) =>
      vacation.uploadHandInFile(req.ctx, req.query.studentId, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择照片或文件');
        return { filename: file.filename, data: await file.toBuffer() };
      }),
  );
  app.get('/api/homework/vacation/files/:id', { schema: { tags, summary: '查看假期作业的照片或文件', params: IdParams, response: errors } }, async (req, reply) => {
    const file = await vacation.readHandInFile(req.ctx, req.params.id);
    return sendDownload(reply, { data: file.data, fileName: file.fileName, mime: file.mime });
  });
  app.put(
    '/api/homework/vacation/hand-ins',
    { schema: { tags, summary: '家长为孩子交一天的假期作业：已完成，或照片、文件（再交一次即替换）', body: HandInInput, response: { 200: HandIn, ...errors } } },
    (req) => vacation.handIn(req.ctx, req.body),
  );
  app.get(
    '/api/homework/vacation/child',
    { schema: { tags, summary: '孩子一段时间交的假期作业与老师点评', querystring: ChildHandInsQuery, response: { 200: ChildHandIns, ...errors } } },
    (req) => vacation.childHandIns(req.ctx, req.query.studentId, req.query.from, req.query.to),
  );
  app.get(
    '/api/homework/vacation/classes/:classId/:date',
    { schema: { tags, summary: '班级某个假期日：公示的作业、谁交了、点评', params: DayParams, response: { 200: ClassVacationDay, ...errors } } },
    (req) => vacation.classVacationDay(req.ctx, req.params.classId, req.params.date),
  );
  app.put(
    '/api/homework/vacation/hand-ins/:id/review',
    { schema: { tags, summary: '任课教师或班主任点评一份假期作业：评语、优秀', params: IdParams, body: ReviewInput, response: { 200: HandIn, ...errors } } },
    (req) => vacation.reviewHandIn(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/homework/vacation/excellent/preview',
    { schema: { tags, summary: '某年级某假期的优秀学生（公示前预览）与已公示的名单', querystring: ExcellentQuery, response: { 200: ExcellentPreview, ...errors } } },
    (req) => excellentPreview(req.ctx, req.query.schoolId, req.query.grade, req.query.date),
  );
  app.post(
    '/api/homework/vacation/excellent',
    { schema: { tags, summary: '假期结束后公示某年级的寒暑假作业优秀学生名单（教务处）', body: ExcellentInput, response: { 200: ExcellentList, ...errors } } },
    (req) => publishExcellent(req.ctx, req.body),
  );
  app.get(
    '/api/homework/vacation/excellent',
    { schema: { tags, summary: '已公示的寒暑假作业优秀学生名单（本校教职工；家长看孩子所在年级）', querystring: ExcellentListsQuery, response: { 200: z.array(ExcellentList), ...errors } } },
    (req) => excellentLists(req.ctx, req.query),
  );
}
