/**
 * Rectifications (整改) of self-checks: the school names the person and records its fix with evidence; the district
 * (or the school's zone inspector) closes it or sends it back with the reason; the hourly job marks late ones and tells
 * the school. Every change keeps the school's rectified figure (closed / opened) for the semester.
 */
import type { Rectification, RectificationDecisionInput, RectificationFixInput, RectificationOwnerInput, RectificationQuery } from '@shuangjian/contracts';
import { localDateTimeIn } from '@shuangjian/policy';
import { and, eq, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { claimAttachments } from '../../platform/attachments';
import { audit, systemActor } from '../../platform/audit';
import { today } from '../../platform/clock';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { type JobDeps, perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { roleHolders } from '../org';
import { bumpSelfcheck, evidenceKind, loadRectifications, openingDeadline, rectificationOr404, withHistory } from './selfcheck.repo';
import { fiveSelfcheckEvents, fiveSelfcheckRectifications } from './selfcheck.schema';

const t = fiveSelfcheckRectifications;

export async function listRectifications(ctx: Ctx, query: z.output<typeof RectificationQuery>): Promise<Rectification[]> {
  requirePermission(ctx, 'five-managements.read');
  return loadRectifications(
    ctx.db,
    ctx.user.districtId,
    and(
      scoped(ctx, t, 'five-managements.read'),
      query.semesterId ? eq(t.semesterId, query.semesterId) : undefined,
      query.schoolId ? eq(t.schoolId, query.schoolId) : undefined,
      query.status ? eq(t.status, query.status) : undefined,
      query.overdue === 'true' ? and(isNotNull(t.overdueAt), eq(t.status, 'open')) : undefined,
      query.overdue === 'false' ? or(isNull(t.overdueAt), ne(t.status, 'open')) : undefined,
    ),
  );
}

async function reload(ctx: Ctx, id: string): Promise<Rectification> {
  const row = await rectificationOr404(ctx.db, scoped(ctx, t, 'five-managements.read'), id);
  return (await withHistory(ctx.db, ctx.user.districtId, [row]))[0]!;
}

/** The school names (or changes) the person responsible for a rectification. */
export async function setResponsible(ctx: Ctx, id: string, input: z.output<typeof RectificationOwnerInput>): Promise<Rectification> {
  requirePermission(ctx, 'five-managements.school');
  await ctx.db.transaction(async (tx) => {
    const r = await rectificationOr404(tx, scoped(ctx, t, 'five-managements.school'), id);
    if (r.status === 'closed') throw conflict('该整改事项已销号');
    await tx.update(t).set({ responsible: input.responsible, updatedAt: ctx.now() }).where(and(eq(t.districtId, r.districtId), eq(t.id, id)));
    await tx.insert(fiveSelfcheckEvents).values({ districtId: r.districtId, rectificationId: id, schoolId: r.schoolId, kind: 'owner', note: `整改责任人：${input.responsible}`, byUserId: ctx.user.id, byName: ctx.user.name });
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.responsible', entity: 'five_selfcheck_rectification', entityId: id, before: { responsible: r.responsible }, after: input });
  });
  return reload(ctx, id);
}

/** The school records what it did, with evidence files; the district then verifies. */
export async function recordFix(ctx: Ctx, id: string, input: z.output<typeof RectificationFixInput>): Promise<Rectification> {
  requirePermission(ctx, 'five-managements.school');
  await ctx.db.transaction(async (tx) => {
    const r = await rectificationOr404(tx, scoped(ctx, t, 'five-managements.school'), id);
    if (r.status !== 'open') throw conflict(r.status === 'closed' ? '该整改事项已销号' : '已提交整改情况，正等待区教育局复核');
    if (!r.responsible) throw invalid('responsible', '整改责任人（responsible）', '请先指定整改责任人');
    const files = await claimAttachments(tx, ctx, evidenceKind, { ownerId: id, ids: input.fileIds, field: 'fileIds' });
    await tx.update(t).set({ status: 'fixed', updatedAt: ctx.now() }).where(and(eq(t.districtId, r.districtId), eq(t.id, id)));
    await tx.insert(fiveSelfcheckEvents).values({ districtId: r.districtId, rectificationId: id, schoolId: r.schoolId, kind: 'fixed', note: input.text, fileIds: files.map((f) => f.id), byUserId: ctx.user.id, byName: ctx.user.name });
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.fix', entity: 'five_selfcheck_rectification', entityId: id, after: { text: input.text, files: files.map((f) => f.name), late: today(ctx) > r.deadline } });
    await notify(tx, r.districtId, await roleHolders(tx, r.districtId, 'district_admin', {}), {
      kind: 'five-managements.selfcheck.fixed',
      title: `学校提交了整改情况，请复核：${r.title.slice(0, 30)}`,
      body: input.text.slice(0, 100),
      link: `/five/selfcheck/school/${r.schoolId}`,
    });
  });
  return reload(ctx, id);
}

/** The district, or an inspector of the school's zone, closes a fixed rectification or sends it back (with the reason). */
export async function decideRectification(ctx: Ctx, id: string, input: z.output<typeof RectificationDecisionInput>): Promise<Rectification> {
  requirePermission(ctx, 'five-managements.read');
  const day = today(ctx);
  await ctx.db.transaction(async (tx) => {
    const r = await rectificationOr404(tx, scoped(ctx, t, 'five-managements.read'), id);
    const keys = { districtId: r.districtId, school: r.schoolId };
    const verifier = allows(ctx, 'five-managements.lists', keys) || ctx.grants.some((g) => g.role === 'inspector' && allows({ grants: [g] }, 'five-managements.read', keys));
    if (!verifier) throw forbidden('只有区教育局或本学区督学可以复核整改');
    if (input.decision === 'send_back' && !input.reason) throw invalid('reason', '退回原因（reason）', '退回整改须说明原因');
    if (r.status !== 'fixed') throw conflict(r.status === 'closed' ? '该整改事项已销号' : '学校尚未提交整改情况');
    const where = and(eq(t.districtId, r.districtId), eq(t.id, id));
    const base = { districtId: r.districtId, rectificationId: id, schoolId: r.schoolId, byUserId: ctx.user.id, byName: ctx.user.name };
    let deadline = r.deadline;
    if (input.decision === 'close') {
      await tx.update(t).set({ status: 'closed', updatedAt: ctx.now() }).where(where);
      await tx.insert(fiveSelfcheckEvents).values({ ...base, kind: 'closed', note: input.reason });
      await bumpSelfcheck(tx, r, { closed: 1 });
    } else {
      if (deadline <= day) deadline = (await openingDeadline(tx, r.districtId, day)).deadline;
      await tx.update(t).set({ status: 'open', deadline, overdueAt: deadline > day ? null : r.overdueAt, updatedAt: ctx.now() }).where(where);
      await tx.insert(fiveSelfcheckEvents).values({ ...base, kind: 'sent_back', note: input.reason, deadline });
    }
    await audit(tx, ctx.actor, { action: `five-managements.selfcheck.${input.decision}`, entity: 'five_selfcheck_rectification', entityId: id, after: { ...input, deadline } });
    await notify(tx, r.districtId, await roleHolders(tx, r.districtId, 'school_admin', { schoolId: r.schoolId }), {
      kind: `five-managements.selfcheck.${input.decision}`,
      title: input.decision === 'close' ? `整改已通过复核并销号：${r.title.slice(0, 30)}` : `整改被退回，请于 ${deadline} 前继续整改：${r.title.slice(0, 30)}`,
      body: input.reason,
      link: '/five/selfcheck/school',
    });
  });
  return reload(ctx, id);
}

/**
 * 整改逾期: open rectifications of one district whose deadline has passed (the deadline day is still in time) are
 * marked once, with a history line, an audit entry and a notice to the school. The `overdue_at is null` guard makes a
 * second server's run a no-op. Answers how many were marked.
 */
export async function markOverdue(deps: Pick<JobDeps, 'db' | 'now'>, district: { id: string; timezone: string }): Promise<number> {
  const day = localDateTimeIn(district.timezone, deps.now()).date;
  const actor = systemActor(district.id, '系统（整改逾期）');
  return deps.db.transaction(async (tx) => {
    const marked = await tx
      .update(t)
      .set({ overdueAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(t.districtId, district.id), eq(t.status, 'open'), lt(t.deadline, day), isNull(t.overdueAt)))
      .returning();
    if (!marked.length) return 0;
    await tx.insert(fiveSelfcheckEvents).values(marked.map((r) => ({ districtId: r.districtId, rectificationId: r.id, schoolId: r.schoolId, kind: 'overdue' as const, note: `整改期限 ${r.deadline} 已过`, deadline: r.deadline, byUserId: null, byName: actor.userName })));
    for (const schoolId of new Set(marked.map((r) => r.schoolId))) {
      const mine = marked.filter((r) => r.schoolId === schoolId);
      await audit(tx, actor, { action: 'five-managements.selfcheck.overdue', entity: 'school', entityId: schoolId, after: { rectifications: mine.map((r) => ({ id: r.id, deadline: r.deadline })) } });
      await notify(tx, district.id, await roleHolders(tx, district.id, 'school_admin', { schoolId }), {
        kind: 'five-managements.selfcheck.overdue',
        title: `自查整改逾期 ${mine.length} 项`,
        body: mine.map((r) => `${r.title.slice(0, 30)}（期限 ${r.deadline}）`).join('；'),
        link: '/five/selfcheck/school',
      });
    }
    return marked.length;
  });
}

/** Every hour: the overdue marks of each district (one indexed update when nothing is due). */
export const selfcheckOverdueJob = (): ScheduledJob => perDistrictJob('five-managements.selfcheckOverdue', 60 * 60_000, markOverdue);
