/** HTTP routes of the exams module's growth area (综合素质评价): entries, bulk entries, the labour grid, comments, summaries. */
import {
  ErrorBody,
  GrowthBulkInput,
  GrowthBulkResult,
  GrowthClassList,
  GrowthClassParams,
  GrowthClassView,
  GrowthCommentInput,
  GrowthCommentView,
  GrowthEntryInput,
  GrowthEntryUpdate,
  GrowthEntryView,
  GrowthLabourGridInput,
  GrowthLabourGridResult,
  GrowthSemesterQuery,
  GrowthStudentParams,
  GrowthSummary,
  IdParams,
  Ok,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import * as read from './growth-read.service';
import * as growth from './growth.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['exams'];
const base = '/api/exams/growth';

export function registerGrowthRoutes(app: App): void {
  app.get(`${base}/classes`, { schema: { tags, summary: '综合素质评价：我能看到的班级及完成情况', querystring: GrowthSemesterQuery, response: { 200: GrowthClassList, ...errors } } }, (req) =>
    read.growthClasses(req.ctx, req.query.semesterId),
  );
  app.get(
    `${base}/classes/:classId`,
    { schema: { tags, summary: '班级综合素质评价：按学号列出学生的完成情况、技能进度与劳动清单（不排名）', params: GrowthClassParams, querystring: GrowthSemesterQuery, response: { 200: GrowthClassView, ...errors } } },
    (req) => read.classGrowth(req.ctx, req.params.classId, req.query.semesterId),
  );
  app.post(
    `${base}/classes/:classId/bulk`,
    { schema: { tags, summary: '班主任为全班（或多名学生）一次记录同一条成长记录', params: GrowthClassParams, body: GrowthBulkInput, response: { 200: GrowthBulkResult, ...errors } } },
    (req) => growth.recordBulk(req.ctx, req.params.classId, req.body),
  );
  app.put(
    `${base}/classes/:classId/labour`,
    { schema: { tags, summary: '劳动清单勾选：为学生勾选或取消区劳动教育清单中的任务', params: GrowthClassParams, body: GrowthLabourGridInput, response: { 200: GrowthLabourGridResult, ...errors } } },
    (req) => growth.saveLabourGrid(req.ctx, req.params.classId, req.body),
  );
  app.get(
    `${base}/students/:studentId`,
    { schema: { tags, summary: '学生学期综合素质评价（成长记录与学期总结，家长可查看、打印）', params: GrowthStudentParams, querystring: GrowthSemesterQuery, response: { 200: GrowthSummary, ...errors } } },
    (req) => read.growthSummary(req.ctx, req.params.studentId, req.query.semesterId),
  );
  app.post(`${base}/entries`, { schema: { tags, summary: '记录一条成长记录（活动、获奖、劳动清单任务、体育技能、艺术特长）', body: GrowthEntryInput, response: { 200: GrowthEntryView, ...errors } } }, (req) =>
    growth.recordEntry(req.ctx, req.body),
  );
  app.put(`${base}/entries/:id`, { schema: { tags, summary: '更正成长记录（记录人或班主任）', params: IdParams, body: GrowthEntryUpdate, response: { 200: GrowthEntryView, ...errors } } }, (req) =>
    growth.updateEntry(req.ctx, req.params.id, req.body),
  );
  app.delete(`${base}/entries/:id`, { schema: { tags, summary: '删除成长记录（记录人或班主任；审计日志保留原内容）', params: IdParams, response: { 200: Ok, ...errors } } }, (req) =>
    growth.deleteEntry(req.ctx, req.params.id),
  );
  app.put(`${base}/comments`, { schema: { tags, summary: '教师评语：分维度评语，或班主任评语（总评）', body: GrowthCommentInput, response: { 200: GrowthCommentView, ...errors } } }, (req) =>
    growth.saveComment(req.ctx, req.body),
  );
}
