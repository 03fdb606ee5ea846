/**
 * The 五项管理 scenarios' stage in the synthetic district: a week of sleep reports (a quarter of the families each
 * night, deterministic), the sleep figures of those weeks counted from them, and the other figures the dashboard reads
 * (earlier weeks' sleep and activity per class, this week's phones kept per class and day, the semester's phone,
 * fitness-test, reading and self-check figures, the exams module's) in the indicator rollup, set-based. Re-running
 * replaces them. The scenarios: the district dashboard read (`GET /api/five-managements/dashboard`) and a family's
 * sleep report (`PUT /api/five-managements/sleep/family/reports`) for the night two days back.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn, weekStart } from '@shuangjian/policy';
import type pg from 'pg';

export interface ManagementsStage {
  /** The night the families' reports are for (always over, and within the days a family may still report). */
  night: string;
  weeks: number;
  reports: number;
  figures: number;
}

/** Weeks of figures before this one (the dashboard's class trend reads 8). */
const WEEKS = 8;

export async function stageManagements(c: pg.Client, districtId: string): Promise<ManagementsStage> {
  const today = todayIn(DEFAULT_TIME_ZONE);
  const monday = weekStart(today);
  const night = addDays(today, -2);
  const from = addDays(today, -8);
  const [semester] = (await c.query(`select id from semesters where district_id = $1 order by start_date desc limit 1`, [districtId])).rows as { id: string }[];
  const [admin] = (await c.query(`select id from users where district_id = $1 and username = 'bench-admin'`, [districtId])).rows as { id: string }[];
  const rand = (key: string) => `((('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint) / 4294967296.0)`;

  // a quarter of the families report each of the last nights: primary 21:00–22:00 to bed, up 06:30–07:30
  await c.query(`delete from five_sleep_reports where district_id = $1 and date >= $2::date`, [districtId, from]);
  const reports = await c.query(
    `insert into five_sleep_reports (district_id, student_id, date, school_id, class_id, grade, stage, bedtime, wake_time, minutes,
       meets_minimum, bedtime_ok, late_minutes, min_minutes, latest_bedtime, reported_by)
     select $1, s.id, d::date, s.school_id, s.class_id, c.grade, st.stage, to_char(bt, 'HH24:MI'), to_char(wk, 'HH24:MI'),
       m, m >= st.min_minutes, to_char(bt, 'HH24:MI') <= st.latest, greatest(0, extract(epoch from (bt - st.latest::time)) / 60)::int,
       st.min_minutes, st.latest, $3
     from students s
     join classes c on c.district_id = s.district_id and c.id = s.class_id
     cross join generate_series($2::date, $4::date, interval '1 day') d
     cross join lateral (select case when c.grade <= 6 then 'primary' else 'junior' end as stage,
                                case when c.grade <= 6 then 600 else 540 end as min_minutes,
                                case when c.grade <= 6 then '21:20' else '22:00' end as latest) st
     cross join lateral (select time '21:00' + (floor(${rand(`s.id::text || d::text || 'b'`)} * 60)::int * interval '1 minute') as bt,
                                time '06:30' + (floor(${rand(`s.id::text || d::text || 'w'`)} * 60)::int * interval '1 minute') as wk) t
     cross join lateral (select (extract(epoch from (wk - bt)) / 60 + 1440)::int % 1440 as m) mm
     where s.district_id = $1 and s.status = 'active' and ${rand(`s.id::text || d::text`)} < 0.25`,
    [districtId, from, admin!.id, night],
  );

  const set = `on conflict (district_id, indicator, period, scope_id) do update set num = excluded.num, den = excluded.den, updated_at = now()`;
  let figures = 0;
  const put = async (sql: string, params: unknown[]) => {
    figures += (await c.query(sql, params)).rowCount ?? 0;
  };
  // the reported weeks' sleep figures, counted from the reports
  for (const [indicator, column] of [['five-managements.sleep.meets', 'meets_minimum'], ['five-managements.sleep.bedtime', 'bedtime_ok']] as const)
    await put(
      `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
       select $1, $2, 'week:' || to_char(date_trunc('week', date), 'YYYY-MM-DD'), class_id, school_id, class_id, count(*) filter (where ${column}), count(*)
       from five_sleep_reports where district_id = $1 and date >= $3::date group by class_id, school_id, date_trunc('week', date) ${set}`,
      [districtId, indicator, from],
    );
  // earlier weeks: sleep and daily activity per class (40 pupils, five school days); constants inlined (typed here)
  const weekly = [
    ['five-managements.sleep.meets', 0.7, 40],
    ['five-managements.sleep.bedtime', 0.75, 40],
    ['five-managements.fitness.big-break', 0.85, 5],
    ['five-managements.fitness.eye', 0.9, 10],
    ['five-managements.fitness.activity', 0.8, 5],
  ] as const;
  const drawn = (key: string, base: number, den: number, scale = 1) => `floor(${den} * (${base} + ${1 - base} * ${rand(key)} * ${scale}))::int`;
  for (const [indicator, base, den] of weekly)
    await put(
      `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
       select $1, '${indicator}', 'week:' || to_char(w, 'YYYY-MM-DD'), c.id, c.school_id, c.id, ${drawn(`c.id::text || w::text || '${indicator}'`, base, den)}, ${den}
       from classes c cross join generate_series($2::date - ${7 * WEEKS}, $2::date - 7, interval '7 days') w
       where c.district_id = $1 and (w < date_trunc('week', $3::date) or ${indicator.startsWith('five-managements.sleep.') ? 'false' : 'true'}) ${set}`,
      [districtId, monday, from],
    );
  // this week's fitness, and phones kept each school day so far (about 3 pupils a class have an approved request)
  for (const [indicator, base, den] of weekly.slice(2))
    await put(
      `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
       select $1, '${indicator}', $2, c.id, c.school_id, c.id, ${drawn(`c.id::text || $2 || '${indicator}'`, base, den)}, ${den}
       from classes c where c.district_id = $1 ${set}`,
      [districtId, `week:${monday}`],
    );
  await put(
    `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
     select $1, 'five-managements.phones.kept', 'day:' || to_char(d, 'YYYY-MM-DD'), c.id, c.school_id, c.id, 3 - (${rand(`c.id::text || d::text`)} < 0.1)::int, 3
     from classes c cross join generate_series($2::date, $3::date, interval '1 day') d where c.district_id = $1 and extract(isodow from d) <= 5 ${set}`,
    [districtId, monday, today],
  );
  // the semester: per class (phone requests, fitness test, exams' results and growth records), per school (reading
  // filings, self-check, exam filings)
  const perClass = [
    ['five-managements.phones.approved', 0.8, 4],
    ['five-managements.fitness.pass', 0.88, 40],
    ['exams.results.recorded', 0.9, 40],
    ['exams.growth.complete', 0.6, 40],
  ] as const;
  for (const [indicator, base, den] of perClass)
    await put(
      `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
       select $1, '${indicator}', $2, c.id, c.school_id, c.id, ${drawn(`c.id::text || '${indicator}'`, base, den)}, ${den}
       from classes c where c.district_id = $1 ${set}`,
      [districtId, `semester:${semester!.id}`],
    );
  const perSchool = [
    ['five-managements.reading.flagged', 0, 30, 0.1],
    ['five-managements.selfcheck.answered', 0.7, 24, 1],
    ['five-managements.selfcheck.rectified', 0.5, 6, 1],
    ['exams.filings.accepted', 0.8, 5, 1],
    ['exams.filings.refused', 0, 5, 0.3],
  ] as const;
  for (const [indicator, base, den, scale] of perSchool)
    await put(
      `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)
       select $1, '${indicator}', $2, s.id, s.id, null, ${drawn(`s.id::text || '${indicator}'`, base, den, scale)}, ${den}
       from schools s where s.district_id = $1 ${set}`,
      [districtId, `semester:${semester!.id}`],
    );
  return { night, weeks: WEEKS, reports: reports.rowCount ?? 0, figures };
}
