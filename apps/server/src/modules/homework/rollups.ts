/**
 * Rollups kept current on write: per class-day (planned load, families' outcome), per school-week, per item. Dashboards
 * read these; `rebuildRollups` recomputes everything from raw rows in bulk (demo data, synthetic districts, repair).
 */
import { checkClassDay, classDayOutcome, type DayKind, itemOverrun, type HomeworkPolicy, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { studentDirectory } from '../org';
import { homeworkClassDayStats, homeworkFeedback, homeworkItems, homeworkItemStats, homeworkStudentDays } from './schema';

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
}

/** Families' outcome for the class-day, from every child's judged evening. */
export async function refreshOutcome(q: Queryable, key: ClassDayKey, target: number) {
  const days = await q
    .select({
      minutes: homeworkStudentDays.minutes,
      withinLimit: homeworkStudentDays.withinLimit,
      stoppedAtBedtime: homeworkStudentDays.stoppedAtBedtime,
      lateMinutes: homeworkStudentDays.lateMinutes,
    })
    .from(homeworkStudentDays)
    .where(and(eq(homeworkStudentDays.districtId, key.districtId), eq(homeworkStudentDays.classId, key.classId), eq(homeworkStudentDays.date, key.date)));
  const o = classDayOutcome(
    days.map((d) => ({ ...d, overLimit: d.stoppedAtBedtime || d.minutes > key.limit })),
    target,
  );
  const values = {
    reporters: o.reporters,
    withinLimit: o.withinLimit,
    bedtimeStops: o.bedtimeStops,
    lateNights: o.lateNights,
    overLimit: o.overLimit,
    medianMinutes: o.medianMinutes,
    p90Minutes: o.p90Minutes,
    overloaded: o.overloaded,
    updatedAt: new Date(),
  };
  await q
    .insert(homeworkClassDayStats)
    .values({ districtId: key.districtId, classId: key.classId, date: key.date, schoolId: key.schoolId, grade: key.grade, dayKind: key.dayKind, limit: key.limit, ...values })
    .onConflictDoUpdate({ target: [homeworkClassDayStats.districtId, homeworkClassDayStats.classId, homeworkClassDayStats.date], set: values });
  await refreshSchoolWeek(q, key.districtId, key.schoolId, weekStart(key.date));
}

export async function refreshSchoolWeek(q: Queryable, districtId: string, schoolId: string, monday: LocalDate) {
  await q.execute(sql`
    insert into homework_school_week_stats
      (district_id, school_id, week_start, class_days, reported_days, overloaded_days, planned_over_days, students, reporters, within_limit, bedtime_stops, updated_at)
    select district_id, school_id, ${monday}::date,
      count(*) filter (where published), count(*) filter (where reporters > 0), count(*) filter (where overloaded),
      count(*) filter (where planned_over), coalesce(sum(students) filter (where published), 0), coalesce(sum(reporters), 0),
      coalesce(sum(within_limit), 0), coalesce(sum(bedtime_stops), 0), now()
    from homework_class_day_stats
    where district_id = ${districtId} and school_id = ${schoolId} and date between ${monday}::date and ${monday}::date + 6
    group by district_id, school_id
    on conflict (district_id, school_id, week_start) do update set
      class_days = excluded.class_days, reported_days = excluded.reported_days, overloaded_days = excluded.overloaded_days,
      planned_over_days = excluded.planned_over_days, students = excluded.students, reporters = excluded.reporters, within_limit = excluded.within_limit,
      bedtime_stops = excluded.bedtime_stops, updated_at = excluded.updated_at`);
}

/** Median actual time of each item against its estimate. */
export async function refreshItemStats(q: Queryable, districtId: string, itemIds: readonly string[], policy: HomeworkPolicy) {
  if (!itemIds.length) return;
  const [items, reports] = await Promise.all([
    q
      .select({ id: homeworkItems.id, teacherId: homeworkItems.teacherId, schoolId: homeworkItems.schoolId, classId: homeworkItems.classId, date: homeworkItems.date, minutes: homeworkItems.minutes })
      .from(homeworkItems)
      .where(and(eq(homeworkItems.districtId, districtId), inArray(homeworkItems.id, [...itemIds]))),
    q
      .select({ itemId: homeworkFeedback.itemId, minutes: homeworkFeedback.minutes })
      .from(homeworkFeedback)
      .where(and(eq(homeworkFeedback.districtId, districtId), inArray(homeworkFeedback.itemId, [...itemIds]), eq(homeworkFeedback.done, true), isNotNull(homeworkFeedback.minutes))),
  ]);
  for (const item of items) {
    const actual = reports.filter((r) => r.itemId === item.id).map((r) => r.minutes!);
    const o = itemOverrun(item.minutes, actual, policy);
    const values = { estimate: item.minutes, reports: o.reports, medianMinutes: o.median, ratio: o.ratio, flagged: o.flagged };
    await q
      .insert(homeworkItemStats)
      .values({ districtId, itemId: item.id, teacherId: item.teacherId, schoolId: item.schoolId, classId: item.classId, date: item.date, ...values })
      .onConflictDoUpdate({ target: [homeworkItemStats.districtId, homeworkItemStats.itemId], set: values });
  }
}

/**
 * Recomputes every rollup of a district from raw rows with set-based SQL (no per-row round trips). Planned load and
 * publication come from the latest published list of each class-day; outcomes from the judged student days.
 */
export async function rebuildRollups(q: Queryable, districtId: string, policy: Pick<HomeworkPolicy, 'overrun' | 'completionTarget'>) {
  const { overrun, completionTarget } = policy;
  await q.execute(sql`delete from homework_class_day_stats where district_id = ${districtId}`);
  await q.execute(sql`
    insert into homework_class_day_stats
      (district_id, class_id, date, school_id, grade, day_kind, limit_minutes, planned_written, planned_optional, planned_other,
       published, planned_over, students, reporters, within_limit, bedtime_stops, late_nights, over_limit, median_minutes, p90_minutes, overloaded, updated_at)
    select p.district_id, p.class_id, p.date, p.school_id, p.grade, p.day_kind, p.limit_minutes, p.written, p.optional, p.other + p.in_school,
      true, p.written > p.limit_minutes, coalesce(c.students, 0),
      coalesce(o.reporters, 0), coalesce(o.within_limit, 0), coalesce(o.bedtime_stops, 0), coalesce(o.late_nights, 0), coalesce(o.over_limit, 0), o.median, o.p90,
      coalesce(o.reporters > 0 and o.over_limit::real / o.reporters > 1 - ${completionTarget}::real + 1e-9, false), now()
    from (select distinct on (district_id, class_id, date) * from homework_published where district_id = ${districtId}
          order by district_id, class_id, date, version desc) p
    left join lateral (
      select count(*)::int as reporters, count(*) filter (where within_limit)::int as within_limit,
        count(*) filter (where stopped_at_bedtime)::int as bedtime_stops, count(*) filter (where late_minutes > 0)::int as late_nights,
        count(*) filter (where stopped_at_bedtime or minutes > p.limit_minutes)::int as over_limit,
        percentile_disc(0.5) within group (order by minutes) as median, percentile_disc(0.9) within group (order by minutes) as p90
      from homework_student_days d where d.district_id = p.district_id and d.class_id = p.class_id and d.date = p.date
    ) o on true
    left join (select district_id, class_id, count(*)::int as students from student_directory
               where district_id = ${districtId} and status = 'active' group by district_id, class_id) c
      on c.district_id = p.district_id and c.class_id = p.class_id
    -- day by day, as the rows accrue when the platform runs: a day's classes sit together for the district's reads
    order by p.date, p.class_id`);
  await q.execute(sql`delete from homework_school_week_stats where district_id = ${districtId}`);
  await q.execute(sql`
    insert into homework_school_week_stats
      (district_id, school_id, week_start, class_days, reported_days, overloaded_days, planned_over_days, students, reporters, within_limit, bedtime_stops, updated_at)
    select district_id, school_id, date_trunc('week', date)::date,
      count(*) filter (where published), count(*) filter (where reporters > 0), count(*) filter (where overloaded),
      count(*) filter (where planned_over), coalesce(sum(students) filter (where published), 0), sum(reporters), sum(within_limit), sum(bedtime_stops), now()
    from homework_class_day_stats where district_id = ${districtId}
    group by district_id, school_id, date_trunc('week', date)`);
  await q.execute(sql`delete from homework_item_stats where district_id = ${districtId}`);
  await q.execute(sql`
    insert into homework_item_stats (district_id, item_id, teacher_id, school_id, class_id, date, estimate, reports, median_minutes, ratio, flagged)
    select i.district_id, i.id, i.teacher_id, i.school_id, i.class_id, i.date, i.minutes, coalesce(f.reports, 0), f.median,
      case when f.median is null or i.minutes = 0 then null else f.median::real / i.minutes end,
      coalesce(f.reports >= ${overrun.minReports}::int and f.median > ${overrun.factor}::real * i.minutes, false)
    from homework_items i
    left join lateral (
      select count(*)::int as reports, percentile_disc(0.5) within group (order by minutes) as median
      from homework_feedback f where f.district_id = i.district_id and f.item_id = i.id and f.done and f.minutes is not null
    ) f on true
    where i.district_id = ${districtId} and i.status = 'ready'`);
}

