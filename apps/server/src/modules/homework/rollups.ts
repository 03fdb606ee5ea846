/**
 * Rollups kept current on write: per class-day (planned load, families' outcome), per school-week, per item. Dashboards
 * read these; `rebuildRollups` recomputes everything from raw rows in bulk (demo data, synthetic districts, repair).
 */
import { checkClassDay, type DayKind, type HomeworkPolicy, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, eachAtOnce, pgArray, type Queryable, rowsOf } from '../../platform/db';
import type { ScheduledJob } from '../../platform/scheduler';
import { studentDirectory } from '../org';
import { homeworkPolicy } from './homework.policy';
import { homeworkClassDayStats, homeworkItems } from './schema';

export interface ClassDayKey {
  districtId: string;
  schoolId: string;
  classId: string;
  grade: number;
  date: LocalDate;
  dayKind: DayKind;
  limit: number;
}

/** Planned load of the day's ready items (what the class teacher coordinates and what gets published). */
export async function refreshPlanned(q: Queryable, key: ClassDayKey, policy: HomeworkPolicy, published: boolean) {
  const ready = await q
    .select({ type: homeworkItems.type, layer: homeworkItems.layer, place: homeworkItems.place, minutes: homeworkItems.minutes, content: homeworkItems.content })
    .from(homeworkItems)
    .where(and(eq(homeworkItems.districtId, key.districtId), eq(homeworkItems.classId, key.classId), eq(homeworkItems.date, key.date), eq(homeworkItems.status, 'ready')));
  const check = checkClassDay(ready, key.grade, key.dayKind, policy);
  const plannedOver = check.violations.some((v) => v.rule !== 'homework.forbiddenContent');
  // the families asked to report: the class as it is when its day is planned or published
  const [{ students } = { students: 0 }] = await q
    .select({ students: sql<number>`count(*)::int` })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, key.districtId), eq(studentDirectory.classId, key.classId), eq(studentDirectory.status, 'active')));
  const values = {
    students,
    plannedWritten: check.written,
    plannedOptional: check.optional,
    plannedOther: check.other + check.inSchool,
    plannedOver,
    published,
    dayKind: key.dayKind,
    limit: key.limit,
    updatedAt: new Date(),
  };
  await q
    .insert(homeworkClassDayStats)
    .values({ districtId: key.districtId, classId: key.classId, date: key.date, schoolId: key.schoolId, grade: key.grade, ...values })
    .onConflictDoUpdate({ target: [homeworkClassDayStats.districtId, homeworkClassDayStats.classId, homeworkClassDayStats.date], set: values });
  await refreshSchoolWeek(q, key.districtId, key.schoolId, weekStart(key.date));
  // a flush running meanwhile may write this school-week from a snapshot without this change: the next one has it
  await q.execute(queueOutcome(key));
}

/**
 * The families' outcome of the class-days `cd` (a relation with district_id, class_id, date and limit_minutes) from
 * every child's judged evening, as classDayOutcome counts it (percentile_disc is its nearest-rank percentile).
 */
const outcomeOf = (cd: string) =>
  sql.raw(`left join lateral (
    select count(*)::int as reporters, count(*) filter (where within_limit)::int as within_limit,
      count(*) filter (where stopped_at_bedtime)::int as bedtime_stops, count(*) filter (where late_minutes > 0)::int as late_nights,
      count(*) filter (where stopped_at_bedtime or minutes > ${cd}.limit_minutes)::int as over_limit,
      percentile_disc(0.5) within group (order by minutes) as median, percentile_disc(0.9) within group (order by minutes) as p90
    from homework_student_days d where d.district_id = ${cd}.district_id and d.class_id = ${cd}.class_id and d.date = ${cd}.date
  ) o on true`);
/** A class-day is over-loaded when more children than the completion target allows were over the limit. */
const overloaded = (target: SQL) => sql`coalesce(o.reporters > 0 and o.over_limit::real / o.reporters > 1 - ${target}::real + 1e-9, false)`;

/** Each item's reports (done, with minutes) of the items `i`, as itemOverrun reads them. */
const itemReports = sql.raw(`left join lateral (
    select count(*)::int as reports, percentile_disc(0.5) within group (order by minutes) as median
    from homework_feedback f where f.district_id = i.district_id and f.item_id = i.id and f.done and f.minutes is not null
  ) f on true`);
const itemStatsColumns = sql`i.district_id, i.id, i.teacher_id, i.school_id, i.class_id, i.date, i.minutes, coalesce(f.reports, 0), f.median,
  case when f.median is null or i.minutes = 0 then null else f.median::real / i.minutes end`;
const flagged = (factor: SQL, minReports: SQL) => sql`coalesce(f.reports >= ${minReports}::int and f.median > ${factor}::real * i.minutes, false)`;

/** School-week rollups of the class-day rows `c` that `from` yields (a FROM clause), written over what was there. */
const schoolWeeksFrom = (from: SQL) => sql`
  insert into homework_school_week_stats
    (district_id, school_id, week_start, class_days, reported_days, overloaded_days, planned_over_days, students, reporters, within_limit, bedtime_stops, updated_at)
  select c.district_id, c.school_id, date_trunc('week', c.date)::date,
    count(*) filter (where c.published), count(*) filter (where c.reporters > 0), count(*) filter (where c.overloaded),
    count(*) filter (where c.planned_over), coalesce(sum(c.students) filter (where c.published), 0), coalesce(sum(c.reporters), 0),
    coalesce(sum(c.within_limit), 0), coalesce(sum(c.bedtime_stops), 0), now()
  from ${from}
  group by c.district_id, c.school_id, date_trunc('week', c.date)
  on conflict (district_id, school_id, week_start) do update set
    class_days = excluded.class_days, reported_days = excluded.reported_days, overloaded_days = excluded.overloaded_days,
    planned_over_days = excluded.planned_over_days, students = excluded.students, reporters = excluded.reporters, within_limit = excluded.within_limit,
    bedtime_stops = excluded.bedtime_stops, updated_at = excluded.updated_at`;

export async function refreshSchoolWeek(q: Queryable, districtId: string, schoolId: string, monday: LocalDate) {
  await q.execute(
    schoolWeeksFrom(sql`homework_class_day_stats c where c.district_id = ${districtId} and c.school_id = ${schoolId} and c.date between ${monday}::date and ${monday}::date + 6`),
  );
}

/** Marks a class-day's families' outcome as changed: the next flushRollups folds it in (part of the caller's statement or transaction). */
export function queueOutcome(key: { districtId: string; classId: string; schoolId: string; date: LocalDate }, alongside: SQL = sql`select 1`) {
  // one row from `alongside` (a statement's notification, say), so it runs with the insert
  return sql`insert into homework_rollup_queue (district_id, class_id, school_id, date)
    select ${key.districtId}::uuid, ${key.classId}::uuid, ${key.schoolId}::uuid, ${key.date}::date from (${alongside}) alongside`;
}

/**
 * Folds the queued class-days of a district into the rollups: each class-day's outcome and its items' actual time
 * from the raw rows, then the school-weeks they fall in, each date judged by its own policy (completion target,
 * overrun). One flush per district at a time (an advisory lock; a busy district is left to the flush holding it), so
 * two flushes never write a school-week from different snapshots. Returns the class-days folded in, or null if busy.
 */
export async function flushRollups(db: Db, districtId: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${ROLLUP_LOCK}, hashtext(${districtId})) as locked`);
    if (!lock?.locked) return null;
    const dates = (await rowsOf<{ date: string }>(tx, sql`select distinct date::text as date from homework_rollup_queue where district_id = ${districtId}`)).map((r) => r.date);
    if (!dates.length) return 0;
    const rules = await eachAtOnce(tx, dates, async (date) => (await homeworkPolicy(tx, districtId, date)).policy);
    const folded = await rowsOf<{ school_id: string; week: string; n: number }>(
      tx,
      sql`
        with queued as (
          delete from homework_rollup_queue where district_id = ${districtId} and date = any(${pgArray(dates)}::date[]) returning class_id, school_id, date
        ),
        rules as (
          select * from unnest(${pgArray(dates)}::date[], ${pgArray(rules.map((r) => r.completionTarget))}::real[],
            ${pgArray(rules.map((r) => r.overrun.factor))}::real[], ${pgArray(rules.map((r) => r.overrun.minReports))}::int[]) as r(date, target, factor, min_reports)
        ),
        cd as (
          select s.district_id, s.class_id, s.date, s.limit_minutes, r.target from homework_class_day_stats s
          join (select distinct class_id, date from queued) k on s.class_id = k.class_id and s.date = k.date
          join rules r on r.date = s.date
          where s.district_id = ${districtId}
        ),
        outcome as (
          update homework_class_day_stats s set reporters = o.reporters, within_limit = o.within_limit, bedtime_stops = o.bedtime_stops,
            late_nights = o.late_nights, over_limit = o.over_limit, median_minutes = o.median, p90_minutes = o.p90,
            overloaded = ${overloaded(sql.raw('cd.target'))}, updated_at = now()
          from cd ${outcomeOf('cd')}
          where s.district_id = cd.district_id and s.class_id = cd.class_id and s.date = cd.date
        ),
        items as (
          insert into homework_item_stats (district_id, item_id, teacher_id, school_id, class_id, date, estimate, reports, median_minutes, ratio, flagged)
          select ${itemStatsColumns}, ${flagged(sql.raw('r.factor'), sql.raw('r.min_reports'))}
          from (select distinct class_id, date from queued) k join rules r on r.date = k.date
          join homework_items i on i.district_id = ${districtId} and i.class_id = k.class_id and i.date = k.date and i.status = 'ready'
          ${itemReports}
          on conflict (district_id, item_id) do update set estimate = excluded.estimate, reports = excluded.reports,
            median_minutes = excluded.median_minutes, ratio = excluded.ratio, flagged = excluded.flagged
        )
        select school_id, date_trunc('week', date)::date::text as week, count(distinct (class_id, date))::int as n from queued group by 1, 2`,
    );
    if (!folded.length) return 0;
    await tx.execute(
      schoolWeeksFrom(sql`unnest(${pgArray(folded.map((f) => f.school_id))}::uuid[], ${pgArray(folded.map((f) => f.week))}::date[]) as w(school_id, week)
        join homework_class_day_stats c on c.district_id = ${districtId} and c.school_id = w.school_id and c.date between w.week and w.week + 6`),
    );
    return folded.reduce((n, f) => n + f.n, 0);
  });
}

/** Every two seconds: the families' outcome reaches the class views and dashboards within this of a report. */
export const ROLLUP_FLUSH_MS = 2000;

export function rollupFlushJob(): ScheduledJob {
  return {
    name: 'homework.rollups',
    everyMs: ROLLUP_FLUSH_MS,
    async run({ db }) {
      const queued = await rowsOf<{ district_id: string }>(db, sql`select distinct district_id from homework_rollup_queue`);
      for (const { district_id: districtId } of queued) await flushRollups(db, districtId);
    },
  };
}

/** Key space of the rollup flush's advisory locks (the second key is the district's hash). */
const ROLLUP_LOCK = 7_210_001;

/**
 * Recomputes every rollup of a district from raw rows with set-based SQL (no per-row round trips). Planned load and
 * publication come from the latest published list of each class-day; outcomes from the judged student days.
 */
export async function rebuildRollups(q: Queryable, districtId: string, policy: Pick<HomeworkPolicy, 'overrun' | 'completionTarget'>) {
  const { overrun, completionTarget } = policy;
  await q.execute(sql`delete from homework_rollup_queue where district_id = ${districtId}`);
  await q.execute(sql`delete from homework_class_day_stats where district_id = ${districtId}`);
  await q.execute(sql`
    insert into homework_class_day_stats
      (district_id, class_id, date, school_id, grade, day_kind, limit_minutes, planned_written, planned_optional, planned_other,
       published, planned_over, students, reporters, within_limit, bedtime_stops, late_nights, over_limit, median_minutes, p90_minutes, overloaded, updated_at)
    select p.district_id, p.class_id, p.date, p.school_id, p.grade, p.day_kind, p.limit_minutes, p.written, p.optional, p.other + p.in_school,
      true, p.written > p.limit_minutes, coalesce(c.students, 0),
      coalesce(o.reporters, 0), coalesce(o.within_limit, 0), coalesce(o.bedtime_stops, 0), coalesce(o.late_nights, 0), coalesce(o.over_limit, 0), o.median, o.p90,
      ${overloaded(sql`${completionTarget}`)}, now()
    from (select distinct on (district_id, class_id, date) * from homework_published where district_id = ${districtId}
          order by district_id, class_id, date, version desc) p
    ${outcomeOf('p')}
    left join (select district_id, class_id, count(*)::int as students from student_directory
               where district_id = ${districtId} and status = 'active' group by district_id, class_id) c
      on c.district_id = p.district_id and c.class_id = p.class_id
    -- day by day, as the rows accrue when the platform runs: a day's classes sit together for the district's reads
    order by p.date, p.class_id`);
  await q.execute(sql`delete from homework_school_week_stats where district_id = ${districtId}`);
  await q.execute(schoolWeeksFrom(sql`homework_class_day_stats c where c.district_id = ${districtId}`));
  await q.execute(sql`delete from homework_item_stats where district_id = ${districtId}`);
  await q.execute(sql`
    insert into homework_item_stats (district_id, item_id, teacher_id, school_id, class_id, date, estimate, reports, median_minutes, ratio, flagged)
    select ${itemStatsColumns}, ${flagged(sql`${overrun.factor}`, sql`${overrun.minReports}`)}
    from homework_items i
    ${itemReports}
    where i.district_id = ${districtId} and i.status = 'ready'`);
}

