/** HTTP routes of the 五项管理 module's fitness area: daily activity per class, the week, the national fitness test. */
import {
  ChildFitnessQuery,
  ChildFitnessResult,
  ErrorBody,
  FitnessDayInput,
  FitnessDayQuery,
  FitnessDayRecord,
  FitnessTeacherDay,
  FitnessTestImportErrors,
  FitnessTestImportQuery,
  FitnessTestImportResult,
  FitnessTestResults,
  FitnessTestResultsQuery,
  FitnessTestSummary,
  FitnessTestSummaryQuery,
  FitnessTestTemplateQuery,
  FitnessWeek,
  FitnessWeekQuery,
} from '@shuangjian/contracts';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { saveDay, teacherDay } from './fitness-days.service';
import { childFitness, fitnessClassResults, fitnessTestSummary } from './fitness-results.service';
import { fitnessTestTemplate, importFitnessTests } from './fitness-tests.service';
import { fitnessWeek } from './fitness-week.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['five-managements'];
const base = '/api/five-managements/fitness';

export function registerFitnessRoutes(app: App): void {
  app.get(
    `${base}/day`,
    { schema: { tags, summary: '体质管理：我记录的班级某天（默认本周最近的上学日）的大课间、体育课、眼保健操、校内体育活动，未填的按惯常值预填', querystring: FitnessDayQuery, response: { 200: FitnessTeacherDay, ...errors } } },
    (req) => teacherDay(req.ctx, req.query.date),
  );
  app.put(
    `${base}/days`,
    {
      schema: {
        tags,
        summary: '填写或修改班级某个上学日的体育活动记录（每班每天一条，本周内可改）；返回按当日规则的检查结果',
        body: FitnessDayInput,
        response: { 200: FitnessDayRecord, ...errors },
      },
    },
    (req) => saveDay(req.ctx, req.body),
  );
  app.get(
    `${base}/week`,
    { schema: { tags, summary: '班级一周：哪天缺记录、哪天未达标，体育课节数对照年级要求', querystring: FitnessWeekQuery, response: { 200: FitnessWeek, ...errors } } },
    (req) => fitnessWeek(req.ctx, req.query),
  );
  app.get(
    `${base}/tests/template`,
    { schema: { tags, summary: '下载国家学生体质健康标准测试成绩导入模板（.xlsx，含本校学生和填写说明）', querystring: FitnessTestTemplateQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await fitnessTestTemplate(req.ctx, req.query.schoolId)),
  );
  app.post(
    `${base}/tests/import`,
    {
      schema: {
        tags,
        summary: '导入一个学期的体质健康测试成绩（.xlsx）：有错误整份不导入并逐行列出；同一学期再次导入替换该生成绩',
        description: 'multipart/form-data，字段 file 为 .xlsx 文件，列见模板（年级编号、学籍号、姓名、性别、各项成绩/得分/等级、标准分、附加分、总分、等级）。',
        consumes: ['multipart/form-data'],
        querystring: FitnessTestImportQuery,
        response: { 200: FitnessTestImportResult, 413: ErrorBody, 415: ErrorBody, ...errors, 422: FitnessTestImportErrors.or(ErrorBody) },
      },
    },
    (req) =>
      importFitnessTests(req.ctx, req.query, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 文件');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的成绩文件');
        return { buffer: await file.toBuffer(), fileName: file.filename };
      }),
  );
  app.get(
    `${base}/tests/summary`,
    { schema: { tags, summary: '体质健康测试：各校各年级测试人数、各等级人数（及格率）', querystring: FitnessTestSummaryQuery, response: { 200: FitnessTestSummary, ...errors } } },
    (req) => fitnessTestSummary(req.ctx, req.query),
  );
  app.get(
    `${base}/tests/results`,
    { schema: { tags, summary: '班级学生的体质健康测试等级（按学籍号排列，不排名）', querystring: FitnessTestResultsQuery, response: { 200: FitnessTestResults, ...errors } } },
    (req) => fitnessClassResults(req.ctx, req.query),
  );
  app.get(
    `${base}/tests/child`,
    { schema: { tags, summary: '家长：孩子最近一次体质健康测试的各项得分和等级（不排名、不与同学比较）', querystring: ChildFitnessQuery, response: { 200: ChildFitnessResult, ...errors } } },
    (req) => childFitness(req.ctx, req.query.studentId),
  );
}
