/** A class's load over time (班级作业负担日历) and a teacher's week (我的一周), read from the rollups. */
import type { z } from 'zod';
import type { TeacherItemStat } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../../platform/access';
import { atOnce } from '../../../platform/db';
import { users } from '../../../platform/schema';
import { classDirectory, subjectDirectory } from '../../org';
import { visibleClass } from '../common';
import { homeworkPolicy } from '../homework.policy';
import { itemQuery, toItems } from '../homework.repo';
import { homeworkClassDayStats, homeworkItems, homeworkItemStats } from '../schema';
import { statOut } from './figures';

/**
 * 班级作业负担日历: each day's planned load against the limit and what families reported. Read-only for everyone who
 * reads homework in the class's reach: its school's staff, the district office, the inspectors of its zone.
 */
export async function classCalendar(ctx: Ctx, classId: string, from: LocalDate, to: LocalDate) {
  const cls = await visibleClass(ctx, classId);
  const s = homeworkClassDayStats;
  const [rows, { policy }] = await atOnce(ctx.db,
    () => ctx.db
      .select()
      .from(s)
      .where(and(eq(s.districtId, cls.districtId), eq(s.classId, classId), gte(s.date, from), lte(s.date, to)))
      .orderBy(asc(s.date)),
    () => homeworkPolicy(ctx.db, cls.districtId, to),
  );
  return {
    classId,
    className: cls.name,
    grade: cls.grade,
    schoolId: cls.schoolId,
    schoolName: cls.schoolName,
    target: policy.completionTarget,
    days: rows.map((r) => statOut(r, cls.name)),
  };
}

export const itemStatQuery = (ctx: Ctx) =>
  ctx.db
    .select({ s: homeworkItemStats, teacherName: users.name, subjectName: subjectDirectory.name, className: classDirectory.name })
    .from(homeworkItemStats)
    .innerJoin(homeworkItems, and(eq(homeworkItems.districtId, homeworkItemStats.districtId), eq(homeworkItems.id, homeworkItemStats.itemId)))
    .innerJoin(users, and(eq(users.districtId, homeworkItemStats.districtId), eq(users.id, homeworkItemStats.teacherId)))
    .innerJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkItems.districtId), eq(subjectDirectory.id, homeworkItems.subjectId)))
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkItems.districtId), eq(classDirectory.id, homeworkItems.classId)));

export const itemStatOut = (r: Awaited<ReturnType<ReturnType<typeof itemStatQuery>['execute']>>[number]): z.output<typeof TeacherItemStat> => ({
  itemId: r.s.itemId,
  classId: r.s.classId,
  teacherId: r.s.teacherId,
  teacherName: r.teacherName,
  subjectName: r.subjectName,
  className: r.className,
  date: r.s.date,
  estimate: r.s.estimate,
  reports: r.s.reports,
  medianMinutes: r.s.medianMinutes,
  flagged: r.s.flagged,
});

/** 我的一周: what I set this week, and how long families said it took. */
export async function teacherWeek(ctx: Ctx, monday: LocalDate) {
  requirePermission(ctx, 'homework.read');
  const start = weekStart(monday);
  const end = addDays(start, 6);
  const mine = and(eq(homeworkItems.districtId, ctx.user.districtId), eq(homeworkItems.teacherId, ctx.user.id), gte(homeworkItems.date, start), lte(homeworkItems.date, end));
  const [rows, stats, { policy }] = await atOnce(ctx.db,
    () => itemQuery(ctx.db).where(and(mine, sql`${homeworkItems.status} <> 'withdrawn'`)).orderBy(asc(homeworkItems.date), asc(classDirectory.name)),
    () => itemStatQuery(ctx).where(mine).orderBy(asc(homeworkItemStats.date)),
    () => homeworkPolicy(ctx.db, ctx.user.districtId, start),
  );
  return { weekStart: start, overrunFactor: policy.overrun.factor, items: await toItems(ctx.db, rows), stats: stats.map(itemStatOut) };
}
