/**
 * 复制上周作业: a teacher's items of one week for the chosen classes, set again on the same weekdays of another week —
 * as drafts or into review — with each target class-day judged against the limits in force on its date first.
 */
import type { z } from 'zod';
import type { CopyWeek } from '@shuangjian/contracts';
import { addDays, daysBetween, type LoadItem, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { auditMany } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { today } from '../../platform/clock';
import { forbidden, invalid } from '../../platform/errors';
import { dayKinds, settingsOf, teaches, visibleClasses } from './common';
import { dayChanged } from './day-flow';
import { type Item, itemQuery, toItems } from './homework.repo';
import { judgeDays } from './load-check.service';
import { homeworkItems } from './schema';

const KIND_NAMES = { school_day: '上课日', weekend: '周末', holiday: '节假日', vacation: '假期' } as const;

export async function copyWeek(ctx: Ctx, input: z.output<typeof CopyWeek>) {
  requirePermission(ctx, 'homework.set');
  const from = weekStart(input.fromWeek);
  const to = weekStart(input.toWeek);
  if (from === to) throw invalid('toWeek', '目标周', '应与复制来源的周不同');
  const targets = await visibleClasses(ctx, input.classIds);
  for (const cls of targets) if (!coveringAnySubject(ctx, cls)) throw forbidden(`您不是${cls.name}的任课教师`);
  const sources = await itemQuery(ctx.db)
    .where(
      and(
        eq(homeworkItems.districtId, ctx.user.districtId),
        eq(homeworkItems.teacherId, ctx.user.id),
        inArray(homeworkItems.classId, targets.map((c) => c.id)),
        gte(homeworkItems.date, from),
        lte(homeworkItems.date, addDays(from, 6)),
        // what was actually set: in review or coordinated (published included), not drafts, returned, dropped or withdrawn
        inArray(homeworkItems.status, ['pending_check', 'ready']),
        input.subjectId ? eq(homeworkItems.subjectId, input.subjectId) : undefined,
      ),
    )
    .orderBy(asc(homeworkItems.date), asc(homeworkItems.createdAt));

  const shift = daysBetween(from, to);
  const now = today(ctx);
  const kinds = new Map<string, Awaited<ReturnType<typeof dayKinds>>>();
  for (const schoolId of new Set(targets.map((c) => c.schoolId))) {
    const dates = [...new Set(sources.flatMap((s) => [s.item.date, addDays(s.item.date, shift)]))];
    kinds.set(schoolId, await dayKinds(ctx.db, ctx.user.districtId, schoolId, dates));
  }
  const planned: { source: (typeof sources)[number]; date: LocalDate }[] = [];
  const skipped: { sourceItemId: string; date: LocalDate; reason: string }[] = [];
  for (const source of sources) {
    const cls = targets.find((c) => c.id === source.item.classId)!;
    const date = addDays(source.item.date, shift);
    const was = kinds.get(cls.schoolId)!.get(source.item.date)?.kind ?? 'school_day';
    const will = kinds.get(cls.schoolId)!.get(date) ?? { kind: 'school_day' as const, name: null };
    if (date < now) skipped.push({ sourceItemId: source.item.id, date, reason: `${date} 已经过去` });
    else if (!teaches(ctx, cls, source.item.subjectId)) skipped.push({ sourceItemId: source.item.id, date, reason: `您已不再任教${cls.name}${source.subjectName}` });
    else if (will.kind !== was && (will.kind === 'holiday' || will.kind === 'vacation'))
      skipped.push({ sourceItemId: source.item.id, date, reason: `${date} 是${will.name ?? KIND_NAMES[will.kind]}` });
    else planned.push({ source, date });
  }

  const extra = new Map<string, LoadItem[]>();
  for (const p of planned) {
    const key = `${p.source.item.classId}|${p.date}`;
    const i = p.source.item;
    extra.set(key, [...(extra.get(key) ?? []), { id: null, subjectName: p.source.subjectName, type: i.type, layer: i.layer, place: i.place, minutes: i.minutes, content: i.content }]);
  }
  const targetDates = [...new Set(planned.map((p) => p.date))].sort();
  const judge = async (q: Queryable) =>
    (await judgeDays(q, ctx.user.districtId, targets, targetDates, { extra }))
      .filter((e) => extra.has(`${e.classId}|${e.date}`))
      .map((e) => ({ classId: e.classId, className: e.className, date: e.date, check: e.check, policyVersion: e.policyVersion }));
  const plan = planned.map((p) => ({
    sourceItemId: p.source.item.id,
    classId: p.source.item.classId,
    className: p.source.className,
    subjectName: p.source.subjectName,
    date: p.date,
    title: p.source.item.title,
    content: p.source.item.content,
    minutes: p.source.item.minutes,
  }));
  if (input.dryRun || !planned.length) return { planned: plan, skipped, checks: await judge(ctx.db), items: [] };

  const batchId = crypto.randomUUID();
  const { ids, checks } = await ctx.db.transaction(async (tx) => {
    // judged before the copies exist: drafts never enter the chain's totals, so the copies are added by hand
    const checks = await judge(tx);
    const created: Item[] = [];
    for (const p of planned) {
      const cls = targets.find((c) => c.id === p.source.item.classId)!;
      const s = p.source.item;
      const status: Item['status'] = !input.submit ? 'draft' : (await settingsOf(tx, cls.districtId, cls.schoolId, p.date)).contentCheck ? 'pending_check' : 'ready';
      const [row] = await tx
        .insert(homeworkItems)
        .values({
          districtId: cls.districtId,
          schoolId: cls.schoolId,
          classId: cls.id,
          grade: cls.grade,
          subjectId: s.subjectId,
          teacherId: ctx.user.id,
          date: p.date,
          planKind: 'weekly',
          batchId,
          title: s.title,
          content: s.content,
          type: s.type,
          layer: s.layer,
          place: s.place,
          minutes: s.minutes,
          links: s.links,
          attachmentIds: s.attachmentIds,
          designId: s.designId,
          status,
        })
        .returning();
      created.push(row!);
      if (status === 'ready') await dayChanged(ctx, tx, cls, p.date);
    }
    await auditMany(
      tx,
      ctx.actor,
      created.map((r, i) => {
        const day = checks.find((c) => c.classId === r.classId && c.date === r.date);
        return {
          action: 'homework.copy',
          entity: 'homework_item',
          entityId: r.id,
          after: { ...r, sourceItemId: planned[i]!.source.item.id, check: day && { rules: day.check.violations.map((v) => v.rule), written: day.check.written, limit: day.check.limit, policyVersion: day.policyVersion } },
        };
      }),
    );
    return { ids: created.map((r) => r.id), checks };
  });
  const rows = await itemQuery(ctx.db).where(and(eq(homeworkItems.districtId, ctx.user.districtId), inArray(homeworkItems.id, ids))).orderBy(asc(homeworkItems.date));
  return { planned: plan, skipped, checks, items: await toItems(ctx.db, rows) };
}

function coveringAnySubject(ctx: Ctx, cls: Parameters<typeof teaches>[1]) {
  return ctx.grants.some((g) => g.role === 'teacher' && g.subjectId && teaches(ctx, cls, g.subjectId));
}
