/** HTTP routes of the homework views: class calendar, teacher's week, school overview, district dashboard, homes. */
import {
  ClassCalendar,
  ClassSummary,
  DistrictExport,
  DistrictExportQuery,
  DistrictHome,
  DistrictSchoolsPage,
  DistrictSchoolsQuery,
  DistrictWeekly,
  DistrictWeeklyQuery,
  ErrorBody,
  IdParams,
  LocalDate,
  RangeQuery,
  SchoolClassesQuery,
  SchoolHome,
  SchoolOverview,
  SchoolOverviewQuery,
  TeacherWeek,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { type App, trustedResponse } from '../../platform/http';
import { classCalendar, teacherWeek } from './views/class';
import { districtExport, districtSchools, districtWeekly } from './views/district';
import { districtHome, schoolHome } from './views/home';
import { schoolClasses, schoolOverview } from './views/school';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['homework'];

export function registerViewRoutes(app: App) {
  app.get(
    '/api/homework/classes/:id/calendar',
    { schema: { tags, summary: '班级作业负担日历（本校教职工、区教育局与督学只读）', params: IdParams, querystring: RangeQuery, response: { 200: ClassCalendar, ...errors } } },
    (req) => classCalendar(req.ctx, req.params.id, req.query.from, req.query.to),
  );
  app.get('/api/homework/teacher/week', { schema: { tags, summary: '我的一周', querystring: z.object({ weekStart: LocalDate }), response: { 200: TeacherWeek, ...errors } } }, (req) =>
    teacherWeek(req.ctx, req.query.weekStart),
  );
  app.get('/api/homework/school/overview', { schema: { tags, summary: '教务处总览：超量班级、预估与实际用时', querystring: SchoolOverviewQuery, response: { 200: SchoolOverview, ...errors } } }, (req) =>
    schoolOverview(req.ctx, req.query.schoolId, req.query.date),
  );
  app.get(
    '/api/homework/district/weekly',
    { schema: { tags, summary: '区级看板：全区每周超量率、按时完成率、填报率（不指定范围：最近有数据的 8 周）', querystring: DistrictWeeklyQuery, response: { 200: DistrictWeekly, ...errors } } },
    (req) => districtWeekly(req.ctx, req.query),
  );
  app.get(
    '/api/homework/district/schools',
    { schema: { tags, summary: '区级看板：各校（分页、排序、按学区筛选）及其每周数据', querystring: DistrictSchoolsQuery, response: { 200: DistrictSchoolsPage, ...errors } } },
    (req) => districtSchools(req.ctx, req.query),
  );
  app.get(
    '/api/homework/district/classes',
    { schema: { tags, summary: '区级看板下钻：某校各班', querystring: SchoolClassesQuery, response: { 200: z.array(ClassSummary), ...errors } } },
    (req) => schoolClasses(req.ctx, req.query.schoolId, req.query.from, req.query.to),
  );
  app.get(
    '/api/homework/district/export',
    { schema: { tags, summary: '区级看板导出：区间内每所学校（按周）与每个班级', querystring: DistrictExportQuery, response: { 200: DistrictExport, ...errors } }, ...trustedResponse },
    (req) => districtExport(req.ctx, req.query.from, req.query.to),
  );
  app.get('/api/homework/home/district', { schema: { tags, summary: '首页（区教育局、督学）：本周指标与需关注的学校和班级', response: { 200: DistrictHome, ...errors } } }, (req) =>
    districtHome(req.ctx),
  );
  app.get(
    '/api/homework/home/school',
    { schema: { tags, summary: '首页（教务处）：今日各校公示进度、待审批、计划超量', querystring: z.object({ date: LocalDate.optional() }), response: { 200: SchoolHome, ...errors } } },
    (req) => schoolHome(req.ctx, req.query.date),
  );
}
