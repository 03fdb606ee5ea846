/** HTTP routes of the after-school module's care area: 午餐午托 (lunch and midday care) and 暑期托管 (summer care). */
import {
  CareFamily,
  CareFamilyQuery,
  ErrorBody,
  IdParams,
  LunchAttendanceInput,
  LunchDay,
  LunchDayQuery,
  LunchEndInput,
  LunchEnrolInput,
  LunchEnrolment,
  LunchEnrolmentList,
  LunchMonthFees,
  LunchMonthQuery,
  LunchOffer,
  LunchOfferInput,
  LunchOffersQuery,
  SummerAttendanceInput,
  SummerDay,
  SummerDayQuery,
  SummerEnrolInput,
  SummerEnrolment,
  SummerEnrolmentList,
  SummerRota,
  SummerRotaInput,
  SummerRotaQuery,
  SummerSessionInput,
  SummerSite,
  SummerSiteInput,
  SummerSiteList,
  SummerSitesQuery,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { careFamily } from './care-family.service';
import * as lunch from './care-lunch.service';
import { lunchMonthWorkbook } from './care-lunch-export.service';
import { setRota, siteRota } from './care-rota.service';
import * as summer from './care-summer.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['after-school'];

export function registerCareRoutes(app: App): void {
  app.get('/api/after-school/lunch/offers', { schema: { tags, summary: '学校的午餐午托（按学期）', querystring: LunchOffersQuery, response: { 200: z.object({ items: z.array(LunchOffer) }), ...errors } } }, (req) =>
    lunch.lunchOffers(req.ctx, req.query.schoolId),
  );
  app.put('/api/after-school/lunch/offers', { schema: { tags, summary: '设立或修改本学期的午餐午托：厨房、收费', body: LunchOfferInput, response: { 200: LunchOffer, ...errors } } }, (req) =>
    lunch.saveLunchOffer(req.ctx, req.body),
  );
  app.get('/api/after-school/lunch/offers/:id/enrolments', { schema: { tags, summary: '午餐午托名单', params: IdParams, response: { 200: LunchEnrolmentList, ...errors } } }, (req) =>
    lunch.lunchEnrolments(req.ctx, req.params.id),
  );
  app.post(
    '/api/after-school/lunch/offers/:id/enrolments',
    { schema: { tags, summary: '报名午餐午托（家长为自己的孩子，或学校）', params: IdParams, body: LunchEnrolInput, response: { 200: LunchEnrolment, ...errors } } },
    (req) => lunch.enrolLunch(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/after-school/lunch/enrolments/:id/end',
    { schema: { tags, summary: '退出午餐午托（从某日起不再用餐）', params: IdParams, body: LunchEndInput, response: { 200: LunchEnrolment, ...errors } } },
    (req) => lunch.endLunch(req.ctx, req.params.id, req.body.fromDate),
  );
  app.get('/api/after-school/lunch/offers/:id/day', { schema: { tags, summary: '某日午餐：各厨房份数与考勤', params: IdParams, querystring: LunchDayQuery, response: { 200: LunchDay, ...errors } } }, (req) =>
    lunch.lunchDay(req.ctx, req.params.id, req.query.date),
  );
  app.put(
    '/api/after-school/lunch/offers/:id/day',
    { schema: { tags, summary: '登记某日午餐考勤：全部到齐，再标出缺勤、请假', params: IdParams, body: LunchAttendanceInput, response: { 200: LunchDay, ...errors } } },
    (req) => lunch.takeLunch(req.ctx, req.params.id, req.body),
  );
  app.get('/api/after-school/lunch/offers/:id/month', { schema: { tags, summary: '某月午餐费用与退费', params: IdParams, querystring: LunchMonthQuery, response: { 200: LunchMonthFees, ...errors } } }, (req) =>
    lunch.lunchMonthFees(req.ctx, req.params.id, req.query.month),
  );
  app.get(
    '/api/after-school/lunch/offers/:id/month/export',
    { schema: { tags, summary: '导出某月午餐费用（.xlsx）', params: IdParams, querystring: LunchMonthQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await lunchMonthWorkbook(req.ctx, req.params.id, req.query.month)),
  );

  app.get('/api/after-school/summer/sites', { schema: { tags, summary: '暑期托管点（某年）', querystring: SummerSitesQuery, response: { 200: SummerSiteList, ...errors } } }, (req) =>
    summer.summerSites(req.ctx, req.query.year),
  );
  app.post(
    '/api/after-school/summer/sites',
    { schema: { tags, summary: '设立暑期托管点（学校或社区）', querystring: SummerSitesQuery, body: SummerSiteInput, response: { 200: SummerSite, ...errors } } },
    (req) => summer.createSite(req.ctx, req.query.year, req.body),
  );
  app.post(
    '/api/after-school/summer/sites/:id/sessions',
    { schema: { tags, summary: '安排托管期次（暑假之内）', params: IdParams, body: SummerSessionInput, response: { 200: SummerSite, ...errors } } },
    (req) => summer.addSession(req.ctx, req.params.id, req.body),
  );
  app.get('/api/after-school/summer/sites/:id/rota', { schema: { tags, summary: '托管点值班表', params: IdParams, querystring: SummerRotaQuery, response: { 200: SummerRota, ...errors } } }, (req) =>
    siteRota(req.ctx, req.params.id, req.query.from, req.query.to),
  );
  app.put('/api/after-school/summer/sites/:id/rota', { schema: { tags, summary: '排某日值班教师', params: IdParams, body: SummerRotaInput, response: { 200: SummerRota, ...errors } } }, (req) =>
    setRota(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/after-school/summer/sessions/:id/enrolments',
    { schema: { tags, summary: '托管期次名单', params: IdParams, response: { 200: SummerEnrolmentList, ...errors } } },
    (req) => summer.sessionEnrolments(req.ctx, req.params.id),
  );
  app.post(
    '/api/after-school/summer/sessions/:id/enrolments',
    { schema: { tags, summary: '报名暑期托管（名额不超售）', params: IdParams, body: SummerEnrolInput, response: { 200: SummerEnrolment, ...errors } } },
    (req) => summer.enrolSummer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/after-school/summer/enrolments/:id/withdraw',
    { schema: { tags, summary: '退出暑期托管', params: IdParams, response: { 200: SummerEnrolment, ...errors } } },
    (req) => summer.withdrawSummer(req.ctx, req.params.id),
  );
  app.get('/api/after-school/summer/sessions/:id/day', { schema: { tags, summary: '托管某日考勤', params: IdParams, querystring: SummerDayQuery, response: { 200: SummerDay, ...errors } } }, (req) =>
    summer.summerDay(req.ctx, req.params.id, req.query.date),
  );
  app.put(
    '/api/after-school/summer/sessions/:id/day',
    { schema: { tags, summary: '登记托管某日考勤：全部到齐，再标出缺勤、请假', params: IdParams, body: SummerAttendanceInput, response: { 200: SummerDay, ...errors } } },
    (req) => summer.takeSummer(req.ctx, req.params.id, req.body),
  );
  app.get('/api/after-school/care/family', { schema: { tags, summary: '家长查看孩子的午餐午托与暑期托管', querystring: CareFamilyQuery, response: { 200: CareFamily, ...errors } } }, (req) =>
    careFamily(req.ctx, req.query.studentId),
  );
}
