/**
 * The course catalogue of a school's semester: homework help (作业辅导) and clubs, run by the school's own teachers,
 * parent volunteers (家长助教) or a provider on the district's white list at its listed per-lesson price.
 */
import type { Course, CourseInput, CoursePatch } from '@shuangjian/contracts';
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { eachAtOnce, type Queryable } from '../../platform/db';
import { conflict, found, invalid } from '../../platform/errors';
import { roleHolders } from '../org';
import { catalogue, hhmm, staffNames, visibleSchool } from './plan.repo';
import { afterSchoolCourses, afterSchoolProviders } from './schema';
import { semesterById } from '../calendar';

type Input = z.output<typeof CourseInput>;
type Patch = z.output<typeof CoursePatch>;
type Fields = Omit<Input, 'schoolId' | 'semesterId'>;

/** Roles whose holders at a school may run or accompany a course. */
const STAFF_ROLES = ['teacher', 'class_teacher', 'subject_leader', 'grade_leader', 'school_admin'] as const;

export async function schoolStaff(q: Queryable, districtId: string, schoolId: string): Promise<{ id: string; name: string }[]> {
  const ids = [...new Set((await eachAtOnce(q, STAFF_ROLES, (r) => roleHolders(q, districtId, r, { schoolId }))).flat())];
  const names = await staffNames(q, districtId, ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function courseTeachers(ctx: Ctx, schoolId: string) {
  requirePermission(ctx, 'after-school.read');
  const school = await visibleSchool(ctx, schoolId);
  return schoolStaff(ctx.db, school.districtId, school.id);
}

export async function listCourses(ctx: Ctx, query: { schoolId: string; semesterId: string }): Promise<Course[]> {
  requirePermission(ctx, 'after-school.read');
  const school = await visibleSchool(ctx, query.schoolId);
  const semester = await semesterById(ctx.db, school.districtId, query.semesterId);
  return catalogue(ctx.db, school.districtId, school.id, semester.id);
}

/** Staffing rules: who runs it, and for a provider the white list's item in force today and its listed price. */
async function checkedFields(ctx: Ctx, q: Queryable, districtId: string, schoolId: string, f: Fields) {
  if (f.startTime >= f.endTime) throw invalid('endTime', '结束时间', '应晚于开始时间');
  let pricePerLessonFen = 0;
  if (f.staffing === 'provider') {
    if (!f.providerId) throw invalid('providerId', '服务机构', '由机构开设的课程应选择白名单中的机构项目');
    if (f.category === 'homework') throw invalid('category', '课程类别', '作业辅导由本校教师承担，不能由校外机构开设');
    const date = today(ctx);
    const [provider] = await q
      .select()
      .from(afterSchoolProviders)
      .where(
        and(
          scoped(ctx, afterSchoolProviders, 'after-school.read'),
          eq(afterSchoolProviders.id, f.providerId),
          eq(afterSchoolProviders.status, 'listed'),
          lte(afterSchoolProviders.listedFrom, date),
          or(isNull(afterSchoolProviders.listedUntil), gte(afterSchoolProviders.listedUntil, date)),
        ),
      );
    if (!provider) throw invalid('providerId', '服务机构', '该机构项目不在区县课后服务白名单内（或已移出）');
    pricePerLessonFen = provider.pricePerLessonFen;
  } else if (f.providerId) throw invalid('providerId', '服务机构', '只有由机构开设的课程才选择机构');
  if (f.staffing === 'teacher' && f.teacherIds.length === 0) throw invalid('teacherIds', '授课教师', '由本校教师开设的课程至少选择一位教师');
  if (f.staffing === 'volunteer' && f.volunteers.length === 0) throw invalid('volunteers', '家长助教/志愿者', '至少填写一位');
  if (f.teacherIds.length) {
    const staff = new Set((await schoolStaff(q, districtId, schoolId)).map((s) => s.id));
    if (f.teacherIds.some((id) => !staff.has(id))) throw invalid('teacherIds', '授课教师', '应为本校教职工');
  }
  return {
    name: f.name,
    category: f.category,
    description: f.description,
    grades: [...f.grades].sort((a, b) => a - b),
    capacity: f.capacity,
    weekdays: [...f.weekdays].sort((a, b) => a - b),
    startTime: f.startTime,
    endTime: f.endTime,
    room: f.room,
    staffing: f.staffing,
    teacherIds: [...new Set(f.teacherIds)],
    volunteers: f.volunteers,
    providerId: f.staffing === 'provider' ? f.providerId : null,
    pricePerLessonFen,
  };
}

async function courseById(q: Queryable, districtId: string, schoolId: string, semesterId: string, id: string) {
  return (await catalogue(q, districtId, schoolId, semesterId)).find((c) => c.id === id)!;
}

export async function createCourse(ctx: Ctx, input: Input): Promise<Course> {
  const school = await visibleSchool(ctx, input.schoolId);
  requireAllowed(ctx, 'after-school.plan', { districtId: school.districtId, school: school.id });
  const semester = await semesterById(ctx.db, school.districtId, input.semesterId);
  const id = await ctx.db.transaction(async (tx) => {
    const values = await checkedFields(ctx, tx, school.districtId, school.id, input);
    const [row] = await tx
      .insert(afterSchoolCourses)
      .values({ districtId: school.districtId, schoolId: school.id, semesterId: semester.id, ...values })
      .returning({ id: afterSchoolCourses.id });
    await audit(tx, ctx.actor, { action: 'after-school.course.create', entity: 'after_school_course', entityId: row!.id, after: { school: school.name, semester: semester.name, ...values } });
    return row!.id;
  });
  return courseById(ctx.db, school.districtId, school.id, semester.id, id);
}

/** Edits a course; its capacity can never go below the children already seated. */
export async function updateCourse(ctx: Ctx, id: string, patch: Patch): Promise<Course> {
  const ref = await ctx.db.transaction(async (tx) => {
    const row = found(
      await tx
        .select()
        .from(afterSchoolCourses)
        .where(and(scoped(ctx, afterSchoolCourses, 'after-school.read'), eq(afterSchoolCourses.id, id)))
        .for('update'),
      '课程',
    );
    requireAllowed(ctx, 'after-school.plan', { districtId: row.districtId, school: row.schoolId });
    const merged: Fields = {
      name: patch.name ?? row.name,
      category: patch.category ?? row.category,
      description: patch.description !== undefined ? patch.description || null : row.description,
      grades: patch.grades ?? row.grades,
      capacity: patch.capacity ?? row.capacity,
      weekdays: patch.weekdays ?? row.weekdays,
      startTime: patch.startTime ?? hhmm(row.startTime),
      endTime: patch.endTime ?? hhmm(row.endTime),
      room: patch.room !== undefined ? patch.room || null : row.room,
      staffing: patch.staffing ?? row.staffing,
      teacherIds: patch.teacherIds ?? row.teacherIds,
      volunteers: patch.volunteers ?? row.volunteers,
      providerId: patch.providerId !== undefined ? patch.providerId : row.providerId,
    };
    if (merged.capacity < row.enrolled) throw invalid('capacity', '人数上限', `已有 ${row.enrolled} 名学生选课，上限不能低于该人数`);
    // a provider course keeps the price it was filed at unless its provider changes
    const values = await checkedFields(ctx, tx, row.districtId, row.schoolId, merged);
    if (row.staffing === 'provider' && values.providerId === row.providerId) values.pricePerLessonFen = row.pricePerLessonFen;
    const status = patch.status ?? row.status;
    if (status === 'closed' && row.enrolled > 0 && row.status === 'open') throw conflict(`已有 ${row.enrolled} 名学生选课，不能停开`);
    await tx
      .update(afterSchoolCourses)
      .set({ ...values, status, updatedAt: ctx.now() })
      .where(and(eq(afterSchoolCourses.districtId, row.districtId), eq(afterSchoolCourses.id, row.id)));
    await audit(tx, ctx.actor, { action: 'after-school.course.edit', entity: 'after_school_course', entityId: row.id, before: row, after: { ...values, status } });
    return row;
  });
  return courseById(ctx.db, ref.districtId, ref.schoolId, ref.semesterId, id);
}
