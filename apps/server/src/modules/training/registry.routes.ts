/** HTTP routes of the training module's registry area: an institution's file, its filings, the district's review. */
import {
  ErrorBody,
  IdParams,
  RegistryCourseInput,
  RegistryCoursePatch,
  RegistryFile,
  RegistryInstitution,
  RegistryMaterialInput,
  RegistryMaterialPatch,
  RegistryPackageInput,
  RegistryPackagePatch,
  RegistryProfilePatch,
  RegistryQueueItem,
  RegistryReviewInput,
  RegistryStaffInput,
  RegistryStaffPatch,
  RegistryStatusInput,
  RegistryVenueInput,
  RegistryVenuePatch,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import * as courses from './registry-courses.service';
import * as file from './registry-file.service';
import * as review from './registry-review.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['training'];
const base = '/api/training/registry';
const answer = { 200: RegistryFile, ...errors };

export function registerRegistryRoutes(app: App): void {
  app.get(`${base}/institutions`, { schema: { tags, summary: '培训机构备案列表（本人可见范围）', response: { 200: z.array(RegistryInstitution), ...errors } } }, (req) => file.listRegistry(req.ctx));
  app.get(`${base}/institutions/:id`, { schema: { tags, summary: '机构备案档案：许可、场所、人员、材料、课程、课时包、状态记录', params: IdParams, response: answer } }, (req) =>
    file.getRegistryFile(req.ctx, req.params.id),
  );
  app.patch(`${base}/institutions/:id/profile`, { schema: { tags, summary: '修改机构备案信息（草稿或被退回时）', params: IdParams, body: RegistryProfilePatch, response: answer } }, (req) =>
    file.updateProfile(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/institutions/:id/submit`, { schema: { tags, summary: '提交机构备案审核', params: IdParams, response: answer } }, (req) => file.submitProfile(req.ctx, req.params.id));
  app.post(`${base}/institutions/:id/status`, { schema: { tags, summary: '调整机构状态（正常/整改/暂停/注销，须写明原因；黑白名单随之调整）', params: IdParams, body: RegistryStatusInput, response: answer } }, (req) =>
    review.changeStatus(req.ctx, req.params.id, req.body),
  );

  app.post(`${base}/venues`, { schema: { tags, summary: '登记培训场所', body: RegistryVenueInput, response: answer } }, (req) => file.createVenue(req.ctx, req.body));
  app.patch(`${base}/venues/:id`, { schema: { tags, summary: '修改培训场所', params: IdParams, body: RegistryVenuePatch, response: answer } }, (req) => file.updateVenue(req.ctx, req.params.id, req.body));
  app.post(`${base}/staff`, { schema: { tags, summary: '登记从业人员（学科类教学人员须有教师资格证）', body: RegistryStaffInput, response: answer } }, (req) => file.createStaff(req.ctx, req.body));
  app.patch(`${base}/staff/:id`, { schema: { tags, summary: '修改从业人员', params: IdParams, body: RegistryStaffPatch, response: answer } }, (req) => file.updateStaff(req.ctx, req.params.id, req.body));
  app.post(`${base}/materials`, { schema: { tags, summary: '登记培训材料', body: RegistryMaterialInput, response: answer } }, (req) => file.createMaterial(req.ctx, req.body));
  app.patch(`${base}/materials/:id`, { schema: { tags, summary: '修改培训材料（草稿或被退回时）', params: IdParams, body: RegistryMaterialPatch, response: answer } }, (req) =>
    file.updateMaterial(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/materials/:id/submit`, { schema: { tags, summary: '提交培训材料审核', params: IdParams, response: answer } }, (req) => file.submitMaterial(req.ctx, req.params.id));

  app.post(`${base}/courses`, { schema: { tags, summary: '备案课程（按收费上限、课时时长规则检查）', body: RegistryCourseInput, response: answer } }, (req) => courses.createCourse(req.ctx, req.body));
  app.patch(`${base}/courses/:id`, { schema: { tags, summary: '修改课程（草稿或被退回时，重新检查）', params: IdParams, body: RegistryCoursePatch, response: answer } }, (req) =>
    courses.updateCourse(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/courses/:id/submit`, { schema: { tags, summary: '提交课程审核', params: IdParams, response: answer } }, (req) => courses.submitCourse(req.ctx, req.params.id));
  app.post(`${base}/packages`, { schema: { tags, summary: '备案课时包（一次收费不超过3个月、60课时）', body: RegistryPackageInput, response: answer } }, (req) => courses.createPackage(req.ctx, req.body));
  app.patch(`${base}/packages/:id`, { schema: { tags, summary: '修改课时包（草稿或被退回时）', params: IdParams, body: RegistryPackagePatch, response: answer } }, (req) =>
    courses.updatePackage(req.ctx, req.params.id, req.body),
  );
  app.post(`${base}/packages/:id/submit`, { schema: { tags, summary: '提交课时包审核', params: IdParams, response: answer } }, (req) => courses.submitPackage(req.ctx, req.params.id));

  app.get(`${base}/queue`, { schema: { tags, summary: '待审核的备案（机构、课程、课时包、材料）', response: { 200: z.array(RegistryQueueItem), ...errors } } }, (req) => review.reviewQueue(req.ctx));
  app.post(`${base}/review`, { schema: { tags, summary: '审核备案：通过或退回（退回须写明原因）', body: RegistryReviewInput, response: answer } }, (req) => review.reviewFiling(req.ctx, req.body));
}
