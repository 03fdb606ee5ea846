/** One role assignment in a form: the role decides which of school, grade, class, subject, zone or institution it needs. */
import { type AssignmentInput, gradeNames, type Me, type Role, roleLabels, ROLES, SEPARATED_ROLES } from '@shuangjian/contracts';
import { Flex, Form, type FormInstance, Select } from 'antd';
import type { ReactNode } from 'react';
import { hasRole } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { type StaffRow, useClasses, useInstitutions, useSchools, useSubjects, useZones } from './queries';

type Needs = { school?: boolean; grade?: boolean; class?: boolean; subject?: boolean; zone?: boolean; institution?: boolean };

export const roleNeeds: Record<Exclude<Role, 'parent'>, Needs> = {
  district_admin: {},
  auditor: {},
  inspector: { zone: true },
  school_admin: { school: true },
  grade_leader: { school: true, grade: true },
  subject_leader: { school: true, subject: true },
  class_teacher: { school: true, class: true },
  teacher: { school: true, class: true, subject: true },
  institution_admin: { institution: true },
  system_admin: {},
  security_admin: {},
};

const SCHOOL_ROLES: Role[] = ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'];

/** The roles this person may hand out: the district office all of them, a school administrator the school-level ones. */
export function assignableRoles(me: Me | null | undefined): Exclude<Role, 'parent'>[] {
  // 三员 roles (system, security, auditor) are granted by the security administrator on its own page
  if (hasRole(me, 'district_admin')) return ROLES.filter((r): r is Exclude<Role, 'parent'> => r !== 'parent' && !SEPARATED_ROLES.includes(r));
  if (hasRole(me, 'school_admin')) return SCHOOL_ROLES as Exclude<Role, 'parent'>[];
  return [];
}

export type AssignmentValues = Partial<AssignmentInput>;

/** Keeps only the keys the role uses (a form may still hold a school chosen for a role picked earlier). */
export function cleanAssignment(a: AssignmentValues): AssignmentInput {
  const role = a.role as AssignmentInput['role'];
  const needs = roleNeeds[role];
  return {
    role,
    schoolId: needs.school ? a.schoolId : undefined,
    grade: needs.grade ? a.grade : undefined,
    classId: needs.class ? a.classId : undefined,
    subjectId: needs.subject ? a.subjectId : undefined,
    zoneId: needs.zone ? (a.zoneId ?? null) : undefined,
    institutionId: needs.institution ? a.institutionId : undefined,
  };
}

const roleColor: Partial<Record<Role, string>> = {
  district_admin: 'red',
  inspector: 'volcano',
  school_admin: 'blue',
  grade_leader: 'cyan',
  subject_leader: 'geekblue',
  class_teacher: 'green',
  teacher: 'default',
  institution_admin: 'purple',
  auditor: 'magenta',
};

/** "班主任 · 三年级(2)班", "任课教师 · 数学 · 三年级(1)班", "学校管理员（教务处） · 示范区实验小学". */
export function assignmentLabel(a: StaffRow['assignments'][number], locale: 'zh-CN' | 'en'): string {
  const where = a.className ?? (a.grade ? gradeNames[a.grade] : null) ?? a.schoolName ?? a.zoneName ?? a.institutionName;
  return [roleLabels[a.role][locale], a.subjectName, where].filter(Boolean).join(' · ');
}

export function assignmentColor(role: Role): string {
  return roleColor[role] ?? 'default';
}

/** `name` is the prefix inside the form (relative inside a Form.List), `path` the absolute one for watching. */
export function AssignmentFields({ form, name, path, roles, extra }: { form: FormInstance; name: (string | number)[]; path: (string | number)[]; roles: Exclude<Role, 'parent'>[]; extra?: ReactNode }) {
  const { t, locale } = useI18n();
  const role = Form.useWatch([...path, 'role'], form) as Exclude<Role, 'parent'> | undefined;
  const schoolId = Form.useWatch([...path, 'schoolId'], form) as string | undefined;
  const needs = role ? roleNeeds[role] : {};
  const schools = useSchools(!!needs.school);
  const classes = useClasses(needs.class ? schoolId : undefined);
  const subjects = useSubjects(!!needs.subject);
  const zones = useZones(!!needs.zone);
  const institutions = useInstitutions(!!needs.institution);
  const school = schools.data?.find((s) => s.id === schoolId);
  const item = { style: { marginBottom: 8, flex: '1 1 150px', minWidth: 140 } };
  const required = (label: string) => [{ required: true, message: t('org.assignment.required', { field: label }) }];

  return (
    <Flex wrap gap={8} align="flex-start">
      <Form.Item name={[...name, 'role']} rules={required(t('org.assignment.role'))} {...item}>
        <Select placeholder={t('org.assignment.role')} options={roles.map((r) => ({ value: r, label: roleLabels[r][locale] }))} data-testid="assignment-role" />
      </Form.Item>
      {needs.school && (
        <Form.Item name={[...name, 'schoolId']} rules={required(t('org.school.name'))} {...item}>
          <Select
            placeholder={t('org.school.name')}
            options={schools.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue([...path, 'classId'], undefined)}
          />
        </Form.Item>
      )}
      {needs.grade && (
        <Form.Item name={[...name, 'grade']} rules={required(t('org.class.grade'))} {...item}>
          <Select placeholder={t('org.class.grade')} options={school?.grades.map((g) => ({ value: g, label: gradeNames[g] }))} />
        </Form.Item>
      )}
      {needs.class && (
        <Form.Item name={[...name, 'classId']} rules={required(t('org.student.class'))} {...item}>
          <Select
            placeholder={t('org.student.class')}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!schoolId}
            loading={classes.isLoading}
            options={classes.data?.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="assignment-class"
          />
        </Form.Item>
      )}
      {needs.subject && (
        <Form.Item name={[...name, 'subjectId']} rules={required(t('org.subject.name'))} {...item}>
          <Select placeholder={t('org.subject.name')} options={subjects.data?.map((s) => ({ value: s.id, label: s.name }))} data-testid="assignment-subject" />
        </Form.Item>
      )}
      {needs.zone && (
        <Form.Item name={[...name, 'zoneId']} {...item}>
          <Select allowClear placeholder={t('org.assignment.zoneOptional')} options={zones.data?.map((z) => ({ value: z.id, label: z.name }))} />
        </Form.Item>
      )}
      {needs.institution && (
        <Form.Item name={[...name, 'institutionId']} rules={required(t('org.institution.name'))} {...item}>
          <Select placeholder={t('org.institution.name')} showSearch={{ optionFilterProp: 'label' }} options={institutions.data?.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
      )}
      {extra}
    </Flex>
  );
}
