/**
 * 督导评分: inspectors score the schools of their zone on an assessment's inspector-scored indicators (0–100) with
 * evidence text and files, while the assessment is open for scoring. A district-wide inspector or the district office
 * scores any school.
 */
import type { InspectorScore, InspectorScoreInput, InspectorScoreSheet } from '@shuangjian/contracts';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type AttachmentKind, claimAttachments, EVIDENCE_FILE_TYPES } from '../../platform/attachments';
import { type Ctx, requirePermission } from '../../platform/access';
import { audit } from '../../platform/audit';
import { atOnce } from '../../platform/db';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { users } from '../../platform/schema';
import { guardStatus, I, indicatorsOf, loadAssessment, readPermission, S, semesterNames, toAssessment, toIndicators, visibleSchool } from './assess.repo';
import { districtSchools } from './metrics';

export const SCORE_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Evidence files of inspectors' scores, owned by the assessment: the district office and inspectors read them. */
export const scoreEvidenceKind: AttachmentKind = {
  kind: 'supervision.evidence',
  label: '督导评分佐证材料',
  types: EVIDENCE_FILE_TYPES,
  maxBytes: SCORE_FILE_MAX_BYTES,
  mayUpload: (ctx) => requirePermission(ctx, 'supervision.score'),
  async mayRead(ctx, ownerId) {
    try {
      await loadAssessment(ctx, ctx.db, ownerId, readPermission(ctx));
      return true;
    } catch {
      return false;
    }
  },
};

const scoreColumns = {
  indicatorId: S.indicatorId,
  schoolId: S.schoolId,
  score: S.score,
  evidence: S.evidence,
  attachmentIds: S.attachmentIds,
  scoredBy: S.scoredBy,
  scoredByName: users.name,
  scoredAt: S.scoredAt,
};

async function scoresOf(ctx: Ctx, districtId: string, assessmentId: string, where?: SQL) {
  return ctx.db
    .select(scoreColumns)
    .from(S)
    .innerJoin(users, and(eq(users.districtId, S.districtId), eq(users.id, S.scoredBy)))
    .where(and(eq(S.districtId, districtId), eq(S.assessmentId, assessmentId), where))
    .orderBy(asc(S.scoredAt));
}

/** The inspector's sheet: the inspector-scored indicators, the schools one may score and every score so far of them. */
export async function scoreSheet(ctx: Ctx, id: string): Promise<InspectorScoreSheet> {
  requirePermission(ctx, 'supervision.score');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.score');
  const [indicators, semesters, all] = await atOnce(ctx.db, () => indicatorsOf(ctx.db, a.districtId, [a.id]), () => semesterNames(ctx.db, a.districtId), () => districtSchools(ctx.db, a.districtId));
  const rows = indicators.get(a.id) ?? [];
  const schools = all.filter((s) => visibleSchool(ctx, 'supervision.score', s));
  const names = new Map(schools.map((s) => [s.schoolId, s.name]));
  const scores = schools.length ? await scoresOf(ctx, a.districtId, a.id, inArray(S.schoolId, [...names.keys()])) : [];
  return {
    assessment: toAssessment(a, rows.length, semesters),
    indicators: toIndicators(rows).filter((i) => i.kind === 'inspector'),
    schools: schools.map((s) => ({ schoolId: s.schoolId, code: s.code, name: s.name, zoneId: s.zoneId, zoneName: s.zoneName })),
    scores: scores.map((s) => ({ ...s, schoolName: names.get(s.schoolId) ?? '', scoredAt: s.scoredAt.toISOString() })),
  };
}

/** Scores one school on one inspector-scored indicator (a later score replaces it), with evidence; while scoring. */
export async function putScore(ctx: Ctx, id: string, input: z.output<typeof InspectorScoreInput>): Promise<InspectorScore> {
  requirePermission(ctx, 'supervision.score');
  const a = await loadAssessment(ctx, ctx.db, id, 'supervision.score');
  const [[indicator], schools] = await atOnce(ctx.db,
    () => ctx.db.select().from(I).where(and(eq(I.districtId, a.districtId), eq(I.assessmentId, a.id), eq(I.id, input.indicatorId))),
    () => districtSchools(ctx.db, a.districtId),
  );
  if (!indicator) throw invalid('indicatorId', '指标（indicatorId）', '不是本测评的指标');
  if (indicator.kind !== 'inspector') throw invalid('indicatorId', '指标（indicatorId）', `「${indicator.name}」由平台数据计算，不需人工评分`);
  const school = schools.find((s) => s.schoolId === input.schoolId);
  if (!school) throw notFound('学校');
  if (!visibleSchool(ctx, 'supervision.score', school)) throw forbidden(`只能为本人负责的学区/街道的学校评分：${school.name}属于${school.zoneName}`);
  guardStatus(a, ['scoring'], '评分');
  const key = and(eq(S.districtId, a.districtId), eq(S.indicatorId, indicator.id), eq(S.schoolId, school.schoolId));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ score: S.score, evidence: S.evidence, attachmentIds: S.attachmentIds, scoredBy: S.scoredBy }).from(S).where(key);
    await claimAttachments(tx, ctx, scoreEvidenceKind, { ownerId: a.id, ids: input.attachmentIds, field: 'attachmentIds' });
    const values = { score: input.score, evidence: input.evidence, attachmentIds: [...new Set(input.attachmentIds)], scoredBy: ctx.user.id, scoredAt: ctx.now() };
    await tx
      .insert(S)
      .values({ districtId: a.districtId, assessmentId: a.id, indicatorId: indicator.id, schoolId: school.schoolId, ...values })
      .onConflictDoUpdate({ target: [S.districtId, S.indicatorId, S.schoolId], set: values });
    await audit(tx, ctx.actor, {
      action: 'supervision.score.put',
      entity: 'supervision_score',
      entityId: a.id,
      before: before ?? null,
      after: { indicatorId: indicator.id, indicator: indicator.name, schoolId: school.schoolId, school: school.name, score: input.score, evidence: input.evidence, attachmentIds: values.attachmentIds },
    });
  });
  const [row] = await scoresOf(ctx, a.districtId, a.id, key);
  return { ...row!, schoolName: school.name, scoredAt: row!.scoredAt.toISOString() };
}
