/**
 * Demo 家校社协同 for the demo district: a semester of home visits by every teacher of every class (about a third of
 * the teachers, 李强 (demo-teacher) among them, have no visit this week yet), special students (a few per class,
 * flags in org's student_sensitive) with files, stand-in parents for the left-behind and care records, a care
 * staff member designated at 实验小学, parent meetings held in most classes (one planned for 三年级(2)班), weekly
 * online parent lectures, and the district's lectures: one held with attendance, one coming with demo-parent signed
 * up. The dashboard's figures are written set-based from what was inserted.
 */
import { HS_INDICATORS } from '@shuangjian/contracts';
import { addDays, homeSchoolSettings, type LocalDate, weekStart } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db';
import { refreshHomeSchoolBases } from '../modules/home-school';
import { type IndicatorFigure, semesterPeriod, setIndicators, weekPeriod } from '../platform/indicators';

const h = (expr: string) => sql.raw(`(abs(hashtext(${expr})) / 2147483648.0)`);

export async function seedHomeSchoolDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const [semester] = await rowsOf<{ id: string; start: string }>(
    db,
    sql`select id, start_date::text as start from semesters where district_id = ${districtId} and start_date <= ${today} and end_date >= ${today} limit 1`,
  );
  if (!semester) return;
  const rule = homeSchoolSettings['home-school.visits'].default;
  const ws = weekStart(today);
  const yesterday = addDays(today, -1);
  // special students: one in twelve of every class by 学号 (three in a class of 40), 张小明 aside; each with at least a flag.
  // The records are written in plaintext JSON and sealed by seedDemo once every loader has run (platform/crypto.ts).
  await db.execute(sql`
    insert into student_sensitive (district_id, student_id, special, data)
    select s.district_id, s.id, true, json_build_object('leftBehind', s.lb, 'singleParent', s.sp, 'hardship', s.hd, 'disability', s.ds,
      'learningDifficulty', s.ld or not (s.lb or s.sp or s.hd or s.ds), 'note', '父母在外务工，由祖辈照看')::text
    from (
      select s.district_id, s.id, s.name, row_number() over (partition by s.class_id order by s.student_no) as rn,
        ${h("s.id::text || 'lb'")} < 0.5 as lb, ${h("s.id::text || 'sp'")} < 0.25 as sp, ${h("s.id::text || 'hd'")} < 0.25 as hd,
        ${h("s.id::text || 'ds'")} < 0.08 as ds, ${h("s.id::text || 'ld'")} < 0.3 as ld
      from students s where s.district_id = ${districtId} and s.status = 'active'
    ) s
    where s.name <> '张小明' and s.rn % 12 = 5
    on conflict (district_id, student_id) do nothing`);
  // visits: each teacher of a class visits some of its pupils across the semester; a third of the teachers none this week
  await db.execute(sql`
    insert into hs_visits (district_id, school_id, class_id, student_id, semester_id, teacher_id, as_class_teacher, mode, date, met_relation, met_name, topics, notes, follow_up, follow_up_due, follow_up_done_at)
    select v.district_id, v.school_id, v.class_id, v.student_id, ${semester.id}, v.user_id, v.role = 'class_teacher',
      (array['home','home','phone','phone','video','school'])[1 + floor(v.r_mode * 6)::int],
      v.date, (array['mother','father','grandparent'])[1 + floor(v.r_mode * 3)::int], left(v.name, 1) || '家长',
      array['study','homework','sleep']::text[], '了解孩子在家学习与作息情况，家长配合良好。',
      case when v.r_mode < 0.2 then '下周电话回访作业完成情况' end,
      case when v.r_mode < 0.2 then least(v.date + 7, ${today}::date) end,
      case when v.r_mode < 0.1 then now() end
    from (
      select s.district_id, s.school_id, s.class_id, s.id as student_id, s.name, ra.user_id, ra.role, u.username,
        ${h("s.id::text || ra.user_id::text || 'm'")} as r_mode,
        ${semester.start}::date + floor(${h("s.id::text || ra.user_id::text || 'd'")} * (${yesterday}::date - ${semester.start}::date))::int as date
      from role_assignments ra
      join users u on u.district_id = ra.district_id and u.id = ra.user_id
      join students s on s.district_id = ra.district_id and s.class_id = ra.class_id and s.status = 'active'
      where ra.district_id = ${districtId} and ra.role in ('teacher', 'class_teacher')
        and ${h("s.id::text || ra.user_id::text")} < case when ra.role = 'class_teacher' then 0.75 else 0.45 end
    ) v
    where not (v.date >= ${ws}::date and (v.username = 'demo-teacher' or ${h("v.user_id::text || 'week'")} < 0.35))`);
  // this week's visits for the teachers on time
  await db.execute(sql`
    insert into hs_visits (district_id, school_id, class_id, student_id, semester_id, teacher_id, as_class_teacher, mode, date, met_relation, met_name, topics, notes)
    select distinct on (ra.user_id) ra.district_id, s.school_id, s.class_id, s.id, ${semester.id}, ra.user_id, ra.role = 'class_teacher', 'phone',
      greatest(${ws}::date, ${today}::date - 1), 'mother', left(s.name, 1) || '妈妈', array['homework']::text[], '电话了解本周作业情况。'
    from role_assignments ra
    join users u on u.district_id = ra.district_id and u.id = ra.user_id
    join students s on s.district_id = ra.district_id and s.class_id = ra.class_id and s.status = 'active'
    where ra.district_id = ${districtId} and ra.role in ('teacher', 'class_teacher') and u.username <> 'demo-teacher' and ${h("ra.user_id::text || 'week'")} >= 0.35
    order by ra.user_id, s.student_no`);
  // files for about four in five special students, the first of each class always; the class teacher stands in for the left-behind
  await db.execute(sql`
    insert into hs_special_files (district_id, student_id, school_id, class_id, goals, measures, responsible, stand_in_id, updated_by, last_care_date)
    select s.district_id, s.id, s.school_id, s.class_id, '情绪稳定，按时完成作业，与父母每周通话', '每周谈心一次；学业帮扶结对；每两周亲情电话', '班主任',
      case when (ss.data::json->>'leftBehind')::boolean then ct.user_id end, coalesce(ct.user_id, adm.user_id), null
    from students s
    join student_sensitive ss on ss.district_id = s.district_id and ss.student_id = s.id
    left join lateral (select user_id from role_assignments where district_id = s.district_id and role = 'class_teacher' and class_id = s.class_id order by user_id limit 1) ct on true
    cross join lateral (select user_id from role_assignments where district_id = s.district_id and role = 'district_admin' order by user_id limit 1) adm
    where s.district_id = ${districtId} and s.status = 'active' and ss.special
      and (${h("s.id::text || 'file'")} < 0.8 or s.student_no = (
        select min(s2.student_no) from students s2 join student_sensitive ss2 on ss2.district_id = s2.district_id and ss2.student_id = s2.id
        where s2.district_id = s.district_id and s2.class_id = s.class_id and s2.status = 'active'
          and ss2.special))
      and (not (ss.data::json->>'leftBehind')::boolean or ct.user_id is not null)`);
  await db.execute(sql`
    insert into hs_care_records (district_id, student_id, school_id, class_id, kind, date, by_id, content, follow_up)
    select f.district_id, f.student_id, f.school_id, f.class_id, (array['talk','family_call','study_help','counselling','material_aid','visit'])[1 + (k.n + floor(${h("f.student_id::text")} * 6)::int) % 6],
      ${today}::date - (k.n * 17 + floor(${h("f.student_id::text || k.n::text")} * 12)::int + 1), f.updated_by, '谈心了解近况，孩子情绪稳定，学习上有进步。', case when k.n = 0 then '下周再谈一次' end
    from hs_special_files f cross join generate_series(0, 2) k(n)
    where f.district_id = ${districtId} and ${h("f.student_id::text || 'care' || k.n::text")} < 0.75`);
  await db.execute(sql`
    update hs_special_files f set last_care_date = r.last from (select student_id, max(date) as last from hs_care_records where district_id = ${districtId} group by student_id) r
    where f.district_id = ${districtId} and f.student_id = r.student_id`);
  // 关爱专干 at 实验小学: the grade leader
  await db.execute(sql`
    insert into hs_care_staff (district_id, school_id, user_id, designated_by)
    select ra.district_id, ra.school_id, ra.user_id, adm.user_id from role_assignments ra join users u on u.district_id = ra.district_id and u.id = ra.user_id
    cross join lateral (select a.user_id from role_assignments a where a.district_id = ra.district_id and a.role = 'school_admin' and a.school_id = ra.school_id limit 1) adm
    where ra.district_id = ${districtId} and u.username = 'demo-gradeleader' and ra.school_id is not null limit 1`);
  // parent meetings: held in about four classes in five; 三年级(2)班 plans its next one
  await db.execute(sql`
    with held as (
      insert into hs_meetings (district_id, school_id, class_id, semester_id, title, date, place, status, minutes, created_by)
      select c.district_id, c.school_id, c.id, ${semester.id}, '期中家长会', ${semester.start}::date + 45, '本班教室', 'held', '通报期中学习情况；讲解“双减”作业与睡眠要求；家长交流。', coalesce(ct.user_id, adm.user_id)
      from classes c
      left join lateral (select user_id from role_assignments where district_id = c.district_id and role = 'class_teacher' and class_id = c.id limit 1) ct on true
      cross join lateral (select user_id from role_assignments where district_id = c.district_id and role = 'district_admin' limit 1) adm
      where c.district_id = ${districtId} and ${h("c.id::text || 'meet'")} < 0.8 and ${semester.start}::date + 45 <= ${today}::date
      returning district_id, id, class_id
    )
    insert into hs_meeting_attendance (district_id, meeting_id, student_id, attended)
    select held.district_id, held.id, s.id, ${h("s.id::text || 'att'")} < 0.88 from held join students s on s.district_id = held.district_id and s.class_id = held.class_id and s.status = 'active'`);
  await db.execute(sql`
    insert into hs_meetings (district_id, school_id, class_id, semester_id, title, date, place, created_by)
    select c.district_id, c.school_id, c.id, ${semester.id}, '期末家长会：寒假安排与安全教育', ${addDays(today, 6)}::date, '三年级(2)班教室', ra.user_id
    from classes c join role_assignments ra on ra.district_id = c.district_id and ra.class_id = c.id and ra.role = 'class_teacher'
    join users u on u.district_id = ra.district_id and u.id = ra.user_id and u.username = 'demo-classteacher'
    where c.district_id = ${districtId} limit 1`);
  // 家长教育大讲堂: weekly in most classes
  await db.execute(sql`
    insert into hs_class_lectures (district_id, school_id, class_id, semester_id, topic, date, link, joined, created_by)
    select c.district_id, c.school_id, c.id, ${semester.id}, (array['如何陪孩子做作业','睡眠与成长','手机使用约定','亲子沟通','阅读习惯养成'])[1 + (w.n % 5)],
      ${semester.start}::date + w.n * 7 + 3, 'https://meeting.example.cn/' || left(c.id::text, 8), 20 + floor(${h("c.id::text || w.n::text")} * 20)::int, ra.user_id
    from classes c join role_assignments ra on ra.district_id = c.district_id and ra.class_id = c.id and ra.role = 'class_teacher'
    cross join generate_series(0, 30) w(n)
    where c.district_id = ${districtId} and ${semester.start}::date + w.n * 7 + 3 <= ${yesterday}::date and ${h("c.id::text || 'lect' || w.n::text")} < 0.8`);
  // the district's lectures: one held (attendance marked), one coming with demo-parent signed up
  await db.execute(sql`
    with adm as (select user_id from role_assignments where district_id = ${districtId} and role = 'district_admin' order by user_id limit 1),
    held as (
      insert into hs_lectures (district_id, semester_id, title, speaker, date, time, place, link, capacity, signed_up, grades, held_at, created_by)
      select ${districtId}, ${semester.id}, '家庭教育专题讲座：“双减”下如何陪伴孩子', '区家庭教育指导中心', ${addDays(today, -20)}::date, '19:00', '区教师发展中心报告厅', null, 300, 0, '{}', now(), user_id from adm
      returning id
    ),
    signed as (
      insert into hs_lecture_signups (district_id, lecture_id, user_id, student_id, school_id, attended)
      select distinct on (g.user_id) ${districtId}::uuid, held.id, g.user_id, s.id, s.school_id, (row_number() over (order by g.user_id)) % 5 <> 0
      from held cross join guardian_links gl join guardians g on g.district_id = gl.district_id and g.id = gl.guardian_id and g.user_id is not null
      join students s on s.district_id = gl.district_id and s.id = gl.student_id
      where gl.district_id = ${districtId}
      order by g.user_id
      limit 300
      returning lecture_id
    )
    select count(*) from signed`);
  await db.execute(sql`
    with adm as (select user_id from role_assignments where district_id = ${districtId} and role = 'district_admin' order by user_id limit 1),
    coming as (
      insert into hs_lectures (district_id, semester_id, title, speaker, date, time, place, link, capacity, signed_up, grades, created_by)
      select ${districtId}, ${semester.id}, '家长学校：孩子的睡眠与手机管理', '区家庭教育指导中心', ${addDays(today, 7)}::date, '19:30', '区教师发展中心报告厅', 'https://live.example.cn/jz', 120, 1, '{}', user_id from adm
      returning id
    )
    insert into hs_lecture_signups (district_id, lecture_id, user_id, student_id, school_id)
    select ${districtId}, coming.id, u.id, s.id, s.school_id from coming
    join users u on u.district_id = ${districtId} and u.username = 'demo-parent'
    join guardians g on g.district_id = u.district_id and g.user_id = u.id
    join guardian_links gl on gl.district_id = g.district_id and gl.guardian_id = g.id
    join students s on s.district_id = gl.district_id and s.id = gl.student_id
    limit 1`);
  await db.execute(sql`
    insert into hs_lectures (district_id, school_id, semester_id, title, speaker, date, time, place, capacity, grades, created_by)
    select c.district_id, c.school_id, ${semester.id}, '三年级家长课堂：培养孩子的阅读习惯', '语文教研组', ${addDays(today, 10)}::date, '16:30', '学校阶梯教室', 80, '{3}', ra.user_id
    from classes c join role_assignments ra on ra.district_id = c.district_id and ra.school_id = c.school_id and ra.role = 'school_admin'
    join users u on u.district_id = ra.district_id and u.id = ra.user_id and u.username = 'demo-principal'
    where c.district_id = ${districtId} limit 1`);
  // each lecture's sign-up count from its sign-ups (a statement's own inserts are invisible to its update)
  await db.execute(sql`
    update hs_lectures l set signed_up = (select count(*) from hs_lecture_signups s where s.district_id = l.district_id and s.lecture_id = l.id)
    where l.district_id = ${districtId}`);
  await refreshFigures(db, districtId, semester.id, today, rule.weeklyModes, rule.specialMin);
  await refreshHomeSchoolBases(db, districtId, semester.id, today);
}

/** Writes the module's rollup figures from the rows (the demo; a set-based refresh). */
export async function refreshFigures(db: Queryable, districtId: string, semesterId: string, today: LocalDate, weeklyModes: readonly string[], specialMin: number) {
  const period = semesterPeriod(semesterId);
  const ws = weekStart(today);
  const perClass = await rowsOf<{ school_id: string; class_id: string; visits: number; pupils: number; special: number; files: number; meetings: number; lectures: number }>(
    db,
    sql`
      select c.school_id, c.id as class_id,
        (select count(*)::int from hs_visits v where v.district_id = c.district_id and v.class_id = c.id and v.semester_id = ${semesterId}) as visits,
        (select count(distinct v.student_id)::int from hs_visits v where v.district_id = c.district_id and v.class_id = c.id and v.semester_id = ${semesterId}) as pupils,
        (select count(*)::int from (select v.student_id from hs_visits v join student_sensitive ss on ss.district_id = v.district_id and ss.student_id = v.student_id
           and ss.special
           where v.district_id = c.district_id and v.class_id = c.id and v.semester_id = ${semesterId} group by v.student_id having count(*) >= ${specialMin}) x) as special,
        (select count(*)::int from hs_special_files f where f.district_id = c.district_id and f.class_id = c.id) as files,
        (select count(*)::int from hs_meetings m where m.district_id = c.district_id and m.class_id = c.id and m.semester_id = ${semesterId} and m.status = 'held') as meetings,
        (select count(*)::int from hs_class_lectures l where l.district_id = c.district_id and l.class_id = c.id and l.semester_id = ${semesterId}) as lectures
      from classes c where c.district_id = ${districtId}`,
  );
  const figures: IndicatorFigure[] = [];
  for (const r of perClass) {
    const at = { districtId, schoolId: r.school_id, classId: r.class_id, period };
    figures.push(
      { ...at, indicator: HS_INDICATORS.visits, num: r.visits, den: 0 },
      { ...at, indicator: HS_INDICATORS.pupilsVisited, num: r.pupils, den: 0 },
      { ...at, indicator: HS_INDICATORS.specialVisited, num: r.special, den: 0 },
      { ...at, indicator: HS_INDICATORS.specialFiles, num: r.files, den: 0 },
      { ...at, indicator: HS_INDICATORS.meetingsHeld, num: r.meetings, den: 0 },
      { ...at, indicator: HS_INDICATORS.classLectures, num: r.lectures, den: 0 },
    );
  }
  const perSchool = await rowsOf<{ school_id: string; teachers: number }>(
    db,
    sql`select school_id, count(distinct teacher_id)::int as teachers from hs_visits where district_id = ${districtId} and date between ${ws} and ${addDays(ws, 6)}
        and mode in (${sql.join(weeklyModes.map((m) => sql`${m}`), sql`, `)}) group by school_id`,
  );
  for (const r of perSchool) figures.push({ districtId, schoolId: r.school_id, classId: null, period: weekPeriod(today), indicator: HS_INDICATORS.teachersWeek, num: r.teachers, den: 0 });
  const attendance = await rowsOf<{ school_id: string; num: number; den: number }>(
    db,
    sql`select s.school_id, count(*) filter (where s.attended)::int as num, count(*)::int as den from hs_lecture_signups s join hs_lectures l on l.district_id = s.district_id and l.id = s.lecture_id
        where s.district_id = ${districtId} and l.semester_id = ${semesterId} and l.held_at is not null group by s.school_id`,
  );
  for (const r of attendance) figures.push({ districtId, schoolId: r.school_id, classId: null, period, indicator: HS_INDICATORS.lectureAttendance, num: r.num, den: r.den });
  await setIndicators(db, figures);
}
