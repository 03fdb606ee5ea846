/**
 * What families see and tell: the published daily list of their child's class (phone page), the week and vacation
 * plans, and the one-tap report of actual time (作业熔断 included). Reports feed the rollups in the same transaction.
 */
import type { z } from 'zod';
import type { ChildDay, FeedbackInput, PublishedItem, PublishedList } from '@shuangjian/contracts';
import {
  addDays,
  bedtimeFor,
  bedtimeStopAllowed,
  countsTowardLimit,
  judgeStudentDay,
  type LocalDate,
} from '@shuangjian/policy';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { auditStatement } from '../../platform/audit';
import { AppError, forbidden, found, invalid } from '../../platform/errors';
import { localNow, today } from '../../platform/clock';
import { dropHere, notifyingRow } from '../../platform/invalidation';
import { classifyDays } from '../calendar';
import { classDirectory, studentDirectory } from '../org';
import { dayKinds } from './common';
import { homeworkPolicy } from './homework.policy';
import { childDayKey, classDayKey, followedCache } from './child-day-cache';
import { queueOutcome } from './rollups';
import { homeworkPublished } from './schema';

type Published = typeof homeworkPublished.$inferSelect;
type SnapshotItem = z.output<typeof PublishedItem>;

export function toList(p: Published, className: string, schoolName: string): z.output<typeof PublishedList> {
  return {
    classId: p.classId,
    className,
    schoolName,
    date: p.date,
    version: p.version,
    dayKind: p.dayKind,
    limit: p.limit,
    written: p.written,
    optional: p.optional,
    other: p.other,
    inSchool: p.inSchool,
    items: p.items as SnapshotItem[],
    reason: p.reason,
    publishedBy: p.publishedByName,
    publishedAt: new Date(p.publishedAt).toISOString(),
  };
}

/** The child (and their class) if the reader may see published homework for them. */
export async function child(ctx: Ctx, studentId: string) {
  requirePermission(ctx, 'homework.published.read');
  const [row] = await ctx.db
    .select({
      id: studentDirectory.id,
      name: studentDirectory.name,
      districtId: studentDirectory.districtId,
      classId: studentDirectory.classId,
      schoolId: studentDirectory.schoolId,
      zoneId: studentDirectory.zoneId,
      grade: studentDirectory.grade,
      className: studentDirectory.className,
      schoolName: studentDirectory.schoolName,
    })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'homework.published.read'), eq(studentDirectory.id, studentId)));
  if (!row) throw found([], '学生');
  return row;
}

/** The row the child's-day statement answers: the child with their class keys, the class's latest list, the family's report. */
type ChildDayRow = {
  id: string;
  name: string;
  class_id: string;
  school_id: string;
  zone_id: string;
  grade: number;
  class_name: string;
  school_name: string;
  /** The class's latest published version of the day (its content comes from publishedList). */
  list_version: number | null;
  feedback: { itemId: string; done: boolean; minutes: number | null }[];
  judged: { stopped_at_bedtime: boolean; minutes: number; within_limit: boolean; ended_at: string | null; late_minutes: number; reported_at: string } | null;
};

/** The statement behind readChildDay, its text built once (the values go in as placeholders). */
const CHILD_DAY = sql`
    select s.id, s.name, s.class_id, s.school_id, s.zone_id, s.grade, s.class_name, s.school_name,
      (select p.version from homework_published p
        where p.district_id = s.district_id and p.class_id = s.class_id and p.date = ${sql.placeholder('date')}
        order by p.version desc limit 1) as list_version,
      (select coalesce(json_agg(json_build_object('itemId', f.item_id, 'done', f.done, 'minutes', f.minutes)), '[]'::json) from homework_feedback f
        where f.district_id = s.district_id and f.student_id = s.id and f.date = ${sql.placeholder('date')}) as feedback,
      (select row_to_json(d) from homework_student_days d
        where d.district_id = s.district_id and d.student_id = s.id and d.date = ${sql.placeholder('date')}) as judged
    from student_directory s
    where s.district_id = ${sql.placeholder('districtId')} and s.id = ${sql.placeholder('studentId')}`;

/**
 * A child's day in one round trip: the latest published list of the class, the family's report and the judged day,
 * fetched by one statement with sub-selects (the parent's phone page is the busiest read of the platform). Answers
 * 404 unless the reader may see the child's published homework.
 */
/** The child's row with the class's published list of the day. */
type ChildDayRead = ChildDayRow & { list: Published | null };

async function readChildDay(ctx: Ctx, studentId: string, date: LocalDate, from: 'cache' | 'database' = 'cache'): Promise<ChildDayRead> {
  requirePermission(ctx, 'homework.published.read');
  const key = childDayKey(ctx.user.districtId, studentId, date);
  let day = from === 'cache' ? childDays.get(key) : undefined;
  if (!day) {
    const ticket = childDays.ticket();
    // one fixed statement (prepared once per connection); the grants are checked on the row's keys in memory below
    const [row] = await ctx.prepared<ChildDayRow>(CHILD_DAY, { date, districtId: ctx.user.districtId, studentId });
    if (!row) throw found([], '学生');
    day = { ...row, list: row.list_version === null ? null : await publishedList(ctx, String(row.class_id), date, row.list_version) };
    childDays.keep(key, classDayKey(ctx.user.districtId, String(row.class_id), date), day, ticket);
  }
  if (!allows(ctx, 'homework.published.read', childKeys(ctx, day))) throw found([], '学生');
  return day;
}

/** Children's days read a moment ago (child-day-cache.ts): a parent's second look needs no database round trip. */
const childDays = followedCache<ChildDayRead>();

/**
 * Published versions never change (a correction is a new version), so each is read once per process and kept: the
 * parents of a class all read the same list, and its items are the bulk of the row. Keyed by version, a correction
 * published on another server is found by the next read's version number; no invalidation is needed.
 */
const publishedLists = new Map<string, Published>();
const PUBLISHED_LIST = sql`
    select row_to_json(p) as list from homework_published p
    where p.district_id = ${sql.placeholder('districtId')} and p.class_id = ${sql.placeholder('classId')}
      and p.date = ${sql.placeholder('date')} and p.version = ${sql.placeholder('version')}`;

async function publishedList(ctx: Ctx, classId: string, date: LocalDate, version: number): Promise<Published | null> {
  const key = `${ctx.user.districtId}/${classId}/${date}/${version}`;
  const kept = publishedLists.get(key);
  if (kept) return kept;
  const [row] = await ctx.prepared<{ list: Record<string, unknown> }>(PUBLISHED_LIST, { districtId: ctx.user.districtId, classId, date, version });
  // gone between the two reads (the class was removed): as if nothing was published
  if (!row) return null;
  const list = listOf(ctx, row.list);
  if (publishedLists.size >= 10_000) publishedLists.delete(publishedLists.keys().next().value!);
  publishedLists.set(key, list);
  return list;
}

const childKeys = (ctx: Ctx, row: ChildDayRow) => ({ districtId: ctx.user.districtId, zone: String(row.zone_id), school: String(row.school_id), class: String(row.class_id), student: row.id });

/** The latest published list of the day as the statement answers it (a row of homework_published as JSON). */
function listOf(ctx: Ctx, list: Record<string, unknown>): Published {
  return {
    districtId: ctx.user.districtId,
    classId: String(list.class_id),
    date: String(list.date),
    version: Number(list.version),
    schoolId: String(list.school_id),
    grade: Number(list.grade),
    dayKind: String(list.day_kind),
    limit: Number(list.limit_minutes),
    written: Number(list.written),
    optional: Number(list.optional),
    other: Number(list.other),
    inSchool: Number(list.in_school),
    items: list.items,
    reason: (list.reason as string | null) ?? null,
    policyVersions: (list.policy_versions as string | null) ?? null,
    publishedBy: String(list.published_by),
    publishedByName: String(list.published_by_name),
    publishedAt: new Date(String(list.published_at)),
  };
}

async function toChildDay(ctx: Ctx, row: ChildDayRead, date: LocalDate): Promise<z.output<typeof ChildDay>> {
  const { list, judged } = row;
  const grade = Number(row.grade);
  const { policy } = await homeworkPolicy(ctx.db, ctx.user.districtId, date);
  let dayKind = list ? list.dayKind : null;
  let dayName: string | null = null;
  if (!list) {
    const kinds = await dayKinds(ctx.db, ctx.user.districtId, String(row.school_id), [date]);
    const info = kinds.get(date);
    dayKind = info?.kind ?? 'school_day';
    dayName = dayKind === 'school_day' ? null : (info?.name ?? null);
  }
  return {
    studentId: row.id,
    studentName: String(row.name),
    date,
    dayKind: dayKind!,
    dayName,
    grade,
    bedtime: bedtimeFor(grade, policy),
    list: list ? toList(list, String(row.class_name), String(row.school_name)) : null,
    feedback: judged
      ? {
          items: row.feedback,
          stoppedAtBedtime: judged.stopped_at_bedtime,
          minutes: judged.minutes,
          withinLimit: judged.within_limit,
          endedAt: judged.ended_at ? judged.ended_at.slice(0, 5) : null,
          lateMinutes: judged.late_minutes ?? 0,
          reportedAt: new Date(judged.reported_at).toISOString(),
        }
      : null,
  };
}

export async function childDay(ctx: Ctx, studentId: string, date: LocalDate): Promise<z.output<typeof ChildDay>> {
  return toChildDay(ctx, await readChildDay(ctx, studentId, date), date);
}

/** Published lists of the child's class over a range (weekly plan, 假期作业天天交清单): the latest version of each day. */
export async function childRange(ctx: Ctx, studentId: string, from: LocalDate, to: LocalDate) {
  const c = await child(ctx, studentId);
  const rows = await ctx.db
    .selectDistinctOn([homeworkPublished.date])
    .from(homeworkPublished)
    .where(and(eq(homeworkPublished.districtId, c.districtId), eq(homeworkPublished.classId, c.classId), gte(homeworkPublished.date, from), lte(homeworkPublished.date, to)))
    .orderBy(asc(homeworkPublished.date), desc(homeworkPublished.version));
  const kinds = await classifyDays(ctx.db, c.districtId, c.schoolId, from, to);
  return {
    studentId,
    studentName: c.name,
    lists: rows.map((p) => toList(p, c.className, c.schoolName)),
    days: kinds.map((k) => ({ date: k.date, kind: k.kind, name: k.kind === 'school_day' ? null : k.name })),
  };
}

/**
 * One screen, one tap per item: done or not, minutes if the family wants, and "stopped at bedtime". The evening peak's
 * write: one read (the child's day), then one statement for the report, the judged evening, the rollup queue and the
 * audit entry; the rollups fold the report in within seconds (flushRollups), so families never wait on each other.
 */
export async function saveFeedback(ctx: Ctx, input: z.output<typeof FeedbackInput>) {
  requirePermission(ctx, 'homework.feedback');
  // judged against the database as it is now, never a kept copy
  const row = await readChildDay(ctx, input.studentId, input.date, 'database');
  if (!allows(ctx, 'homework.feedback', childKeys(ctx, row))) throw forbidden('只能为自己的孩子填报');
  const now = today(ctx);
  if (input.date > now) throw invalid('date', '日期', '还没到这一天，不能填报');
  if (input.date < addDays(now, -7)) throw invalid('date', '日期', '只能填报最近 7 天的作业');
  if (input.endedAt) {
    // a time before noon is the small hours after that evening
    const endedOn = input.endedAt < '12:00' ? addDays(input.date, 1) : input.date;
    const clock = localNow(ctx);
    if (`${endedOn} ${input.endedAt}` > `${clock.date} ${clock.time}`) throw invalid('endedAt', '结束时间', '还没到这个时间');
  }
  const list = row.list;
  if (!list) throw new AppError(409, 'CONFLICT', '这一天还没有公示的作业清单');
  const published = list.items as SnapshotItem[];
  const seen = new Set<string>();
  input.items.forEach((i, n) => {
    if (!published.some((p) => p.itemId === i.itemId)) throw invalid(`items.${n}.itemId`, '作业', '不在当日公示的作业清单中');
    if (seen.has(i.itemId)) throw invalid(`items.${n}.itemId`, '作业', '重复填报同一项作业');
    seen.add(i.itemId);
  });
  // the policy in force on the reported day, cited in the audit entry
  const { policy, versions } = await homeworkPolicy(ctx.db, ctx.user.districtId, input.date);
  // an item not mentioned counts as not done, so a half-filled form never reads as finished
  const report = published.map((p) => {
    const given = input.items.find((i) => i.itemId === p.itemId);
    return { itemId: p.itemId, counted: countsTowardLimit(p), done: given?.done ?? false, minutes: given?.minutes ?? null };
  });
  if (input.stoppedAtBedtime && !bedtimeStopAllowed(report))
    throw invalid(
      'stoppedAtBedtime',
      '到就寝时间停下',
      report.some((r) => r.counted)
        ? '计入上限的作业都已完成，不能选这一项；有作业没做完、到就寝时间停下时才选'
        : '当天没有计入上限的书面作业，不用选这一项',
    );
  const grade = Number(row.grade);
  const bedtime = bedtimeFor(grade, policy);
  const judged = judgeStudentDay({ items: report, stoppedAtBedtime: input.stoppedAtBedtime, endedAt: input.endedAt }, list.limit, bedtime);
  const key = { districtId: ctx.user.districtId, studentId: row.id, classId: String(row.class_id), schoolId: String(row.school_id), date: input.date };
  const items = input.items.map((i) => ({ itemId: i.itemId, done: i.done, minutes: i.minutes ?? null }));
  const at = ctx.now().toISOString();
  // the child's day kept by this and other servers goes with the report (child-day-cache.ts)
  const kept = childDayKey(key.districtId, key.studentId, key.date);
  const entry = auditStatement(ctx.db, ctx.actor, {
    action: 'homework.feedback',
    entity: 'student',
    entityId: row.id,
    after: {
      date: input.date,
      items: input.items,
      stoppedAtBedtime: input.stoppedAtBedtime,
      withinLimit: judged.withinLimit,
      endedAt: judged.endedAt,
      lateMinutes: judged.lateMinutes,
      rules: { limit: list.limit, bedtime, rule: 'homework.bedtime', policyVersions: versions },
    },
  });
  // one statement: atomic without a transaction, one round trip, prepared once per connection
  await ctx.prepared(sql`
    with given as (
      select * from json_to_recordset(${JSON.stringify(items)}::json) as x("itemId" uuid, done boolean, minutes smallint)
    ),
    gone as (
      delete from homework_feedback f where f.district_id = ${key.districtId} and f.student_id = ${key.studentId} and f.date = ${key.date}
        and f.item_id not in (select "itemId" from given)
    ),
    saved as (
      insert into homework_feedback (district_id, student_id, item_id, class_id, date, done, minutes, reported_by, reported_at)
      select ${key.districtId}, ${key.studentId}, g."itemId", ${key.classId}, ${key.date}, g.done, g.minutes, ${ctx.user.id}, ${at}::timestamptz from given g
      on conflict (district_id, student_id, date, item_id) do update set
        class_id = excluded.class_id, done = excluded.done, minutes = excluded.minutes,
        reported_by = excluded.reported_by, reported_at = excluded.reported_at
    ),
    day as (
      insert into homework_student_days (district_id, student_id, date, class_id, school_id, minutes, finished, within_limit, stopped_at_bedtime,
        ended_at, late_minutes, reported_by, reported_at)
      values (${key.districtId}, ${key.studentId}, ${key.date}, ${key.classId}, ${key.schoolId}, ${judged.minutes}, ${judged.finished},
        ${judged.withinLimit}, ${judged.stoppedAtBedtime}, ${judged.endedAt}::time, ${judged.lateMinutes}, ${ctx.user.id}, ${at}::timestamptz)
      on conflict (district_id, student_id, date) do update set
        class_id = excluded.class_id, school_id = excluded.school_id, minutes = excluded.minutes, finished = excluded.finished,
        within_limit = excluded.within_limit, stopped_at_bedtime = excluded.stopped_at_bedtime, ended_at = excluded.ended_at,
        late_minutes = excluded.late_minutes, reported_by = excluded.reported_by, reported_at = excluded.reported_at
    ),
    queued as (${queueOutcome(key, notifyingRow('homework.childDay', kept))})
    ${entry}`);
  dropHere('homework.childDay', kept);
  // the day as now saved, without reading it again
  const saved: ChildDayRow['judged'] = {
    stopped_at_bedtime: judged.stoppedAtBedtime,
    minutes: judged.minutes,
    within_limit: judged.withinLimit,
    ended_at: judged.endedAt,
    late_minutes: judged.lateMinutes,
    reported_at: at,
  };
  return toChildDay(ctx, { ...row, feedback: items, judged: saved }, input.date);
}

/** The printable public notice of a class's day (作业公示): a published version, the latest by default. */
export async function notice(ctx: Ctx, classId: string, date: LocalDate, version?: number) {
  requirePermission(ctx, 'homework.published.read');
  const [row] = await ctx.db
    .select({ p: homeworkPublished, className: classDirectory.name, schoolName: classDirectory.schoolName })
    .from(homeworkPublished)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkPublished.districtId), eq(classDirectory.id, homeworkPublished.classId)))
    .where(
      and(
        scoped(ctx, homeworkPublished, 'homework.published.read'),
        eq(homeworkPublished.classId, classId),
        eq(homeworkPublished.date, date),
        version ? eq(homeworkPublished.version, version) : undefined,
      ),
    )
    .orderBy(desc(homeworkPublished.version))
    .limit(1);
  if (!row) throw found([], '公示清单');
  return toList(row.p, row.className, row.schoolName);
}

