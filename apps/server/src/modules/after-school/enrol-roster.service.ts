/**
 * Rosters per course (花名册): who holds a seat, who waits and in what order, who requested before a draw; and the
 * roster as a workbook. The school's staff see every course of their school; a teacher sees the courses they run.
 */
import type { Roster } from '@shuangjian/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { buildWorkbook } from '../../platform/excel';
import { forbidden, notFound } from '../../platform/errors';
import { studentDirectory } from '../org';
import { afterSchoolCourses, afterSchoolEnrolments } from './schema';

const READ = 'after-school.read' as const;

/** The course if the reader may see its roster: school-wide staff, or one of the course's own teachers. */
async function rosterCourse(ctx: Ctx, id: string) {
  const [course] = await ctx.db.select().from(afterSchoolCourses).where(and(scoped(ctx, afterSchoolCourses, READ), eq(afterSchoolCourses.id, id)));
  if (!course) throw notFound('课程');
  // a course mixes classes: a grant narrowed to classes (a teacher's) reaches only the courses the teacher runs
  const schoolWide = coveringGrants(ctx, READ, { districtId: ctx.user.districtId, school: course.schoolId }).some((g) => g.class === '*');
  if (!schoolWide && !course.teacherIds.includes(ctx.user.id)) throw forbidden('只能查看自己任教课程的名单');
  return course;
}

export async function courseRoster(ctx: Ctx, id: string): Promise<Roster> {
  requirePermission(ctx, READ);
  const course = await rosterCourse(ctx, id);
  const rows = await ctx.db
    .select({
      enrolmentId: afterSchoolEnrolments.id,
      studentId: afterSchoolEnrolments.studentId,
      studentName: studentDirectory.name,
      studentNo: studentDirectory.studentNo,
      className: studentDirectory.className,
      status: afterSchoolEnrolments.status,
      chosenAt: afterSchoolEnrolments.chosenAt,
    })
    .from(afterSchoolEnrolments)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, afterSchoolEnrolments.districtId), eq(studentDirectory.id, afterSchoolEnrolments.studentId)))
    .where(
      and(
        eq(afterSchoolEnrolments.districtId, ctx.user.districtId),
        eq(afterSchoolEnrolments.courseId, course.id),
        sql`${afterSchoolEnrolments.status} in ('enrolled', 'waitlisted', 'requested')`,
      ),
    )
    .orderBy(asc(afterSchoolEnrolments.position));
  const entry = (r: (typeof rows)[number], waitPosition: number | null) => ({ ...r, chosenAt: r.chosenAt.toISOString(), waitPosition });
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const counts = { enrolled: course.enrolled, waiting: waiting.length, requested: rows.filter((r) => r.status === 'requested').length };
  return {
    course: {
      id: course.id,
      name: course.name,
      category: course.category,
      grades: course.grades,
      weekdays: course.weekdays,
      startTime: course.startTime.slice(0, 5),
      endTime: course.endTime.slice(0, 5),
      capacity: course.capacity,
      ...counts,
    },
    enrolled: rows
      .filter((r) => r.status === 'enrolled')
      .sort((a, b) => a.className.localeCompare(b.className, 'zh-CN') || a.studentNo.localeCompare(b.studentNo))
      .map((r) => entry(r, null)),
    waitlisted: waiting.map((r, i) => entry(r, i + 1)),
    requested: rows.filter((r) => r.status === 'requested').map((r) => entry(r, null)),
  };
}

const STATUS_LABEL = { enrolled: '已选上', waitlisted: '候补', requested: '已报名待摇号', withdrawn: '已退出', lost: '未中签' } as const;

export async function rosterWorkbook(ctx: Ctx, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const r = await courseRoster(ctx, id);
  const rows = [...r.enrolled, ...r.waitlisted, ...r.requested].map((e, i) => ({
    n: i + 1,
    className: e.className,
    studentNo: e.studentNo,
    name: e.studentName,
    status: STATUS_LABEL[e.status],
    wait: e.waitPosition ?? '',
    chosenAt: e.chosenAt.slice(0, 19).replace('T', ' '),
  }));
  const buffer = await buildWorkbook({
    name: r.course.name.slice(0, 31),
    columns: [
      { header: '序号', key: 'n', width: 6 },
      { header: '班级', key: 'className', width: 14 },
      { header: '学号', key: 'studentNo', width: 14 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '状态', key: 'status', width: 12 },
      { header: '候补顺序', key: 'wait', width: 10 },
      { header: '选课时间（UTC）', key: 'chosenAt', width: 20 },
    ],
    rows,
  });
  return { buffer, fileName: `${r.course.name}-名单.xlsx` };
}
