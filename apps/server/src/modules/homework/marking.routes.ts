/** HTTP routes of marking (批改) and the class's daily record (作业登记). */
import {
  ChildMark,
  ChildMarksQuery,
  ClassRegister,
  DistrictMarkingQuery,
  DistrictMarkingRates,
  ErrorBody,
  IdParams,
  Marking,
  MarkingDetail,
  MarkingInput,
  MarkingRates,
  MarkingRatesQuery,
  MarkingWorklist,
  MarkingWorklistQuery,
  RegisterQuery,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import * as marking from './marking.service';
import { districtMarkingRates, schoolMarkingRates } from './marking-rates.service';
import { classRegister, registerWorkbook } from './register.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['homework'];

export function registerMarkingRoutes(app: App) {
  app.get(
    '/api/homework/marking/mine',
    { schema: { tags, summary: '我的批改登记：我布置并已公示的作业及其批改', querystring: MarkingWorklistQuery, response: { 200: MarkingWorklist, ...errors } } },
    (req) => marking.markingWorklist(req.ctx, req.query.from, req.query.to),
  );
  app.get(
    '/api/homework/marking/items/:id',
    { schema: { tags, summary: '一项已公示作业的批改登记（含班级名单，用于选择面批学生）', params: IdParams, response: { 200: MarkingDetail, ...errors } } },
    (req) => marking.markingDetail(req.ctx, req.params.id),
  );
  app.put(
    '/api/homework/marking/items/:id',
    {
      schema: {
        tags,
        summary: '登记批改：全批全改或部分批改、面批人数、说明（布置的任课教师，至作业日期下一周结束）',
        params: IdParams,
        body: MarkingInput,
        response: { 200: Marking, ...errors },
      },
    },
    (req) => marking.saveMarking(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/homework/marking/school',
    { schema: { tags, summary: '学校批改率：按周、教师、班级（年级组长、学科组长看本年级、本学科）', querystring: MarkingRatesQuery, response: { 200: MarkingRates, ...errors } } },
    (req) => schoolMarkingRates(req.ctx, req.query.schoolId, req.query.from, req.query.to),
  );
  app.get(
    '/api/homework/marking/district',
    { schema: { tags, summary: '区级批改率：按学校', querystring: DistrictMarkingQuery, response: { 200: DistrictMarkingRates, ...errors } } },
    (req) => districtMarkingRates(req.ctx, req.query.from, req.query.to),
  );
  app.get(
    '/api/homework/child/marks',
    { schema: { tags, summary: '孩子当日作业的批改情况（家长）', querystring: ChildMarksQuery, response: { 200: z.array(ChildMark), ...errors } } },
    (req) => marking.childMarks(req.ctx, req.query.studentId, req.query.date),
  );
  app.get(
    '/api/homework/register',
    { schema: { tags, summary: '班级作业登记：一周每天的作业清单、完成与批改', querystring: RegisterQuery, response: { 200: ClassRegister, ...errors } } },
    (req) => classRegister(req.ctx, req.query.classId, req.query.weekStart),
  );
  app.get(
    '/api/homework/register/export',
    { schema: { tags, summary: '导出班级作业登记（.xlsx）', querystring: RegisterQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await registerWorkbook(req.ctx, req.query.classId, req.query.weekStart)),
  );
}
