/**
 * The state machine of a class's day (internal to the module): the load check's context, coordination reopening a day
 * when its items change, submission to academic affairs (教务处审核把关) and publication (作业公示) as an immutable,
 * versioned list. An over-limit or forbidden day can never be published.
 */
import { checkClassDay, type DayKind, type HomeworkPolicy, limitFor, type LocalDate } from '@shuangjian/policy';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { atOnce, type Queryable } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { invalidate } from '../../platform/invalidation';
import { roleHolders } from '../org';
import { classDayKey } from './child-day-cache';
import { type ClassRef, dayKinds, settingsOf } from './common';
import { homeworkPolicy } from './homework.policy';
import { tellFamiliesPublished } from './notices.service';
import { dayItems, toItems } from './homework.repo';
import { refreshPlanned } from './rollups';
import { homeworkDays, homeworkPublished } from './schema';

export async function dayContext(q: Queryable, cls: ClassRef, date: LocalDate) {
  const [{ policy, versions }, kinds] = await atOnce(q, () => homeworkPolicy(q, cls.districtId, date), () => dayKinds(q, cls.districtId, cls.schoolId, [date]));
  const kind = kinds.get(date) ?? { kind: 'school_day' as DayKind, name: null };
  return { policy, versions, kind, limit: limitFor(policy, kind.kind, cls.grade) };
}

export async function loadDay(q: Queryable, cls: ClassRef, date: LocalDate) {
  await q.insert(homeworkDays).values({ districtId: cls.districtId, classId: cls.id, date, schoolId: cls.schoolId }).onConflictDoNothing();
  const [day] = await q
    .select()
    .from(homeworkDays)
    .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)))
    .for('update');
  return day!;
}

export const readyItems = async (q: Queryable, cls: ClassRef, date: LocalDate) => (await dayItems(q, cls, date)).filter((r) => r.item.status === 'ready');

/** A day that breaks a rule: 422 naming the first violation, with the whole check and the policy versions it applied. */
export function ruleRefusal(check: ReturnType<typeof checkClassDay>, policyVersion: string | null) {
  return new AppError(422, 'RULE_VIOLATION', check.violations[0]!.message, { check, policyVersion });
}

export function checkOf(rows: Awaited<ReturnType<typeof dayItems>>, cls: ClassRef, kind: DayKind, policy: HomeworkPolicy) {
  return checkClassDay(
    rows.map((r) => ({ id: r.item.id, subjectName: r.subjectName, type: r.item.type, layer: r.item.layer, place: r.item.place, minutes: r.item.minutes, content: r.item.content })),
    cls.grade,
    kind,
    policy,
  );
}

/**
 * After any change to a day's ready items: a published or submitted day reopens for coordination (its published list
 * stays visible until the correction is published); where the school runs no coordination step the day moves on by
 * itself when it passes every rule. Keeps the planned-load rollup current.
 */
export async function dayChanged(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate) {
  const day = await loadDay(tx, cls, date);
  if (day.status !== 'open') {
    await tx
      .update(homeworkDays)
      .set({ status: 'open', updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
  }
  const { policy, kind, limit } = await dayContext(tx, cls, date);
  const settings = await settingsOf(tx, cls.districtId, cls.schoolId, date);
  if (!settings.classCoordination) {
    const rows = await dayItems(tx, cls, date);
    const ready = rows.filter((r) => r.item.status === 'ready');
    const check = checkOf(ready, cls, kind.kind, policy);
    // never ahead of an item still waiting for its content check: the list would go out without it
    if (ready.length && check.violations.length === 0 && !rows.some((r) => r.item.status === 'pending_check')) {
      const reason = day.publishedVersion > 0 ? '作业更新（学校未设班主任协调环节，自动提交）' : null;
      await advance(ctx, tx, cls, date, { ...day, status: 'open' }, reason, settings.schoolApproval);
      return;
    }
  }
  await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, day.publishedVersion > 0);
}

/** Submitted day: to academic affairs, or published at once where the school has no approval step. */
export async function advance(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate, day: typeof homeworkDays.$inferSelect, note: string | null, approval: boolean) {
  if (approval) {
    await tx
      .update(homeworkDays)
      .set({ status: 'pending_approval', submittedBy: ctx.user.id, submittedAt: ctx.now(), submitNote: note, returnReason: null, updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
    const admins = await roleHolders(tx, cls.districtId, 'school_admin', { schoolId: cls.schoolId });
    await notify(tx, cls.districtId, admins, {
      kind: 'homework.to_approve',
      title: `${cls.name} ${date} 的作业${day.publishedVersion > 0 ? '更正' : ''}待审核`,
      body: note,
      link: `/homework/day/${cls.id}/${date}`,
    });
    const { policy, kind, limit } = await dayContext(tx, cls, date);
    await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, day.publishedVersion > 0);
    return;
  }
  await publish(ctx, tx, cls, date, day, note);
}

/** 作业公示: a new immutable version of the class's list for the day. Refuses a day that breaks any rule. */
export async function publish(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate, day: typeof homeworkDays.$inferSelect, reason: string | null): Promise<number> {
  const { policy, versions, kind, limit } = await dayContext(tx, cls, date);
  const ready = await readyItems(tx, cls, date);
  const check = checkOf(ready, cls, kind.kind, policy);
  if (check.violations.length) throw ruleRefusal(check, versions);
  const version = day.publishedVersion + 1;
  if (version > 1 && !reason) throw invalid('reason', '更正原因', '已公示的清单再次公示须说明更正原因');
  const items = await toItems(tx, ready);
  const snapshot = items.map((i) => ({
    itemId: i.id,
    subjectName: i.subjectName,
    teacherName: i.teacherName,
    title: i.title,
    content: i.content,
    type: i.type,
    layer: i.layer,
    place: i.place,
    minutes: i.minutes,
    links: i.links,
    attachments: i.attachments,
  }));
  await tx.insert(homeworkPublished).values({
    districtId: cls.districtId,
    classId: cls.id,
    date,
    version,
    schoolId: cls.schoolId,
    grade: cls.grade,
    dayKind: kind.kind,
    limit,
    written: check.written,
    optional: check.optional,
    other: check.other,
    inSchool: check.inSchool,
    items: snapshot,
    reason,
    publishedBy: ctx.user.id,
    publishedByName: ctx.user.name,
    publishedAt: ctx.now(),
    policyVersions: versions,
  });
  // every family's kept view of the day goes, here and (on commit) in other servers
  await invalidate(tx, 'homework.childDay', classDayKey(cls.districtId, cls.id, date));
  await tx
    .update(homeworkDays)
    .set({ status: 'published', publishedVersion: version, returnReason: null, updatedAt: ctx.now() })
    .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
  await audit(tx, ctx.actor, {
    action: version > 1 ? 'homework.publish.correction' : 'homework.publish',
    entity: 'homework_day',
    entityId: `${cls.id}/${date}`,
    after: { version, written: check.written, limit, nonWritten: check.nonWritten, items: snapshot.map((s) => s.itemId), reason, school: cls.schoolName, policyVersion: versions },
  });
  await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, true);
  await tellFamiliesPublished(ctx, tx, cls, date, { version, items: snapshot.length, written: check.written, limit, other: check.other, noWritten: check.noWrittenGrade, reason });
  return version;
}

export async function publishedHistory(q: Queryable, cls: ClassRef, date: LocalDate) {
  return q
    .select()
    .from(homeworkPublished)
    .where(and(eq(homeworkPublished.districtId, cls.districtId), eq(homeworkPublished.classId, cls.id), eq(homeworkPublished.date, date)))
    .orderBy(desc(homeworkPublished.version));
}

