/**
 * Demo 五项管理: the phones area's part (runs in demo/five-managements.ts). The district keeps the national rule
 * ('request'); about one pupil in twelve has a written request in some state (mostly approved, some pending, rejected,
 * withdrawn or revoked); every class has its 班主任沟通热线; the register holds two weeks of school-day marks (today's
 * left for the class teacher). Families with an account of their own file their own. Figures written set-based:
 * phoneApproved per class and semester, phoneKept per class and day.
 */
import { createHash } from 'node:crypto';
import { FIVE_INDICATORS, PHONE_UNDERTAKING_DEFAULT } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db';
import { dayPeriod, type IndicatorFigure, semesterPeriod, setIndicators } from '../platform/indicators';

const REASONS = [
  '孩子放学后独自乘公交回家，路上需要和家长联系',
  '家长在外地务工，孩子周末往返需要联系',
  '孩子放学后去祖父母家，需要报平安',
  '孩子参加课后体育训练，结束时间不固定，需要联系接送',
];

export async function seedFivePhonesDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const hash = createHash('sha256').update(PHONE_UNDERTAKING_DEFAULT, 'utf8').digest('hex');
  const reasons = `{${REASONS.map((r) => `"${r}"`).join(',')}}`;
  const draw = (key: string) => sql.raw(`abs(hashtext(${key})) / 2147483648.0`);
  await db.execute(sql`
    insert into five_phone_hotlines (district_id, class_id, school_id, phone, updated_by, updated_at)
    select c.district_id, c.id, c.school_id, '137' || lpad((10000000 + row_number() over (order by c.id))::text, 8, '0'), ra.user_id, now()
    from classes c
    join lateral (select user_id from role_assignments r where r.district_id = c.district_id and r.class_id = c.id and r.role = 'class_teacher' order by user_id limit 1) ra on true
    where c.district_id = ${districtId}`);
  await db.execute(sql`
    with admin as (select user_id from role_assignments where district_id = ${districtId} and role = 'district_admin' order by user_id limit 1),
    picked as (
      select s.district_id, s.id as student_id, s.school_id, s.class_id, ${draw("s.id::text || 'phone-state'")} as r_state, ${draw("s.id::text || 'phone-day'")} as r_day,
        (select user_id from role_assignments r where r.district_id = s.district_id and r.class_id = s.class_id and r.role = 'class_teacher' order by user_id limit 1) as teacher
      from students s
      where s.district_id = ${districtId} and s.status = 'active' and ${draw("s.id::text || 'phone'")} < 0.085
        and not exists (select 1 from guardian_links gl join guardians g on g.district_id = gl.district_id and g.id = gl.guardian_id
          where gl.district_id = s.district_id and gl.student_id = s.id and g.user_id is not null)
    ),
    stated as (
      select p.*, case when r_state < 0.62 then 'approved' when r_state < 0.76 then 'pending' when r_state < 0.86 then 'rejected' when r_state < 0.93 then 'withdrawn' else 'revoked' end as status,
        case when r_state >= 0.62 and r_state < 0.76 then ${today}::date - floor(r_day * 3)::int else ${today}::date - 10 - floor(r_day * 60)::int end as filed_on
      from picked p
    )
    insert into five_phone_requests (district_id, student_id, school_id, class_id, reason, undertaking, undertaking_hash, valid_until, status, filed_by, filed_on, filed_at,
      decided_by, decided_on, decided_at, decision_note, ended_at, revoked_reason)
    select st.district_id, st.student_id, st.school_id, st.class_id, (${reasons}::text[])[1 + floor(st.r_day * 4)::int], ${PHONE_UNDERTAKING_DEFAULT}, ${hash},
      st.filed_on + 140, st.status, (select user_id from admin), st.filed_on, st.filed_on::timestamp + interval '12 hours',
      case when st.status = 'pending' or (st.status = 'withdrawn' and st.r_day < 0.5) then null else st.teacher end,
      case when st.status = 'pending' or (st.status = 'withdrawn' and st.r_day < 0.5) then null else st.filed_on + 1 end,
      case when st.status = 'pending' or (st.status = 'withdrawn' and st.r_day < 0.5) then null else (st.filed_on + 1)::timestamp + interval '9 hours' end,
      case st.status when 'approved' then '同意。进校后交班主任统一保管，放学领回。' when 'rejected' then '孩子由家长接送，路上无需联系，暂不同意。' when 'revoked' then '同意。' else null end,
      case when st.status in ('withdrawn', 'revoked') then (st.filed_on + 8)::timestamp else null end,
      case when st.status = 'revoked' then '多次在课间使用手机，撤销带手机入校的许可。' else null end
    from stated st`);
  // two weeks of school-day marks of approved phones, today's left to the class teacher
  await db.execute(sql`
    insert into five_phone_marks (district_id, request_id, date, student_id, school_id, class_id, handed_in, returned, marked_by, marked_at)
    select r.district_id, r.id, d::date, r.student_id, r.school_id, r.class_id,
      ${draw("r.id::text || d::date::text")} < 0.95, ${draw("r.id::text || d::date::text")} < 0.93, r.decided_by, d::date + interval '8 hours'
    from five_phone_requests r
    cross join generate_series(${addDays(today, -14)}::date, ${addDays(today, -1)}::date, interval '1 day') d
    where r.district_id = ${districtId} and r.status = 'approved' and extract(isodow from d) < 6 and d::date >= r.decided_on and d::date <= r.valid_until`);
  const approved = await rowsOf<{ school_id: string; class_id: string; semester_id: string; approved: number; decided: number }>(
    db,
    sql`select r.school_id, r.class_id, s.id as semester_id, count(*) filter (where r.status = 'approved')::int as approved, count(*)::int as decided
        from five_phone_requests r join semesters s on s.district_id = r.district_id and r.decided_on between s.start_date and s.end_date
        where r.district_id = ${districtId} and r.decided_on is not null group by r.school_id, r.class_id, s.id`,
  );
  const kept = await rowsOf<{ school_id: string; class_id: string; day: string; kept: number; phones: number }>(
    db,
    sql`select r.school_id, r.class_id, d::date::text as day, count(*)::int as phones,
          count(*) filter (where exists (select 1 from five_phone_marks m where m.district_id = r.district_id and m.request_id = r.id and m.date = d::date and m.handed_in))::int as kept
        from five_phone_requests r
        cross join generate_series(${addDays(today, -14)}::date, ${today}::date, interval '1 day') d
        where r.district_id = ${districtId} and r.status = 'approved' and extract(isodow from d) < 6 and d::date >= r.decided_on and d::date <= r.valid_until
        group by r.school_id, r.class_id, d`,
  );
  const figures: IndicatorFigure[] = [
    ...approved.map((a) => ({ districtId, indicator: FIVE_INDICATORS.phoneApproved, period: semesterPeriod(a.semester_id), schoolId: a.school_id, classId: a.class_id, num: Number(a.approved), den: Number(a.decided) })),
    ...kept.map((k) => ({ districtId, indicator: FIVE_INDICATORS.phoneKept, period: dayPeriod(k.day), schoolId: k.school_id, classId: k.class_id, num: Number(k.kept), den: Number(k.phones) })),
  ];
  await setIndicators(db, figures);
}
