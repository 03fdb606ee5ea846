/** HTTP routes of the plan area's catalogue: a school's courses and the district's provider white list (白名单). */
import { Course, CourseInput, CoursePatch, CourseQuery, CourseTeacher, ErrorBody, IdParams, Provider, ProviderInput, ProviderPatch, SchoolQuery } from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import * as courses from './course.service';
import * as providers from './provider.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['after-school'];

export function registerCatalogueRoutes(app: App): void {
  app.get('/api/after-school/courses', { schema: { tags, summary: '学校本学期课程目录', querystring: CourseQuery, response: { 200: z.array(Course), ...errors } } }, (req) =>
    courses.listCourses(req.ctx, req.query),
  );
  app.get('/api/after-school/courses/teachers', { schema: { tags, summary: '可授课的本校教职工', querystring: SchoolQuery, response: { 200: z.array(CourseTeacher), ...errors } } }, (req) =>
    courses.courseTeachers(req.ctx, req.query.schoolId),
  );
  app.post('/api/after-school/courses', { schema: { tags, summary: '新增课程（机构课程仅限白名单，按白名单价格）', body: CourseInput, response: { 200: Course, ...errors } } }, (req) =>
    courses.createCourse(req.ctx, req.body),
  );
  app.patch('/api/after-school/courses/:id', { schema: { tags, summary: '修改课程（人数上限不低于已选人数）', params: IdParams, body: CoursePatch, response: { 200: Course, ...errors } } }, (req) =>
    courses.updateCourse(req.ctx, req.params.id, req.body),
  );
  app.get('/api/after-school/providers', { schema: { tags, summary: '区县课后服务机构白名单', querystring: z.object({ status: z.enum(['listed', 'delisted']).optional() }), response: { 200: z.array(Provider), ...errors } } }, (req) =>
    providers.listProviders(req.ctx, req.query),
  );
  app.post('/api/after-school/providers', { schema: { tags, summary: '列入白名单（机构项目与每课时价格）', body: ProviderInput, response: { 200: Provider, ...errors } } }, (req) =>
    providers.createProvider(req.ctx, req.body),
  );
  app.patch('/api/after-school/providers/:id', { schema: { tags, summary: '修改白名单项目：价格、有效期、移出或重新列入', params: IdParams, body: ProviderPatch, response: { 200: Provider, ...errors } } }, (req) =>
    providers.updateProvider(req.ctx, req.params.id, req.body),
  );
}
