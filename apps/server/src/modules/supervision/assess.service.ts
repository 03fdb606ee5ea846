/**
 * 测评细则, what the district does to an assessment: define it and its indicator sheet while a draft, open it for the
 * inspectors' scoring, close it (every school's result frozen from the data as of the close date) and publish it.
 */
import type { AssessmentStatus, IndicatorSheetInput, SupervisionAssessmentDetail, SupervisionAssessmentInput, SupervisionAssessmentList } from '@shuangjian/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { semesterById } from '../calendar';
import { roleHolders } from '../org';
import {
  A,
  type AssessmentRow,
  closeRange,
  computeSchools,
  guardStatus,
  I,
  indicatorsOf,
  loadAssessment,
  R,
  readPermission,
  semesterNames,
  toAssessment,
  toIndicators,
} from './assess.repo';
import { publishNotices } from './assess-results.service';

type Out<T extends z.ZodType> = z.output<T>;

export async function listAssessments(ctx: Ctx): Promise<SupervisionAssessmentList> {
  const permission = readPermission(ctx);
  const rows = await ctx.db
    .select({ a: A, indicators: sql<number>`(select count(*)::int from supervision_indicators i where i.district_id = supervision_assessments.district_id and i.assessment_id = supervision_assessments.id)` })
    .from(A)
    .where(and(scoped(ctx, A, permission), permission === 'supervision.assess' ? undefined : sql`${A.status} <> 'draft'`))
    .orderBy(desc(A.periodFrom), desc(A.createdAt));
  const semesters = await semesterNames(ctx.db, ctx.user.districtId);
  return { items: rows.map((r) => toAssessment(r.a, Number(r.indicators), semesters)) };
}

export async function assessmentDetail(ctx: Ctx, id: string, q: Queryable = ctx.db): Promise<SupervisionAssessmentDetail> {
  const permission = readPermission(ctx);
  const a = await loadAssessment(ctx, q, id, permission);
  const [indicators, semesters] = await atOnce(q, () => indicatorsOf(q, a.districtId, [a.id]), () => semesterNames(q, a.districtId));
  const rows = indicators.get(a.id) ?? [];
  return { ...toAssessment(a, rows.length, semesters), indicators: toIndicators(rows) };
}

async function checkSemester(ctx: Ctx, semesterId: string | null) {
  if (!semesterId) return;
  try {
    await semesterById(ctx.db, ctx.user.districtId, semesterId);
  } catch {
    throw invalid('semesterId', '学期（semesterId）', '学期不存在');
  }
}

const fields = (input: Out<typeof SupervisionAssessmentInput>) => ({
  name: input.name,
  semesterId: input.semesterId,
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  closeDate: input.closeDate,
  redMin: input.redMin,
  yellowBelow: input.yellowBelow,
  blackBelow: input.blackBelow,
});

/** A new assessment, a draft (Idempotency-Key: a retried create makes one). */
export async function createAssessment(ctx: Ctx, input: Out<typeof SupervisionAssessmentInput>): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  await checkSemester(ctx, input.semesterId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(A)
      .values({ districtId: ctx.user.districtId, ...fields(input), createdBy: ctx.user.id })
      .returning({ id: A.id });
    await audit(tx, ctx.actor, { action: 'supervision.assessment.create', entity: 'supervision_assessment', entityId: row!.id, after: input });
    return assessmentDetail(ctx, row!.id, tx);
  });
}

/**
 * Moves the assessment from one of `from` to `to` in the transaction, or answers 409 naming the state it is in (the
 * update itself checks the state, so two people acting at once cannot both succeed).
 */
async function transition(ctx: Ctx, tx: Queryable, a: AssessmentRow, from: readonly AssessmentStatus[], set: Partial<typeof A.$inferInsert>, doing: string): Promise<void> {
  guardStatus(a, from, doing);
  const changed = await tx
    .update(A)
    .set(set)
    .where(and(eq(A.districtId, a.districtId), eq(A.id, a.id), inArray(A.status, [...from])))
    .returning({ id: A.id });
  if (!changed.length) {
    const now = await loadAssessment(ctx, tx, a.id, 'supervision.assess');
    guardStatus(now, from, doing);
    throw conflict('测评刚被他人修改，请刷新后重试');
  }
}

export async function updateAssessment(ctx: Ctx, id: string, input: Out<typeof SupervisionAssessmentInput>): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['draft'], '修改');
  await checkSemester(ctx, input.semesterId);
  return ctx.db.transaction(async (tx) => {
    await transition(ctx, tx, a, ['draft'], fields(input), '修改');
    await audit(tx, ctx.actor, { action: 'supervision.assessment.update', entity: 'supervision_assessment', entityId: a.id, before: fields({ ...a }), after: input });
    return assessmentDetail(ctx, a.id, tx);
  });
}

export async function deleteAssessment(ctx: Ctx, id: string): Promise<{ ok: true }> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['draft'], '删除');
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(A)
      .where(and(eq(A.districtId, a.districtId), eq(A.id, a.id), eq(A.status, 'draft')))
      .returning({ id: A.id });
    if (!gone.length) throw conflict('测评已开始评分，不能删除');
    await audit(tx, ctx.actor, { action: 'supervision.assessment.delete', entity: 'supervision_assessment', entityId: a.id, before: fields({ ...a }) });
  });
  return { ok: true };
}

/** Replaces the whole indicator sheet of a draft; each indicator's share is its weight over the total of weights. */
export async function replaceIndicators(ctx: Ctx, id: string, input: Out<typeof IndicatorSheetInput>): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['draft'], '修改指标');
  const seen = new Map<string, number>();
  input.indicators.forEach((ind, i) => {
    const prior = seen.get(ind.name);
    if (prior !== undefined) throw invalid(`indicators.${i}.name`, `指标名称（indicators.${i}.name）`, `与第 ${prior + 1} 项指标「${ind.name}」重名`);
    seen.set(ind.name, i);
  });
  const before = (await indicatorsOf(ctx.db, a.districtId, [a.id])).get(a.id) ?? [];
  return ctx.db.transaction(async (tx) => {
    await transition(ctx, tx, a, ['draft'], { updatedAt: ctx.now() }, '修改指标');
    await tx.delete(I).where(and(eq(I.districtId, a.districtId), eq(I.assessmentId, a.id)));
    await tx.insert(I).values(
      input.indicators.map((ind, i) => ({
        districtId: a.districtId,
        assessmentId: a.id,
        position: i + 1,
        name: ind.name,
        weight: ind.weight,
        kind: ind.kind,
        metric: ind.kind === 'metric' ? ind.metric : null,
        formula: ind.kind === 'metric' ? ind.formula : null,
        target: ind.kind === 'metric' ? ind.target : null,
        guidance: ind.guidance,
      })),
    );
    await audit(tx, ctx.actor, {
      action: 'supervision.assessment.indicators',
      entity: 'supervision_assessment',
      entityId: a.id,
      before: toIndicators(before).map(({ name, weight, kind, metric, formula, target }) => ({ name, weight, kind, metric, formula, target })),
      after: input.indicators,
    });
    return assessmentDetail(ctx, a.id, tx);
  });
}

/** 草稿 → 评分中: needs at least one indicator; the district's inspectors are told. */
export async function openAssessment(ctx: Ctx, id: string): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['draft'], '开始评分');
  const count = ((await indicatorsOf(ctx.db, a.districtId, [a.id])).get(a.id) ?? []).length;
  if (!count) throw conflict(`测评「${a.name}」还没有指标：请先设置测评细则（至少一项指标）再开始评分`);
  const inspectors = await roleHolders(ctx.db, a.districtId, 'inspector', {});
  return ctx.db.transaction(async (tx) => {
    await transition(ctx, tx, a, ['draft'], { status: 'scoring' }, '开始评分');
    await audit(tx, ctx.actor, { action: 'supervision.assessment.open', entity: 'supervision_assessment', entityId: a.id, before: { status: a.status }, after: { status: 'scoring' } });
    await notify(tx, a.districtId, inspectors, { kind: 'supervision.assessment', title: `督导测评开始评分：${a.name}`, body: `请于 ${a.closeDate} 前完成督导评分`, link: `/supervision/assessments/${a.id}` }, ctx.channels);
    return assessmentDetail(ctx, a.id, tx);
  });
}

/**
 * 评分中 → 已关账, from the close date on: every school's result computed from the figures over
 * periodFrom … min(periodTo, closeDate) and the inspectors' scores, frozen in supervision_results in the same
 * transaction. Refused while an inspector-scored indicator lacks a school's score. A school without any scored
 * indicator (no data at all on an all-computed sheet) gets no result row.
 */
export async function closeAssessment(ctx: Ctx, id: string): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['scoring'], '关账');
  const day = today(ctx);
  if (day < a.closeDate) throw conflict(`测评「${a.name}」的关账日期是 ${a.closeDate}，今天（${day}）还不能关账`, { closeDate: a.closeDate });
  return ctx.db.transaction(async (tx) => {
    const indicators = (await indicatorsOf(tx, a.districtId, [a.id])).get(a.id) ?? [];
    const schools = await computeSchools(tx, a, indicators, closeRange(a));
    const lacking = indicators
      .filter((ind) => ind.kind === 'inspector')
      .map((ind) => ({ indicatorId: ind.id, name: ind.name, schools: schools.filter((s) => s.detail[ind.id]?.score === null).length }))
      .filter((x) => x.schools > 0);
    if (lacking.length)
      throw conflict(`还不能关账：${lacking.map((x) => `指标「${x.name}」尚有 ${x.schools} 所学校未评分`).join('；')}`, { missing: lacking });
    await transition(ctx, tx, a, ['scoring'], { status: 'closed', closedAt: ctx.now(), closedBy: ctx.user.id }, '关账');
    await tx.delete(R).where(and(eq(R.districtId, a.districtId), eq(R.assessmentId, a.id)));
    const rows = schools
      .filter((s) => s.total !== null && s.rank !== null)
      .map((s) => ({ districtId: a.districtId, assessmentId: a.id, schoolId: s.school.schoolId, total: s.total!, rank: s.rank!, list: s.list, detail: s.detail, computedAt: ctx.now() }));
    if (rows.length) await tx.insert(R).values(rows);
    const range = closeRange(a);
    await audit(tx, ctx.actor, {
      action: 'supervision.assessment.close',
      entity: 'supervision_assessment',
      entityId: a.id,
      before: { status: a.status },
      after: { status: 'closed', range, schools: rows.length, lists: { red: rows.filter((r) => r.list === 'red').length, yellow: rows.filter((r) => r.list === 'yellow').length, black: rows.filter((r) => r.list === 'black').length } },
    });
    return assessmentDetail(ctx, a.id, tx);
  });
}

/** 已关账 → 已公布: each school's administrators are told their school's result, which they can now read. */
export async function publishAssessment(ctx: Ctx, id: string): Promise<SupervisionAssessmentDetail> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  guardStatus(a, ['closed'], '公布');
  return ctx.db.transaction(async (tx) => {
    await transition(ctx, tx, a, ['closed'], { status: 'published', publishedAt: ctx.now(), publishedBy: ctx.user.id }, '公布');
    const told = await publishNotices(ctx, tx, a);
    await audit(tx, ctx.actor, { action: 'supervision.assessment.publish', entity: 'supervision_assessment', entityId: a.id, before: { status: a.status }, after: { status: 'published', schoolsTold: told } });
    return assessmentDetail(ctx, a.id, tx);
  });
}
