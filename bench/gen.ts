/**
 * Synthetic district for the benchmark, built in PostgreSQL with set-based SQL (deterministic from --seed):
 *   npm run gen -- --schools 300 --students 200000 --days 90
 * Schools, classes of ~40, students, guardians, teachers, a semester, and for every school day of the last --days:
 * homework items, published daily lists, families' reports (--report-rate of students per day) and the rollups.
 * Parent, teacher and district-admin sessions are created with known tokens for `npm run bench`. For the enrolment
 * rush: every school's after-school plan approved, four clubs, an open first-come window, agreements of the families
 * with accounts (a few thousand rows: it adds well under a second).
 */
import { createHash } from 'node:crypto';
import { addDays, defaultHomeworkPolicy, DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import { openDatabase } from '../apps/server/src/platform/db';
import { configFromEnv } from '../apps/server/src/platform/config';
import { installKeyring, resolveKeyring } from '../apps/server/src/platform/crypto';
import { sealGuardianPhone } from '../apps/server/src/modules/org/sealed';
import { hashPassword } from '../apps/server/src/platform/auth/password';
import { rebuildRollups } from '../apps/server/src/modules/homework';
import { ADMIN_TOKEN, adminUrl, arg, BENCH_URL, parentToken, teacherToken, withClient } from './common';

if (process.argv.includes('--help')) {
  console.log(`npm run gen -- [--schools 300] [--students 200000] [--days 90] [--seed 2026] [--report-rate 0.25] [--sessions 2000]
Drops and rebuilds the database of BENCH_DATABASE_URL (default ${BENCH_URL}).`);
  process.exit(0);
}

const schools = arg('schools', 300);
const studentsTotal = arg('students', 200_000);
const days = arg('days', 90);
const seed = arg('seed', 2026);
const reportRate = arg('report-rate', 0.25);
const sessions = arg('sessions', 2000);

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function main() {
  const started = Date.now();
  const dbName = new URL(BENCH_URL).pathname.slice(1);
  await withClient(adminUrl(BENCH_URL), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${dbName}`);
  });
  const { dataKeys } = configFromEnv();
  installKeyring(resolveKeyring({ dataKey: dataKeys.current, previousKeys: dataKeys.previous, keyFile: dataKeys.keyFile, production: dataKeys.production }));
  const database = await openDatabase(BENCH_URL, { poolSize: 2 });
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const t = Date.now();
    await q(text, params);
    console.log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const today = todayIn(DEFAULT_TIME_ZONE);
  const from = addDays(today, -days);
  const passwordHash = await hashPassword('Demo#2026');
  const perClass = 40;
  const classCount = Math.ceil(studentsTotal / perClass);
  console.log(`generating ${schools} schools, ${classCount} classes, ${studentsTotal} students, ${days} days (${from}…${today}), seed ${seed}`);

  // deterministic "random" in [0,1) from a key, and deterministic ids
  await q(`create or replace function bench_rand(key text) returns float8 language sql immutable as $$ select (('x' || substr(md5(${seed} || ':' || key), 1, 8))::bit(32)::bigint) / 4294967296.0 $$`);
  // RFC 4122 version-4 layout (the API validates ids), filled from md5 so every id is the same on every run
  await q(`create or replace function bench_id(key text) returns uuid language sql immutable as $$
    select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from (select md5(${seed} || '#' || key) as h) x $$`);
  await q(`insert into districts (id, code, name) values (bench_id('district'), 'bench', '基准测试区')`);
  await q(`set work_mem = '256MB'`);
  await step('zones', `insert into zones (district_id, id, name, kind) select bench_id('district'), bench_id('zone' || z), '学区' || z, 'zone' from generate_series(1, 10) z`);
  await step(
    'schools',
    `insert into schools (district_id, id, zone_id, code, name, type, grades)
     select bench_id('district'), bench_id('school' || s), bench_id('zone' || (1 + s % 10)), 'B' || lpad(s::text, 4, '0'), '基准学校' || s,
       t.type, t.grades
     from generate_series(1, $1::int) s
     cross join lateral (select case when s % 10 < 6 then 'primary' when s % 10 < 9 then 'junior' else 'nine_year' end as type) k
     cross join lateral (select k.type, case k.type when 'primary' then '{1,2,3,4,5,6}'::smallint[] when 'junior' then '{7,8,9}'::smallint[] else '{1,2,3,4,5,6,7,8,9}'::smallint[] end as grades) t`,
    [schools],
  );
  // classes spread over schools round-robin, grade by position within the school
  await step(
    'classes',
    `insert into classes (district_id, id, school_id, grade, name, entry_year)
     select bench_id('district'), bench_id('class' || c), sc.id, g.grade, g.grade || '年级(' || (1 + (c / $1::int) / array_length(sc.grades, 1)) || ')班', 2026 - g.grade + 1
     from generate_series(0, $2::int - 1) c
     join schools sc on sc.district_id = bench_id('district') and sc.id = bench_id('school' || (1 + c % $1::int))
     cross join lateral (select sc.grades[1 + (c / $1::int) % array_length(sc.grades, 1)] as grade) g`,
    [schools, classCount],
  );
  await step('subjects', `insert into subjects (district_id, id, code, name, sort) values
     (bench_id('district'), bench_id('subj-chinese'), 'chinese', '语文', 10), (bench_id('district'), bench_id('subj-math'), 'math', '数学', 20),
     (bench_id('district'), bench_id('subj-english'), 'english', '英语', 30), (bench_id('district'), bench_id('subj-science'), 'science', '科学', 40)`);
  await step(
    'students',
    `insert into students (district_id, id, school_id, class_id, student_no, name, gender, birth_date)
     select bench_id('district'), bench_id('student' || n), c.school_id, c.id, 'S' || lpad(n::text, 8, '0'), '学生' || n,
       case when bench_rand('g' || n) < 0.5 then 'M' else 'F' end, make_date(2026 - c.grade - 6, 1 + (n % 12), 1 + (n % 28))
     from generate_series(0, $1::int - 1) n
     join classes c on c.district_id = bench_id('district') and c.id = bench_id('class' || (n / 40))`,
    [studentsTotal],
  );
  await step('semester', `insert into semesters (district_id, name, school_year, term, start_date, end_date) values (bench_id('district'), '基准学期', '2026-2027', 1, $1::date - 120, $1::date + 60)`, [today]);
  // teachers: one per class and subject (the class teacher teaches 语文)
  await step(
    'teachers',
    `insert into users (district_id, id, username, name, password_hash, must_change_password)
     select bench_id('district'), bench_id('teacher' || c || '-' || s), 'bt' || c || '-' || s, '教师' || c || '-' || s, $2, false
     from generate_series(0, $1::int - 1) c cross join generate_series(1, 3) s`,
    [classCount, passwordHash],
  );
  await step(
    'roles',
    `insert into role_assignments (district_id, user_id, role, school_id, class_id, subject_id)
     select bench_id('district'), bench_id('teacher' || c || '-' || s), 'teacher', cl.school_id, cl.id, bench_id('subj-' || (array['chinese','math','english'])[s])
     from generate_series(0, $1::int - 1) c cross join generate_series(1, 3) s
     join classes cl on cl.district_id = bench_id('district') and cl.id = bench_id('class' || c)
     union all
     select bench_id('district'), bench_id('teacher' || c || '-1'), 'class_teacher', cl.school_id, cl.id, null
     from generate_series(0, $1::int - 1) c join classes cl on cl.district_id = bench_id('district') and cl.id = bench_id('class' || c)`,
    [classCount],
  );
  await step(
    'admin',
    `insert into users (district_id, id, username, name, password_hash, must_change_password) values (bench_id('district'), bench_id('admin'), 'bench-admin', '基准管理员', $1, false);
     `.trim(),
    [passwordHash],
  );
  await q(`insert into role_assignments (district_id, user_id, role) values (bench_id('district'), bench_id('admin'), 'district_admin')`);
  // parents with accounts for the first --sessions students; the rest have guardians without accounts
  // phones sealed at rest as the server keeps them (its data key: DATA_KEY or the key file), sent in chunks
  {
    const t = Date.now();
    for (let start = 0; start < studentsTotal; start += 20_000) {
      const ns = Array.from({ length: Math.min(20_000, studentsTotal - start) }, (_, i) => start + i);
      const sealed = ns.map((n) => sealGuardianPhone(`1${String(3_000_000_000 + n).padStart(10, '0')}`));
      await q(
        `insert into guardians (district_id, id, name, phone, phone_hash, user_id)
         select bench_id('district'), bench_id('guardian' || n), '家长' || n, p, h, null from unnest($1::int[], $2::text[], $3::text[]) t(n, p, h)`,
        [ns, sealed.map((x) => x.phone), sealed.map((x) => x.phoneHash)],
      );
    }
    console.log(`  guardians: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await step(
    'parent accounts',
    `insert into users (district_id, id, username, name, password_hash, must_change_password)
     select bench_id('district'), bench_id('parent' || n), 'bp' || n, '家长' || n, $2, false from generate_series(0, $1::int - 1) n`,
    [sessions, passwordHash],
  );
  await q(`update guardians set user_id = bench_id('parent' || substr(name, 3)) where district_id = bench_id('district') and substr(name, 3)::int < $1`, [sessions]);
  await step(
    'guardian links',
    `insert into guardian_links (district_id, student_id, guardian_id, relation)
     select bench_id('district'), bench_id('student' || n), bench_id('guardian' || n), '母亲' from generate_series(0, $1::int - 1) n`,
    [studentsTotal],
  );
  // school days of the period (weekdays), three items per class and day: 语文 written, 数学 written, 英语 oral
  await q(`create temporary table bench_days as select d::date as date from generate_series($1::date, $2::date - 1, '1 day') d where extract(isodow from d) < 6`, [from, today]);
  const schoolDays = ((await q(`select count(*)::int as n from bench_days`)) as { n: number }[])[0]!.n;
  await step(
    `homework items (${schoolDays} school days)`,
    `insert into homework_items (district_id, id, school_id, class_id, grade, subject_id, teacher_id, date, plan_kind, batch_id, content, type, layer, place, minutes, status)
     select ra.district_id, k.id, c.school_id, c.id, c.grade, ra.subject_id, ra.user_id, d.date, 'daily', k.id,
       case sj.code when 'chinese' then '完成课堂作业本本课练习' when 'math' then '完成练习册基础题 1–6 题' else '跟读本单元对话录音' end,
       case when sj.code = 'english' or c.grade <= 2 then 'oral' else 'written' end, 'basic', 'home',
       (case sj.code when 'chinese' then 15 when 'math' then 20 else 10 end) + (bench_rand(k.id::text) * 10)::int, 'ready'
     from role_assignments ra
     join classes c on c.district_id = ra.district_id and c.id = ra.class_id
     join subjects sj on sj.district_id = ra.district_id and sj.id = ra.subject_id
     cross join bench_days d
     cross join lateral (select bench_id('item' || c.id || d.date || sj.code) as id) k
     where ra.district_id = bench_id('district') and ra.role = 'teacher'`,
  );
  await step(
    'published lists',
    `insert into homework_published (district_id, class_id, date, version, school_id, grade, day_kind, limit_minutes, written, optional, other, in_school, items, published_by, published_by_name, published_at)
     select i.district_id, i.class_id, i.date, 1, min(i.school_id::text)::uuid, min(i.grade), 'school_day',
       case when min(i.grade) <= 2 then 0 when min(i.grade) <= 6 then 60 else 90 end,
       coalesce(sum(i.minutes) filter (where i.type = 'written'), 0), 0, coalesce(sum(i.minutes) filter (where i.type <> 'written'), 0), 0,
       json_agg(json_build_object('itemId', i.id, 'subjectName', sj.name, 'teacherName', '教师', 'title', null, 'content', i.content, 'type', i.type,
         'layer', i.layer, 'place', i.place, 'minutes', i.minutes, 'links', '[]'::json, 'attachments', '[]'::json) order by sj.sort),
       bench_id('admin'), '基准管理员', i.date + time '09:30'
     from homework_items i join subjects sj on sj.district_id = i.district_id and sj.id = i.subject_id
     where i.district_id = bench_id('district') group by i.district_id, i.class_id, i.date`,
  );
  await step(
    'class days',
    `insert into homework_days (district_id, class_id, date, school_id, status, published_version)
     select district_id, class_id, date, school_id, 'published', 1 from homework_published where district_id = bench_id('district')`,
  );
  // families' reports: --report-rate of students each day, time around the estimate
  await step(
    'student days',
    `insert into homework_student_days (district_id, student_id, date, class_id, school_id, minutes, finished, within_limit, stopped_at_bedtime, reported_by)
     select s.district_id, s.id, d.date, s.class_id, s.school_id, m.minutes, true,
       m.bedtime or m.minutes <= p.limit_minutes, m.bedtime, coalesce(bench_id('parent' || substr(s.student_no, 2)::int), bench_id('admin'))
     from students s cross join bench_days d
     join homework_published p on p.district_id = s.district_id and p.class_id = s.class_id and p.date = d.date
     cross join lateral (select (p.written * (0.6 + bench_rand(s.id::text || d.date) * 0.9))::int as minutes, bench_rand('b' || s.id || d.date) < 0.02 as bedtime) m
     where s.district_id = bench_id('district') and bench_rand('r' || s.id || d.date) < $1::float8`,
    [reportRate],
  );
  await step(
    'feedback',
    `insert into homework_feedback (district_id, student_id, item_id, class_id, date, done, minutes, reported_by)
     select sd.district_id, sd.student_id, i.id, sd.class_id, sd.date, true, (i.minutes * (0.6 + bench_rand(sd.student_id::text || i.id) * 0.9))::int, sd.reported_by
     from homework_student_days sd
     join homework_items i on i.district_id = sd.district_id and i.class_id = sd.class_id and i.date = sd.date
     where sd.district_id = bench_id('district')`,
  );
  // 课后服务 for the enrolment rush: every school's plan approved, four clubs (足球 the popular one, 30 seats), a
  // first-come window open for the semester, and a signed agreement for each child whose family has an account
  await step(
    'after-school plans',
    `insert into after_school_plans (district_id, id, school_id, semester_id, version, status, body)
     select s.district_id, bench_id('plan' || s.code), s.id, sem.id, 1, 'approved', $1::jsonb
     from schools s cross join semesters sem where s.district_id = bench_id('district') and sem.district_id = s.district_id`,
    [
      JSON.stringify({
        weekdays: [1, 2, 3, 4, 5],
        periods: [{ start: '15:40', end: '16:40', kind: 'homework' }, { start: '16:50', end: '17:50', kind: 'club' }],
        staffing: { ownTeachers: 30, totalTeachers: 32, volunteers: 2, providers: 0, note: null },
        fees: { mode: 'monthly', serviceFeeFen: 30000, passThroughNote: null },
        safetyPlan: '专人值守，按班级路队放学。',
        pickupPlan: '家长在校门外指定区域接孩子。',
        principles: '家长自愿参加。',
      }),
    ],
  );
  await step(
    'after-school clubs',
    `insert into after_school_courses (district_id, id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, staffing)
     select s.district_id, bench_id('course' || s.code || '-' || k.n), s.id, sem.id, k.name, k.category, s.grades, k.capacity, k.days, '16:50', '17:50', 'teacher'
     from schools s cross join semesters sem
     cross join (values (1, '足球', 'sports', 30, '{1,3}'::smallint[]), (2, '美术', 'arts', 60, '{2}'::smallint[]), (3, '合唱', 'arts', 60, '{4}'::smallint[]), (4, '科学探究', 'science', 60, '{5}'::smallint[])) k(n, name, category, capacity, days)
     where s.district_id = bench_id('district') and sem.district_id = s.district_id`,
  );
  await step(
    'after-school windows',
    `insert into after_school_windows (district_id, school_id, semester_id, opens_at, closes_at, mode, max_clubs)
     select s.district_id, s.id, sem.id, now() - interval '1 day', now() + interval '60 days', 'first_come', 2
     from schools s cross join semesters sem where s.district_id = bench_id('district') and sem.district_id = s.district_id`,
  );
  await step(
    'after-school agreements',
    `insert into after_school_agreements (district_id, school_id, class_id, student_id, semester_id, plan_id, signed_by, text_hash)
     select st.district_id, st.school_id, st.class_id, st.id, sem.id, bench_id('plan' || sc.code), g.user_id, md5(st.id::text) || md5(sem.id::text)
     from guardians g join guardian_links l on l.district_id = g.district_id and l.guardian_id = g.id
     join students st on st.district_id = l.district_id and st.id = l.student_id
     join schools sc on sc.district_id = st.district_id and sc.id = st.school_id
     cross join semesters sem
     where g.district_id = bench_id('district') and g.user_id is not null and sem.district_id = g.district_id`,
  );
  const t = Date.now();
  const districtId = ((await q(`select bench_id('district')::text as id`)) as { id: string }[])[0]!.id;
  await rebuildRollups(database.db, districtId, defaultHomeworkPolicy);
  console.log(`  rollups: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // sessions with known tokens (12 h from now), so the benchmark skips password hashing
  const parentHashes = Array.from({ length: sessions }, (_, n) => sha(parentToken(n)));
  await q(
    `insert into sessions (token_hash, district_id, user_id, expires_at)
     select h, bench_id('district'), bench_id('parent' || (o - 1)), now() + interval '12 hours' from unnest($1::text[]) with ordinality as t(h, o)`,
    [parentHashes],
  );
  await q(
    `insert into sessions (token_hash, district_id, user_id, expires_at)
     select h, bench_id('district'), bench_id('teacher' || (o - 1) || '-2'), now() + interval '12 hours' from unnest($1::text[]) with ordinality as t(h, o)`,
    [Array.from({ length: 200 }, (_, n) => sha(teacherToken(n)))],
  );
  await q(`insert into sessions (token_hash, district_id, user_id, expires_at) values ($1, bench_id('district'), bench_id('admin'), now() + interval '12 hours')`, [sha(ADMIN_TOKEN)]);
  // a district's database in service is vacuumed: hint bits set and the visibility map written, so the first scenario
  // of the first bench is not the one that pays for touching every freshly loaded page (and writing it out again)
  await step('vacuum', 'vacuum (analyze)');
  const counts = (await q(`select (select count(*) from students)::int as students, (select count(*) from homework_items)::int as items,
      (select count(*) from homework_published)::int as lists, (select count(*) from homework_feedback)::int as feedback,
      (select count(*) from homework_student_days)::int as reports, pg_size_pretty(pg_database_size(current_database())) as size`)) as Record<string, unknown>[];
  console.log('done in', ((Date.now() - started) / 1000).toFixed(0), 's:', counts[0]);
  await database.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : err);
  process.exit(1);
});
