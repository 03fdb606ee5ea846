/** HTTP routes of the 五项管理 module's phones area: the family's rule page and requests, the class register, the school's rule page. */
import {
  ErrorBody,
  IdParams,
  PhoneDecisionInput,
  PhoneFamily,
  PhoneHotline,
  PhoneHotlineInput,
  PhoneMarksInput,
  PhoneRegister,
  PhoneRegisterQuery,
  PhoneRequest,
  PhoneRequestInput,
  PhoneRevokeInput,
  PhoneRuleCited,
  SleepStudentParams,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import { classRegister, decideRequest, markRegister, revokeRequest, setHotline } from './phones-class.service';
import { familyPhones, fileRequest, withdrawRequest } from './phones-family.service';
import { schoolPhoneRule } from './phones-rule.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['five-managements'];
const SchoolRule = z.object({ schoolId: z.uuid(), schoolName: z.string(), rule: PhoneRuleCited, hotlines: z.array(PhoneHotline) });

export function registerPhonesRoutes(app: App): void {
  app.get(
    '/api/five-managements/phones/family/:studentId',
    { schema: { tags, summary: '家长：学校手机管理规定、班主任沟通热线与孩子的申请', params: SleepStudentParams, response: { 200: PhoneFamily, ...errors } } },
    (req) => familyPhones(req.ctx, req.params.studentId),
  );
  app.post(
    '/api/five-managements/phones/requests',
    { schema: { tags, summary: '家长：书面申请带手机入校', body: PhoneRequestInput, response: { 200: PhoneRequest, ...errors } } },
    (req) => fileRequest(req.ctx, req.body),
  );
  app.post(
    '/api/five-managements/phones/requests/:id/withdraw',
    { schema: { tags, summary: '家长：撤回申请', params: IdParams, response: { 200: PhoneRequest, ...errors } } },
    (req) => withdrawRequest(req.ctx, req.params.id),
  );
  app.post(
    '/api/five-managements/phones/requests/:id/decision',
    { schema: { tags, summary: '班主任：批准或退回申请', params: IdParams, body: PhoneDecisionInput, response: { 200: PhoneRequest, ...errors } } },
    (req) => decideRequest(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/five-managements/phones/requests/:id/revoke',
    { schema: { tags, summary: '班主任：撤销批准（写明原因）', params: IdParams, body: PhoneRevokeInput, response: { 200: PhoneRequest, ...errors } } },
    (req) => revokeRequest(req.ctx, req.params.id, req.body.reason),
  );
  app.get(
    '/api/five-managements/phones/classes/:id/register',
    { schema: { tags, summary: '班级手机登记：待审批申请、获准带入的手机与当天保管情况', params: IdParams, querystring: PhoneRegisterQuery, response: { 200: PhoneRegister, ...errors } } },
    (req) => classRegister(req.ctx, req.params.id, req.query.date),
  );
  app.put(
    '/api/five-managements/phones/classes/:id/marks',
    { schema: { tags, summary: '班主任：登记当天手机上交与发还（统一保管）', params: IdParams, body: PhoneMarksInput, response: { 200: PhoneRegister, ...errors } } },
    (req) => markRegister(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/five-managements/phones/classes/:id/hotline',
    { schema: { tags, summary: '班主任：设置班主任沟通热线', params: IdParams, body: PhoneHotlineInput, response: { 200: PhoneHotline, ...errors } } },
    (req) => setHotline(req.ctx, req.params.id, req.body.phone),
  );
  app.get(
    '/api/five-managements/phones/schools/:id/rule',
    { schema: { tags, summary: '学校手机管理规定与各班班主任沟通热线', params: IdParams, response: { 200: SchoolRule, ...errors } } },
    (req) => schoolPhoneRule(req.ctx, req.params.id),
  );
}
