/**
 * The 家校社协同 scenarios' stage in the synthetic district, set-based and deterministic: about one pupil in twelve
 * flagged special (kept when flagged already), the semester's home visits (the class teacher visits three pupils in
 * four, each subject teacher about half, on days spread over the semester; a third of the teachers none this week),
 * files with a recent care date for four special pupils in five, and the figures the dashboard reads in the indicator
 * rollup (counted from those rows; parent meetings, class lectures and lectures drawn). Re-running replaces them. The
 * scenarios: the district's dashboard (`GET /api/home-school/dashboard`), a school with its classes and a teacher's
 * visit progress (`GET /api/home-school/progress/me`).
 */
import { addDays, DEFAULT_TIME_ZONE, homeSchoolSettings, todayIn, weekStart } from '@shuangjian/policy';
import type autocannon from 'autocannon';
import type pg from 'pg';
import { openDatabase } from '../apps/server/src/platform/db';
import { refreshHomeSchoolBases } from '../apps/server/src/modules/home-school';
import { ADMIN_TOKEN, BENCH_URL, teacherToken } from './common';

/** Teachers with a pre-made session (`npm run gen`): teacher n teaches 数学 in class n. */
const TEACHERS = 200;

export interface HomeSchoolStage {
  schools: string[];
  /** For the visit write: each bench teacher's session number, a class they teach and its pupils. */
  writers: { n: number; classId: string; students: string[] }[];
  today: string;
  visits: number;
  special: number;
  files: number;
  figures: number;
}

const rand = (key: string) => `((('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint) / 4294967296.0)`;

export async function stageHomeSchool(c: pg.Client, districtId: string): Promise<HomeSchoolStage> {
  const today = todayIn(DEFAULT_TIME_ZONE);
  const monday = weekStart(today);
  const yesterday = addDays(today, -1);
  const rule = homeSchoolSettings['home-school.visits'].default;
  const [semester] = (await c.query(`select id, start_date::text as start from semesters where district_id = $1 and start_date <= $2 and end_date >= $2 limit 1`, [districtId, today])).rows as { id: string; start: string }[];
  if (!semester) throw new Error(`the synthetic district has no semester around ${today}: run npm run gen again`);
  const [admin] = (await c.query(`select id from users where district_id = $1 and username = 'bench-admin'`, [districtId])).rows as { id: string }[];

  await c.query(`delete from hs_visits where district_id = $1`, [districtId]);
  await c.query(`delete from hs_special_files where district_id = $1`, [districtId]);
  await c.query(`delete from indicator_rollups where district_id = $1 and indicator like 'home-school.%'`, [districtId]);
  const special = await c.query(
    `insert into student_sensitive (district_id, student_id, special, data)
     select s.district_id, s.id, f.lb or f.sp or f.hd or f.ds or f.ld,
       json_build_object('leftBehind', f.lb, 'singleParent', f.sp, 'hardship', f.hd, 'disability', f.ds, 'learningDifficulty', f.ld, 'note', null)::text
     from students s cross join lateral (select ${rand(`s.id::text || 'lb'`)} < 0.5 as lb, ${rand(`s.id::text || 'sp'`)} < 0.25 as sp,
       ${rand(`s.id::text || 'hd'`)} < 0.25 as hd, ${rand(`s.id::text || 'ds'`)} < 0.08 as ds, ${rand(`s.id::text || 'ld'`)} < 0.3 as ld) f
     where s.district_id = $1 and s.status = 'active' and ${rand(`s.id::text || 'special'`)} < 0.085
     on conflict (district_id, student_id) do nothing`,
    [districtId],
  );
  // the semester's visits up to yesterday, none this week for a third of the teachers; then this week's for the others
  const visits = await c.query(
    `insert into hs_visits (district_id, school_id, class_id, student_id, semester_id, teacher_id, as_class_teacher, mode, date, met_relation, met_name, topics, notes)
     select v.district_id, v.school_id, v.class_id, v.student_id, $2, v.user_id, v.role = 'class_teacher',
       (array['home','home','phone','phone','video','school'])[1 + floor(v.r * 6)::int], v.date,
       (array['mother','father','grandparent'])[1 + floor(v.r * 3)::int], '家长', array['study','homework']::text[], '了解孩子在家学习与作息情况。'
     from (
       select s.district_id, s.school_id, s.class_id, s.id as student_id, ra.user_id, ra.role, ${rand(`s.id::text || ra.user_id::text || 'm'`)} as r,
         $3::date + floor(${rand(`s.id::text || ra.user_id::text || 'd'`)} * ($4::date - $3::date))::int as date
       from role_assignments ra
       join students s on s.district_id = ra.district_id and s.class_id = ra.class_id and s.status = 'active'
       where ra.district_id = $1 and ra.role in ('teacher', 'class_teacher')
         and ${rand(`s.id::text || ra.user_id::text || ra.role`)} < case when ra.role = 'class_teacher' then 0.75 else 0.45 end
     ) v
     where not (v.date >= $5::date and ${rand(`v.user_id::text || 'week'`)} < 0.35)`,
    [districtId, semester.id, semester.start, yesterday, monday],
  );
  const week = await c.query(
    `insert into hs_visits (district_id, school_id, class_id, student_id, semester_id, teacher_id, as_class_teacher, mode, date, met_relation, met_name, topics, notes)
     select distinct on (ra.user_id) ra.district_id, s.school_id, s.class_id, s.id, $2, ra.user_id, ra.role = 'class_teacher', 'phone', $3::date,
       'mother', '家长', array['homework']::text[], '电话了解本周作业情况。'
     from role_assignments ra join students s on s.district_id = ra.district_id and s.class_id = ra.class_id and s.status = 'active'
     where ra.district_id = $1 and ra.role in ('teacher', 'class_teacher') and ${rand(`ra.user_id::text || 'week'`)} >= 0.35
     order by ra.user_id, s.student_no`,
    [districtId, semester.id, today],
  );
  const files = await c.query(
    `insert into hs_special_files (district_id, student_id, school_id, class_id, goals, measures, responsible, updated_by, last_care_date)
     select s.district_id, s.id, s.school_id, s.class_id, '情绪稳定，按时完成作业', '每周谈心一次；学业帮扶结对', '班主任', $2,
       $3::date - floor(${rand(`s.id::text || 'care'`)} * 60)::int
     from students s join student_sensitive ss on ss.district_id = s.district_id and ss.student_id = s.id
     where s.district_id = $1 and s.status = 'active' and ss.special
       and ${rand(`s.id::text || 'file'`)} < 0.8`,
    [districtId, admin!.id, today],
  );

  let figures = 0;
  const put = async (sql: string, params: unknown[]) => {
    figures += (await c.query(sql, params)).rowCount ?? 0;
  };
  const insert = `insert into indicator_rollups (district_id, indicator, period, scope_id, school_id, class_id, num, den)`;
  const period = `semester:${semester.id}`;
  // per class, counted from the staged rows: visits, pupils visited, special pupils visited enough, files
  await put(
    `${insert}
     select $1, k.indicator, $2, c.id, c.school_id, c.id, k.num, 0
     from classes c
     left join lateral (select count(*) as visits, count(distinct student_id) as pupils from hs_visits v where v.district_id = c.district_id and v.class_id = c.id and v.semester_id = $3) v on true
     left join lateral (select count(*) as n from (select v.student_id from hs_visits v join student_sensitive ss on ss.district_id = v.district_id and ss.student_id = v.student_id
         and ss.special
       where v.district_id = c.district_id and v.class_id = c.id and v.semester_id = $3 group by v.student_id having count(*) >= $4) x) sv on true
     left join lateral (select count(*) as n from hs_special_files f where f.district_id = c.district_id and f.class_id = c.id) f on true
     cross join lateral (values ('home-school.visits.count', v.visits), ('home-school.visits.pupils', v.pupils), ('home-school.special.visited', sv.n), ('home-school.special.files', f.n),
       ('home-school.meetings.held', (${rand(`c.id::text || 'meet'`)} < 0.8)::int), ('home-school.class-lectures.held', floor(($5::date - $6::date) / 7 * (0.6 + 0.4 * ${rand(`c.id::text || 'lect'`)}))::int)) k(indicator, num)
     where c.district_id = $1`,
    [districtId, period, semester.id, rule.specialMin, today, semester.start],
  );
  // per school: teachers with a counted visit this week; lectures held and their attendance (drawn)
  await put(
    `${insert}
     select $1, 'home-school.visits.teachers-week', $2, school_id, school_id, null, count(distinct teacher_id), 0
     from hs_visits where district_id = $1 and date between $3::date and $4::date and mode = any($5::text[]) group by school_id`,
    [districtId, `week:${monday}`, monday, addDays(monday, 6), rule.weeklyModes],
  );
  await put(
    `${insert}
     select $1, k.indicator, $2, s.id, s.id, null, k.num, k.den from schools s
     cross join lateral (select floor(${rand(`s.id::text || 'lectures'`)} * 4)::int as held, floor(60 + ${rand(`s.id::text || 'signed'`)} * 140)::int as signed) l
     cross join lateral (values ('home-school.lectures.held', l.held, 0), ('home-school.lectures.attendance', floor(l.signed * (0.7 + 0.25 * ${rand(`s.id::text || 'went'`)}))::int, l.signed)) k(indicator, num, den)
     where s.district_id = $1`,
    [districtId, period],
  );
  // the dashboard's bases (pupils, special pupils, cared for, teachers), as the server's background job writes them
  const database = await openDatabase(BENCH_URL, { poolSize: 1 });
  try {
    await refreshHomeSchoolBases(database.db, districtId, semester.id, today);
  } finally {
    await database.close();
  }
  // fresh statistics: the planner otherwise takes the new visits for none and loops over the class's pupils per visit
  await c.query(`analyze hs_visits, hs_special_files, student_sensitive, indicator_rollups`);
  const schools = (await c.query(`select id from schools where district_id = $1 order by code`, [districtId])).rows.map((r) => r.id as string);
  const writers = (
    await c.query(
      `select t.n::int - 1 as n, ra.class_id as "classId", array_agg(s.id order by s.student_no) as students
       from generate_series(1, $2::int) t(n)
       join role_assignments ra on ra.district_id = $1 and ra.user_id = bench_id('teacher' || (t.n - 1) || '-2') and ra.role in ('teacher', 'class_teacher')
       join students s on s.district_id = ra.district_id and s.class_id = ra.class_id and s.status = 'active'
       group by t.n, ra.class_id order by t.n`,
      [districtId, TEACHERS],
    )
  ).rows as HomeSchoolStage['writers'];
  return { schools, writers, today, visits: (visits.rowCount ?? 0) + (week.rowCount ?? 0), special: special.rowCount ?? 0, files: files.rowCount ?? 0, figures };
}

type Scenario = [name: string, options: Parameters<typeof autocannon>[0], warmup: number];

/** The scenarios, for bench.ts's runner: the dashboard one officer at a time and four at once, a school, a teacher's visit record, teachers' progress. */
export function homeSchoolScenarios(stage: HomeSchoolStage, port: number, connections: number, duration: number): Scenario[] {
  const url = `http://127.0.0.1:${port}`;
  const admin = { cookie: `sj_session=${ADMIN_TOKEN}` };
  let n = 0;
  let k = 0;
  return [
    ['home-school dashboard, one at a time', { url: `${url}/api/home-school/dashboard`, connections: 1, amount: 40, headers: admin }, 3],
    ['home-school dashboard (4 officers)', { url: `${url}/api/home-school/dashboard`, connections: 4, duration, headers: admin }, 20],
    ['home-school school page', { url, connections: 4, duration, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/home-school/dashboard/schools/${stage.schools[k++ % stage.schools.length]}`, headers: admin }) }] }, 20],
    [
      'home-school visit record (write)',
      {
        url,
        connections,
        duration,
        requests: [
          {
            setupRequest: (req) => {
              const w = stage.writers[k++ % stage.writers.length]!;
              const body = { classId: w.classId, studentId: w.students[k % w.students.length], mode: 'phone', date: stage.today, metRelation: 'mother', metName: '家长', topics: ['homework'], notes: '电话了解本周作业情况。' };
              return { ...req, method: 'POST', path: '/api/home-school/visits', headers: { cookie: `sj_session=${teacherToken(w.n)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) };
            },
          },
        ],
      },
      connections,
    ],
    ["home-school teacher's progress", { url, connections, duration, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: '/api/home-school/progress/me', headers: { cookie: `sj_session=${teacherToken(n++ % TEACHERS)}` } }) }] }, TEACHERS + connections],
  ];
}
