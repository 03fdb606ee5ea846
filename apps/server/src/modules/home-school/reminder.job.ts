/**
 * The weekly visit reminder: from the rule's reminder weekday on (home-school.visits: reminderWeekday), every teacher
 * of the district without a home or phone visit this week is told once that week. The week's notice is its own guard
 * (kind and link carry the week), so a second server's run, or a late one, tells nobody twice.
 */
import { addDays, isoWeekday, localDateTimeIn, weekStart } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { notify } from '../../platform/notify';
import { type JobDeps, perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { notifications } from '../../platform/schema';
import { roleHolders } from '../org';
import { homeSchoolPolicy } from './home-school.policy';
import { hsVisits } from './schema';

export const VISIT_REMINDER_KIND = 'home-school.visit-reminder';

export async function remindVisits(deps: Pick<JobDeps, 'db' | 'now' | 'channels'>, district: { id: string; timezone: string }): Promise<number> {
  const day = localDateTimeIn(district.timezone, deps.now()).date;
  const { values } = await homeSchoolPolicy(deps.db, district.id, day);
  const rule = values['home-school.visits'];
  if (isoWeekday(day) < rule.reminderWeekday || rule.weeklyMin === 0) return 0;
  const ws = weekStart(day);
  const link = `/home-school/visits?week=${ws}`;
  return (deps.db as Db).transaction(async (tx) => {
    const teachers = [...new Set([...(await roleHolders(tx, district.id, 'teacher', {})), ...(await roleHolders(tx, district.id, 'class_teacher', {}))])];
    if (!teachers.length) return 0;
    const V = hsVisits;
    const done = await tx
      .select({ teacherId: V.teacherId, n: sql<number>`count(*)::int` })
      .from(V)
      .where(and(eq(V.districtId, district.id), sql`${V.date} between ${ws} and ${addDays(ws, 6)}`, inArray(V.mode, rule.weeklyModes)))
      .groupBy(V.teacherId);
    const N = notifications;
    const told = await tx.select({ userId: N.userId }).from(N).where(and(eq(N.districtId, district.id), eq(N.kind, VISIT_REMINDER_KIND), eq(N.link, link)));
    const due = teachers.filter((t) => Number(done.find((d) => d.teacherId === t)?.n ?? 0) < rule.weeklyMin && !told.some((x) => x.userId === t));
    if (!due.length) return 0;
    await notify(tx, district.id, due, { kind: VISIT_REMINDER_KIND, title: '本周家访还未完成', body: `每位教师每周至少家访或电话家访 ${rule.weeklyMin} 名学生（规则 home-school.visits）`, link }, deps.channels);
    return due.length;
  });
}

export const visitReminderJob = (): ScheduledJob => perDistrictJob('home-school.visitReminder', 60 * 60_000, remindVisits);
