/**
 * Published timetables outside the school: the public page per school (晒课表, no sign-in) and a family's view of the
 * child's class timetable on the phone. Both show the version in force today.
 */
import type { FamilyTimetable, PublicTimetablePage } from '@shuangjian/contracts';
import { isoWeekday, periodsPerDay, todayIn } from '@shuangjian/policy';
import { asc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { invalidate, onInvalidate } from '../../platform/invalidation';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { districts } from '../../platform/schema';
import { classDirectory, schoolDirectory, studentDirectory } from '../org';
import { classifyDays, semesterAt, semestersOf } from '../calendar';
import { timetableRulesAt } from './timetable.policy';
import { sortCells, versionsInForce } from './timetable.repo';

/** The public page per school for a few seconds (it is read far more than timetables are published); publishing forgets it. */
const cache = new Map<string, { at: number; page: PublicTimetablePage }>();
const CACHE_MS = 30_000;
onInvalidate('timetable.public', (schoolId) => (schoolId === null ? cache.clear() : cache.delete(schoolId)));
/** Drops a school's page here now and in the other server processes when `q` (the publication) commits. */
export const forgetPublicTimetables = (q: Queryable, schoolId: string) => invalidate(q, 'timetable.public', schoolId);

export async function publicTimetables(db: Queryable, schoolId: string, now: Date): Promise<PublicTimetablePage> {
  const hit = cache.get(schoolId);
  if (hit && Math.abs(now.getTime() - hit.at) < CACHE_MS) return hit.page;
  const page = await readPublicTimetables(db, schoolId, now);
  if (cache.size > 5000) cache.clear();
  cache.set(schoolId, { at: now.getTime(), page });
  return page;
}

async function readPublicTimetables(db: Queryable, schoolId: string, now: Date): Promise<PublicTimetablePage> {
  const [school] = await db
    .select({ districtId: schoolDirectory.districtId, id: schoolDirectory.id, name: schoolDirectory.name, timeZone: districts.timezone })
    .from(schoolDirectory)
    .innerJoin(districts, eq(districts.id, schoolDirectory.districtId))
    .where(eq(schoolDirectory.id, schoolId));
  if (!school) throw notFound('学校');
  const date = todayIn(school.timeZone, now);
  const semester = semesterAt(await semestersOf(db, school.districtId), date);
  const rules = await timetableRulesAt(db, school.districtId, date);
  const classes = await db
    .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade })
    .from(classDirectory)
    .where(eq(classDirectory.schoolId, school.id))
    .orderBy(asc(classDirectory.grade), asc(classDirectory.name));
  // the version in force today, or (before the semester begins) the semester's latest
  const on = semester && date < semester.startDate ? semester.startDate : date;
  const versions = await versionsInForce(db, school.districtId, classes.map((c) => c.id), on);
  return {
    schoolName: school.name,
    date,
    semester,
    daysPerWeek: rules.grid.daysPerWeek,
    classes: classes.flatMap((c) => {
      const v = versions.get(c.id);
      return v
        ? [{ classId: c.id, className: c.name, grade: c.grade, periodsPerDay: periodsPerDay(rules.grid, c.grade), version: v.version, publishedAt: v.publishedAt.toISOString(), cells: sortCells(v.cells) }]
        : [];
    }),
  };
}

/** A parent's children and each one's class timetable as published (in force today). */
export async function familyTimetable(ctx: Ctx): Promise<FamilyTimetable> {
  requirePermission(ctx, 'timetable.family');
  const date = today(ctx);
  const children = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, classId: studentDirectory.classId, className: studentDirectory.className, grade: studentDirectory.grade, schoolId: studentDirectory.schoolId, schoolName: studentDirectory.schoolName })
    .from(studentDirectory)
    .where(scoped(ctx, studentDirectory, 'timetable.family'))
    .orderBy(asc(studentDirectory.name));
  const rules = await timetableRulesAt(ctx.db, ctx.user.districtId, date);
  const versions = await versionsInForce(ctx.db, ctx.user.districtId, children.map((c) => c.classId), date);
  const [info] = children.length ? await classifyDays(ctx.db, ctx.user.districtId, children[0]!.schoolId, date, date) : [];
  return {
    date,
    weekday: isoWeekday(date),
    schoolDay: info?.schoolDay ?? false,
    children: children.map((c) => {
      const v = versions.get(c.classId);
      return {
        studentId: c.id,
        studentName: c.name,
        className: c.className,
        schoolName: c.schoolName,
        schoolId: c.schoolId,
        daysPerWeek: rules.grid.daysPerWeek,
        periodsPerDay: periodsPerDay(rules.grid, c.grade),
        published: v ? { version: v.version, publishedAt: v.publishedAt.toISOString(), publishedByName: v.publishedByName, cells: sortCells(v.cells) } : null,
      };
    }),
  };
}
