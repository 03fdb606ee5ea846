/**
 * The family's 选课 page for a child, in one statement: the child, the semester in force (or the one asked for), its
 * windows, the school's approved plan (the agreement's terms), the family's agreement, and the courses open to the
 * child's grade with seats left, waiting lines and the child's own places. The busiest read of a window's opening.
 */
import type { ChildEnrolView, CourseCategory } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission } from '../../platform/access';
import { today } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { agreementOfPlan, pickWindow, windowAnswer, type Window } from './enrol.repo';

const FAMILY = 'after-school.family' as const;

type ViewRow = {
  id: string;
  name: string;
  grade: number;
  class_id: string;
  class_name: string;
  school_id: string;
  school_name: string;
  zone_id: string;
  semester: { id: string; name: string } | null;
  windows: { id: string; opens_at: string; closes_at: string; mode: Window['mode']; max_clubs: number; lottery_seed: string | null; drawn_at: string | null }[] | null;
  plan: { id: string; version: number; body: unknown } | null;
  agreement: { signed_at: string; text_hash: string; opted_out_at: string | null; opt_out_from: string | null } | null;
  courses: {
    id: string;
    name: string;
    category: CourseCategory;
    description: string | null;
    weekdays: number[];
    start_time: string;
    end_time: string;
    room: string | null;
    capacity: number;
    enrolled: number;
    price_per_lesson_fen: number;
    provider_name: string | null;
    waiting: number;
    status: 'enrolled' | 'waitlisted' | 'requested' | null;
    wait_position: number | null;
  }[];
};

export async function childView(ctx: Ctx, studentId: string, query: { semesterId?: string }): Promise<ChildEnrolView> {
  requirePermission(ctx, FAMILY);
  const date = today(ctx);
  // one fixed statement (prepared once per connection); the family's grant is checked on the child's keys below
  const [row] = await ctx.prepared<ViewRow>(sql`
    select s.id, s.name, s.grade, s.class_id, s.class_name, s.school_id, s.school_name, s.zone_id,
      case when sem.id is null then null else json_build_object('id', sem.id, 'name', sem.name) end as semester,
      (select json_agg(w) from (select id, opens_at, closes_at, mode, max_clubs, lottery_seed, drawn_at from after_school_windows
        where district_id = s.district_id and school_id = s.school_id and semester_id = sem.id) w) as windows,
      (select row_to_json(p) from (select id, version, body from after_school_plans
        where district_id = s.district_id and school_id = s.school_id and semester_id = sem.id and status = 'approved') p) as plan,
      (select row_to_json(a) from (select signed_at, text_hash, opted_out_at, opt_out_from from after_school_agreements
        where district_id = s.district_id and student_id = s.id and semester_id = sem.id) a) as agreement,
      (select coalesce(json_agg(x order by x.category <> 'homework', x.start_time, x.name), '[]'::json) from (
        select c.id, c.name, c.category, c.description, c.weekdays, to_char(c.start_time, 'HH24:MI') as start_time,
          to_char(c.end_time, 'HH24:MI') as end_time, c.room, c.capacity, c.enrolled, c.price_per_lesson_fen, p.institution_name as provider_name,
          (select count(*)::int from after_school_enrolments w where w.district_id = c.district_id and w.course_id = c.id and w.status = 'waitlisted') as waiting,
          e.status,
          case when e.status = 'waitlisted' then (select count(*)::int + 1 from after_school_enrolments o where o.district_id = e.district_id
            and o.course_id = e.course_id and o.status = 'waitlisted' and o.position < e.position) end as wait_position
        from after_school_courses c
        left join after_school_providers p on p.district_id = c.district_id and p.id = c.provider_id
        left join after_school_enrolments e on e.district_id = c.district_id and e.course_id = c.id and e.student_id = s.id
          and e.status in ('enrolled', 'waitlisted', 'requested')
        where c.district_id = s.district_id and c.school_id = s.school_id and c.semester_id = sem.id and c.status = 'open'
          and s.grade = any(c.grades)) x) as courses
    from student_directory s
    left join lateral (
      select id, name from semesters where district_id = s.district_id and (${query.semesterId ?? null}::uuid is null or id = ${query.semesterId ?? null}::uuid)
      -- the semester in force: the one containing today, else the latest begun, else the first to come
      order by (start_date <= ${date}::date and end_date >= ${date}::date) desc, (start_date <= ${date}::date) desc,
        case when start_date <= ${date}::date then start_date end desc nulls last, start_date
      limit 1) sem on true
    where s.district_id = ${ctx.user.districtId} and s.id = ${studentId} and s.status = 'active'`);
  if (!row || !allows(ctx, FAMILY, { districtId: ctx.user.districtId, zone: row.zone_id, school: row.school_id, class: row.class_id, student: row.id })) throw notFound('学生');
  if (query.semesterId && !row.semester) throw notFound('学期');
  const now = ctx.now();
  const windows = (row.windows ?? []).map((w) => ({
    ...w,
    districtId: ctx.user.districtId,
    schoolId: row.school_id,
    semesterId: row.semester!.id,
    opensAt: new Date(w.opens_at),
    closesAt: new Date(w.closes_at),
    maxClubs: w.max_clubs,
    lotterySeed: w.lottery_seed,
    drawnAt: w.drawn_at ? new Date(w.drawn_at) : null,
    createdAt: now,
    createdBy: null,
  }));
  const window = pickWindow(windows, now);
  const maker = row.plan && row.semester ? await agreementOfPlan(ctx.db, ctx.user.districtId, row.plan, row.school_name, row.semester.name, date) : null;
  const terms = maker?.forChild(row.name) ?? null;
  const signed = row.agreement;
  return {
    student: { id: row.id, name: row.name, grade: row.grade, className: row.class_name, schoolName: row.school_name },
    semester: row.semester,
    window: window && row.semester ? windowAnswer(window, row.semester.name, now) : null,
    agreement: {
      text: terms?.text ?? null,
      textHash: terms?.textHash ?? null,
      signed: !!signed && !signed.opted_out_at,
      signedAt: signed ? new Date(signed.signed_at).toISOString() : null,
      outdated: !!signed && !!terms && signed.text_hash !== terms.textHash,
      optedOut: !!signed?.opted_out_at,
      optOutFrom: signed?.opt_out_from ?? null,
    },
    courses: (row.courses ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      category: c.category,
      description: c.description,
      weekdays: c.weekdays,
      startTime: c.start_time,
      endTime: c.end_time,
      room: c.room,
      capacity: c.capacity,
      seatsLeft: Math.max(0, c.capacity - c.enrolled),
      waiting: c.waiting,
      pricePerLessonFen: Number(c.price_per_lesson_fen),
      providerName: c.provider_name,
      status: c.status,
      waitPosition: c.wait_position,
    })),
  };
}
