/**
 * Homework items through the review chain: a teacher sets them (for several classes and days at once), the subject or
 * grade leader checks content (学科组长把关), the class teacher coordinates the day (班主任协调总量: shorten, drop, move,
 * send back). Every step audits and tells the teacher what happened.
 */
import type { z } from 'zod';
import type { Adjustment, CheckDecision, CreateItems, ItemPatch, ItemQuery } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit, auditMany } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { conflict, forbidden, found, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { checks, requireRole, settingsOf, teaches, visibleClass, visibleClasses } from './common';
import { dayChanged } from './day-flow';
import { judgeDays } from './load-check.service';
import { type Item, itemOrder, itemQuery, toItems } from './homework.repo';
import { tellCheckers } from './notices.service';
import { homeworkAttachments, homeworkItems } from './schema';

export async function listItems(ctx: Ctx, q: z.output<typeof ItemQuery>) {
  requirePermission(ctx, 'homework.read');
  const rows = await itemQuery(ctx.db)
    .where(
      and(
        scoped(ctx, homeworkItems, 'homework.read'),
        q.classId ? eq(homeworkItems.classId, q.classId) : undefined,
        q.from ? gte(homeworkItems.date, q.from) : undefined,
        q.to ? lte(homeworkItems.date, q.to) : undefined,
        q.status ? eq(homeworkItems.status, q.status) : undefined,
        q.mine === '1' ? eq(homeworkItems.teacherId, ctx.user.id) : undefined,
        // drafts are the teacher's own until submitted
        sql`(${homeworkItems.status} <> 'draft' or ${homeworkItems.teacherId} = ${ctx.user.id})`,
      ),
    )
    .orderBy(...itemOrder)
    .limit(1000);
  return toItems(ctx.db, rows);
}

async function loadItem(ctx: Ctx, q: Queryable, id: string) {
  const row = found(
    await itemQuery(q).where(
      and(scoped(ctx, homeworkItems, 'homework.read'), eq(homeworkItems.id, id), sql`(${homeworkItems.status} <> 'draft' or ${homeworkItems.teacherId} = ${ctx.user.id})`),
    ),
    '作业',
  );
  const cls = await visibleClass(ctx, row.item.classId, 'homework.read', q);
  return { row, cls };
}

export async function getItem(ctx: Ctx, id: string) {
  const { row } = await loadItem(ctx, ctx.db, id);
  return (await toItems(ctx.db, [row]))[0]!;
}

async function ownAttachments(ctx: Ctx, q: Queryable, ids: readonly string[]) {
  if (!ids.length) return;
  const rows = await q
    .select({ id: homeworkAttachments.id })
    .from(homeworkAttachments)
    .where(and(eq(homeworkAttachments.districtId, ctx.user.districtId), eq(homeworkAttachments.uploadedBy, ctx.user.id), inArray(homeworkAttachments.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw invalid('attachmentIds', '附件', '附件不存在或不是您上传的');
}

function assertNotPast(ctx: Ctx, date: LocalDate, field = 'date') {
  if (date < today(ctx)) throw invalid(field, '日期', `不能为已经过去的日期（${date}）布置作业`);
}

/** One item or many: every class × every dated entry, in one transaction. */
export async function createItems(ctx: Ctx, input: z.output<typeof CreateItems>) {
  requirePermission(ctx, 'homework.set');
  const targets = await visibleClasses(ctx, input.classIds);
  for (const cls of targets) if (!teaches(ctx, cls, input.subjectId)) throw forbidden(`您不是${cls.name}该学科的任课教师`);
  input.entries.forEach((e, i) => assertNotPast(ctx, e.date, `entries.${i}.date`));
  const dates = input.entries.map((e) => e.date);
  if (new Set(dates).size !== dates.length) throw invalid('entries', '日期', '同一批作业中日期不能重复，请合并为一条');
  const batchId = crypto.randomUUID();
  const { ids, checks } = await ctx.db.transaction(async (tx) => {
    await ownAttachments(ctx, tx, input.entries.flatMap((e) => e.attachmentIds));
    const created: Item[] = [];
    for (const cls of targets) {
      // the review steps of each entry's own date (a plan may straddle a change of the mandatory steps)
      const steps = new Map<LocalDate, boolean>();
      for (const e of input.entries) steps.set(e.date, (await settingsOf(tx, cls.districtId, cls.schoolId, e.date)).contentCheck);
      const statusOf = (date: LocalDate): Item['status'] => (!input.submit ? 'draft' : steps.get(date) ? 'pending_check' : 'ready');
      const rows = await tx
        .insert(homeworkItems)
        .values(
          input.entries.map((e) => ({
            districtId: cls.districtId,
            schoolId: cls.schoolId,
            classId: cls.id,
            grade: cls.grade,
            subjectId: input.subjectId,
            teacherId: ctx.user.id,
            date: e.date,
            planKind: input.planKind,
            batchId,
            title: e.title,
            content: e.content,
            type: e.type,
            layer: e.layer,
            place: e.place,
            minutes: e.minutes,
            links: e.links,
            attachmentIds: e.attachmentIds,
            designId: e.designId ?? null,
            status: statusOf(e.date),
          })),
        )
        .returning();
      created.push(...rows);
      for (const r of rows) if (r.status === 'ready') await dayChanged(ctx, tx, cls, r.date);
    }
    // each class-day as it now stands, judged by the policy in force on its date, cited in the answer and the audit
    const judged = await judgeDays(tx, ctx.user.districtId, targets, dates);
    const checks = judged.map((e) => ({ classId: e.classId, className: e.className, date: e.date, check: e.check, policyVersion: e.policyVersion }));
    await auditMany(
      tx,
      ctx.actor,
      created.map((r) => {
        const day = checks.find((c) => c.classId === r.classId && c.date === r.date)!;
        return { action: 'homework.create', entity: 'homework_item', entityId: r.id, after: { ...r, check: { rules: day.check.violations.map((v) => v.rule), written: day.check.written, limit: day.check.limit, policyVersion: day.policyVersion } } };
      }),
    );
    await tellCheckers(ctx, tx, created.map((r) => r.id));
    return { ids: created.map((r) => r.id), checks };
  });
  const rows = await itemQuery(ctx.db).where(and(eq(homeworkItems.districtId, ctx.user.districtId), inArray(homeworkItems.id, ids))).orderBy(asc(homeworkItems.date));
  return { items: await toItems(ctx.db, rows), checks };
}

const EDITABLE: Item['status'][] = ['draft', 'returned', 'pending_check', 'ready'];

/** The teacher edits their item; an item already in review goes back to the start of the chain. */
export async function updateItem(ctx: Ctx, id: string, patch: z.output<typeof ItemPatch>) {
  const { row, cls } = await loadItem(ctx, ctx.db, id);
  const before = row.item;
  if (before.teacherId !== ctx.user.id || !teaches(ctx, cls, before.subjectId)) throw forbidden('只能修改自己布置的作业');
  if (!EDITABLE.includes(before.status)) throw conflict(`作业已${before.status === 'dropped' ? '被删减' : '撤回'}，不能修改`);
  if (patch.date && patch.date !== before.date) assertNotPast(ctx, patch.date);
  await ctx.db.transaction(async (tx) => {
    await ownAttachments(ctx, tx, patch.attachmentIds ?? []);
    const settings = await settingsOf(tx, cls.districtId, cls.schoolId, patch.date ?? before.date);
    const inReview = before.status === 'pending_check' || before.status === 'ready';
    const status: Item['status'] = inReview ? (settings.contentCheck ? 'pending_check' : 'ready') : before.status;
    const { version, ...fields } = patch;
    const [after] = await tx
      .update(homeworkItems)
      .set({ ...fields, status, version: sql`${homeworkItems.version} + 1`, updatedAt: ctx.now(), checkedBy: null, checkedAt: null })
      .where(and(eq(homeworkItems.districtId, before.districtId), eq(homeworkItems.id, id), eq(homeworkItems.version, version)))
      .returning();
    if (!after) throw conflict('作业已被他人修改，请刷新后再试');
    await audit(tx, ctx.actor, { action: 'homework.update', entity: 'homework_item', entityId: id, before, after });
    if (before.status !== 'pending_check') await tellCheckers(ctx, tx, [id]);
    if (before.status === 'ready') await dayChanged(ctx, tx, cls, before.date);
    if (after.status === 'ready' && after.date !== before.date) await dayChanged(ctx, tx, cls, after.date);
    else if (after.status === 'ready' && before.status !== 'ready') await dayChanged(ctx, tx, cls, after.date);
  });
  return getItem(ctx, id);
}

/** Draft or returned → into review. */
export async function submitItems(ctx: Ctx, ids: readonly string[]) {
  await ctx.db.transaction(async (tx) => {
    for (const id of ids) {
      const { row, cls } = await loadItem(ctx, tx, id);
      const before = row.item;
      if (before.teacherId !== ctx.user.id) throw forbidden('只能提交自己布置的作业');
      if (before.status !== 'draft' && before.status !== 'returned') throw conflict('该作业已在审核流程中');
      assertNotPast(ctx, before.date);
      const settings = await settingsOf(tx, cls.districtId, cls.schoolId, before.date);
      const status: Item['status'] = settings.contentCheck ? 'pending_check' : 'ready';
      const [after] = await tx
        .update(homeworkItems)
        .set({ status, returnReason: null, version: sql`${homeworkItems.version} + 1`, updatedAt: ctx.now() })
        .where(and(eq(homeworkItems.districtId, before.districtId), eq(homeworkItems.id, id)))
        .returning();
      await audit(tx, ctx.actor, { action: 'homework.submit', entity: 'homework_item', entityId: id, before: { status: before.status }, after: { status } });
      if (after!.status === 'ready') await dayChanged(ctx, tx, cls, after!.date);
    }
    await tellCheckers(ctx, tx, ids);
  });
}

export async function withdrawItem(ctx: Ctx, id: string) {
  const { row, cls } = await loadItem(ctx, ctx.db, id);
  const before = row.item;
  if (before.teacherId !== ctx.user.id) throw forbidden('只能撤回自己布置的作业');
  if (!EDITABLE.includes(before.status)) throw conflict('该作业已结束，不能撤回');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(homeworkItems)
      .set({ status: 'withdrawn', version: sql`${homeworkItems.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(homeworkItems.districtId, before.districtId), eq(homeworkItems.id, id)));
    await audit(tx, ctx.actor, { action: 'homework.withdraw', entity: 'homework_item', entityId: id, before: { status: before.status }, after: { status: 'withdrawn' } });
    if (before.status === 'ready') await dayChanged(ctx, tx, cls, before.date);
  });
  return getItem(ctx, id);
}

/** 学科组长把关: approve content (→ the class teacher's day) or send back with a reason. */
export async function checkItems(ctx: Ctx, input: z.output<typeof CheckDecision>) {
  requirePermission(ctx, 'homework.check');
  if (input.decision === 'return' && !input.reason) throw invalid('reason', '原因', '退回时须说明原因');
  await ctx.db.transaction(async (tx) => {
    for (const id of input.itemIds) {
      const { row, cls } = await loadItem(ctx, tx, id);
      const before = row.item;
      if (!checks(ctx, cls, before.subjectId)) throw forbidden(`您不负责审核${cls.name}${row.subjectName}的作业`);
      if (before.status !== 'pending_check') throw conflict(`「${row.subjectName} ${before.date}」不在待审核状态`);
      const approve = input.decision === 'approve';
      const [after] = await tx
        .update(homeworkItems)
        .set({
          status: approve ? 'ready' : 'returned',
          returnReason: approve ? null : input.reason,
          checkedBy: approve ? ctx.user.id : null,
          checkedAt: approve ? ctx.now() : null,
          version: sql`${homeworkItems.version} + 1`,
          updatedAt: ctx.now(),
        })
        .where(and(eq(homeworkItems.districtId, before.districtId), eq(homeworkItems.id, id)))
        .returning();
      await audit(tx, ctx.actor, {
        action: approve ? 'homework.check.approve' : 'homework.check.return',
        entity: 'homework_item',
        entityId: id,
        before: { status: before.status },
        after: { status: after!.status, reason: input.reason ?? null },
      });
      if (approve) await dayChanged(ctx, tx, cls, before.date);
      if (!approve)
        await notify(tx, before.districtId, [before.teacherId], {
          kind: 'homework.returned',
          title: `${cls.name}${row.subjectName}作业（${before.date}）被退回`,
          body: `${ctx.user.name}：${input.reason}`,
          link: `/homework/set?item=${id}`,
        });
      // an approval with a comment (改进建议) reaches the teacher too
      else if (input.reason && before.teacherId !== ctx.user.id)
        await notify(tx, before.districtId, [before.teacherId], {
          kind: 'homework.checked',
          title: `${cls.name}${row.subjectName}作业（${before.date}）已审核通过`,
          body: `${ctx.user.name}：${input.reason}`,
          link: `/homework/set?item=${id}`,
        });
    }
  });
}

/** 班主任协调总量: shorten, drop or move a ready item, or send it back; the teacher is told. */
export async function adjustItem(ctx: Ctx, id: string, input: z.output<typeof Adjustment>) {
  const { row, cls } = await loadItem(ctx, ctx.db, id);
  const before = row.item;
  requireRole(ctx, 'homework.coordinate', cls, '只有本班班主任可以协调本班作业');
  if (before.status !== 'ready' && before.status !== 'pending_check') throw conflict('只能协调审核中或待协调的作业');
  let set: Partial<Item> = {};
  let told = '';
  switch (input.action) {
    case 'shorten':
      if (input.minutes >= before.minutes) throw invalid('minutes', '时长', `应少于原来的 ${before.minutes} 分钟`);
      set = { minutes: input.minutes, originalMinutes: before.originalMinutes ?? before.minutes, adjustNote: input.reason };
      told = `时长由 ${before.minutes} 分钟调整为 ${input.minutes} 分钟`;
      break;
    case 'drop':
      set = { status: 'dropped', adjustNote: input.reason };
      told = '已从当日作业中删减';
      break;
    case 'move':
      assertNotPast(ctx, input.date);
      if (input.date === before.date) throw invalid('date', '日期', '请选择另一天');
      set = { date: input.date, originalDate: before.originalDate ?? before.date, adjustNote: input.reason };
      told = `由 ${before.date} 调整到 ${input.date}`;
      break;
    case 'return':
      set = { status: 'returned', returnReason: input.reason };
      told = '退回修改';
      break;
  }
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(homeworkItems)
      .set({ ...set, version: sql`${homeworkItems.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(homeworkItems.districtId, before.districtId), eq(homeworkItems.id, id)))
      .returning();
    await audit(tx, ctx.actor, { action: `homework.adjust.${input.action}`, entity: 'homework_item', entityId: id, before, after: { ...set, reason: input.reason } });
    if (before.status === 'ready') await dayChanged(ctx, tx, cls, before.date);
    if (after!.status === 'ready' && after!.date !== before.date) await dayChanged(ctx, tx, cls, after!.date);
    if (before.teacherId !== ctx.user.id)
      await notify(tx, before.districtId, [before.teacherId], {
        kind: `homework.${input.action}`,
        title: `班主任调整了您的作业：${cls.name}${row.subjectName}（${before.date}）${told}`,
        body: `${ctx.user.name}：${input.reason}`,
        link: `/homework/set?item=${id}`,
      });
  });
  return getItem(ctx, id);
}
