/**
 * A class's day as people act on it: the day view, the class teacher's submission, academic affairs' approval (one day
 * or many at once) or return, and each school's choice of review steps within the district's mandatory ones. The
 * transitions themselves live in day-flow.ts.
 */
import type { z } from 'zod';
import type { ApproveDays, ClassDay, HomeworkSettingsInput } from '@shuangjian/contracts';
import { type LocalDate, REVIEW_STEPS, reviewStepLabels } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { AppError, conflict, found, invalid, recordedRefusal } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { roleHolders, schoolDirectory } from '../org';
import { type ClassRef, requireRole, schoolSteps, settingsOf, visibleClass, visibleClasses } from './common';
import { advance, checkOf, dayContext, loadDay, publish, publishedHistory, ruleRefusal } from './day-flow';
import { dayItems, toItems } from './homework.repo';
import { homeworkDays, homeworkSettings } from './schema';

export async function getDay(ctx: Ctx, classId: string, date: LocalDate): Promise<z.output<typeof ClassDay>> {
  const cls = await visibleClass(ctx, classId);
  const [rows, { policy, versions, kind }, settings, history, [day]] = await atOnce(ctx.db,
    () => dayItems(ctx.db, cls, date),
    () => dayContext(ctx.db, cls, date),
    () => settingsOf(ctx.db, cls.districtId, cls.schoolId, date),
    () => publishedHistory(ctx.db, cls, date),
    () => ctx.db.select().from(homeworkDays).where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date))),
  );
  const inChain = rows.filter((r) => r.item.status === 'ready' || r.item.status === 'pending_check');
  return {
    classId: cls.id,
    className: cls.name,
    schoolId: cls.schoolId,
    grade: cls.grade,
    date,
    dayKind: kind.kind,
    dayName: kind.name,
    status: day?.status ?? 'open',
    publishedVersion: day?.publishedVersion ?? 0,
    submitNote: day?.submitNote ?? null,
    returnReason: day?.returnReason ?? null,
    check: checkOf(inChain, cls, kind.kind, policy),
    readyCheck: checkOf(rows.filter((r) => r.item.status === 'ready'), cls, kind.kind, policy),
    items: await toItems(ctx.db, rows),
    history: history.map((h) => ({
      version: h.version,
      reason: h.reason,
      publishedBy: h.publishedByName,
      publishedAt: h.publishedAt.toISOString(),
      written: h.written,
      policyVersion: h.policyVersions,
    })),
    settings,
    policyVersion: versions,
  };
}

/**
 * The class teacher hands the coordinated day on (to approval, or straight to publication). Refused while an item still
 * waits for its content check (the list would go out without it), and while the day breaks a rule: that refusal is
 * audited with the check and the policy versions it applied.
 */
export async function submitDay(ctx: Ctx, classId: string, date: LocalDate, note: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.coordinate', cls, '只有本班班主任可以提交本班当日作业');
  const refusal = await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status === 'pending_approval') throw conflict('当日作业已提交，正等待教务处审核');
    if (day.status === 'published') throw conflict('当日作业已公示，且之后没有变化');
    const rows = await dayItems(tx, cls, date);
    const pending = rows.filter((r) => r.item.status === 'pending_check');
    if (pending.length)
      throw conflict(`${pending.map((r) => r.subjectName).join('、')}作业还在等待学科组长审核：审核通过或退回后才能提交`, {
        pending: pending.map((r) => r.item.id),
      });
    const ready = rows.filter((r) => r.item.status === 'ready');
    if (!ready.length && day.publishedVersion === 0) throw conflict('当日还没有可提交的作业');
    const { policy, versions, kind } = await dayContext(tx, cls, date);
    const check = checkOf(ready, cls, kind.kind, policy);
    if (check.violations.length) {
      await audit(tx, ctx.actor, {
        action: 'homework.day.submit.refused',
        entity: 'homework_day',
        entityId: `${cls.id}/${date}`,
        after: { rules: check.violations.map((v) => v.rule), message: check.violations[0]!.message, written: check.written, limit: check.limit, policyVersion: versions },
      });
      return recordedRefusal(ruleRefusal(check, versions));
    }
    if (day.publishedVersion > 0 && !note) throw invalid('note', '更正原因', '已公示的清单再次提交须说明更正原因');
    const settings = await settingsOf(tx, cls.districtId, cls.schoolId, date);
    await audit(tx, ctx.actor, {
      action: 'homework.day.submit',
      entity: 'homework_day',
      entityId: `${cls.id}/${date}`,
      after: { note, written: check.written, nonWritten: check.nonWritten, policyVersion: versions },
    });
    await advance(ctx, tx, cls, date, day, note, settings.schoolApproval);
    return null;
  });
  if (refusal) throw refusal;
  return getDay(ctx, classId, date);
}

/**
 * 教务处审核把关 of one day inside the caller's transaction: publishes it, or returns the refusal (audited, with the
 * policy versions it applied) when the day now breaks a rule — a policy may have changed since it was submitted.
 */
async function approveOne(ctx: Ctx, cls: ClassRef, date: LocalDate, reason: string | null): Promise<{ version: number } | { refused: AppError }> {
  return ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status !== 'pending_approval') throw conflict('当日作业已不在待审核状态：可能已由他人审核通过或退回');
    try {
      // its own savepoint: a refused publication leaves nothing half-written behind the audit entry
      return { version: await tx.transaction((inner) => publish(ctx, inner, cls, date, day, day.submitNote ?? reason)) };
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'RULE_VIOLATION') throw err;
      const details = err.details as { policyVersion?: string | null } | undefined;
      await audit(tx, ctx.actor, {
        action: 'homework.day.approve.refused',
        entity: 'homework_day',
        entityId: `${cls.id}/${date}`,
        after: { message: err.message, policyVersion: details?.policyVersion ?? null },
      });
      return { refused: recordedRefusal(err) };
    }
  });
}

/** 教务处审核把关: approve (publish) a submitted day. */
export async function approveDay(ctx: Ctx, classId: string, date: LocalDate, reason: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
  const outcome = await approveOne(ctx, cls, date, reason);
  if ('refused' in outcome) throw outcome.refused;
  return getDay(ctx, classId, date);
}

/**
 * Many submitted days approved in one request (the to-do's "approve selected"). Each day is published in its own
 * savepoint, independently: the days are separate classes' lists, each complete in itself, so one that cannot be
 * approved (changed since the page was loaded, or breaking a rule under a new policy) is listed with its reason and
 * never holds back the others the principal has reviewed. With an Idempotency-Key a retry gets the same answer.
 */
export async function approveDays(ctx: Ctx, input: z.output<typeof ApproveDays>) {
  requirePermission(ctx, 'homework.approve');
  const keys = [...new Map(input.days.map((d) => [`${d.classId}|${d.date}`, d])).values()];
  // a class out of reach answers 404 for the whole request, as a foreign id does everywhere (never echoed back)
  const classes = await visibleClasses(ctx, [...new Set(keys.map((d) => d.classId))]);
  const approved: { classId: string; className: string; date: LocalDate; version: number }[] = [];
  const refused: { classId: string; className: string | null; date: LocalDate; code: string; message: string }[] = [];
  for (const { classId, date } of keys) {
    const cls = classes.find((c) => c.id === classId)!;
    try {
      requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
      const outcome = await approveOne(ctx, cls, date, null);
      if ('refused' in outcome) refused.push({ classId, className: cls.name, date, code: outcome.refused.code, message: outcome.refused.message });
      else approved.push({ classId, className: cls.name, date, version: outcome.version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ classId, className: cls.name, date, code: err.code, message: err.message });
    }
  }
  return { approved, refused };
}

export async function returnDay(ctx: Ctx, classId: string, date: LocalDate, reason: string) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status !== 'pending_approval') throw conflict('当日作业不在待审核状态');
    await tx
      .update(homeworkDays)
      .set({ status: 'open', returnReason: reason, updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
    await audit(tx, ctx.actor, { action: 'homework.day.return', entity: 'homework_day', entityId: `${cls.id}/${date}`, after: { reason } });
    const teachers = await roleHolders(tx, cls.districtId, 'class_teacher', { classId: cls.id });
    await notify(tx, cls.districtId, teachers, {
      kind: 'homework.day_returned',
      title: `${cls.name} ${date} 的作业被教务处退回`,
      body: `${ctx.user.name}：${reason}`,
      link: `/homework/day/${cls.id}/${date}`,
    });
  });
  return getDay(ctx, classId, date);
}

async function visibleSchool(ctx: Ctx, schoolId: string) {
  const [school] = await ctx.db.select().from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  return school;
}

/** The steps in force today: the district's mandatory ones always on, the school's own choice for the rest. */
export async function getSettings(ctx: Ctx, schoolId: string) {
  const school = await visibleSchool(ctx, schoolId);
  return { schoolId, ...(await settingsOf(ctx.db, school.districtId, schoolId, today(ctx))) };
}

/** A school adds review steps; a step the district made mandatory (homework.mandatorySteps) cannot be switched off. */
export async function saveSettings(ctx: Ctx, schoolId: string, input: z.output<typeof HomeworkSettingsInput>) {
  const school = await visibleSchool(ctx, schoolId);
  if (!coveringGrants(ctx, 'homework.settings', { districtId: school.districtId, zone: school.zoneId, school: school.id }).length) throw new AppError(403, 'FORBIDDEN', '只有本校教务处或区教育局可以设置审核环节');
  const { mandatory } = await settingsOf(ctx.db, school.districtId, schoolId, today(ctx));
  for (const step of REVIEW_STEPS)
    if (mandatory.includes(step) && !input[step]) throw invalid(step, reviewStepLabels[step]['zh-CN'], '区教育局规定为必经环节，学校不能关闭');
  await ctx.db.transaction(async (tx) => {
    const before = await schoolSteps(tx, school.districtId, schoolId);
    await tx
      .insert(homeworkSettings)
      .values({ districtId: school.districtId, schoolId, ...input, updatedBy: ctx.user.id })
      .onConflictDoUpdate({ target: [homeworkSettings.districtId, homeworkSettings.schoolId], set: { ...input, updatedBy: ctx.user.id, updatedAt: ctx.now() } });
    await audit(tx, ctx.actor, { action: 'homework.settings', entity: 'school', entityId: schoolId, before, after: { ...input, mandatory } });
  });
  return { schoolId, ...input, mandatory };
}
