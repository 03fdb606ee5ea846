/** HTTP routes of the after-school module's daily area: attendance, leave, pick-up, patrols, assessment, flexible hours. */
import {
  AssessmentInput,
  AssessmentMonth,
  CancelSession,
  CourseParams,
  DailyDateQuery,
  ErrorBody,
  FlexHoursMonth,
  IdParams,
  LeaveInput,
  LeavePage,
  LeaveQuery,
  LeaveView,
  DailyMonthQuery,
  PatrolDay,
  PatrolInput,
  PatrolQuery,
  PatrolView,
  PickupInput,
  PickupPage,
  PickupQuery,
  PickupView,
  SessionView,
  TakeAttendance,
  TeacherDay,
  Uncollected,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import * as flex from './daily-flex.service';
import * as leave from './daily-leave.service';
import * as pickup from './daily-pickup.service';
import * as quality from './daily-quality.service';
import * as daily from './daily.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['after-school'];
const base = '/api/after-school/daily';

export function registerDailyRoutes(app: App): void {
  app.get(`${base}/day`, { schema: { tags, summary: '课后服务：我今天（某天）的课程与名单（含请假、接送）', querystring: DailyDateQuery, response: { 200: TeacherDay, ...errors } } }, (req) =>
    daily.teacherDay(req.ctx, req.query.date),
  );
  app.post(
    `${base}/courses/:courseId/attendance`,
    { schema: { tags, summary: '点名：全部到，再标记缺勤、迟到、请假（重新点名覆盖当天）', params: CourseParams, body: TakeAttendance, response: { 200: SessionView, ...errors } } },
    (req) => daily.takeAttendance(req.ctx, req.params.courseId, req.body),
  );
  app.post(
    `${base}/courses/:courseId/cancel`,
    { schema: { tags, summary: '停课（如学校停课），注明原因并通知家长', params: CourseParams, body: CancelSession, response: { 200: SessionView, ...errors } } },
    (req) => daily.cancelSession(req.ctx, req.params.courseId, req.body),
  );

  app.get(`${base}/leaves`, { schema: { tags, summary: '课后服务请假记录（分页，含总数；家长：自己的孩子；老师：本班和所带课程）', querystring: LeaveQuery, response: { 200: LeavePage, ...errors } } }, (req) =>
    leave.listLeaves(req.ctx, req.query),
  );
  app.post(`${base}/leaves`, { schema: { tags, summary: '家长为孩子请假（上学日）', body: LeaveInput, response: { 200: LeaveView, ...errors } } }, (req) =>
    leave.requestLeave(req.ctx, req.body),
  );
  app.post(`${base}/leaves/:id/cancel`, { schema: { tags, summary: '家长在请假开始前撤销', params: IdParams, response: { 200: LeaveView, ...errors } } }, (req) =>
    leave.cancelLeave(req.ctx, req.params.id),
  );

  app.get(`${base}/pickups`, { schema: { tags, summary: '接送记录（分页，含总数；家长：自己的孩子）', querystring: PickupQuery, response: { 200: PickupPage, ...errors } } }, (req) =>
    pickup.listPickups(req.ctx, req.query),
  );
  app.post(`${base}/pickups`, { schema: { tags, summary: '登记接送：谁接走了孩子、何时', body: PickupInput, response: { 200: PickupView, ...errors } } }, (req) =>
    pickup.signOut(req.ctx, req.body),
  );
  app.get(`${base}/uncollected`, { schema: { tags, summary: '到课但尚未被接走的孩子', querystring: DailyDateQuery, response: { 200: Uncollected, ...errors } } }, (req) =>
    pickup.uncollected(req.ctx, req.query.date),
  );

  app.get(`${base}/patrols`, { schema: { tags, summary: '学校某天的巡视记录', querystring: PatrolQuery, response: { 200: PatrolDay, ...errors } } }, (req) =>
    quality.patrolDay(req.ctx, req.query),
  );
  app.post(`${base}/patrols`, { schema: { tags, summary: '记录一次巡视（课程或地点、情况、评分、问题）', body: PatrolInput, response: { 200: PatrolView, ...errors } } }, (req) =>
    quality.recordPatrol(req.ctx, req.body),
  );
  app.get(`${base}/assessments`, { schema: { tags, summary: '课程月度考核与学校得分', querystring: DailyMonthQuery, response: { 200: AssessmentMonth, ...errors } } }, (req) =>
    quality.assessmentMonth(req.ctx, req.query),
  );
  app.put(`${base}/assessments`, { schema: { tags, summary: '评定课程的月度考核（每门课每月一次，可修改）', body: AssessmentInput, response: { 200: AssessmentMonth, ...errors } } }, (req) =>
    quality.assessCourse(req.ctx, req.body),
  );
  app.get(`${base}/flex-hours`, { schema: { tags, summary: '教师弹性上下班：按月统计延时服务后的推迟到岗时间', querystring: DailyMonthQuery, response: { 200: FlexHoursMonth, ...errors } } }, (req) =>
    flex.flexHours(req.ctx, req.query),
  );
}
