/**
 * 一课一消: the institution records a lesson with who attended; each attendee's order gives one lesson (an atomic
 * decrement that never goes below zero) and a pending consumption is written. The parent confirms it on the phone (or
 * disputes it, which gives the lesson back); confirmation releases the lesson's price from the order's account to the
 * institution's by the transfer keyed `consume:<consumptionId>`. What nobody answers confirms itself after
 * 'training.custody'.autoConfirmHours (autoconfirm.ts).
 */
import type { AttendeeOutcome, Consumption, ConsumeInput, DisputeInput, Lesson, LessonList, LessonsQuery, RecordLessonInput, RecordLessonResult } from '@shuangjian/contracts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { type Queryable, rowsOf } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import { childrenOf, consumptionsWhere, FAMILY, limitOf, pageAnswer, type PageWindow, pageWindow, reachableInstitution } from './custody.repo';
import { post, releasedAccount } from './ledger';
import { checkLesson, recordViolations } from './rules.service';
import { trainingPolicy } from './training.policy';
import { trainingLessons } from './custody.schema';
import { trainingCourses } from './schema';
import { studentDirectory } from '../org';

const FILE = 'training.file' as const;

/**
 * The consumption statement: takes one lesson from each listed order of the lesson's institution and course that is
 * active with lessons left, and writes its pending consumption; the lesson that empties the order takes the rest of
 * the price (so an order's consumptions add up to its price exactly).
 */
function consumeStatement(d: string, lesson: { id: string; institutionId: string; courseId: string }, orderIds: readonly string[], now: Date) {
  return sql`with o as (
      update training_orders set lessons_left = lessons_left - 1, updated_at = ${now.toISOString()}::timestamptz
      where district_id = ${d} and id in ${orderIds} and institution_id = ${lesson.institutionId} and course_id = ${lesson.courseId}
        and status = 'active' and lessons_left > 0
      returning id, student_id, zone_id, institution_id, lessons, lessons_left, price_fen, price_per_lesson_fen),
    ins as (
      insert into training_consumptions (district_id, lesson_id, order_id, institution_id, zone_id, student_id, amount_fen, created_at)
      select ${d}, ${lesson.id}, o.id, o.institution_id, o.zone_id, o.student_id,
        case when o.lessons_left = 0 then o.price_fen - o.price_per_lesson_fen * (o.lessons - 1) else o.price_per_lesson_fen end,
        ${now.toISOString()}::timestamptz
      from o
      returning id, order_id, amount_fen)
    select id, order_id as "orderId", amount_fen::float8 as "amountFen" from ins`;
}

/** Why an attendee got no consumption: not an order of this course, not active, or no lessons left. */
async function outcomesOf(q: Queryable, d: string, lesson: { institutionId: string; courseId: string }, orderIds: readonly string[], done: Map<string, { id: string; amountFen: number }>) {
  const rows = orderIds.length
    ? await rowsOf<{ id: string; status: string; lessonsLeft: number; studentName: string }>(
        q,
        sql`select o.id, o.status, o.lessons_left as "lessonsLeft", s.name as "studentName" from training_orders o
          join ${studentDirectory} s on s.district_id = o.district_id and s.id = o.student_id
          where o.district_id = ${d} and o.id in ${orderIds} and o.institution_id = ${lesson.institutionId} and o.course_id = ${lesson.courseId}`,
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return orderIds.map((orderId): AttendeeOutcome => {
    const c = done.get(orderId);
    const o = byId.get(orderId);
    if (c) return { orderId, studentName: o?.studentName ?? null, outcome: 'recorded', consumptionId: c.id, amountFen: c.amountFen as AttendeeOutcome['amountFen'] & number };
    if (!o) return { orderId, studentName: null, outcome: 'not_found', consumptionId: null, amountFen: null };
    return { orderId, studentName: o.studentName, outcome: o.status === 'active' ? 'no_lessons_left' : 'inactive', consumptionId: null, amountFen: null };
  });
}

/** Records a lesson held (rule findings recorded too: a lesson breaking a rule still happened) and its attendees' consumptions. */
export async function recordLesson(ctx: Ctx, input: RecordLessonInput): Promise<RecordLessonResult> {
  requirePermission(ctx, FILE);
  const d = ctx.user.districtId;
  const inst = await reachableInstitution(ctx, ctx.db, input.institutionId, [FILE]);
  const [course] = await ctx.db
    .select()
    .from(trainingCourses)
    .where(sql`${scoped(ctx, trainingCourses, FILE)} and ${trainingCourses.id} = ${input.courseId} and ${trainingCourses.institutionId} = ${inst.id}`);
  if (!course) throw notFound('课程');
  const mode = input.mode ?? course.mode;
  const [prev] = await rowsOf<{ endTime: string }>(
    ctx.db,
    sql`select max(end_time) as "endTime" from training_lessons where district_id = ${d} and institution_id = ${inst.id} and course_id = ${course.id}
      and date = ${input.date} and end_time <= ${input.startTime}`,
  );
  const findings = await checkLesson(ctx.db, d, { category: course.category, mode, date: input.date, startTime: input.startTime, endTime: input.endTime, previousEndTime: prev?.endTime ?? null });
  const id = randomUUID();
  const lessonRef = { id, institutionId: inst.id, courseId: course.id };
  const attendees = await ctx.db.transaction(async (tx) => {
    await tx.insert(trainingLessons).values({
      districtId: d,
      id,
      institutionId: inst.id,
      zoneId: inst.zoneId,
      courseId: course.id,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      mode,
      teacherName: input.teacherName,
      findings,
      createdAt: ctx.now(),
      createdBy: ctx.user.id,
    });
    const made = await rowsOf<{ id: string; orderId: string; amountFen: number }>(tx, consumeStatement(d, lessonRef, input.orderIds, ctx.now()));
    const outcomes = await outcomesOf(tx, d, lessonRef, input.orderIds, new Map(made.map((m) => [m.orderId, m])));
    await recordViolations(tx, ctx.actor, {
      institutionId: inst.id,
      institutionName: inst.name,
      zoneId: inst.zoneId,
      subject: { kind: 'lesson', id, label: `${course.name} ${input.date} ${input.startTime}—${input.endTime}` },
      findings,
      occurredOn: input.date,
    });
    await audit(tx, ctx.actor, {
      action: 'training.lesson.record',
      entity: 'training_lesson',
      entityId: id,
      after: { courseId: course.id, date: input.date, startTime: input.startTime, endTime: input.endTime, mode, recorded: made.length, refused: outcomes.filter((o) => o.outcome !== 'recorded').map((o) => ({ orderId: o.orderId, outcome: o.outcome })) },
    });
    return outcomes;
  });
  const [lesson] = await lessonsWhere(ctx.db, sql`l.district_id = ${d} and l.id = ${id}`);
  return { lesson: lesson!, attendees };
}

/**
 * One more attendee of a recorded lesson (a late arrival, or the bench's hot path): the lesson's check, the order's
 * decrement, the consumption and its audit entry are ONE statement (a prepared statement on PostgreSQL, atomic by
 * itself); only a refusal reads again, to say why.
 */
export async function consumeOne(ctx: Ctx, lessonId: string, input: ConsumeInput): Promise<Consumption> {
  requirePermission(ctx, FILE);
  const d = ctx.user.districtId;
  const now = ctx.now().toISOString();
  const a = ctx.actor;
  type Row = Omit<Consumption, 'amountFen' | 'autoConfirmAt' | 'confirmedAt' | 'disputeReason' | 'transferId' | 'status' | 'orderId' | 'lessonId' | 'id'> & { id: string | null; amountFen: number | null };
  const [row] = await ctx.prepared<Row>(
    sql`with l as (
        select training_lessons.id, training_lessons.institution_id, training_lessons.course_id, training_lessons.date, training_lessons.start_time,
          training_lessons.end_time, training_lessons.teacher_name, c.name as course_name
        from training_lessons join training_courses c on c.district_id = training_lessons.district_id and c.id = training_lessons.course_id
        where ${scoped(ctx, trainingLessons, FILE)} and training_lessons.id = ${lessonId}),
      o as (
        update training_orders o set lessons_left = o.lessons_left - 1, updated_at = ${now}::timestamptz from l
        where o.district_id = ${d} and o.id = ${input.orderId} and o.institution_id = l.institution_id and o.course_id = l.course_id
          and o.status = 'active' and o.lessons_left > 0
        returning o.id, o.student_id, o.zone_id, o.institution_id, o.lessons, o.lessons_left, o.price_fen, o.price_per_lesson_fen),
      ins as (
        insert into training_consumptions (district_id, lesson_id, order_id, institution_id, zone_id, student_id, amount_fen, created_at)
        select ${d}, ${lessonId}, o.id, o.institution_id, o.zone_id, o.student_id,
          case when o.lessons_left = 0 then o.price_fen - o.price_per_lesson_fen * (o.lessons - 1) else o.price_per_lesson_fen end, ${now}::timestamptz
        from o returning id, amount_fen),
      logged as (
        insert into audit_log (district_id, actor_id, actor_name, actor_roles, action, entity, entity_id, after, ip, request_id)
        select ${d}, ${a.userId}, ${a.userName}, ${`{${a.roles.join(',')}}`}::text[], 'training.lesson.consume', 'training_lesson', ${lessonId},
          jsonb_build_object('orderId', ${input.orderId}::text, 'consumptionId', ins.id, 'amountFen', ins.amount_fen), ${a.ip}, ${a.requestId}
        from ins)
      select ins.id, ins.amount_fen::float8 as "amountFen", l.date::text as date, l.start_time as "startTime", l.end_time as "endTime",
        l.course_name as "courseName", l.teacher_name as "teacherName"
      from l left join ins on true`,
  );
  if (!row) throw notFound('课程记录');
  if (!row.id) {
    const [o] = await rowsOf<{ status: string }>(
      ctx.db,
      sql`select o.status from training_orders o join training_lessons l on l.district_id = o.district_id and l.id = ${lessonId}
        where o.district_id = ${d} and o.id = ${input.orderId} and o.institution_id = l.institution_id and o.course_id = l.course_id`,
    );
    if (!o) throw notFound('订单');
    throw conflict(o.status !== 'active' ? '该订单已结束，不能再消课' : '该订单已无剩余课时', { rule: 'training.custody.lessons_left' });
  }
  const hours = (await trainingPolicy(ctx.db, d, today(ctx))).values['training.custody'].autoConfirmHours;
  return {
    ...row,
    id: row.id,
    lessonId,
    orderId: input.orderId,
    amountFen: row.amountFen as Consumption['amountFen'],
    status: 'pending',
    recordedAt: now,
    autoConfirmAt: new Date(ctx.now().getTime() + hours * 3_600_000).toISOString(),
    confirmedAt: null,
    disputeReason: null,
    transferId: null,
  };
}

/** The parent's own child's consumption, locked for the change, else 404. */
async function familyConsumption(ctx: Ctx, tx: Queryable, id: string) {
  const kids = childrenOf(ctx);
  if (!kids.length) throw notFound('课消记录');
  const [row] = await rowsOf<{ id: string; status: string; orderId: string; institutionId: string; amountFen: number; accountId: string }>(
    tx,
    sql`select c.id, c.status, c.order_id as "orderId", c.institution_id as "institutionId", c.amount_fen::float8 as "amountFen", o.account_id as "accountId"
      from training_consumptions c join training_orders o on o.district_id = c.district_id and o.id = c.order_id
      where c.district_id = ${ctx.user.districtId} and c.id = ${id} and c.student_id in ${kids} for update of c`,
  );
  if (!row) throw notFound('课消记录');
  if (row.status !== 'pending') throw conflict('该课消已确认或已提出异议', { status: row.status });
  return row;
}

/** Releases a confirmed consumption's amount (order → institution released), keyed by the consumption. */
export async function releaseConsumption(tx: Queryable, districtId: string, c: { id: string; orderId: string; institutionId: string; amountFen: number; accountId: string }, actor: string | null, at?: Date) {
  if (c.amountFen <= 0) return null;
  const released = await releasedAccount(tx, districtId, c.institutionId);
  const { transfer } = await post(tx, {
    districtId,
    key: `consume:${c.id}`,
    kind: 'consume',
    debitAccountId: c.accountId,
    creditAccountId: released,
    amountFen: c.amountFen,
    institutionId: c.institutionId,
    orderId: c.orderId,
    sourceId: c.id,
    actor,
    ...(at ? { at } : {}),
  });
  return transfer.id;
}

/** An order whose lessons are all taken and confirmed is completed. */
export const completeOrders = (d: string, orderIds: readonly string[]) =>
  sql`update training_orders o set status = 'completed', updated_at = now()
    where o.district_id = ${d} and o.id in ${orderIds} and o.status = 'active' and o.lessons_left = 0
      and not exists (select 1 from training_consumptions c where c.district_id = o.district_id and c.order_id = o.id and c.status = 'pending')`;

export async function confirmConsumption(ctx: Ctx, id: string): Promise<Consumption> {
  requirePermission(ctx, FAMILY);
  const d = ctx.user.districtId;
  await ctx.db.transaction(async (tx) => {
    const c = await familyConsumption(ctx, tx, id);
    const transferId = await releaseConsumption(tx, d, c, ctx.user.id, ctx.now());
    await tx.execute(sql`update training_consumptions set status = 'confirmed', confirmed_at = ${ctx.now().toISOString()}::timestamptz, confirmed_by = ${ctx.user.id}, transfer_id = ${transferId}
      where district_id = ${d} and id = ${id}`);
    await tx.execute(completeOrders(d, [c.orderId]));
    await audit(tx, ctx.actor, { action: 'training.consumption.confirm', entity: 'training_consumption', entityId: id, after: { orderId: c.orderId, amountFen: c.amountFen, transferId } });
  });
  return familyConsumptionAnswer(ctx, id);
}

/** The parent says the lesson did not happen (or not for their child): it is given back; nothing is released. */
export async function disputeConsumption(ctx: Ctx, id: string, input: DisputeInput): Promise<Consumption> {
  requirePermission(ctx, FAMILY);
  const d = ctx.user.districtId;
  await ctx.db.transaction(async (tx) => {
    const c = await familyConsumption(ctx, tx, id);
    await tx.execute(sql`update training_consumptions set status = 'disputed', dispute_reason = ${input.reason}, confirmed_at = ${ctx.now().toISOString()}::timestamptz, confirmed_by = ${ctx.user.id}
      where district_id = ${d} and id = ${id}`);
    await tx.execute(sql`update training_orders set lessons_left = lessons_left + 1, status = case when status = 'completed' then 'active' else status end, updated_at = now()
      where district_id = ${d} and id = ${c.orderId}`);
    await audit(tx, ctx.actor, { action: 'training.consumption.dispute', entity: 'training_consumption', entityId: id, after: { orderId: c.orderId, reason: input.reason } });
  });
  return familyConsumptionAnswer(ctx, id);
}

async function familyConsumptionAnswer(ctx: Ctx, id: string): Promise<Consumption> {
  const d = ctx.user.districtId;
  const hours = (await trainingPolicy(ctx.db, d, today(ctx))).values['training.custody'].autoConfirmHours;
  const [c] = await consumptionsWhere(ctx.db, sql`c.district_id = ${d} and c.id = ${id}`, hours);
  return c!;
}

type LessonRow = Omit<Lesson, 'amountFen'> & { amountFen: number; total: number };

/**
 * Lessons matching `where` (on alias l), newest first (date, start, then id), each with the count of all matching
 * (`total`); only the page's lessons are joined to their consumptions when `page` is given.
 */
async function lessonRows(q: Queryable, where: ReturnType<typeof sql>, page?: PageWindow): Promise<(Lesson & { total: number })[]> {
  const rows = await rowsOf<LessonRow>(
    q,
    sql`with picked as (
        select l.district_id, l.id, count(*) over () as total from training_lessons l where ${where}
        order by l.date desc, l.start_time desc, l.id desc ${limitOf(page)})
      select l.id, l.institution_id as "institutionId", l.course_id as "courseId", c.name as "courseName", l.date::text as date,
        l.start_time as "startTime", l.end_time as "endTime", l.mode, l.teacher_name as "teacherName", l.findings, l.created_at as "recordedAt",
        count(x.id)::int as attendees, count(x.id) filter (where x.status = 'pending')::int as pending,
        count(x.id) filter (where x.status in ('confirmed', 'auto_confirmed'))::int as confirmed,
        count(x.id) filter (where x.status = 'disputed')::int as disputed,
        coalesce(sum(x.amount_fen) filter (where x.status <> 'disputed'), 0)::float8 as "amountFen", p.total::int as total
      from picked p
      join training_lessons l on l.district_id = p.district_id and l.id = p.id
      join training_courses c on c.district_id = l.district_id and c.id = l.course_id
      left join training_consumptions x on x.district_id = l.district_id and x.lesson_id = l.id
      group by l.district_id, l.id, c.name, p.total order by l.date desc, l.start_time desc, l.id desc`,
  );
  return rows.map((r) => ({ ...r, amountFen: r.amountFen as Lesson['amountFen'], recordedAt: new Date(r.recordedAt).toISOString() }));
}

async function lessonsWhere(q: Queryable, where: ReturnType<typeof sql>): Promise<Lesson[]> {
  return (await lessonRows(q, where)).map(({ total: _t, ...l }) => l);
}

/** A page of the institution's lessons (from–to when given), newest first, with the number of all of them. */
export async function listLessons(ctx: Ctx, query: LessonsQuery): Promise<LessonList> {
  requirePermission(ctx, 'training.read');
  const inst = await reachableInstitution(ctx, ctx.db, query.institutionId, ['training.read']);
  const d = ctx.user.districtId;
  const where = sql`l.district_id = ${d} and l.institution_id = ${inst.id}
    and l.id in (select id from training_lessons where ${scoped(ctx, trainingLessons, 'training.read')} and institution_id = ${inst.id})
    ${query.from ? sql`and l.date >= ${query.from}` : sql``} ${query.to ? sql`and l.date <= ${query.to}` : sql``}`;
  const page = pageWindow(query);
  return pageAnswer(await lessonRows(ctx.db, where, page), page, async () => {
    const [row] = await rowsOf<{ n: number }>(ctx.db, sql`select count(*)::int as n from training_lessons l where ${where}`);
    return Number(row?.n ?? 0);
  });
}
