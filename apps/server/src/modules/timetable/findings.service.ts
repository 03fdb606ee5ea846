/**
 * 阴阳课表 findings: the district's list; the school answers with its explanation; the district (or the inspector of
 * the school's zone) closes the finding or sends it back with the reason. Each step is kept with who and when.
 */
import type { YinYangFinding } from '@shuangjian/contracts';
import type { YinYangAnswerInput, YinYangDecisionInput, YinYangQuery } from '@shuangjian/contracts';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { classDirectory, roleHolders, schoolDirectory } from '../org';
import { timetableFindingEvents, timetableFindings, timetablePatrols } from './schema';

const f = timetableFindings;

async function load(q: Queryable, districtId: string, where: SQL | undefined): Promise<YinYangFinding[]> {
  const rows = await q
    .select({ f, className: classDirectory.name, schoolName: classDirectory.schoolName, zoneId: classDirectory.zoneId, p: timetablePatrols })
    .from(f)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, f.districtId), eq(classDirectory.id, f.classId)))
    .innerJoin(timetablePatrols, and(eq(timetablePatrols.districtId, f.districtId), eq(timetablePatrols.id, f.patrolId)))
    .where(where)
    .orderBy(desc(f.openedAt))
    .limit(500);
  const events = rows.length
    ? await q
        .select()
        .from(timetableFindingEvents)
        .where(and(eq(timetableFindingEvents.districtId, districtId), inArray(timetableFindingEvents.findingId, rows.map((r) => r.f.id))))
        .orderBy(asc(timetableFindingEvents.at))
    : [];
  const zoneNames = await zoneNamesOf(q, districtId);
  return rows.map((r) => ({
    id: r.f.id,
    schoolId: r.f.schoolId,
    schoolName: r.schoolName,
    zoneName: zoneNames.get(r.zoneId) ?? '',
    classId: r.f.classId,
    className: r.className,
    date: r.p.date,
    period: r.p.period,
    timetabled: r.p.timetabled,
    taught: r.p.subject,
    status: r.f.status,
    message: r.f.message,
    events: events.filter((e) => e.findingId === r.f.id).map((e) => ({ kind: e.kind, note: e.note, byName: e.byName, at: e.at.toISOString() })),
    openedAt: r.f.openedAt.toISOString(),
  }));
}

async function zoneNamesOf(q: Queryable, districtId: string) {
  const rows = await q.selectDistinct({ id: schoolDirectory.zoneId, name: schoolDirectory.zoneName }).from(schoolDirectory).where(eq(schoolDirectory.districtId, districtId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listFindings(ctx: Ctx, query: z.output<typeof YinYangQuery>): Promise<YinYangFinding[]> {
  requirePermission(ctx, 'timetable.read');
  return load(
    ctx.db,
    ctx.user.districtId,
    and(scoped(ctx, f, 'timetable.read'), query.schoolId ? eq(f.schoolId, query.schoolId) : undefined, query.status ? eq(f.status, query.status) : undefined),
  );
}

async function findingOr404(q: Queryable, where: SQL, id: string) {
  const [row] = await q.select().from(f).where(and(where, eq(f.id, id)));
  if (!row) throw notFound('阴阳课表问题');
  return row;
}

async function reload(ctx: Ctx, id: string): Promise<YinYangFinding> {
  const [one] = await load(ctx.db, ctx.user.districtId, and(scoped(ctx, f, 'timetable.read'), eq(f.id, id)));
  if (!one) throw notFound('阴阳课表问题');
  return one;
}

/** The school explains (情况说明); the district then decides. */
export async function answerFinding(ctx: Ctx, id: string, input: z.output<typeof YinYangAnswerInput>): Promise<YinYangFinding> {
  requirePermission(ctx, 'timetable.manage');
  await ctx.db.transaction(async (tx) => {
    const r = await findingOr404(tx, scoped(ctx, f, 'timetable.manage'), id);
    if (r.status !== 'open') throw conflict(r.status === 'closed' ? '该问题已销号' : '已提交情况说明，正等待区教育局复核');
    await tx.update(f).set({ status: 'answered', updatedAt: ctx.now() }).where(and(eq(f.districtId, r.districtId), eq(f.id, id)));
    await tx.insert(timetableFindingEvents).values({ districtId: r.districtId, findingId: id, schoolId: r.schoolId, kind: 'answered', note: input.explanation, byUserId: ctx.user.id, byName: ctx.user.name });
    await audit(tx, ctx.actor, { action: 'timetable.finding.answer', entity: 'timetable_finding', entityId: id, after: input });
    await notify(tx, r.districtId, await roleHolders(tx, r.districtId, 'district_admin', {}), {
      kind: 'timetable.finding.answered',
      title: '学校已说明阴阳课表问题，请复核',
      body: input.explanation.slice(0, 100),
      link: '/timetable/findings',
    });
  });
  return reload(ctx, id);
}

/** The district, or the inspector of the school's zone, closes an answered finding or sends it back with the reason. */
export async function decideFinding(ctx: Ctx, id: string, input: z.output<typeof YinYangDecisionInput>): Promise<YinYangFinding> {
  requirePermission(ctx, 'timetable.district');
  await ctx.db.transaction(async (tx) => {
    const r = await findingOr404(tx, scoped(ctx, f, 'timetable.read'), id);
    const keys = { districtId: r.districtId, school: r.schoolId };
    const verifier = ctx.grants.some((g) => (g.role === 'district_admin' || g.role === 'inspector') && allows({ grants: [g] }, 'timetable.district', keys));
    if (!verifier) throw forbidden('只有区教育局或本学区督学可以复核阴阳课表问题');
    if (input.decision === 'send_back' && !input.reason) throw invalid('reason', '退回原因（reason）', '退回须说明原因');
    if (r.status !== 'answered') throw conflict(r.status === 'closed' ? '该问题已销号' : '学校尚未提交情况说明');
    const status = input.decision === 'close' ? 'closed' : 'open';
    await tx.update(f).set({ status, updatedAt: ctx.now() }).where(and(eq(f.districtId, r.districtId), eq(f.id, id)));
    await tx.insert(timetableFindingEvents).values({ districtId: r.districtId, findingId: id, schoolId: r.schoolId, kind: input.decision === 'close' ? 'closed' : 'sent_back', note: input.reason, byUserId: ctx.user.id, byName: ctx.user.name });
    if (status === 'closed') await bumpIndicators(tx, [{ districtId: r.districtId, schoolId: r.schoolId, classId: r.classId, period: semesterPeriod(r.semesterId), indicator: 'timetable.findings', num: 1, den: 0 }]);
    await audit(tx, ctx.actor, { action: `timetable.finding.${input.decision}`, entity: 'timetable_finding', entityId: id, after: input });
    await notify(tx, r.districtId, await roleHolders(tx, r.districtId, 'school_admin', { schoolId: r.schoolId }), {
      kind: `timetable.finding.${input.decision}`,
      title: input.decision === 'close' ? '阴阳课表问题已复核销号' : '阴阳课表问题被退回，请重新说明',
      body: input.reason ?? r.message.slice(0, 100),
      link: '/timetable/findings',
    });
  });
  return reload(ctx, id);
}
