/**
 * 区级课后服务看板: every school's figures for a semester from the rollup (one read), summed per zone and for the
 * district; a school's courses on drill-down; the same figures as an Excel workbook.
 */
import type { AfterSchoolDistrictOverview, AfterSchoolFigures, AfterSchoolSchoolDetail, AfterSchoolSchoolRow } from '@shuangjian/contracts';
import { formatYuan, type Fen } from '@shuangjian/policy';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { notFound } from '../../platform/errors';
import { schoolDirectory } from '../org';
import { refreshSchoolStats } from './rollup';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolProviders, afterSchoolSchoolStats, afterSchoolSessions } from './schema';
import { semesterAt, semesterById, semestersOf, type SemesterRef } from './semesters';

const FIGURES = [
  'students',
  'studentsServed',
  'teachers',
  'teachersServing',
  'courses',
  'providerCourses',
  'sessionsHeld',
  'attendancePresent',
  'attendanceExpected',
  'feesDueFen',
  'feesPaidFen',
  'waiversFen',
  'refundsFen',
  'surveyAnswers',
  'satisfactionSum',
  'patrols',
] as const satisfies readonly (keyof AfterSchoolFigures)[];

const zero = (): AfterSchoolFigures => Object.fromEntries(FIGURES.map((k) => [k, 0])) as AfterSchoolFigures;
function addInto(into: AfterSchoolFigures, row: AfterSchoolFigures) {
  for (const k of FIGURES) into[k] += row[k];
}

async function pickSemester(ctx: Ctx, semesterId: string | undefined) {
  const list = await semestersOf(ctx.readDb, ctx.user.districtId);
  const semester = semesterId ? await semesterById(ctx.readDb, ctx.user.districtId, semesterId) : semesterAt(list, today(ctx));
  return { list, semester };
}

const s = afterSchoolSchoolStats;
const sd = schoolDirectory;
const statColumns = Object.fromEntries(FIGURES.map((k) => [k, s[k]])) as { [K in (typeof FIGURES)[number]]: (typeof s)[K] };

/** Every school within reach, with its row of the rollup (a school without one shows zeros and 'none'). */
async function schoolRows(ctx: Ctx, q: Queryable, semester: SemesterRef, schoolId?: string) {
  const on = and(eq(s.districtId, sd.districtId), eq(s.schoolId, sd.id), eq(s.semesterId, semester.id));
  return q
    .select({
      schoolId: sd.id,
      schoolName: sd.name,
      zoneId: sd.zoneId,
      zoneName: sd.zoneName,
      planStatus: sql<AfterSchoolSchoolRow['planStatus']>`coalesce(${s.planStatus}, 'none')`,
      refreshedAt: s.refreshedAt,
      ...Object.fromEntries(FIGURES.map((k) => [k, sql<number>`coalesce(${statColumns[k]}, 0)::float8`])),
    } as const)
    .from(sd)
    .leftJoin(s, on)
    .where(and(scoped(ctx, sd, 'after-school.district'), schoolId ? eq(sd.id, schoolId) : undefined))
    .orderBy(asc(sd.zoneName), asc(sd.name)) as unknown as Promise<(AfterSchoolSchoolRow & { refreshedAt: Date | null })[]>;
}

export async function districtOverview(ctx: Ctx, query: { semesterId?: string }): Promise<AfterSchoolDistrictOverview> {
  requirePermission(ctx, 'after-school.district');
  const { list, semester } = await pickSemester(ctx, query.semesterId);
  if (!semester) return { semester: null, semesters: list, total: zero(), planStatus: {}, zones: [], schools: [], refreshedAt: null };
  let rows = await schoolRows(ctx, ctx.readDb, semester);
  if (rows.length && rows.every((r) => r.students === 0)) {
    // the scheduled refresh has not reached this semester yet (writes move only their own columns): fill it on the
    // primary, then read it there (the replica may not have replayed the fill yet)
    await refreshSchoolStats(ctx.db, ctx.user.districtId, semester);
    rows = await schoolRows(ctx, ctx.db, semester);
  }
  const total = zero();
  const planStatus: Record<string, number> = {};
  const zones = new Map<string, AfterSchoolDistrictOverview['zones'][number]>();
  let refreshed: Date | null = null;
  for (const { refreshedAt, ...row } of rows) {
    addInto(total, row);
    planStatus[row.planStatus] = (planStatus[row.planStatus] ?? 0) + 1;
    const zone = zones.get(row.zoneId) ?? { zoneId: row.zoneId, zoneName: row.zoneName, schools: 0, ...zero() };
    zone.schools += 1;
    addInto(zone, row);
    zones.set(row.zoneId, zone);
    if (refreshedAt && (!refreshed || refreshedAt < refreshed)) refreshed = refreshedAt;
  }
  return {
    semester,
    semesters: list,
    total,
    planStatus,
    zones: [...zones.values()],
    schools: rows.map(({ refreshedAt: _r, ...row }) => row),
    refreshedAt: refreshed?.toISOString() ?? null,
  };
}

/** A school's figures and its courses (seats, waiting list, sessions and attendance) for the drill-down. */
export async function schoolDetail(ctx: Ctx, schoolId: string, query: { semesterId?: string }): Promise<AfterSchoolSchoolDetail> {
  requirePermission(ctx, 'after-school.district');
  const { semester } = await pickSemester(ctx, query.semesterId);
  if (!semester) throw notFound('学期');
  const [school] = await schoolRows(ctx, ctx.readDb, semester, schoolId);
  if (!school) throw notFound('学校');
  const c = afterSchoolCourses;
  const courses = await ctx.readDb
    .select({
      courseId: c.id,
      name: c.name,
      category: c.category,
      staffing: c.staffing,
      providerName: sql<string | null>`(select i.name from ${afterSchoolProviders} p join institutions i on i.district_id = p.district_id and i.id = p.institution_id
        where p.district_id = ${c.districtId} and p.id = ${c.providerId})`,
      capacity: c.capacity,
      enrolled: c.enrolled,
      waitlisted: sql<number>`(select count(*)::int from ${afterSchoolEnrolments} e
        where e.district_id = ${c.districtId} and e.course_id = ${c.id} and e.status = 'waitlisted')`,
      sessionsHeld: sql<number>`count(${afterSchoolSessions.id})::int`,
      attendancePresent: sql<number>`coalesce(sum(${afterSchoolSessions.present}), 0)::int`,
      attendanceExpected: sql<number>`coalesce(sum(${afterSchoolSessions.expected}), 0)::int`,
    })
    .from(c)
    .leftJoin(
      afterSchoolSessions,
      and(eq(afterSchoolSessions.districtId, c.districtId), eq(afterSchoolSessions.courseId, c.id), eq(afterSchoolSessions.status, 'held')),
    )
    .where(and(scoped(ctx, c, 'after-school.district'), eq(c.schoolId, schoolId), eq(c.semesterId, semester.id)))
    .groupBy(c.id, c.districtId)
    .orderBy(asc(c.category), asc(c.name));
  const { refreshedAt: _r, ...row } = school as AfterSchoolSchoolRow & { refreshedAt: unknown };
  return { semester, school: row, courses };
}

const pct = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '');
const yuan = (fenValue: number) => formatYuan(fenValue as Fen, { locale: 'zh-CN', symbol: false });
const planLabels: Record<string, string> = { none: '未报送', draft: '编辑中', submitted: '待审核', returned: '已退回', approved: '已备案', superseded: '已更新' };

/** The overview as a workbook: one row per school, in the order of the page. */
export async function districtWorkbook(ctx: Ctx, query: { semesterId?: string }) {
  const overview = await districtOverview(ctx, query);
  const rows = overview.schools.map((r) => ({
    zone: r.zoneName,
    school: r.schoolName,
    plan: planLabels[r.planStatus] ?? r.planStatus,
    students: r.students,
    served: r.studentsServed,
    studentRate: pct(r.studentsServed, r.students),
    teachers: r.teachers,
    serving: r.teachersServing,
    teacherRate: pct(r.teachersServing, r.teachers),
    courses: r.courses,
    sessions: r.sessionsHeld,
    attendance: pct(r.attendancePresent, r.attendanceExpected),
    satisfaction: r.surveyAnswers ? (r.satisfactionSum / r.surveyAnswers).toFixed(2) : '',
    due: yuan(r.feesDueFen),
    paid: yuan(r.feesPaidFen),
    waivers: yuan(r.waiversFen),
    refunds: yuan(r.refundsFen),
  }));
  const buffer = await buildWorkbook({
    name: '课后服务',
    columns: [
      { header: '学区', key: 'zone' },
      { header: '学校', key: 'school', width: 24 },
      { header: '方案', key: 'plan' },
      { header: '学生数', key: 'students' },
      { header: '参加学生', key: 'served' },
      { header: '学生参与率', key: 'studentRate' },
      { header: '教师数', key: 'teachers' },
      { header: '参与教师', key: 'serving' },
      { header: '教师参与率', key: 'teacherRate' },
      { header: '课程数', key: 'courses' },
      { header: '开课次数', key: 'sessions' },
      { header: '出勤率', key: 'attendance' },
      { header: '满意度（5分制）', key: 'satisfaction' },
      { header: '应收（元）', key: 'due' },
      { header: '实收（元）', key: 'paid' },
      { header: '减免（元）', key: 'waivers' },
      { header: '退费（元）', key: 'refunds' },
    ],
    rows,
  });
  return { buffer, fileName: `课后服务-${overview.semester?.name ?? ''}.xlsx` };
}
