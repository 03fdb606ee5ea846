/**
 * 体质管理, the week per class: which school days miss a record or a rule, the eye exercises done of those due, and the
 * week's PE lessons against the grade's number (and the timetable's, once one exists). Teachers see their classes,
 * the school its classes, the district a school's chosen classes.
 */
import type { FitnessClassWeek, FitnessWeek } from '@shuangjian/contracts';
import { addDays, checkFitnessDay, checkPeWeek, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, districtWide, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { invalid, notFound } from '../../platform/errors';
import { classifyDays } from '../calendar';
import { classDirectory, schoolDirectory, visibleClass } from '../org';
import type { FitnessWeekQuery } from '@shuangjian/contracts';
import { dayRecordView, fitnessRulesAt, ruleView, timetabledPeLessons, userNames } from './fitness-policy.service';
import { fiveFitnessDays } from './fitness.schema';

const READ = 'five-managements.read' as const;

async function weekClasses(ctx: Ctx, query: z.output<typeof FitnessWeekQuery>) {
  if (query.classId) {
    const c = await visibleClass(ctx, query.classId, READ);
    return { schoolId: c.schoolId, schoolName: c.schoolName, classes: [{ id: c.id, name: c.name, grade: c.grade }] };
  }
  const where: SQL[] = [scoped(ctx, classDirectory, READ)];
  if (query.schoolId) where.push(eq(classDirectory.schoolId, query.schoolId));
  else if (districtWide(ctx, READ)) throw invalid('schoolId', '学校', '请选择学校');
  const rows = await ctx.db
    .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade, schoolId: classDirectory.schoolId, schoolName: classDirectory.schoolName })
    .from(classDirectory)
    .where(and(...where))
    .orderBy(asc(classDirectory.grade), asc(classDirectory.name));
  if (query.schoolId && !rows.length) {
    const [school] = await ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name })
      .from(schoolDirectory)
      .where(and(scoped(ctx, schoolDirectory, READ), eq(schoolDirectory.id, query.schoolId)));
    if (!school) throw notFound('学校');
    return { schoolId: school.id, schoolName: school.name, classes: rows };
  }
  const schools = new Set(rows.map((r) => r.schoolId));
  // a zone inspector reaches several schools: the week view is one school's
  if (schools.size > 1) throw invalid('schoolId', '学校', '请选择学校');
  return { schoolId: rows[0]?.schoolId ?? query.schoolId ?? null, schoolName: rows[0]?.schoolName ?? null, classes: rows };
}

export async function fitnessWeek(ctx: Ctx, query: z.output<typeof FitnessWeekQuery>): Promise<FitnessWeek> {
  requirePermission(ctx, READ);
  const d = ctx.user.districtId;
  const now = today(ctx);
  const monday = weekStart(query.date ?? now);
  const sunday = addDays(monday, 6);
  const { schoolId, schoolName, classes } = await weekClasses(ctx, query);
  const { rules, ref } = await fitnessRulesAt(ctx.db, d, monday);
  const days = await classifyDays(ctx.db, d, schoolId, monday, sunday);
  const ids = classes.map((c) => c.id);
  const rows = ids.length
    ? await ctx.db
        .select()
        .from(fiveFitnessDays)
        .where(and(eq(fiveFitnessDays.districtId, d), inArray(fiveFitnessDays.classId, ids), gte(fiveFitnessDays.date, monday), lte(fiveFitnessDays.date, sunday)))
    : [];
  const names = await userNames(ctx.db, d, rows.map((r) => r.recordedBy));
  const timetabled = await timetabledPeLessons(ctx.db, d, ids, monday);
  const schoolDays = days.filter((x) => x.schoolDay);
  const lastSchoolDay = schoolDays[schoolDays.length - 1]?.date ?? sunday;
  const complete = now > lastSchoolDay;
  // each date judged by the policy in force on it
  const rulesOn = new Map<LocalDate, Awaited<ReturnType<typeof fitnessRulesAt>>>();
  for (const x of days) rulesOn.set(x.date, x.date === monday ? { rules, ref } : await fitnessRulesAt(ctx.db, d, x.date));
  const out: FitnessClassWeek[] = classes.map((c) => {
    const mine = rows.filter((r) => r.classId === c.id);
    const weekDays = days
      .filter((x) => x.schoolDay || mine.some((r) => r.date === x.date))
      .map((x) => {
        const row = mine.find((r) => r.date === x.date);
        const at = rulesOn.get(x.date)!;
        return {
          date: x.date,
          schoolDay: x.schoolDay,
          dayName: x.schoolDay ? null : (x.name ?? null),
          record: row ? dayRecordView(row, at.rules, at.ref, names) : null,
          missing: !row && x.schoolDay && x.date <= now,
          misses: row ? checkFitnessDay(row, at.rules, at.ref).filter((f) => !f.ok).map((f) => f.item) : [],
        };
      });
    const pe = checkPeWeek(mine.filter((r) => r.peLesson).length, c.grade, rules, ref, { complete, timetabled: timetabled.get(c.id) ?? null });
    return {
      classId: c.id,
      className: c.name,
      grade: c.grade,
      days: weekDays,
      pe,
      recorded: mine.length,
      bigBreakMet: mine.filter((r) => r.bigBreakOk).length,
      activityMet: mine.filter((r) => r.activityOk).length,
      eyeDone: mine.reduce((s, r) => s + r.eyeDone, 0),
      eyeDue: mine.reduce((s, r) => s + r.eyeDue, 0),
    };
  });
  return { weekStart: monday, weekEnd: sunday, today: now, schoolId, schoolName, rule: ruleView(rules, ref), classes: out };
}
