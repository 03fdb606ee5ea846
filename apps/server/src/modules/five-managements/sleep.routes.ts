/** HTTP routes of the 五项管理 module's sleep area: a family's nights and reports, classes' weeks for staff. */
import {
  ErrorBody,
  IdParams,
  SleepClasses,
  SleepClassesQuery,
  SleepClassWeek,
  SleepFamily,
  SleepNight,
  SleepReportInput,
  SleepStudentParams,
  SleepUsual,
  SleepUsualInput,
  SleepWeekQuery,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import { sleepClasses, sleepClassWeek } from './sleep-class.service';
import { familySleep, reportSleep, saveUsualSleep } from './sleep-family.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['five-managements'];

export function registerSleepRoutes(app: App): void {
  app.get(
    '/api/five-managements/sleep/family/:studentId',
    { schema: { tags, summary: '家长：孩子的睡眠记录与规定', params: SleepStudentParams, response: { 200: SleepFamily, ...errors } } },
    (req) => familySleep(req.ctx, req.params.studentId),
  );
  app.put(
    '/api/five-managements/sleep/family/reports',
    { schema: { tags, summary: '家长：填报（或修改）孩子一晚的睡眠', body: SleepReportInput, response: { 200: SleepNight, ...errors } } },
    (req) => reportSleep(req.ctx, req.body),
  );
  app.put(
    '/api/five-managements/sleep/family/:studentId/usual',
    { schema: { tags, summary: '家长：保存平时作息（一键“和平时一样”）', params: SleepStudentParams, body: SleepUsualInput, response: { 200: SleepUsual, ...errors } } },
    async (req) => (await saveUsualSleep(req.ctx, req.params.studentId, req.body))!,
  );
  app.get(
    '/api/five-managements/sleep/classes',
    { schema: { tags, summary: '班级一周睡眠达标率（低于区定阈值的标出）', querystring: SleepClassesQuery, response: { 200: SleepClasses, ...errors } } },
    (req) => sleepClasses(req.ctx, req.query),
  );
  app.get(
    '/api/five-managements/sleep/classes/:id/week',
    { schema: { tags, summary: '一个班一周的睡眠：达标、按时就寝、未填报', params: IdParams, querystring: SleepWeekQuery, response: { 200: SleepClassWeek, ...errors } } },
    (req) => sleepClassWeek(req.ctx, req.params.id, req.query.week),
  );
}
