/** HTTP routes of the training module's rules area: live checks, rules in force, timetables, violations. */
import {
  ErrorBody,
  IdParams,
  TrainingCourseCheckInput,
  TrainingRuleCheck,
  TrainingRuleTexts,
  TrainingRuleTextsQuery,
  TrainingSchedule,
  TrainingScheduleCourse,
  TrainingScheduleInput,
  TrainingScheduleList,
  TrainingScheduleQuery,
  TrainingViolation,
  TrainingViolationList,
  TrainingViolationQuery,
  TrainingViolationResolveInput,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import * as schedules from './rules-schedules.service';
import * as violations from './rules-violations.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['training'];

export function registerRulesRoutes(app: App): void {
  app.post(
    '/api/training/rules/check-course',
    { schema: { tags, summary: '按本区现行规则检查课程（收费上限、课时长度），备案表单实时调用，不作记录', body: TrainingCourseCheckInput, response: { 200: TrainingRuleCheck, ...errors } } },
    (req) => violations.checkCourseNow(req.ctx, req.body),
  );
  app.get(
    '/api/training/rules',
    { schema: { tags, summary: '某日施行的校外培训规则及其政策版本', querystring: TrainingRuleTextsQuery, response: { 200: TrainingRuleTexts, ...errors } } },
    (req) => violations.ruleTextsAt(req.ctx, req.query.on),
  );
  app.get(
    '/api/training/schedules',
    { schema: { tags, summary: '课表（机构只见本机构）', querystring: TrainingScheduleQuery, response: { 200: TrainingScheduleList, ...errors } } },
    (req) => schedules.listSchedules(req.ctx, req.query),
  );
  app.get(
    '/api/training/schedules/courses',
    { schema: { tags, summary: '可以备案课表的本机构课程', response: { 200: z.array(TrainingScheduleCourse), ...errors } } },
    (req) => schedules.listScheduleCourses(req.ctx),
  );
  app.post(
    '/api/training/schedules',
    { schema: { tags, summary: '机构备案一条上课时间（按规则检查，不符合的拒绝并记录违规）', body: TrainingScheduleInput, response: { 200: TrainingSchedule, ...errors } } },
    (req) => schedules.fileSchedule(req.ctx, req.body),
  );
  app.delete(
    '/api/training/schedules/:id',
    { schema: { tags, summary: '删除一条上课时间', params: IdParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req) => {
      await schedules.deleteSchedule(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/training/violations',
    { schema: { tags, summary: '违规记录（区县全部、督学本片区、机构本机构），可按机构、规则、状态、日期筛选', querystring: TrainingViolationQuery, response: { 200: TrainingViolationList, ...errors } } },
    (req) => violations.listViolations(req.ctx, req.query),
  );
  app.post(
    '/api/training/violations/:id/resolve',
    { schema: { tags, summary: '区县处理违规记录（附处理意见）', params: IdParams, body: TrainingViolationResolveInput, response: { 200: TrainingViolation, ...errors } } },
    (req) => violations.resolveViolation(req.ctx, req.params.id, req.body),
  );
}
