/**
 * 测评结果: the live preview while inspectors score, the frozen results of a closed assessment with its red, yellow
 * and black lists, awards (表彰), the schools told on publication, and a school's own published results.
 */
import {
  type AssessAwardInput,
  type AssessmentLists,
  type AssessmentResults,
  type AssessSchoolResult,
  type ListKind,
  type OwnAssessResult,
  type OwnAssessResults,
} from '@shuangjian/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable, rowsOf } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { audienceMembers } from '../org';
import {
  A,
  type AssessmentRow,
  closeRange,
  computeSchools,
  frozenResults,
  guardStatus,
  indicatorsOf,
  liveRange,
  loadAssessment,
  R,
  readPermission,
  semesterNames,
  toAssessment,
  toIndicators,
  visibleSchool,
} from './assess.repo';
import { districtSchools } from './metrics';

export const LIST_LABEL: Record<ListKind, string> = { red: '红榜', yellow: '黄牌', black: '黑榜' };

async function head(ctx: Ctx, id: string) {
  const permission = readPermission(ctx);
  const a = await loadAssessment(ctx, ctx.db, id, permission);
  const [indicators, semesters] = await atOnce(ctx.db, () => indicatorsOf(ctx.db, a.districtId, [a.id]), () => semesterNames(ctx.db, a.districtId));
  const rows = indicators.get(a.id) ?? [];
  return { permission, a, rows, assessment: toAssessment(a, rows.length, semesters), indicators: toIndicators(rows) };
}

/**
 * While a draft or scoring: every school's figures over periodFrom … min(periodTo, today), its per-indicator scores,
 * total, rank and the list it would land on; inspector scores not yet given count as missing. A zone's inspector sees
 * the schools of the zone (ranked among all).
 */
export async function previewResults(ctx: Ctx, id: string): Promise<AssessmentResults> {
  const { permission, a, rows, assessment, indicators } = await head(ctx, id);
  guardStatus(a, ['draft', 'scoring'], '预览（已关账的测评请查看结果）');
  const range = liveRange(a, today(ctx));
  const computed = await computeSchools(ctx.db, a, rows, range);
  const schools: AssessSchoolResult[] = computed
    .filter((c) => visibleSchool(ctx, permission, c.school))
    .map((c) => ({ schoolId: c.school.schoolId, schoolCode: c.school.code, schoolName: c.school.name, zoneId: c.school.zoneId, zoneName: c.school.zoneName, total: c.total, rank: c.rank, list: c.list, award: null, detail: c.detail, missing: c.missing }))
    .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  return { assessment, indicators, range, frozen: false, schools };
}

async function frozen(ctx: Ctx, id: string) {
  const h = await head(ctx, id);
  guardStatus(h.a, ['closed', 'published'], '查看结果（评分中的测评请看实时预览）');
  const schools = (await frozenResults(ctx.db, h.a)).filter((s) => visibleSchool(ctx, h.permission, s));
  return { ...h, schools };
}

/** The results as frozen at the close (closed or published), optionally one list's schools. */
export async function assessmentResults(ctx: Ctx, id: string, query: { list?: ListKind }): Promise<AssessmentResults> {
  const { a, assessment, indicators, schools } = await frozen(ctx, id);
  return { assessment, indicators, range: closeRange(a), frozen: true, schools: query.list ? schools.filter((s) => s.list === query.list) : schools };
}

/** 红榜, 黄牌 and 黑榜 of a closed or published assessment, best first. */
export async function assessmentLists(ctx: Ctx, id: string): Promise<AssessmentLists> {
  const { assessment, schools } = await frozen(ctx, id);
  const entries = (list: ListKind) =>
    schools.filter((s) => s.list === list).map((s) => ({ schoolId: s.schoolId, schoolName: s.schoolName, zoneName: s.zoneName, total: s.total ?? 0, rank: s.rank ?? 0, award: s.award }));
  return { assessment, red: entries('red'), yellow: entries('yellow'), black: entries('black') };
}

/** 表彰 on a school's result while the assessment is closed (before publication); null clears it. */
export async function setAward(ctx: Ctx, id: string, schoolId: string, input: z.output<typeof AssessAwardInput>): Promise<AssessSchoolResult> {
  requirePermission(ctx, 'supervision.assess');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.assess');
  const [before] = await ctx.db.select().from(R).where(and(eq(R.districtId, a.districtId), eq(R.assessmentId, a.id), eq(R.schoolId, schoolId)));
  if (!before) throw notFound('该校测评结果');
  guardStatus(a, ['closed'], '设置表彰');
  await ctx.db.transaction(async (tx) => {
    await tx.update(R).set({ award: input.award }).where(and(eq(R.districtId, a.districtId), eq(R.assessmentId, a.id), eq(R.schoolId, schoolId)));
    await audit(tx, ctx.actor, { action: 'supervision.result.award', entity: 'supervision_result', entityId: a.id, before: { schoolId, award: before.award }, after: { schoolId, award: input.award } });
  });
  const [row] = await frozenResults(ctx.db, a, [schoolId]);
  return row!;
}

/** On publication, inside its transaction: each school's administrators told their school's total, rank, list and award. */
export async function publishNotices(ctx: Ctx, tx: Queryable, a: AssessmentRow): Promise<number> {
  const results = await tx.select().from(R).where(and(eq(R.districtId, a.districtId), eq(R.assessmentId, a.id)));
  if (!results.length) return 0;
  const members = await rowsOf<{ user_id: string; school_id: string | null }>(
    tx,
    sql`select m.user_id, m.school_id from ${audienceMembers(a.districtId, { roles: ['school_admin'], schoolIds: results.map((r) => r.schoolId), zoneIds: [] })} m`,
  );
  let told = 0;
  for (const r of results) {
    const admins = members.filter((m) => m.school_id === r.schoolId).map((m) => m.user_id);
    if (!admins.length) continue;
    const parts = [`本校总分 ${r.total}，全区第 ${r.rank} 名（共 ${results.length} 所）`, r.list ? `列入${LIST_LABEL[r.list]}` : null, r.award ? `获表彰：${r.award}` : null].filter(Boolean);
    await notify(tx, a.districtId, admins, { kind: 'supervision.result', title: `督导测评结果公布：${a.name}`, body: parts.join('；'), link: '/supervision/results' }, ctx.channels);
    told++;
  }
  return told;
}

/** A school's own results of published assessments (never another school's, never before publication). */
export async function ownResults(ctx: Ctx, assessmentId?: string): Promise<OwnAssessResults> {
  requirePermission(ctx, 'supervision.results');
  const rows = await ctx.db
    .select({ a: A, r: R, schools: sql<number>`(select count(*)::int from supervision_results x where x.district_id = supervision_results.district_id and x.assessment_id = supervision_results.assessment_id)` })
    .from(R)
    .innerJoin(A, and(eq(A.districtId, R.districtId), eq(A.id, R.assessmentId)))
    .where(and(scoped(ctx, R, 'supervision.results'), eq(A.status, 'published'), assessmentId ? eq(R.assessmentId, assessmentId) : undefined))
    .orderBy(sql`${A.publishedAt} desc`);
  if (!rows.length) return { items: [] };
  const ids = [...new Set(rows.map((x) => x.a.id))];
  const [indicators, semesters, schools] = await atOnce(ctx.db, () => indicatorsOf(ctx.db, ctx.user.districtId, ids), () => semesterNames(ctx.db, ctx.user.districtId), () => districtSchools(ctx.db, ctx.user.districtId));
  const names = new Map(schools.map((s) => [s.schoolId, s]));
  return {
    items: rows.flatMap(({ a, r, schools: count }): OwnAssessResult[] => {
      const sheet = indicators.get(a.id) ?? [];
      const s = names.get(r.schoolId);
      if (!s) return [];
      return [{
        assessment: toAssessment(a, sheet.length, semesters),
        indicators: toIndicators(sheet),
        schoolCount: Number(count),
        result: { schoolId: r.schoolId, schoolCode: s.code, schoolName: s.name, zoneId: s.zoneId, zoneName: s.zoneName, total: r.total, rank: r.rank, list: r.list, award: r.award, detail: r.detail as AssessSchoolResult['detail'], missing: 0 },
      }];
    }),
  };
}

/** One published assessment's result of one's school: 404 before publication or for a school not one's own. */
export async function ownResult(ctx: Ctx, assessmentId: string): Promise<OwnAssessResult> {
  const { items } = await ownResults(ctx, assessmentId);
  if (!items[0]) throw notFound('本校的测评结果（测评未公布或不存在）');
  return items[0];
}
