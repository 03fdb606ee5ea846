/**
 * 测评细则's shared reads: an assessment through the caller's scope, its indicator sheet with each indicator's share,
 * the state guard, and every school's outcome on the sheet (live from the rollups, or as frozen at the close).
 */
import { type AssessIndicator, type AssessmentStatus, type AssessSchoolResult, type IndicatorOutcome, type Permission, roleHas, type SupervisionAssessment } from '@shuangjian/contracts';
import { type FormulaName, listOf, ranks, schoolOutcome, type SheetIndicator, sharesOf } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { allows, type Ctx, scoped } from '../../platform/access';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { semestersOf } from '../calendar';
import { districtSchools, type MetricRange, schoolMetrics } from './metrics';
import { supervisionAssessments, supervisionIndicators, supervisionResults, supervisionScores } from './schema';

export const A = supervisionAssessments;
export const I = supervisionIndicators;
export const S = supervisionScores;
export const R = supervisionResults;
export type AssessmentRow = typeof A.$inferSelect;
export type IndicatorRow = typeof I.$inferSelect;
export type SchoolRef = Awaited<ReturnType<typeof districtSchools>>[number];

export const STATUS_LABEL: Record<AssessmentStatus, string> = { draft: '草稿', scoring: '评分中', closed: '已关账', published: '已公布' };

/** The permission a district reader acts under: defining assessments, else scoring them; else 403. */
export function readPermission(ctx: Ctx): Permission {
  for (const p of ['supervision.assess', 'supervision.score'] as const) if (ctx.grants.some((g) => roleHas(g.role, p))) return p;
  throw forbidden();
}

/** An assessment of the caller's district (404 for another district's or an unknown one; inspectors never see drafts). */
export async function loadAssessment(ctx: Ctx, q: Queryable, id: string, permission: Permission): Promise<AssessmentRow> {
  const [row] = await q.select().from(A).where(and(scoped(ctx, A, permission), eq(A.id, id)));
  if (!row || (permission !== 'supervision.assess' && row.status === 'draft')) throw notFound('测评');
  return row;
}

/** 409 unless the assessment is in one of `allowed`: "测评「…」已关账，不能修改指标". */
export function guardStatus(a: Pick<AssessmentRow, 'name' | 'status'>, allowed: readonly AssessmentStatus[], doing: string): void {
  if (!allowed.includes(a.status))
    throw conflict(`测评「${a.name}」${STATUS_LABEL[a.status]}，不能${doing}（仅限${allowed.map((s) => STATUS_LABEL[s]).join('、')}状态）`, { status: a.status, allowed });
}

export async function indicatorsOf(q: Queryable, districtId: string, assessmentIds: readonly string[]): Promise<Map<string, IndicatorRow[]>> {
  const out = new Map<string, IndicatorRow[]>();
  if (!assessmentIds.length) return out;
  const rows = await q
    .select()
    .from(I)
    .where(and(eq(I.districtId, districtId), inArray(I.assessmentId, [...assessmentIds])))
    .orderBy(asc(I.assessmentId), asc(I.position));
  for (const r of rows) out.set(r.assessmentId, [...(out.get(r.assessmentId) ?? []), r]);
  return out;
}

/** The sheet as answered: each indicator with its share of the total (weight / Σ weights). */
export function toIndicators(rows: readonly IndicatorRow[]): AssessIndicator[] {
  const shares = sharesOf(rows.map((r) => r.weight));
  return rows.map((r, i) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    weight: r.weight,
    share: Math.round(shares[i]! * 10_000) / 10_000,
    kind: r.kind,
    metric: r.metric as AssessIndicator['metric'],
    formula: r.formula,
    target: r.target,
    guidance: r.guidance,
  }));
}

export const toSheet = (rows: readonly IndicatorRow[]): SheetIndicator[] =>
  rows.map((r) => ({ id: r.id, weight: r.weight, kind: r.kind, metric: r.metric, formula: r.formula as FormulaName | null, target: r.target }));

/** Semester names by id, for the answers (one small read of the calendar). */
export async function semesterNames(q: Queryable, districtId: string): Promise<Map<string, string>> {
  return new Map((await semestersOf(q, districtId)).map((s) => [s.id, s.name]));
}

export function toAssessment(row: AssessmentRow, indicatorCount: number, semesters: ReadonlyMap<string, string>): SupervisionAssessment {
  return {
    id: row.id,
    name: row.name,
    semesterId: row.semesterId,
    semesterName: row.semesterId ? (semesters.get(row.semesterId) ?? null) : null,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    closeDate: row.closeDate,
    status: row.status,
    redMin: row.redMin,
    yellowBelow: row.yellowBelow,
    blackBelow: row.blackBelow,
    indicatorCount,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** The figures' range of a live preview: periodFrom … min(periodTo, today), never before periodFrom. */
export function liveRange(a: Pick<AssessmentRow, 'periodFrom' | 'periodTo'>, day: string): MetricRange {
  const to = minDate(a.periodTo, day);
  return { from: a.periodFrom, to: to < a.periodFrom ? a.periodFrom : to };
}

/** The figures' range of the close: periodFrom … min(periodTo, closeDate). */
export function closeRange(a: Pick<AssessmentRow, 'periodFrom' | 'periodTo' | 'closeDate'>): MetricRange {
  const to = minDate(a.periodTo, a.closeDate);
  return { from: a.periodFrom, to: to < a.periodFrom ? a.periodFrom : to };
}

/** Inspector scores of an assessment: school → indicator → score. */
export async function scoresBySchool(q: Queryable, districtId: string, assessmentId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await q.select({ schoolId: S.schoolId, indicatorId: S.indicatorId, score: S.score }).from(S).where(and(eq(S.districtId, districtId), eq(S.assessmentId, assessmentId)));
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.schoolId, { ...out.get(r.schoolId), [r.indicatorId]: r.score });
  return out;
}

export interface ComputedSchool {
  school: SchoolRef;
  detail: Record<string, IndicatorOutcome>;
  total: number | null;
  rank: number | null;
  list: AssessSchoolResult['list'];
  missing: number;
}

/**
 * Every school of the district on the sheet: figures from the rollups over `range`, the inspectors' scores, the
 * weighted total, the rank among all schools (ties share) and the list by the assessment's thresholds.
 */
export async function computeSchools(q: Queryable, a: AssessmentRow, indicators: readonly IndicatorRow[], range: MetricRange): Promise<ComputedSchool[]> {
  const [schools, metrics, scores] = await atOnce(q, () => districtSchools(q, a.districtId), () => schoolMetrics(q, a.districtId, range), () => scoresBySchool(q, a.districtId, a.id));
  const sheet = toSheet(indicators);
  const outcomes = schools.map((school) => ({ school, ...schoolOutcome(sheet, metrics.get(school.schoolId) ?? {}, scores.get(school.schoolId) ?? {}) }));
  const rank = ranks(outcomes.map((o) => o.total));
  return outcomes.map((o, i) => ({ ...o, rank: rank[i] ?? null, list: listOf(o.total, a) }));
}

/** The frozen results of a closed or published assessment, in display order (rank, then the school's order). */
export async function frozenResults(q: Queryable, a: AssessmentRow, schoolIds?: readonly string[]): Promise<AssessSchoolResult[]> {
  const [schools, rows] = await atOnce(q,
    () => districtSchools(q, a.districtId),
    () => q
      .select()
      .from(R)
      .where(and(eq(R.districtId, a.districtId), eq(R.assessmentId, a.id), schoolIds ? (schoolIds.length ? inArray(R.schoolId, [...schoolIds]) : sql`false`) : undefined)),
  );
  const bySchool = new Map(rows.map((r) => [r.schoolId, r]));
  return schools
    .filter((s) => bySchool.has(s.schoolId))
    .map((s) => {
      const r = bySchool.get(s.schoolId)!;
      return { schoolId: s.schoolId, schoolCode: s.code, schoolName: s.name, zoneId: s.zoneId, zoneName: s.zoneName, total: r.total, rank: r.rank, list: r.list, award: r.award, detail: r.detail as Record<string, IndicatorOutcome>, missing: 0 };
    })
    .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
}

/** Schools whose records the caller may see under `permission` (an inspector of a zone: the zone's schools). */
export function visibleSchool(ctx: Ctx, permission: Permission, s: Pick<SchoolRef, 'schoolId' | 'zoneId'>): boolean {
  return allows(ctx, permission, { districtId: ctx.user.districtId, zone: s.zoneId, school: s.schoolId });
}
