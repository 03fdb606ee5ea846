/** HTTP routes of 课程与课表: class timetables (draft, publish, Excel), the public page, a family's view. */
import {
  ClassTimetable,
  ErrorBody,
  FamilyTimetable,
  PublicTimetablePage,
  PublicTimetableParams,
  TimetableClassParams,
  TimetableImportErrors,
  TimetableImportQuery,
  TimetableImportResult,
  TimetablePublishInput,
  TimetableSaveInput,
  TimetableSchoolList,
  TimetableSchoolQuery,
  TimetableSemesterQuery,
  TimetableTemplateQuery,
} from '@shuangjian/contracts';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import { type App, type ModuleDeps, trustedResponse } from '../../platform/http';
import { importTimetables, timetableTemplate } from './import.service';
import { familyTimetable, publicTimetables } from './public.service';
import { registerPatrolRoutes } from './patrol.routes';
import { getClassTimetable, publishTimetable, saveDraft, schoolTimetables } from './timetable.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['timetable'];
const base = '/api/timetable';

export function registerTimetableRoutes(app: App, deps: ModuleDeps): void {
  app.get(`${base}/classes`, { schema: { tags, summary: '一所学校各班课表状态（未编/草稿/已公布，是否符合课程设置方案）', querystring: TimetableSchoolQuery, response: { 200: TimetableSchoolList, ...errors } } }, (req) =>
    schoolTimetables(req.ctx, req.query),
  );
  app.get(
    `${base}/classes/:classId`,
    { schema: { tags, summary: '班级课表：草稿及其核对结果、已公布版本与历史', params: TimetableClassParams, querystring: TimetableSemesterQuery, response: { 200: ClassTimetable, ...errors } } },
    (req) => getClassTimetable(req.ctx, req.params.classId, req.query),
  );
  app.put(
    `${base}/classes/:classId`,
    { schema: { tags, summary: '保存班级课表草稿（按课程设置方案核对，缺课时照样保存但不能公布）', params: TimetableClassParams, body: TimetableSaveInput, response: { 200: ClassTimetable, ...errors } } },
    (req) => saveDraft(req.ctx, req.params.classId, req.body),
  );
  app.post(
    `${base}/classes/:classId/publish`,
    { schema: { tags, summary: '公布课表（晒课表）：有课时缺口的课表不能公布；每次公布为新版本并留存', params: TimetableClassParams, body: TimetablePublishInput, response: { 200: ClassTimetable, ...errors } } },
    (req) => publishTimetable(req.ctx, req.params.classId, req.body),
  );
  app.get(
    `${base}/template`,
    { schema: { tags, summary: '下载课表导入模板（每班一张工作表，行为节次、列为周一至周五）', querystring: TimetableTemplateQuery.extend(TimetableSemesterQuery.shape), produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { ...errors } } },
    async (req, reply) => sendXlsx(reply, await timetableTemplate(req.ctx, req.query.schoolId, req.query.semesterId)),
  );
  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: '导入课表（.xlsx，每班一张工作表）：有错误整份不导入并逐一列出工作表和单元格',
        description: 'multipart/form-data，字段 file 为 .xlsx 文件，格式见模板。',
        consumes: ['multipart/form-data'],
        querystring: TimetableImportQuery,
        response: { 200: TimetableImportResult, 413: ErrorBody, 415: ErrorBody, ...errors, 422: TimetableImportErrors.or(ErrorBody) },
      },
    },
    (req) =>
      importTimetables(req.ctx, req.query, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 文件');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的课表文件');
        return { buffer: await file.toBuffer() };
      }),
  );
  app.get(`${base}/family`, { schema: { tags, summary: '家长：孩子所在班级的课表（已公布）', response: { 200: FamilyTimetable, ...errors } }, ...trustedResponse }, (req) => familyTimetable(req.ctx));
  app.get(
    '/api/public/timetable/schools/:schoolId',
    {
      schema: { tags: ['public'], summary: '晒课表：学校各班已公布的课表（公开，无需登录）', params: PublicTimetableParams, response: { 200: PublicTimetablePage, 400: ErrorBody, 404: ErrorBody }, security: [] },
      config: { public: true },
      ...trustedResponse,
    },
    (req) => publicTimetables(deps.database.db, req.params.schoolId, deps.now()),
  );
  registerPatrolRoutes(app);
}
