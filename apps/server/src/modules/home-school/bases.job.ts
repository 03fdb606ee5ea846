/**
 * The dashboard's bases: each class's active pupils, special pupils and special pupils cared for recently, and each
 * school's teachers, kept in the indicator rollup for the semester (HS_INDICATORS.base*). They change with the roster,
 * the sensitive flags and the passing days, so they are refreshed in the background, set-based, one statement per
 * district, instead of being counted on every dashboard request (a 200,000-pupil district is a 100 ms scan).
 */
import { HS_INDICATORS } from '@shuangjian/contracts';
import { addDays, type LocalDate, localDateTimeIn } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { semesterPeriod } from '../../platform/indicators';
import { perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { classHeadcounts, schoolHeadcounts } from '../org';
import { currentSemester } from './home-school.repo';
import { homeSchoolPolicy } from './home-school.policy';

const BASES = [HS_INDICATORS.basePupils, HS_INDICATORS.baseSpecial, HS_INDICATORS.baseCared, HS_INDICATORS.baseTeachers];

/** Rewrites the district's bases for a semester as of `day` (the demo, the bench and the job call it). */
export async function refreshHomeSchoolBases(q: Queryable, districtId: string, semesterId: string, day: LocalDate): Promise<void> {
  const { values } = await homeSchoolPolicy(q, districtId, day);
  const since = addDays(day, -values['home-school.care'].recentDays);
  const period = semesterPeriod(semesterId);
  // a class deleted since the last refresh leaves no row behind
  await q.execute(sql`
    delete from indicator_rollups r
    where r.district_id = ${districtId} and r.period = ${period} and r.class_id is not null
      and r.indicator in (${sql.join(BASES.map((b) => sql`${b}`), sql`, `)})
      and not exists (select 1 from classes c where c.district_id = r.district_id and c.id = r.class_id)`);
  await q.execute(sql`
    insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
    with h as ${classHeadcounts(districtId)},
    cared as (
      select st.class_id, count(*)::int as n
      from hs_special_files f
      join students st on st.district_id = f.district_id and st.id = f.student_id and st.status = 'active'
      where f.district_id = ${districtId} and f.last_care_date >= ${since}
      group by st.class_id
    )
    select ${districtId}::uuid, x.indicator, ${period}, x.scope_id, x.school_id, x.class_id, x.num, x.den from (
      select ${HS_INDICATORS.basePupils} as indicator, h.class_id as scope_id, h.school_id, h.class_id, h.students as num, 1 as den from h
      union all
      select ${HS_INDICATORS.baseSpecial}, h.class_id, h.school_id, h.class_id, h.special, 0 from h
      union all
      select ${HS_INDICATORS.baseCared}, h.class_id, h.school_id, h.class_id, coalesce(cared.n, 0), 0 from h left join cared on cared.class_id = h.class_id
      union all
      select ${HS_INDICATORS.baseTeachers}, t.school_id, t.school_id, null, t.teachers, 0 from ${schoolHeadcounts(districtId)} t
    ) x
    on conflict (district_id, indicator, period, scope_id) do update set num = excluded.num, den = excluded.den, updated_at = now()`);
}

export const basesJob = (): ScheduledJob =>
  perDistrictJob('home-school.bases', 10 * 60_000, async (deps, d) => {
    const day = localDateTimeIn(d.timezone, deps.now()).date;
    const semester = await currentSemester(deps.db, d.id, day);
    // a past semester's bases stay as they were when it ended
    if (!semester || day < semester.startDate || day > semester.endDate) return 0;
    await refreshHomeSchoolBases(deps.db, d.id, semester.id, day);
    return 1;
  });
