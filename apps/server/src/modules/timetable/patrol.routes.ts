/** HTTP routes of 巡课, the 阴阳课表 findings and the district's figures. */
import { ErrorBody, IdParams, TaughtPeriod, TaughtPeriodInput, TaughtPeriodQuery, TimetableDashboard, TimetableDashboardQuery, YinYangAnswerInput, YinYangDecisionInput, YinYangFinding, YinYangQuery } from '@shuangjian/contracts';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel';
import { type App, trustedResponse } from '../../platform/http';
import { timetableDashboard, timetableDashboardExport } from './dashboard.service';
import { answerFinding, decideFinding, listFindings } from './findings.service';
import { listTaught, recordTaught } from './patrol.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['timetable'];
const base = '/api/timetable';

export function registerPatrolRoutes(app: App): void {
  app.get(`${base}/patrols`, { schema: { tags, summary: '巡课记录（实际上课与已公布课表的对照）', querystring: TaughtPeriodQuery, response: { 200: z.array(TaughtPeriod), ...errors } } }, (req) =>
    listTaught(req.ctx, req.query),
  );
  app.post(
    `${base}/patrols`,
    { schema: { tags, summary: '记录某日某节实际所上科目（与课表不一致即为阴阳课表问题）；任课教师只能记录本人任教科目的节次', body: TaughtPeriodInput, response: { 200: TaughtPeriod, ...errors } }, ...trustedResponse },
    (req) => recordTaught(req.ctx, req.body),
  );
  app.get(`${base}/findings`, { schema: { tags, summary: '阴阳课表问题', querystring: YinYangQuery, response: { 200: z.array(YinYangFinding), ...errors } } }, (req) =>
    listFindings(req.ctx, req.query),
  );
  app.post(`${base}/findings/:id/answer`, { schema: { tags, summary: '学校提交情况说明', params: IdParams, body: YinYangAnswerInput, response: { 200: YinYangFinding, ...errors } } }, (req) =>
    answerFinding(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/findings/:id/decide`, { schema: { tags, summary: '区教育局或本学区督学复核：销号或退回（须说明原因）', params: IdParams, body: YinYangDecisionInput, response: { 200: YinYangFinding, ...errors } } }, (req) =>
    decideFinding(req.ctx, req.params.id, req.body),
  );
  app.get(`${base}/dashboard`, { schema: { tags, summary: '课表监测：各校公布率、符合率、各科课时缺口、巡课与阴阳课表问题', querystring: TimetableDashboardQuery, response: { 200: TimetableDashboard, ...errors } } }, (req) =>
    timetableDashboard(req.ctx, req.query),
  );
  app.get(
    `${base}/dashboard/export`,
    { schema: { tags, summary: '导出课表监测（Excel：各校概况、课时缺口、阴阳课表问题）', querystring: TimetableDashboardQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { ...errors } } },
    async (req, reply) => sendXlsx(reply, await timetableDashboardExport(req.ctx, req.query)),
  );
}
