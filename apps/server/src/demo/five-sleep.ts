/**
 * Demo 五项管理: the sleep area's part (runs in demo/five-managements.ts). Three weeks of nights reported by about
 * three families in four, set-based in one statement: most nights meet the stage's minimum, a quarter of the classes
 * sleep short often enough to fall below the district's threshold, a few bedtimes run late, and a night whose homework
 * ended after the latest bedtime (the homework demo's 作业熔断 records) starts no earlier than that and counts against
 * it. Families with an account of their own leave the last two nights for themselves. The class figures
 * (sleepMeets, sleepBedtime) are written set-based from what was inserted.
 */
import { FIVE_INDICATORS } from '@shuangjian/contracts';
import { addDays, fiveManagementsSettings, type LocalDate } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db';
import { type IndicatorFigure, setIndicators, weekPeriod } from '../platform/indicators';

const NIGHTS = 21;

export async function seedFiveSleepDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const rule = fiveManagementsSettings['five-managements.sleep'].default;
  const from = addDays(today, -NIGHTS);
  const lastNight = addDays(today, -1);
  // evening minutes: minutes after noon (21:20 → 560); a draw is a stable hash of its key in [0, 1)
  const eve = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) - 720;
  await db.execute(sql`
    with admin as (
      select user_id from role_assignments where district_id = ${districtId} and role = 'district_admin' order by user_id limit 1
    ),
    parents as (
      select distinct on (gl.student_id) gl.student_id, g.user_id from guardian_links gl
      join guardians g on g.district_id = gl.district_id and g.id = gl.guardian_id
      where gl.district_id = ${districtId} and g.user_id is not null order by gl.student_id, g.user_id
    ),
    -- a quarter of the classes by draw sleep too little, and always each school's last class (the school's list of
    -- classes below the threshold is never empty by chance)
    poor as (
      select distinct on (school_id) id from classes where district_id = ${districtId} order by school_id, grade desc, name desc
    ),
    nights as (
      select s.district_id, s.id as student_id, s.school_id, s.class_id, c.grade, d::date as date, p.user_id as parent,
        abs(hashtext(s.id::text || d::date::text)) / 2147483648.0 as r_report,
        abs(hashtext(d::date::text || s.id::text || 'm')) / 2147483648.0 as r_meets,
        abs(hashtext(s.id::text || 'b' || d::date::text)) / 2147483648.0 as r_bed,
        abs(hashtext(s.id::text || 'j' || d::date::text)) / 2147483648.0 as r_jitter,
        abs(hashtext(c.id::text || 'sleep')) / 2147483648.0 as r_class
      from students s
      join classes c on c.district_id = s.district_id and c.id = s.class_id
      left join parents p on p.student_id = s.id
      cross join generate_series(${from}::date, ${lastNight}::date, interval '1 day') d
      where s.district_id = ${districtId} and s.status = 'active'
    ),
    ruled as (
      select n.*,
        case when n.grade <= 6 then 'primary' else 'junior' end as stage,
        case when n.grade <= 6 then ${rule.primary.minMinutes}::int else ${rule.junior.minMinutes}::int end as min_minutes,
        case when n.grade <= 6 then ${rule.primary.latestBedtime}::text else ${rule.junior.latestBedtime}::text end as latest_bedtime,
        case when n.grade <= 6 then ${eve(rule.primary.latestBedtime)}::int else ${eve(rule.junior.latestBedtime)}::int end as latest_eve,
        case when n.r_class < 0.25 or n.class_id in (select id from poor) then 0.7 else 0.93 end as p_meets,
        h.ended_at as hw_end,
        case when h.ended_at is null then null
          when extract(hour from h.ended_at) < 12 then extract(hour from h.ended_at) * 60 + extract(minute from h.ended_at) + 720
          else extract(hour from h.ended_at) * 60 + extract(minute from h.ended_at) - 720 end as hw_eve
      from nights n
      left join homework_student_days h on h.district_id = n.district_id and h.student_id = n.student_id and h.date = n.date
      where n.r_report < 0.75 and not (n.parent is not null and n.date >= ${addDays(today, -2)}::date)
    ),
    timed as (
      select r.*,
        greatest(
          r.latest_eve - 40 + floor(r.r_jitter * 35)::int + case when r.r_bed < 0.06 then 25 + floor(r.r_bed * 600)::int else 0 end,
          coalesce(r.hw_eve::int + 10, 0)
        ) as bed_eve,
        case when r.r_meets < r.p_meets then r.min_minutes + floor(r.r_jitter * 50)::int else r.min_minutes - 15 - floor(r.r_meets * 60)::int end as minutes
      from ruled r
    )
    insert into five_sleep_reports (district_id, student_id, date, school_id, class_id, grade, stage, bedtime, wake_time, minutes, meets_minimum,
      bedtime_ok, late_minutes, homework_late, as_usual, min_minutes, latest_bedtime, policy_versions, reported_by, reported_at)
    select t.district_id, t.student_id, t.date, t.school_id, t.class_id, t.grade, t.stage,
      to_char(time '12:00' + t.bed_eve * interval '1 minute', 'HH24:MI'),
      to_char(time '12:00' + (t.bed_eve + t.minutes) * interval '1 minute', 'HH24:MI'),
      t.minutes, t.minutes >= t.min_minutes, t.bed_eve <= t.latest_eve, greatest(0, t.bed_eve - t.latest_eve),
      coalesce(t.hw_eve > t.latest_eve, false), t.r_jitter < 0.3, t.min_minutes, t.latest_bedtime, null,
      coalesce(t.parent, (select user_id from admin)), (t.date + 1)::timestamp + interval '7 hours'
    from timed t`);
  const weeks = await rowsOf<{ school_id: string; class_id: string; week: string; reports: number; meets: number; bedtime_ok: number }>(
    db,
    sql`select school_id, class_id, date_trunc('week', date)::date::text as week, count(*)::int as reports,
          count(*) filter (where meets_minimum)::int as meets, count(*) filter (where bedtime_ok)::int as bedtime_ok
        from five_sleep_reports where district_id = ${districtId} group by school_id, class_id, date_trunc('week', date)`,
  );
  const figures: IndicatorFigure[] = weeks.flatMap((w) => [
    { districtId, indicator: FIVE_INDICATORS.sleepMeets, period: weekPeriod(w.week), schoolId: w.school_id, classId: w.class_id, num: Number(w.meets), den: Number(w.reports) },
    { districtId, indicator: FIVE_INDICATORS.sleepBedtime, period: weekPeriod(w.week), schoolId: w.school_id, classId: w.class_id, num: Number(w.bedtime_ok), den: Number(w.reports) },
  ]);
  await setIndicators(db, figures);
}
