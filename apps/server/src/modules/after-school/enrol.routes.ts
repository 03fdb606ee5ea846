/** HTTP routes of the after-school module's enrol area (选课): windows and draws, the family's choices, rosters. */
import {
  ChildCourseParams,
  ChildEnrolView,
  ChildParams,
  ChildQuery,
  ChoiceResult,
  ChooseInput,
  CourseSeats,
  DrawInput,
  DrawResult,
  EnrolWindow,
  ErrorBody,
  IdParams,
  Ok,
  OpenWindowInput,
  OptOutInput,
  OptOutResult,
  Roster,
  SeatsQuery,
  SignAgreementInput,
  WindowQuery,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel';
import { type App, trustedResponse } from '../../platform/http';
import { childView } from './enrol-child-view.service';
import { choose } from './enrol-choose.service';
import * as family from './enrol-family.service';
import * as roster from './enrol-roster.service';
import * as school from './enrol-school.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['after-school'];

export function registerEnrolRoutes(app: App): void {
  // the school: windows, the lottery, seats and rosters
  app.get('/api/after-school/windows', { schema: { tags, summary: '选课时间段（学校、学期）', querystring: WindowQuery, response: { 200: z.array(EnrolWindow), ...errors } } }, (req) =>
    school.listWindows(req.ctx, req.query),
  );
  app.post('/api/after-school/windows', { schema: { tags, summary: '开放选课（起止时间、先到先得或摇号、每生社团上限）', body: OpenWindowInput, response: { 200: EnrolWindow, ...errors } } }, (req) =>
    school.openWindow(req.ctx, req.body),
  );
  app.post('/api/after-school/windows/:id/draw', { schema: { tags, summary: '摇号（截止后；公布随机种子，任何人可复算）', params: IdParams, body: DrawInput, response: { 200: DrawResult, ...errors } } }, (req) =>
    school.runDraw(req.ctx, req.params.id, req.body),
  );
  app.get('/api/after-school/windows/:id/draw', { schema: { tags, summary: '摇号结果（种子、各课程报名与抽签顺序）', params: IdParams, response: { 200: DrawResult, ...errors } } }, (req) =>
    school.drawResult(req.ctx, req.params.id),
  );
  app.get('/api/after-school/seats', { schema: { tags, summary: '各课程名额：容量、已选、候补、待摇号', querystring: SeatsQuery, response: { 200: z.array(CourseSeats), ...errors } } }, (req) =>
    school.courseSeats(req.ctx, req.query),
  );
  app.get('/api/after-school/courses/:id/roster', { schema: { tags, summary: '课程名单（已选上、候补顺序、待摇号）', params: IdParams, response: { 200: Roster, ...errors } } }, (req) =>
    roster.courseRoster(req.ctx, req.params.id),
  );
  app.get('/api/after-school/courses/:id/roster/export', { schema: { tags, summary: '导出课程名单（.xlsx）', params: IdParams, response: errors } }, async (req, reply) =>
    sendXlsx(reply, await roster.rosterWorkbook(req.ctx, req.params.id)),
  );

  // the family, for their own child
  app.get('/api/after-school/children/:studentId/enrol', { schema: { tags, summary: '孩子的课后服务选课页：协议、可选课程与余量、已选与候补', params: ChildParams, querystring: ChildQuery, response: { 200: ChildEnrolView, ...errors } }, ...trustedResponse }, (req) =>
    childView(req.ctx, req.params.studentId, req.query),
  );
  app.post('/api/after-school/children/:studentId/agreement', { schema: { tags, summary: '签订课后服务协议（书面协议）', params: ChildParams, body: SignAgreementInput, response: { 200: Ok, ...errors } } }, (req) =>
    family.signAgreement(req.ctx, req.params.studentId, req.body),
  );
  app.post('/api/after-school/children/:studentId/opt-out', { schema: { tags, summary: '退出课后服务（自某日起，退出全部课程）', params: ChildParams, body: OptOutInput, response: { 200: OptOutResult, ...errors } } }, (req) =>
    family.optOut(req.ctx, req.params.studentId, req.body),
  );
  app.post('/api/after-school/children/:studentId/choices', { schema: { tags, summary: '选课（先到先得占座或候补；摇号时段为报名）', params: ChildParams, body: ChooseInput, response: { 200: ChoiceResult, ...errors } }, ...trustedResponse }, (req) =>
    choose(req.ctx, req.params.studentId, req.body),
  );
  app.delete('/api/after-school/children/:studentId/choices/:courseId', { schema: { tags, summary: '退选一门课程（空位由候补第一位递补）', params: ChildCourseParams, response: { 200: Ok, ...errors } } }, (req) =>
    family.withdraw(req.ctx, req.params.studentId, req.params.courseId),
  );
}
