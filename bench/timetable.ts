/**
 * The 课程与课表 scenarios' stage in the synthetic district: every class gets this semester's timetable published
 * (version 1, laid out from the shipped curriculum plan, set-based; kept when it exists), and the taught periods of the
 * day the write scenario records are cleared. The scenarios: the public 晒课表 page of a school
 * (`GET /api/public/timetable/schools/{id}`, no sign-in) and a district officer's 巡课 record of a period
 * (`POST /api/timetable/patrols`), a different class and period each request.
 */
import { DEFAULT_TIME_ZONE, type TimetableSubject, timetableSettings, todayIn } from '@shuangjian/policy';
import type pg from 'pg';

export interface TimetableStage {
  schools: string[];
  classes: string[];
  /** A school day of the semester, not after today: the day the taught periods are recorded for. */
  day: string;
  versions: number;
}

const plan = timetableSettings['timetable.plan'].default;
const ORDER: TimetableSubject[] = ['chinese', 'math', 'english', 'morality', 'science', 'physics', 'chemistry', 'biology', 'history', 'geography', 'it', 'pe', 'music', 'art', 'labour', 'practice', 'local'];

/** The plan's week of a grade, period by period across five days, the grade's lab periods marked. */
function week(grade: number) {
  const g = plan.grades.find((x) => x.grade === grade)!;
  const list = ORDER.flatMap((s) => Array<TimetableSubject>(g.subjects[s] ?? 0).fill(s));
  const labAt = list.flatMap((s, i) => (['science', 'physics', 'chemistry', 'biology'].includes(s) ? [i] : []));
  const labs = new Set(g.labPeriods ? labAt.slice(-g.labPeriods) : []);
  return list.map((subject, i) => ({ day: (i % 5) + 1, period: Math.floor(i / 5) + 1, subject, lab: labs.has(i), teacher: null, room: null }));
}

export async function stageTimetable(c: pg.Client, districtId: string): Promise<TimetableStage> {
  const today = todayIn(DEFAULT_TIME_ZONE);
  const [semester] = (await c.query(`select id, start_date::text as start from semesters where district_id = $1 and start_date <= $2 order by start_date desc limit 1`, [districtId, today])).rows as { id: string; start: string }[];
  const [admin] = (await c.query(`select id from users where district_id = $1 and username = 'bench-admin'`, [districtId])).rows as { id: string }[];
  const weeks = plan.grades.map((g) => ({ grade: g.grade, cells: JSON.stringify(week(g.grade)), pe: g.subjects.pe ?? 0 }));
  const inserted = await c.query(
    `insert into timetable_versions (district_id, school_id, class_id, semester_id, version, cells, pe_periods, effective_from, citation, published_by, published_by_name)
     select $1, c.school_id, c.id, $2, 1, w.cells::jsonb, w.pe, $3::date, '{"key":"timetable.plan","version":0,"effectiveFrom":null}'::jsonb, $4, '基准管理员'
     from classes c join jsonb_to_recordset($5::jsonb) as w(grade int, cells text, pe int) on w.grade = c.grade
     where c.district_id = $1 on conflict do nothing`,
    [districtId, semester!.id, semester!.start, admin!.id, JSON.stringify(weeks)],
  );
  // the latest weekday of the semester, not after today, that no holiday or vacation covers
  const [day] = (
    await c.query(
      `select d::date::text as d from generate_series($2::date, $3::date, interval '1 day') d
       where extract(isodow from d) <= 5 and not exists (select 1 from calendar_entries e where e.district_id = $1 and e.kind <> 'workday' and d between e.start_date and e.end_date)
       order by d desc limit 1`,
      [districtId, semester!.start, today],
    )
  ).rows as { d: string }[];
  await c.query(`delete from timetable_finding_events where district_id = $1 and finding_id in (select f.id from timetable_findings f join timetable_patrols p on p.district_id = f.district_id and p.id = f.patrol_id where f.district_id = $1 and p.date = $2)`, [districtId, day!.d]);
  await c.query(`delete from timetable_findings where district_id = $1 and patrol_id in (select id from timetable_patrols where district_id = $1 and date = $2)`, [districtId, day!.d]);
  await c.query(`delete from timetable_patrols where district_id = $1 and date = $2`, [districtId, day!.d]);
  const schools = (await c.query(`select id from schools where district_id = $1 order by code`, [districtId])).rows.map((r) => r.id as string);
  const classes = (await c.query(`select id from classes where district_id = $1 order by school_id, grade, name`, [districtId])).rows.map((r) => r.id as string);
  return { schools, classes, day: day!.d, versions: inserted.rowCount ?? 0 };
}

/**
 * The k-th taught period: the classes in a scattered order (a prime stride, so consecutive records are of different
 * schools), period 1–6 in turn; never the same class and period twice in a run of 6n.
 */
export function taughtPeriod(stage: TimetableStage, k: number) {
  const n = stage.classes.length;
  return { classId: stage.classes[(k * 7919) % n]!, date: stage.day, period: 1 + (Math.floor(k / n) % 6), subject: 'chinese' };
}
