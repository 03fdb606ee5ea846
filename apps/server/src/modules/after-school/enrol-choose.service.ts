/**
 * 选课: a family's choice for their own child. The child's agreement is locked first, so two choices of one child
 * (two parents, a double tap) are decided one after the other, each on the places the other left; everything the
 * choice decides on is then read in one statement; the seat and the child's row are one more, and the course row is
 * locked only for that last statement and the commit. The school's rollup moves after the commit: a school's families
 * choosing different clubs at once do not queue on its one row.
 */
import type { ChoiceResult, ChooseInput } from '@shuangjian/contracts';
import { checkChoice, choiceRefusalMessage, windowState } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission } from '../../platform/access';
import { auditStatement } from '../../platform/audit';
import { today } from '../../platform/clock';
import { preparedRows, type Queryable } from '../../platform/db';
import { AppError, conflict, notFound, ruleViolation } from '../../platform/errors';
import { type Child, type Course, courseSlot, moveServed, nextPosition, seatNextWaiter, waitPlaces } from './enrol.repo';

const FAMILY = 'after-school.family' as const;

type Slot = Pick<Course, 'id' | 'name' | 'category' | 'grades' | 'weekdays' | 'startTime' | 'endTime' | 'schoolId' | 'semesterId'>;
type ChoiceRow = {
  id: string;
  name: string;
  grade: number;
  class_id: string;
  class_name: string;
  school_id: string;
  school_name: string;
  zone_id: string;
  course: (Slot & Pick<Course, 'capacity' | 'enrolled' | 'status'>) | null;
  windows: { id: string; opensAt: string; closesAt: string; mode: 'first_come' | 'lottery'; maxClubs: number }[] | null;
  held: { enrolmentId: string; status: 'enrolled' | 'waitlisted' | 'requested'; course: Slot }[] | null;
};

const slotJson = (alias: string) =>
  sql.raw(`'id', ${alias}.id, 'name', ${alias}.name, 'category', ${alias}.category, 'grades', ${alias}.grades, 'weekdays', ${alias}.weekdays,
    'startTime', ${alias}.start_time, 'endTime', ${alias}.end_time, 'schoolId', ${alias}.school_id, 'semesterId', ${alias}.semester_id`);

/**
 * Locks the child's agreement for the course's semester (none, or opted out: refused). Taken before anything is read:
 * a second choice of the same child waits here and then reads the places this one made (READ COMMITTED: each
 * statement sees what committed before it began). An unknown child or course finds no agreement either; the read
 * that follows names which it was.
 */
const agreementLock = sql`select a.opted_out_at from after_school_agreements a
  join after_school_courses c on c.district_id = a.district_id and c.id = ${sql.placeholder('courseId')}
  where a.district_id = ${sql.placeholder('districtId')} and a.student_id = ${sql.placeholder('studentId')} and a.semester_id = c.semester_id
  for update of a`;

async function lockAgreement(ctx: Ctx, tx: Queryable, studentId: string, courseId: string): Promise<boolean> {
  const rows = await preparedRows<{ opted_out_at: string | null }>(tx, agreementLock, { districtId: ctx.user.districtId, studentId, courseId });
  return rows.some((r) => r.opted_out_at === null);
}

/** The child (the family's own: else 404), the course (of the child's school: else 404), its semester's windows, the child's places. */
const choiceRead = sql`select s.id, s.name, s.grade, s.class_id, s.class_name, s.school_id, s.school_name, s.zone_id,
    (select json_build_object(${slotJson('c')}, 'capacity', c.capacity, 'enrolled', c.enrolled, 'status', c.status)
      from after_school_courses c where c.district_id = s.district_id and c.id = ${sql.placeholder('courseId')} and c.school_id = s.school_id) as course,
    (select json_agg(json_build_object('id', w.id, 'opensAt', w.opens_at, 'closesAt', w.closes_at, 'mode', w.mode, 'maxClubs', w.max_clubs))
      from after_school_windows w join after_school_courses c on c.district_id = w.district_id and c.id = ${sql.placeholder('courseId')}
      where w.district_id = s.district_id and w.school_id = s.school_id and w.semester_id = c.semester_id) as windows,
    (select json_agg(json_build_object('enrolmentId', e.id, 'status', e.status, 'course', json_build_object(${slotJson('h')})))
      from after_school_enrolments e join after_school_courses h on h.district_id = e.district_id and h.id = e.course_id
      join after_school_courses c on c.district_id = e.district_id and c.id = ${sql.placeholder('courseId')}
      where e.district_id = s.district_id and e.student_id = s.id and e.status in ('enrolled', 'waitlisted', 'requested') and h.semester_id = c.semester_id) as held
  from student_directory s where s.district_id = ${sql.placeholder('districtId')} and s.id = ${sql.placeholder('studentId')} and s.status = 'active'`;

async function readChoice(ctx: Ctx, tx: Queryable, studentId: string, courseId: string) {
  const [row] = await preparedRows<ChoiceRow>(tx, choiceRead, { districtId: ctx.user.districtId, studentId, courseId });
  if (!row || !allows(ctx, FAMILY, { districtId: ctx.user.districtId, zone: row.zone_id, school: row.school_id, class: row.class_id, student: row.id })) throw notFound('学生');
  if (!row.course) throw notFound('课程');
  const child: Child = { id: row.id, name: row.name, grade: row.grade, classId: row.class_id, className: row.class_name, schoolId: row.school_id, schoolName: row.school_name, zoneId: row.zone_id };
  const windows = (row.windows ?? []).map((w) => ({ ...w, opensAt: new Date(w.opensAt), closesAt: new Date(w.closesAt) }));
  return { child, course: row.course, windows, held: row.held ?? [] };
}

/**
 * A choice: in a first-come window the seat is taken by one atomic statement (`enrolled < capacity` checked and
 * moved together), else the child joins the waiting list in arrival order; in a lottery window it is a request
 * until the draw. Refused outside the window, without a signed agreement, or when a rule (grade, times, clubs) says no.
 */
export async function choose(ctx: Ctx, studentId: string, input: ChooseInput): Promise<ChoiceResult> {
  requirePermission(ctx, FAMILY);
  const d = ctx.user.districtId;
  const result = await ctx.db.transaction(async (tx) => {
    const agreed = await lockAgreement(ctx, tx, studentId, input.courseId);
    const { child, course, windows, held } = await readChoice(ctx, tx, studentId, input.courseId);
    if (course.status !== 'open') throw ruleViolation('该课程已停止选课');
    const window = windows.find((w) => windowState(w, ctx.now()) === 'open');
    if (!window) {
      const upcoming = windows.some((w) => windowState(w, ctx.now()) === 'upcoming');
      throw new AppError(422, 'RULE_VIOLATION', upcoming ? '选课尚未开始，请在选课时间内选择' : '选课时间已结束，不能再选', { rule: 'after-school.enrol.window' });
    }
    if (!agreed) throw ruleViolation('请先签订课后服务协议再选课', { rule: 'after-school.enrol.agreement' });
    if (held.some((h) => h.course.id === course.id)) throw conflict('孩子已选过这门课程');
    const refusal = checkChoice(courseSlot(course), child.grade, held.map((h) => courseSlot(h.course)), window.maxClubs);
    if (refusal) throw ruleViolation(choiceRefusalMessage(refusal), refusal);

    // from the seat statement on, the course row stays locked until commit, so nothing follows it: the seat, the
    // child's row and the audit entry are one statement
    const entry = auditStatement(tx, ctx.actor, {
      action: 'after-school.enrol.choose',
      entity: 'after_school_course',
      entityId: course.id,
      after: { studentId: child.id, courseId: course.id, mode: window.mode },
    });
    const now = ctx.now().toISOString();
    // a course seen full takes only a share lock: the waiters of a rush queue side by side, not one after another,
    // and a seat freed meanwhile (its holder's lock excludes ours) is seen here and handed on after commit
    const full = window.mode === 'first_come' && course.enrolled >= course.capacity;
    const seat =
      window.mode === 'lottery'
        ? sql`select 'requested' as status, false as free`
        : full
          ? sql`select 'waitlisted' as status, (select enrolled < capacity from locked) as free`
          : sql`select case when exists (select 1 from seat) then 'enrolled' else 'waitlisted' end as status, false as free`;
    const [row] = await preparedRows<{ id: string; status: 'enrolled' | 'waitlisted' | 'requested'; free: boolean }>(
      tx,
      sql`with seat as (
          update after_school_courses set enrolled = enrolled + 1
          where district_id = ${d} and id = ${course.id} and enrolled < capacity and ${window.mode === 'first_come' && !full}
          returning id),
        locked as (select enrolled, capacity from after_school_courses where district_id = ${d} and id = ${course.id} and ${full} for share),
        s as (${seat}),
        ins as (
          insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, window_id, status, position, chosen_by, chosen_at, seated_at)
          select ${d}, ${child.schoolId}, ${child.classId}, ${child.id}, ${course.id}, ${window.id}, s.status, ${nextPosition}, ${ctx.user.id}, ${now}::timestamptz,
            case when s.status = 'enrolled' then ${now}::timestamptz end
          from s
          returning id, status),
        logged as (${entry})
        select ins.id, ins.status, s.free from ins, s`,
    );
    return { id: row!.id, status: row!.status, free: row!.free, course, firstSeat: !held.some((h) => h.status === 'enrolled'), schoolId: child.schoolId };
  });
  // the rollup counts the child once, at their first seat of the semester (a crash before this line is corrected by
  // the scheduled refresh of the rollup, which recounts from the places)
  if (result.status === 'enrolled' && result.firstSeat) await moveServed(ctx.db, d, result.schoolId, result.course.semesterId, 1);
  // rare: the course was full when read, a seat was freed before the share lock with nobody waiting; the line moves up
  if (result.free) await ctx.db.transaction((tx) => seatNextWaiter(ctx, tx, result.course, today(ctx)));
  // the place in line is read after commit: the course row is not held for it
  const waitPosition = result.status === 'waitlisted' ? ((await waitPlaces(ctx.db, d, [result.id])).get(result.id) ?? null) : null;
  return { courseId: input.courseId, status: result.status, waitPosition };
}

