/** 教务处作业总览 and the drill-down to a school's classes, read from the rollups. */
import type { z } from 'zod';
import type { SchoolOverview } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Ctx, readingCtx, requirePermission, scoped } from '../../../platform/access';
import { atOnce } from '../../../platform/db';
import { found } from '../../../platform/errors';
import { classDirectory, schoolDirectory } from '../../org';
import { homeworkPolicy } from '../homework.policy';
import { homeworkClassDayStats, homeworkItemStats } from '../schema';
import { itemStatOut, itemStatQuery } from './class';
import { classTotals } from './district';
import { statOut } from './figures';

/** A school the user reads homework of, or the same 404 as an unknown one. */
export async function visibleSchool(ctx: Ctx, schoolId: string) {
  const [school] = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name, districtId: schoolDirectory.districtId })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  return school;
}

/** 教务处: classes over the limit today and this week, estimate against actual by teacher over the last four weeks. */
export async function schoolOverview(ctx: Ctx, schoolId: string, date: LocalDate): Promise<z.output<typeof SchoolOverview>> {
  requirePermission(ctx, 'homework.read');
  await visibleSchool(ctx, schoolId);
  const monday = weekStart(date);
  const s = homeworkClassDayStats;
  const inScope = and(scoped(ctx, s, 'homework.read'), eq(s.schoolId, schoolId));
  const withClass = () =>
    ctx.db
      .select({ s, className: classDirectory.name })
      .from(s)
      .innerJoin(classDirectory, and(eq(classDirectory.districtId, s.districtId), eq(classDirectory.id, s.classId)));
  const [todayRows, week, itemRows, { policy }] = await atOnce(ctx.db,
    () => withClass()
      .where(and(inScope, eq(s.date, date)))
      .orderBy(asc(classDirectory.grade), asc(classDirectory.name)),
    () => withClass()
      .where(and(inScope, gte(s.date, monday), lte(s.date, addDays(monday, 6)), sql`(${s.plannedOver} or ${s.overloaded})`))
      .orderBy(asc(s.date), asc(classDirectory.name)),
    () => itemStatQuery(ctx)
      .where(and(scoped(ctx, homeworkItemStats, 'homework.read'), eq(homeworkItemStats.schoolId, schoolId), gte(homeworkItemStats.date, addDays(date, -27)), lte(homeworkItemStats.date, date)))
      .orderBy(desc(homeworkItemStats.ratio)),
    () => homeworkPolicy(ctx.db, ctx.user.districtId, date),
  );
  const byTeacher = new Map<string, typeof itemRows>();
  for (const r of itemRows) byTeacher.set(r.s.teacherId, [...(byTeacher.get(r.s.teacherId) ?? []), r]);
  const teachers = [...byTeacher.values()].map((rows) => {
    const reported = rows.filter((r) => r.s.ratio !== null);
    return {
      teacherId: rows[0]!.s.teacherId,
      teacherName: rows[0]!.teacherName,
      items: rows.length,
      reportedItems: reported.length,
      meanRatio: reported.length ? Math.round((reported.reduce((sum, r) => sum + r.s.ratio!, 0) / reported.length) * 100) / 100 : null,
      flagged: rows.filter((r) => r.s.flagged).length,
    };
  });
  teachers.sort((a, b) => (b.meanRatio ?? 0) - (a.meanRatio ?? 0));
  return {
    schoolId,
    target: policy.completionTarget,
    overrunFactor: policy.overrun.factor,
    date,
    weekStart: monday,
    today: todayRows.map((r) => statOut(r.s, r.className)),
    week: week.map((r) => statOut(r.s, r.className)),
    teachers,
    flaggedItems: itemRows.filter((r) => r.s.flagged).slice(0, 50).map(itemStatOut),
  };
}

/** Drill-down: the classes of one school over a range, with the same figures as the dashboard's. */
export async function schoolClasses(ctx: Ctx, schoolId: string, from: LocalDate, to: LocalDate) {
  requirePermission(ctx, 'homework.read');
  // the district dashboard's drill-down: the read replica while it keeps up
  const reading = readingCtx(ctx);
  await visibleSchool(reading, schoolId);
  const rows = await classTotals(reading, from, to, schoolId);
  return rows.map(({ schoolId: _s, schoolName: _n, ...r }) => r);
}
