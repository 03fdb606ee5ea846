/**
 * The organisation module's face: the only file other modules import. District → zones → schools → grades → classes
 * → students and guardians; staff and their roles; training institutions; who reaches what (grants).
 */
import type { AppModule } from '../../platform/module';
import { registerRosterRoutes } from './roster.routes';
import { registerOrgRoutes } from './routes';
import { orgSealed } from './sealed';

export const orgModule: AppModule = {
  name: 'org',
  constraintMessages: {
    zones_name_uq: '同名学区/街道已存在',
    schools_code_uq: '学校代码已存在',
    schools_name_uq: '同名学校已存在',
    classes_name_uq: '该年级已有同名班级',
    subjects_code_uq: '学科代码已存在',
    institutions_license_uq: '办学许可证号已登记',
    students_no_uq: '学号已存在',
    students_id_number_uq: '身份证号已登记为本区另一名学生',
    guardians_phone_uq: '该手机号已登记为其他监护人',
    users_username_uq: '用户名已被使用',
    users_phone_uq: '手机号已被其他账号使用',
    role_assignments_uq: '该岗位已分配给此人',
  },
  sealed: orgSealed,
  routes(app, deps) {
    registerOrgRoutes(app, deps);
    registerRosterRoutes(app);
  },
};

/** Read models other modules join (views; see schema.ts). */
export { classDirectory, institutionDirectory, schoolDirectory, studentDirectory, subjectDirectory } from './schema';
export { classHeadcounts, type ClassRef, classKeys, guardiansOfStudents, roleHolders, schoolHeadcounts, type StudentGuardian, visibleClass, visibleClasses } from './directory';
export { type Audience, audienceMembers } from './audience';
export { resolveGrants } from './scopes';
export { benefitFlags, type BenefitFlags, type SpecialFlags, specialCounts, specialStudents, type SpecialStudentRef } from './sensitive-flags';
export { orgPupilData, ownChild } from './pupil-data';
export { NO_SENSITIVE, openSensitive, sealSensitive, type SensitiveRecord } from './sealed';
export { getInstitution, getSchool, listInstitutions, manageableSchool } from './structure.service';
export { institutionStanding, type InstitutionListStatus, type InstitutionStanding, type InstitutionStatus, setInstitutionStanding, standingAfter } from './standing';
