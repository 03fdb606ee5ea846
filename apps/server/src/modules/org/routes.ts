/** HTTP routes of the organisation module: thin, Zod in and out, everything else in the services. */
import {
  AccountCredential,
  AccountList,
  AccountPatch,
  AccountQuery,
  AccountRow,
  GrantHolder,
  GrantInput,
  GrantList,
  GrantQuery,
  SystemSettings,
  AssignmentInput,
  ClassInput,
  ClassQuery,
  Credential,
  ErrorBody,
  GuardianInput,
  IdParams,
  Institution,
  InstitutionInput,
  InstitutionPatch,
  Me,
  Ok,
  OrgOverview,
  PublicInstitution,
  School,
  SchoolClass,
  SchoolInput,
  SensitiveInput,
  StaffCreated,
  StaffInput,
  StaffMember,
  StaffPage,
  StaffPatch,
  StaffQuery,
  StudentDetail,
  StudentInput,
  StudentPage,
  StudentPatch,
  StudentQuery,
  Subject,
  SubjectInput,
  Zone,
  ZoneInput,
  Id,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App, ModuleDeps } from '../../platform/http';
import { describeMe } from './scopes';
import * as accounts from './accounts.service';
import * as guardianAccounts from './guardian-accounts.service';
import * as staff from './staff.service';
import * as structure from './structure.service';
import * as studentsSvc from './students.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = (t: string) => ({ tags: [t] });

export function registerOrgRoutes(app: App, { config, database }: ModuleDeps) {
  app.get(
    '/api/me',
    { schema: { ...tags('auth'), summary: '当前用户、角色与可见范围', response: { 200: Me, 401: ErrorBody } }, config: { beforePasswordChange: true, signInStages: ['enrol'] } },
    (req) => describeMe(req.ctx, req.session!, config.session.idleMinutes),
  );
  app.get('/api/org/overview', { schema: { ...tags('org'), summary: '组织概况（按可见范围计数）', response: { 200: OrgOverview, ...errors } } }, (req) =>
    structure.overview(req.ctx),
  );

  // zones
  app.get('/api/zones', { schema: { ...tags('org'), summary: '学区/街道列表', response: { 200: z.array(Zone), ...errors } } }, (req) =>
    structure.listZones(req.ctx),
  );
  app.post('/api/zones', { schema: { ...tags('org'), summary: '新建学区/街道', body: ZoneInput, response: { 200: Zone, ...errors } } }, (req) =>
    structure.createZone(req.ctx, req.body),
  );
  app.put('/api/zones/:id', { schema: { ...tags('org'), summary: '修改学区/街道', params: IdParams, body: ZoneInput, response: { 200: Zone, ...errors } } }, (req) =>
    structure.updateZone(req.ctx, req.params.id, req.body),
  );

  // schools
  app.get(
    '/api/schools',
    { schema: { ...tags('org'), summary: '学校列表', querystring: z.object({ zoneId: Id.optional() }), response: { 200: z.array(School), ...errors } } },
    (req) => structure.listSchools(req.ctx, req.query.zoneId),
  );
  app.get('/api/schools/:id', { schema: { ...tags('org'), summary: '学校详情', params: IdParams, response: { 200: School, ...errors } } }, (req) =>
    structure.getSchool(req.ctx, req.params.id),
  );
  app.post('/api/schools', { schema: { ...tags('org'), summary: '新建学校', body: SchoolInput, response: { 200: School, ...errors } } }, (req) =>
    structure.createSchool(req.ctx, req.body),
  );
  app.put('/api/schools/:id', { schema: { ...tags('org'), summary: '修改学校', params: IdParams, body: SchoolInput, response: { 200: School, ...errors } } }, (req) =>
    structure.updateSchool(req.ctx, req.params.id, req.body),
  );

  // classes
  app.get('/api/classes', { schema: { ...tags('org'), summary: '班级列表', querystring: ClassQuery, response: { 200: z.array(SchoolClass), ...errors } } }, (req) =>
    structure.listClasses(req.ctx, req.query),
  );
  app.get('/api/classes/:id', { schema: { ...tags('org'), summary: '班级详情', params: IdParams, response: { 200: SchoolClass, ...errors } } }, (req) =>
    structure.getClass(req.ctx, req.params.id),
  );
  app.post('/api/classes', { schema: { ...tags('org'), summary: '新建班级', body: ClassInput, response: { 200: SchoolClass, ...errors } } }, (req) =>
    structure.createClass(req.ctx, req.body),
  );
  app.put(
    '/api/classes/:id',
    { schema: { ...tags('org'), summary: '修改班级', params: IdParams, body: ClassInput.omit({ schoolId: true }), response: { 200: SchoolClass, ...errors } } },
    (req) => structure.updateClass(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/classes/:id', { schema: { ...tags('org'), summary: '删除空班级', params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await structure.deleteClass(req.ctx, req.params.id);
    return { ok: true as const };
  });

  // students
  app.get('/api/students', { schema: { ...tags('org'), summary: '学生列表', querystring: StudentQuery, response: { 200: StudentPage, ...errors } } }, (req) =>
    studentsSvc.listStudents(req.ctx, req.query),
  );
  app.get('/api/students/:id', { schema: { ...tags('org'), summary: '学生详情（含监护人）', params: IdParams, response: { 200: StudentDetail, ...errors } } }, (req) =>
    studentsSvc.getStudent(req.ctx, req.params.id),
  );
  app.post('/api/students', { schema: { ...tags('org'), summary: '新增学生', body: StudentInput, response: { 200: StudentDetail, ...errors } } }, (req) =>
    studentsSvc.createStudent(req.ctx, req.body),
  );
  app.patch(
    '/api/students/:id',
    { schema: { ...tags('org'), summary: '修改学生（含调班）', params: IdParams, body: StudentPatch, response: { 200: StudentDetail, ...errors } } },
    (req) => studentsSvc.updateStudent(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/students/:id/sensitive',
    { schema: { ...tags('org'), summary: '设置特殊学生标记（敏感信息）', params: IdParams, body: SensitiveInput, response: { 200: StudentDetail, ...errors } } },
    (req) => studentsSvc.setSensitive(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/students/:id/guardians',
    { schema: { ...tags('org'), summary: '关联监护人', params: IdParams, body: GuardianInput, response: { 200: StudentDetail, ...errors } } },
    (req) => studentsSvc.addGuardian(req.ctx, req.params.id, req.body),
  );
  const GuardianParams = z.object({ id: Id, guardianId: Id });
  app.delete(
    '/api/students/:id/guardians/:guardianId',
    { schema: { ...tags('org'), summary: '解除监护人关联', params: GuardianParams, response: { 200: StudentDetail, ...errors } } },
    (req) => studentsSvc.removeGuardian(req.ctx, req.params.id, req.params.guardianId),
  );
  app.post(
    '/api/students/:id/guardians/:guardianId/account',
    { schema: { ...tags('org'), summary: '为监护人开通家长账号', params: GuardianParams, response: { 200: Credential, ...errors } } },
    (req) => guardianAccounts.createGuardianAccount(req.ctx, req.params.id, req.params.guardianId),
  );

  app.post(
    '/api/students/:id/guardians/:guardianId/reset-password',
    { schema: { ...tags('org'), summary: '重置家长账号密码（并解除锁定）', params: GuardianParams, response: { 200: Credential, ...errors } } },
    (req) => guardianAccounts.resetGuardianPassword(req.ctx, req.params.id, req.params.guardianId),
  );

  // subjects
  app.get('/api/subjects', { schema: { ...tags('org'), summary: '学科列表', response: { 200: z.array(Subject), ...errors } } }, (req) =>
    structure.listSubjects(req.ctx),
  );
  app.post('/api/subjects', { schema: { ...tags('org'), summary: '新建学科', body: SubjectInput, response: { 200: Subject, ...errors } } }, (req) =>
    structure.createSubject(req.ctx, req.body),
  );
  app.put('/api/subjects/:id', { schema: { ...tags('org'), summary: '修改学科', params: IdParams, body: SubjectInput, response: { 200: Subject, ...errors } } }, (req) =>
    structure.updateSubject(req.ctx, req.params.id, req.body),
  );

  // 三员分立: the system administrator's accounts and settings, the security administrator's grants
  app.get('/api/system/accounts', { schema: { ...tags('system'), summary: '全部账号（系统管理员）', querystring: AccountQuery, response: { 200: AccountList, ...errors } } }, (req) =>
    accounts.listAccounts(req.ctx, req.query),
  );
  app.patch(
    '/api/system/accounts/:id',
    { schema: { ...tags('system'), summary: '停用或启用账号（系统管理员）', params: IdParams, body: AccountPatch, response: { 200: AccountRow, ...errors } } },
    (req) => accounts.updateAccount(req.ctx, req.params.id, req.body),
  );
  app.post('/api/system/accounts/:id/unlock', { schema: { ...tags('system'), summary: '解除锁定（系统管理员）', params: IdParams, response: { 200: AccountRow, ...errors } } }, (req) =>
    accounts.unlockAccount(req.ctx, req.params.id),
  );
  app.post(
    '/api/system/accounts/:id/reset-password',
    { schema: { ...tags('system'), summary: '重置密码（系统管理员；首次登录须修改）', params: IdParams, response: { 200: AccountCredential, ...errors } } },
    (req) => accounts.resetAccountPassword(req.ctx, req.params.id),
  );
  app.post(
    '/api/system/accounts/:id/second-factor/reset',
    { schema: { ...tags('system'), summary: '重置二次验证（系统管理员；须再次验证）', params: IdParams, response: { 200: AccountRow, ...errors } } },
    (req) => accounts.resetAccountSecondFactor(req.ctx, req.params.id),
  );
  app.get('/api/system/settings', { schema: { ...tags('system'), summary: '运行设置与安全策略（系统管理员、安全管理员）', response: { 200: SystemSettings, ...errors } } }, (req) =>
    accounts.systemSettings(req.ctx, config, database.kind),
  );
  app.get('/api/security/grants', { schema: { ...tags('system'), summary: '区级角色授权（安全管理员）', querystring: GrantQuery, response: { 200: GrantList, ...errors } } }, (req) =>
    accounts.listGrants(req.ctx, req.query),
  );
  app.post('/api/security/grants', { schema: { ...tags('system'), summary: '授予区级角色（安全管理员；须再次验证）', body: GrantInput, response: { 200: GrantHolder, ...errors } } }, (req) =>
    accounts.grantRole(req.ctx, req.body),
  );
  app.delete(
    '/api/security/grants/:id',
    { schema: { ...tags('system'), summary: '撤销区级角色（安全管理员；须再次验证）', params: IdParams, response: { 200: GrantHolder, ...errors } } },
    (req) => accounts.revokeRole(req.ctx, req.params.id),
  );

  // staff
  app.get('/api/staff', { schema: { ...tags('staff'), summary: '教职工与账号', querystring: StaffQuery, response: { 200: StaffPage, ...errors } } }, (req) =>
    staff.listStaff(req.ctx, req.query),
  );
  app.get('/api/staff/:id', { schema: { ...tags('staff'), summary: '教职工详情', params: IdParams, response: { 200: StaffMember, ...errors } } }, (req) =>
    staff.getStaff(req.ctx, req.params.id),
  );
  app.post('/api/staff', { schema: { ...tags('staff'), summary: '新建教职工账号', body: StaffInput, response: { 200: StaffCreated, ...errors } } }, (req) =>
    staff.createStaff(req.ctx, req.body),
  );
  app.patch(
    '/api/staff/:id',
    { schema: { ...tags('staff'), summary: '修改教职工账号（姓名、手机、停用）', params: IdParams, body: StaffPatch, response: { 200: StaffMember, ...errors } } },
    (req) => staff.updateStaff(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/staff/:id/assignments',
    { schema: { ...tags('staff'), summary: '分配岗位', params: IdParams, body: AssignmentInput, response: { 200: StaffMember, ...errors } } },
    (req) => staff.addAssignment(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/staff/:id/assignments/:assignmentId',
    { schema: { ...tags('staff'), summary: '撤销岗位', params: z.object({ id: Id, assignmentId: Id }), response: { 200: StaffMember, ...errors } } },
    (req) => staff.removeAssignment(req.ctx, req.params.id, req.params.assignmentId),
  );
  app.post(
    '/api/staff/:id/reset-password',
    { schema: { ...tags('staff'), summary: '重置密码（首次登录须修改）', params: IdParams, response: { 200: Credential, ...errors } } },
    (req) => staff.resetPassword(req.ctx, req.params.id),
  );
  app.post(
    '/api/staff/:id/second-factor/reset',
    { schema: { ...tags('staff'), summary: '重置二次验证（须再次验证）', params: IdParams, response: { 200: StaffMember, ...errors } } },
    (req) => staff.resetStaffSecondFactor(req.ctx, req.params.id),
  );
  app.post('/api/staff/:id/unlock', { schema: { ...tags('staff'), summary: '解除锁定', params: IdParams, response: { 200: StaffMember, ...errors } } }, (req) =>
    staff.unlockAccount(req.ctx, req.params.id),
  );

  // institutions (registry)
  app.get('/api/institutions', { schema: { ...tags('institutions'), summary: '培训机构列表', response: { 200: z.array(Institution), ...errors } } }, (req) =>
    structure.listInstitutions(req.ctx),
  );
  app.get('/api/institutions/:id', { schema: { ...tags('institutions'), summary: '培训机构详情', params: IdParams, response: { 200: Institution, ...errors } } }, (req) =>
    structure.getInstitution(req.ctx, req.params.id),
  );
  app.post('/api/institutions', { schema: { ...tags('institutions'), summary: '登记培训机构', body: InstitutionInput, response: { 200: Institution, ...errors } } }, (req) =>
    structure.createInstitution(req.ctx, req.body),
  );
  app.patch(
    '/api/institutions/:id',
    { schema: { ...tags('institutions'), summary: '修改培训机构（含黑白名单）', params: IdParams, body: InstitutionPatch, response: { 200: Institution, ...errors } } },
    (req) => structure.updateInstitution(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/public/districts',
    { schema: { ...tags('public'), summary: '区县列表（公开）', response: { 200: z.array(z.object({ code: z.string(), name: z.string() })) }, security: [] }, config: { public: true } },
    () => structure.publicDistricts(database.db),
  );
  app.get(
    '/api/public/districts/:code/institutions',
    {
      schema: {
        ...tags('public'),
        summary: '公开的培训机构白名单与黑名单',
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        response: { 200: z.array(PublicInstitution), 404: ErrorBody },
        security: [],
      },
      config: { public: true },
    },
    (req) => structure.publicInstitutions(database.db, req.params.code),
  );
}
