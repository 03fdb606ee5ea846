/**
 * Who is told what about homework, in the transaction of the change: the families of a class when its list is
 * published or corrected (作业公示: in-app, and an SMS to the guardian's phone or their bound WeChat), the subject and
 * grade leaders when items wait for their content check, the evening reminder to families that have not reported
 * (a district setting; once per child and day), and the class teacher's own reminder.
 */
import type { RemindFamilies } from '@shuangjian/contracts';
import { addDays, homeworkSettings, type LocalDate, localDateTimeIn } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Channels } from '../../platform/channels';
import { today } from '../../platform/clock';
import { atOnce, type Queryable, rowsOf } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { notify, type Recipient } from '../../platform/notify';
import { policyValuesAt } from '../../platform/policy';
import type { JobDeps, ScheduledJob } from '../../platform/scheduler';
import { districts } from '../../platform/schema';
import { type ClassRef, classDirectory, guardiansOfStudents, roleHolders, studentDirectory } from '../org';
import { requireRole, visibleClass } from './common';
import { itemQuery } from './homework.repo';
import { homeworkReminders } from './notices.schema';
import { homeworkPublished, homeworkItems, homeworkStudentDays } from './schema';

const reminderSetting = { 'homework.eveningReminder': homeworkSettings['homework.eveningReminder'] };

/** 11月26日: how a date reads in a message. */
export const monthDay = (date: LocalDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The guardians of these children, as people to reach: their account (bell, WeChat) and their phone (SMS). */
async function familiesOf(q: Queryable, districtId: string, studentIds: readonly string[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (let i = 0; i < studentIds.length; i += 5000) {
    const rows = await guardiansOfStudents(q, districtId, studentIds.slice(i, i + 5000));
    out.push(...rows.map((g) => ({ userId: g.userId, phone: g.phone })));
  }
  return out;
}

async function classChildren(q: Queryable, cls: Pick<ClassRef, 'districtId' | 'id'>) {
  const rows = await q
    .select({ id: studentDirectory.id })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, cls.districtId), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active')));
  return rows.map((r) => r.id);
}

export interface PublishedSummary {
  version: number;
  items: number;
  written: number;
  limit: number;
  /** Non-written minutes at home (reading, practical …). */
  other: number;
  /** The grade gets no written homework at home. */
  noWritten: boolean;
  reason: string | null;
}

/** 共 4 项，书面作业 60 分钟（上限 60 分钟），非书面 15 分钟: what a family reads of a published list. */
export function listSummary(p: Pick<PublishedSummary, 'items' | 'written' | 'limit' | 'other' | 'noWritten'>) {
  const written = p.noWritten ? '无家庭书面作业' : p.written ? `书面作业 ${p.written} 分钟（上限 ${p.limit} 分钟）` : '无书面作业';
  return `共 ${p.items} 项，${written}${p.other ? `，非书面 ${p.other} 分钟` : ''}`;
}

/** 作业公示 reaches the families of the class: the bell, and an SMS (or WeChat) to each guardian. */
export async function tellFamiliesPublished(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate, p: PublishedSummary) {
  const families = await familiesOf(tx, cls.districtId, await classChildren(tx, cls));
  const correction = p.version > 1;
  const day = monthDay(date);
  const what = listSummary(p);
  await notify(
    tx,
    cls.districtId,
    families,
    {
      kind: correction ? 'homework.corrected' : 'homework.published',
      title: correction ? `${cls.name} ${day}的作业清单已更正` : `${cls.name} ${day}的作业清单已公示`,
      body: correction ? `${what}。更正原因：${p.reason ?? ''}` : `${what}。完成后请填报用时。`,
      link: `/homework/child?date=${date}`,
      message: {
        text: correction
          ? `【双减平台】${cls.schoolName}${cls.name}${day}的作业清单已更正：${what}。请登录平台查看。`
          : `【双减平台】${cls.schoolName}${cls.name}${day}的作业清单已公示：${what}。请登录平台查看，完成后填报用时。`,
        params: {
          school: cls.schoolName,
          className: cls.name,
          date: day,
          items: String(p.items),
          written: String(p.written),
          limit: String(p.limit),
          other: String(p.other),
          version: String(p.version),
        },
      },
    },
    ctx.channels,
  );
}

/**
 * Items that now wait for their content check reach whoever checks them: the subject leader of the subject in the
 * school and the grade leader of the grade (学科组长把关, 年级组统一内容), one message per subject and grade.
 */
export async function tellCheckers(ctx: Ctx, tx: Queryable, itemIds: readonly string[]) {
  if (!itemIds.length) return;
  const rows = await itemQuery(tx).where(
    and(eq(homeworkItems.districtId, ctx.user.districtId), inArray(homeworkItems.id, [...itemIds]), eq(homeworkItems.status, 'pending_check')),
  );
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.item.schoolId}/${r.item.subjectId}/${r.item.grade}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const { item, subjectName, teacherName } = group[0]!;
    const [leaders, gradeLeaders] = await atOnce(tx,
      () => roleHolders(tx, item.districtId, 'subject_leader', { schoolId: item.schoolId, subjectId: item.subjectId }),
      () => roleHolders(tx, item.districtId, 'grade_leader', { schoolId: item.schoolId, grade: item.grade }),
    );
    const to = [...leaders, ...gradeLeaders].filter((id) => id !== ctx.user.id);
    const classes = [...new Set(group.map((r) => r.className))].join('、');
    const dates = [...new Set(group.map((r) => r.item.date))].sort();
    const when = dates.length > 1 ? `${monthDay(dates[0]!)}–${monthDay(dates[dates.length - 1]!)}` : monthDay(dates[0]!);
    await notify(
      tx,
      item.districtId,
      to,
      {
        kind: 'homework.to_check',
        title: `${subjectName}作业待审核：${classes}（${when}）`,
        body: `${teacherName}提交了 ${group.length} 条作业，请审核内容`,
        link: '/homework/todo',
        message: {
          text: `【双减平台】${teacherName}提交的${subjectName}作业（${classes}，${when}，${group.length} 条）待您审核内容。`,
          params: { teacher: teacherName, subject: subjectName, classes, dates: when, count: String(group.length) },
        },
      },
      ctx.channels,
    );
  }
}

/** One reminder message to the families of these children of a class, for a date. */
async function remindMessage(q: Queryable, channels: Channels, cls: { districtId: string; name: string; schoolName: string }, date: LocalDate, studentIds: readonly string[], by: string | null) {
  if (!studentIds.length) return;
  const day = monthDay(date);
  await notify(
    q,
    cls.districtId,
    await familiesOf(q, cls.districtId, studentIds),
    {
      kind: 'homework.report_reminder',
      title: `请填报${cls.name} ${day}的作业完成情况`,
      body: by ? `班主任${by}提醒：孩子完成作业后，请填报实际用时。` : '孩子完成作业后，请填报实际用时；到就寝时间未完成的，请停止作业并如实填报。',
      link: `/homework/child?date=${date}`,
      message: {
        text: `【双减平台】${cls.schoolName}${cls.name}${day}的作业清单已公示，您还没有填报孩子的完成情况，请登录平台填报实际用时。`,
        params: { school: cls.schoolName, className: cls.name, date: day, by: by ?? '' },
      },
    },
    channels,
  );
}

/**
 * The class teacher reminds the families of the class who have not reported a day (all of them, or those named):
 * only the class's own class teacher, for a published day within the week families may report, once per family
 * and day. Answers how many were reminded now and how many had been already.
 */
export async function remindFamilies(ctx: Ctx, classId: string, date: LocalDate, input: z.output<typeof RemindFamilies>) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.coordinate', cls, '只有本班班主任可以提醒本班家长填报');
  const now = today(ctx);
  if (date > now) throw invalid('date', '日期', '还没到这一天，不能提醒填报');
  if (date < addDays(now, -7)) throw invalid('date', '日期', '家长只能填报最近 7 天的作业，不能再提醒');
  return ctx.db.transaction(async (tx) => {
    const [list] = await tx
      .select({ version: homeworkPublished.version })
      .from(homeworkPublished)
      .where(and(eq(homeworkPublished.districtId, cls.districtId), eq(homeworkPublished.classId, cls.id), eq(homeworkPublished.date, date)))
      .limit(1);
    if (!list) throw new AppError(409, 'CONFLICT', '这一天还没有公示的作业清单，不能提醒填报');
    const children = await classChildren(tx, cls);
    const named = input.studentIds ? [...new Set(input.studentIds)] : null;
    named?.forEach((id, n) => {
      if (!children.includes(id)) throw invalid(`studentIds.${n}`, '学生', '不是本班学生');
    });
    const reported = new Set(
      (
        await tx
          .select({ id: homeworkStudentDays.studentId })
          .from(homeworkStudentDays)
          .where(and(eq(homeworkStudentDays.districtId, cls.districtId), eq(homeworkStudentDays.classId, cls.id), eq(homeworkStudentDays.date, date)))
      ).map((r) => r.id),
    );
    const notReported = (named ?? children).filter((id) => !reported.has(id));
    const fresh = notReported.length
      ? (
          await tx
            .insert(homeworkReminders)
            .values(notReported.map((studentId) => ({ districtId: cls.districtId, studentId, classId: cls.id, date, kind: 'class_teacher' as const, sentBy: ctx.user.id })))
            .onConflictDoNothing()
            .returning({ studentId: homeworkReminders.studentId })
        ).map((r) => r.studentId)
      : [];
    await remindMessage(tx, ctx.channels, cls, date, fresh, ctx.user.name);
    await audit(tx, ctx.actor, {
      action: 'homework.remind',
      entity: 'homework_day',
      entityId: `${cls.id}/${date}`,
      after: { date, reminded: fresh, alreadyReminded: notReported.length - fresh.length, school: cls.schoolName },
    });
    return { classId: cls.id, date, notReported: notReported.length, reminded: fresh.length, alreadyReminded: notReported.length - fresh.length };
  });
}

/** The children the class teacher or the evening reminder has reminded for a class's day, with when and by whom. */
export async function remindersOf(q: Queryable, districtId: string, classId: string, date: LocalDate) {
  return q
    .select({ studentId: homeworkReminders.studentId, kind: homeworkReminders.kind, at: homeworkReminders.createdAt })
    .from(homeworkReminders)
    .where(and(eq(homeworkReminders.districtId, districtId), eq(homeworkReminders.classId, classId), eq(homeworkReminders.date, date)));
}


/** The platform itself, as the audit log names the author of what a scheduled job does. */
const systemActor = (districtId: string): Actor => ({ districtId, userId: null, userName: '系统（定时任务）', roles: [], ip: null, requestId: null });

/**
 * 晚间填报提醒 of one district for its today, when the setting is on, it is that time or later, and the day is of a
 * kind the setting names: families whose child's class published the day's list before the reminder time and who
 * have not reported get one reminder (once per child and day, decided by the reminders' unique key, so two servers
 * never send it twice). One transaction per school. Answers how many children were reminded, or null when it is not
 * (or not yet) reminder time.
 */
export async function sendEveningReminders(deps: Pick<JobDeps, 'db' | 'channels' | 'now'>, district: { id: string; timezone: string }): Promise<number | null> {
  const local = localDateTimeIn(district.timezone, deps.now());
  const { values } = await policyValuesAt(deps.db, district.id, reminderSetting, local.date);
  const setting = values['homework.eveningReminder'];
  if (!setting.enabled || local.time < setting.time) return null;
  const date = local.date;
  const kinds = `{${setting.dayKinds.join(',')}}`;
  const schools = await deps.db
    .selectDistinct({ schoolId: homeworkPublished.schoolId })
    .from(homeworkPublished)
    .where(and(eq(homeworkPublished.districtId, district.id), eq(homeworkPublished.date, date)));
  let reminded = 0;
  for (const { schoolId } of schools) {
    reminded += await deps.db.transaction(async (tx) => {
      const result = await rowsOf<{ student_id: string; class_id: string }>(tx, sql`
        insert into homework_reminders (district_id, student_id, class_id, date, kind)
        select s.district_id, s.id, s.class_id, ${date}::date, 'evening'
        from student_directory s
        where s.district_id = ${district.id} and s.school_id = ${schoolId} and s.status = 'active'
          and s.class_id in (
            select p.class_id from homework_published p
            where p.district_id = ${district.id} and p.school_id = ${schoolId} and p.date = ${date}::date
            group by p.class_id
            having min(p.published_at) < ((${date}::date + ${setting.time}::time) at time zone ${district.timezone})
              and (array_agg(p.day_kind order by p.version desc))[1] = any(${kinds}::text[])
              and jsonb_array_length((array_agg(p.items order by p.version desc))[1]) > 0)
          and not exists (select 1 from homework_student_days r where r.district_id = s.district_id and r.student_id = s.id and r.date = ${date}::date)
        on conflict do nothing
        returning student_id, class_id`);
      const byClass = new Map<string, string[]>();
      for (const r of result) byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), r.student_id]);
      if (!byClass.size) return 0;
      const classes = await tx
        .select({ id: classDirectory.id, name: classDirectory.name, schoolName: classDirectory.schoolName })
        .from(classDirectory)
        .where(and(eq(classDirectory.districtId, district.id), inArray(classDirectory.id, [...byClass.keys()])));
      for (const c of classes) await remindMessage(tx, deps.channels, { districtId: district.id, name: c.name, schoolName: c.schoolName }, date, byClass.get(c.id)!, null);
      await audit(tx, systemActor(district.id), {
        action: 'homework.remind.evening',
        entity: 'school',
        entityId: schoolId,
        after: { date, time: setting.time, classes: classes.map((c) => ({ classId: c.id, reminded: byClass.get(c.id)!.length })) },
      });
      return result.length;
    });
  }
  return reminded;
}

/**
 * Every minute: the evening reminder of each district whose reminder time has come. A district done for its day is
 * not asked again by this server (the unique key keeps it once anyway, across servers and restarts).
 */
export function eveningReminderJob(): ScheduledJob {
  const done = new Map<string, LocalDate>();
  return {
    name: 'homework.eveningReminder',
    everyMs: 60_000,
    async run(deps) {
      const all = await deps.db.select({ id: districts.id, timezone: districts.timezone }).from(districts);
      for (const d of all) {
        const day = localDateTimeIn(d.timezone, deps.now()).date;
        if (done.get(d.id) === day) continue;
        if ((await sendEveningReminders(deps, d)) !== null) done.set(d.id, day);
      }
    },
  };
}
