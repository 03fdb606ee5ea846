/**
 * What a family does in 选课 for their own child on a phone, besides choosing (enrol-choose.service.ts): sign the
 * service agreement (书面协议), withdraw from a course, and opt out of the whole service from a date. The page they
 * read is enrol-child-view.service.ts.
 */
import type { OptOutInput, SignAgreementInput } from '@shuangjian/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { conflict, invalid, notFound, ruleViolation } from '../../platform/errors';
import { agreementFor, type Child, childFor, freeSeat, moveServed } from './enrol.repo';
import { afterSchoolAgreements, afterSchoolCourses, afterSchoolEnrolments } from './schema';
import { semesterAt, semesterById, semestersOf } from '../calendar';

const FAMILY = 'after-school.family' as const;

export async function semesterFor(ctx: Ctx, semesterId: string | undefined, q: Queryable = ctx.db) {
  if (semesterId) return semesterById(q, ctx.user.districtId, semesterId);
  return semesterAt(await semestersOf(q, ctx.user.districtId), today(ctx));
}

/** Signs (or signs again after opting out or after the plan changed) the agreement whose text the family was shown. */
export async function signAgreement(ctx: Ctx, studentId: string, input: SignAgreementInput): Promise<{ ok: true }> {
  requirePermission(ctx, FAMILY);
  return ctx.db.transaction(async (tx) => {
    const child = await childFor(ctx, studentId, FAMILY, tx);
    const semester = await semesterFor(ctx, undefined, tx);
    if (!semester) throw ruleViolation('本学期尚未设置，暂不能签订协议');
    const terms = await agreementFor(tx, ctx.user.districtId, child, semester, today(ctx));
    if (!terms) throw ruleViolation('学校本学期的课后服务方案尚未审核通过，暂不能签订协议');
    if (terms.textHash !== input.textHash) throw conflict('协议内容已更新，请重新阅读后签订', { textHash: terms.textHash });
    const values = { planId: terms.planId, signedBy: ctx.user.id, signedAt: ctx.now(), textHash: terms.textHash, optedOutAt: null, optOutFrom: null, optOutReason: null };
    const [row] = await tx
      .insert(afterSchoolAgreements)
      .values({ districtId: ctx.user.districtId, schoolId: child.schoolId, classId: child.classId, studentId: child.id, semesterId: semester.id, ...values })
      .onConflictDoUpdate({ target: [afterSchoolAgreements.districtId, afterSchoolAgreements.studentId, afterSchoolAgreements.semesterId], set: values })
      .returning({ id: afterSchoolAgreements.id });
    await audit(tx, ctx.actor, { action: 'after-school.agreement.sign', entity: 'after_school_agreement', entityId: row!.id, after: { studentId: child.id, semesterId: semester.id, planId: terms.planId, textHash: terms.textHash } });
    return { ok: true as const };
  });
}

/** The signed, not opted-out agreement of the child for the semester, locked: one family's choices for a child go one at a time. */
export async function liveAgreement(ctx: Ctx, tx: Queryable, child: Child, semesterId: string) {
  const [agreement] = await tx
    .select({ id: afterSchoolAgreements.id, optedOutAt: afterSchoolAgreements.optedOutAt })
    .from(afterSchoolAgreements)
    .where(and(eq(afterSchoolAgreements.districtId, ctx.user.districtId), eq(afterSchoolAgreements.studentId, child.id), eq(afterSchoolAgreements.semesterId, semesterId)))
    .for('update');
  return agreement && !agreement.optedOutAt ? agreement : null;
}

/** The child's live places (enrolled, waiting, requested) in courses of the semester, with the courses' slots. */
async function heldBy(ctx: Ctx, tx: Queryable, studentId: string, semesterId: string) {
  return tx
    .select({
      enrolmentId: afterSchoolEnrolments.id,
      status: afterSchoolEnrolments.status,
      course: {
        id: afterSchoolCourses.id,
        name: afterSchoolCourses.name,
        category: afterSchoolCourses.category,
        grades: afterSchoolCourses.grades,
        weekdays: afterSchoolCourses.weekdays,
        startTime: afterSchoolCourses.startTime,
        endTime: afterSchoolCourses.endTime,
        schoolId: afterSchoolCourses.schoolId,
        semesterId: afterSchoolCourses.semesterId,
      },
    })
    .from(afterSchoolEnrolments)
    .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolEnrolments.districtId), eq(afterSchoolCourses.id, afterSchoolEnrolments.courseId)))
    .where(
      and(
        eq(afterSchoolEnrolments.districtId, ctx.user.districtId),
        eq(afterSchoolEnrolments.studentId, studentId),
        inArray(afterSchoolEnrolments.status, ['enrolled', 'waitlisted', 'requested']),
        eq(afterSchoolCourses.semesterId, semesterId),
      ),
    );
}

/** Ends the child's live places (all, or one course's) from `from`; freed seats go to the waiting lists at once. */
async function endPlaces(ctx: Ctx, tx: Queryable, child: Child, semesterId: string, courseId: string | null, from: string) {
  const held = await heldBy(ctx, tx, child.id, semesterId);
  const ending = held.filter((h) => !courseId || h.course.id === courseId);
  for (const h of ending) {
    await tx
      .update(afterSchoolEnrolments)
      .set({ status: 'withdrawn', endedAt: ctx.now(), endedFrom: from })
      .where(and(eq(afterSchoolEnrolments.districtId, ctx.user.districtId), eq(afterSchoolEnrolments.id, h.enrolmentId)));
    if (h.status === 'enrolled') await freeSeat(ctx, tx, h.course, from);
  }
  const before = held.some((h) => h.status === 'enrolled');
  const after = held.some((h) => h.status === 'enrolled' && !ending.includes(h));
  if (before && !after) await moveServed(tx, ctx.user.districtId, child.schoolId, semesterId, -1);
  return ending;
}

/** Withdraws the child from one course (at any time, also after the window closed) from today. */
export async function withdraw(ctx: Ctx, studentId: string, courseId: string): Promise<{ ok: true }> {
  requirePermission(ctx, FAMILY);
  return ctx.db.transaction(async (tx) => {
    const child = await childFor(ctx, studentId, FAMILY, tx);
    const [course] = await tx
      .select({ semesterId: afterSchoolCourses.semesterId })
      .from(afterSchoolCourses)
      .where(and(scoped(ctx, afterSchoolCourses, FAMILY), eq(afterSchoolCourses.id, courseId), eq(afterSchoolCourses.schoolId, child.schoolId)));
    if (!course) throw notFound('课程');
    await liveAgreement(ctx, tx, child, course.semesterId);
    const ended = await endPlaces(ctx, tx, child, course.semesterId, courseId, today(ctx));
    if (!ended.length) throw notFound('选课记录');
    await audit(tx, ctx.actor, { action: 'after-school.enrol.withdraw', entity: 'after_school_enrolment', entityId: ended[0]!.enrolmentId, before: { status: ended[0]!.status }, after: { status: 'withdrawn' } });
    return { ok: true as const };
  });
}

/** 退出课后服务: ends the agreement from a date (today or later) and every place of the child; refunds count from it. */
export async function optOut(ctx: Ctx, studentId: string, input: OptOutInput): Promise<{ withdrawn: number; optOutFrom: string }> {
  requirePermission(ctx, FAMILY);
  if (input.from < today(ctx)) throw invalid('from', '退出日期', '不能早于今天');
  return ctx.db.transaction(async (tx) => {
    const child = await childFor(ctx, studentId, FAMILY, tx);
    const semester = await semesterFor(ctx, undefined, tx);
    const agreement = semester ? await liveAgreement(ctx, tx, child, semester.id) : null;
    if (!semester || !agreement) throw ruleViolation('孩子本学期没有生效的课后服务协议');
    if (input.from > semester.endDate) throw invalid('from', '退出日期', '不能晚于本学期结束日期');
    await tx
      .update(afterSchoolAgreements)
      .set({ optedOutAt: ctx.now(), optOutFrom: input.from, optOutReason: input.reason })
      .where(and(eq(afterSchoolAgreements.districtId, ctx.user.districtId), eq(afterSchoolAgreements.id, agreement.id)));
    const ended = await endPlaces(ctx, tx, child, semester.id, null, input.from);
    await audit(tx, ctx.actor, { action: 'after-school.agreement.opt-out', entity: 'after_school_agreement', entityId: agreement.id, after: { studentId: child.id, from: input.from, reason: input.reason, withdrawn: ended.length } });
    return { withdrawn: ended.length, optOutFrom: input.from };
  });
}
