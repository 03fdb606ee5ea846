/**
 * The district's after-school rollup (after_school_school_stats), recomputed per district and semester from raw rows
 * in one set-based statement. Writes keep their own columns current between refreshes (a choice moves
 * students_served, a session's attendance its counts, a payment the fees); the scheduled refresh corrects any drift
 * and fills what no write of this module moves (students and teachers of each school, from the organisation).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db';
import type { ScheduledJob } from '../../platform/scheduler';
import { todayIn } from '@shuangjian/policy';
import { schoolHeadcounts } from '../org';
import { semesterAt, semestersOf } from './semesters';

/** How often the scheduled refresh runs: dashboards' headcounts are at most this old. */
export const STATS_REFRESH_MS = 5 * 60_000;

/** Recomputes every school's row of the district's semester (every school gets one, 'none' where no plan is filed). */
export async function refreshSchoolStats(q: Queryable, districtId: string, semester: { id: string; startDate: string; endDate: string }) {
  await q.execute(sql`
    with heads as ${schoolHeadcounts(districtId)},
    plan as (
      select distinct on (school_id) school_id, status from after_school_plans
      where district_id = ${districtId} and semester_id = ${semester.id}
      order by school_id, (status = 'approved') desc, version desc
    ),
    course as (
      select school_id, count(*)::int as courses, count(*) filter (where staffing = 'provider')::int as provider_courses
      from after_school_courses where district_id = ${districtId} and semester_id = ${semester.id} and status = 'open'
      group by school_id
    ),
    served as (
      select e.school_id, count(distinct e.student_id)::int as n
      from after_school_enrolments e
      join after_school_courses c on c.district_id = e.district_id and c.id = e.course_id
      where e.district_id = ${districtId} and c.semester_id = ${semester.id} and e.status = 'enrolled'
      group by e.school_id
    ),
    session as (
      select school_id, count(*)::int as held, coalesce(sum(present), 0)::int as present, coalesce(sum(expected), 0)::int as expected
      from after_school_sessions
      where district_id = ${districtId} and status = 'held' and date between ${semester.startDate} and ${semester.endDate}
      group by school_id
    ),
    serving as (
      select school_id, count(distinct teacher_id)::int as n from (
        select school_id, unnest(teacher_ids) as teacher_id from after_school_courses
        where district_id = ${districtId} and semester_id = ${semester.id} and status = 'open'
        union
        select school_id, unnest(teacher_ids) from after_school_sessions
        where district_id = ${districtId} and status = 'held' and date between ${semester.startDate} and ${semester.endDate}
      ) t group by school_id
    )
    insert into after_school_school_stats as s
      (district_id, school_id, semester_id, plan_status, students, students_served, teachers, teachers_serving, courses,
       provider_courses, sessions_held, attendance_present, attendance_expected, refreshed_at)
    select ${districtId}, h.school_id, ${semester.id}, coalesce(plan.status, 'none'), h.students, coalesce(served.n, 0), h.teachers,
      coalesce(serving.n, 0), coalesce(course.courses, 0), coalesce(course.provider_courses, 0), coalesce(session.held, 0),
      coalesce(session.present, 0), coalesce(session.expected, 0), now()
    from heads h
    left join plan on plan.school_id = h.school_id
    left join course on course.school_id = h.school_id
    left join served on served.school_id = h.school_id
    left join session on session.school_id = h.school_id
    left join serving on serving.school_id = h.school_id
    on conflict (district_id, school_id, semester_id) do update set
      plan_status = excluded.plan_status, students = excluded.students, students_served = excluded.students_served,
      teachers = excluded.teachers, teachers_serving = excluded.teachers_serving, courses = excluded.courses,
      provider_courses = excluded.provider_courses, sessions_held = excluded.sessions_held,
      attendance_present = excluded.attendance_present, attendance_expected = excluded.attendance_expected,
      refreshed_at = excluded.refreshed_at
  `);
}

/** Refreshes the semester in force of every district (its rows are what the dashboards open on). */
export function statsRefreshJob(): ScheduledJob {
  return {
    name: 'after-school.stats',
    everyMs: STATS_REFRESH_MS,
    async run({ db, now }) {
      const districts = await rowsOf<{ id: string; timezone: string }>(db, sql`select id, timezone from districts`);
      for (const d of districts) {
        const semester = semesterAt(await semestersOf(db, d.id), todayIn(d.timezone, now()));
        if (semester) await refreshSchoolStats(db, d.id, semester);
      }
    },
  };
}
