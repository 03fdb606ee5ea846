/** HTTP routes of 家访 and 一人一档: record and list visits, progress, special students' files, care staff. */
import {
  CarePlanInput,
  CareRecordInput,
  CareStaffInput,
  CareStaffList,
  CareStaffParams,
  ClassParams,
  ClassProgress,
  ErrorBody,
  IdParams,
  SpecialFile,
  SpecialListQuery,
  SpecialStudentList,
  SpecialStudentParams,
  TeacherProgress,
  Visit,
  VisitInput,
  VisitList,
  VisitListQuery,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import { designateCareStaff, listCareStaff, removeCareStaff } from './care-staff.service';
import { classProgress, teacherProgress } from './progress.service';
import { addCareRecord, getSpecialFile, listSpecial, saveCarePlan } from './special.service';
import { followUpDone, listVisits, recordVisit } from './visits.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['home-school'];

export function registerVisitRoutes(app: App): void {
  app.post('/api/home-school/visits', { schema: { tags, summary: '教师：记录一次家访（入户/电话/视频/来校）', body: VisitInput, response: { 200: Visit, ...errors } } }, (req) => recordVisit(req.ctx, req.body));
  app.get('/api/home-school/visits', { schema: { tags, summary: '家访记录（本人的；班主任、学校可见本班/本校）', querystring: VisitListQuery, response: { 200: VisitList, ...errors } } }, (req) => listVisits(req.ctx, req.query));
  app.post('/api/home-school/visits/:id/follow-up-done', { schema: { tags, summary: '教师：家访跟进事项已完成', params: IdParams, response: { 200: Visit, ...errors } } }, (req) => followUpDone(req.ctx, req.params.id));
  app.get('/api/home-school/progress/me', { schema: { tags, summary: '教师：本周家访与本学期待家访学生', response: { 200: TeacherProgress, ...errors } } }, (req) => teacherProgress(req.ctx));
  app.get('/api/home-school/progress/classes/:classId', { schema: { tags, summary: '一个班的家访进度（班主任与各任课教师）', params: ClassParams, response: { 200: ClassProgress, ...errors } } }, (req) => classProgress(req.ctx, req.params.classId));
  app.get('/api/home-school/special', { schema: { tags, summary: '特殊学生名册（仅班主任、关爱专干、学校管理员、区教育局）', querystring: SpecialListQuery, response: { 200: SpecialStudentList, ...errors } } }, (req) => listSpecial(req.ctx, req.query));
  app.get('/api/home-school/special/:studentId', { schema: { tags, summary: '一人一档：特殊学生档案（每次查看记入审计日志）', params: SpecialStudentParams, response: { 200: SpecialFile, ...errors } } }, (req) => getSpecialFile(req.ctx, req.params.studentId));
  app.put('/api/home-school/special/:studentId/plan', { schema: { tags, summary: '建档/修改关爱计划与代理家长', params: SpecialStudentParams, body: CarePlanInput, response: { 200: SpecialFile, ...errors } } }, (req) => saveCarePlan(req.ctx, req.params.studentId, req.body));
  app.post('/api/home-school/special/:studentId/records', { schema: { tags, summary: '记录一次关爱（谈心、心理辅导、家访、学业帮扶、资助、亲情电话）', params: SpecialStudentParams, body: CareRecordInput, response: { 200: SpecialFile, ...errors } } }, (req) => addCareRecord(req.ctx, req.params.studentId, req.body));
  app.get('/api/home-school/care-staff', { schema: { tags, summary: '学校管理员：本校关爱专干', response: { 200: CareStaffList, ...errors } } }, (req) => listCareStaff(req.ctx));
  app.post('/api/home-school/care-staff', { schema: { tags, summary: '学校管理员：指定关爱专干', body: CareStaffInput, response: { 200: CareStaffList, ...errors } } }, (req) => designateCareStaff(req.ctx, req.body));
  app.delete('/api/home-school/care-staff/:schoolId/:userId', { schema: { tags, summary: '学校管理员：取消关爱专干', params: CareStaffParams, response: { 200: CareStaffList, ...errors } } }, (req) => removeCareStaff(req.ctx, req.params));
}
