/**
 * A class's day as people act on it: the day view, the class teacher's submission, academic affairs' approval or
 * return, and each school's choice of review steps. The transitions themselves live in day-flow.ts.
 */
import type { z } from 'zod';
import type { ClassDay, HomeworkSettingsInput } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { coveringGrants, type Ctx, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError, conflict, found, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { roleHolders, schoolDirectory } from '../org';
import { requireRole, settingsOf, visibleClass } from './common';
import { advance, checkOf, dayContext, loadDay, publish, publishedHistory, readyItems } from './day-flow';
import { dayItems, toItems } from './homework.repo';
import { homeworkDays, homeworkSettings } from './schema';

export async function getDay(ctx: Ctx, classId: string, date: LocalDate): Promise<z.output<typeof ClassDay>> {
  const cls = await visibleClass(ctx, classId);
  const [rows, { policy, kind }, settings, history, [day]] = await Promise.all([
    dayItems(ctx.db, cls, date),
    dayContext(ctx.db, cls, date),
    settingsOf(ctx.db, cls.districtId, cls.schoolId),
    publishedHistory(ctx.db, cls, date),
    ctx.db.select().from(homeworkDays).where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date))),
  ]);
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
    history: history.map((h) => ({ version: h.version, reason: h.reason, publishedBy: h.publishedByName, publishedAt: h.publishedAt.toISOString(), written: h.written })),
    settings,
  };
}

/** The class teacher hands the coordinated day on (to approval, or straight to publication). */
export async function submitDay(ctx: Ctx, classId: string, date: LocalDate, note: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.coordinate', cls, '只有本班班主任可以提交本班当日作业');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status === 'pending_approval') throw conflict('当日作业已提交，正等待教务处审核');
    if (day.status === 'published') throw conflict('当日作业已公示，且之后没有变化');
    const { policy, kind } = await dayContext(tx, cls, date);
    const check = checkOf(await readyItems(tx, cls, date), cls, kind.kind, policy);
    if (check.violations.length) throw new AppError(422, 'RULE_VIOLATION', check.violations[0]!.message, { check });
    if (day.publishedVersion > 0 && !note) throw invalid('note', '更正原因', '已公示的清单再次提交须说明更正原因');
    const settings = await settingsOf(tx, cls.districtId, cls.schoolId);
    await audit(tx, ctx.actor, { action: 'homework.day.submit', entity: 'homework_day', entityId: `${cls.id}/${date}`, after: { note, written: check.written } });
    await advance(ctx, tx, cls, date, day, note, settings.schoolApproval);
  });
  return getDay(ctx, classId, date);
}

/** 教务处审核把关: approve (publish) a submitted day. */
export async function approveDay(ctx: Ctx, classId: string, date: LocalDate, reason: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status !== 'pending_approval') throw conflict('当日作业不在待审核状态');
    await publish(ctx, tx, cls, date, day, day.submitNote ?? reason);
  });
  return getDay(ctx, classId, date);
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

export async function getSettings(ctx: Ctx, schoolId: string) {
  const [school] = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  return { schoolId, ...(await settingsOf(ctx.db, ctx.user.districtId, schoolId)) };
}

export async function saveSettings(ctx: Ctx, schoolId: string, input: z.output<typeof HomeworkSettingsInput>) {
  const [school] = await ctx.db.select().from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  if (!coveringGrants(ctx, 'homework.settings', { districtId: school.districtId, zone: school.zoneId, school: school.id }).length) throw new AppError(403, 'FORBIDDEN', '只有本校教务处或区教育局可以设置审核环节');
  await ctx.db.transaction(async (tx) => {
    const before = await settingsOf(tx, school.districtId, schoolId);
    await tx
      .insert(homeworkSettings)
      .values({ districtId: school.districtId, schoolId, ...input, updatedBy: ctx.user.id })
      .onConflictDoUpdate({ target: [homeworkSettings.districtId, homeworkSettings.schoolId], set: { ...input, updatedBy: ctx.user.id, updatedAt: ctx.now() } });
    await audit(tx, ctx.actor, { action: 'homework.settings', entity: 'school', entityId: schoolId, before, after: input });
  });
  return { schoolId, ...input };
}

