/**
 * 校外培训监管 · rules: the violations the checks recorded, listed for the district, the zone's inspectors and the
 * institution itself (its own only), resolved by the district with a note; the live course check the filing form calls
 * while the institution types; and the rules in force in words with their policy versions (the rules page).
 */
import {
  trainingRuleLabels,
  type TrainingCourseCheckInput,
  type TrainingRuleCheck,
  type TrainingRule,
  type TrainingRuleCitation,
  type TrainingRuleTexts,
  type TrainingViolation,
  type TrainingViolationList,
  type TrainingViolationQuery,
  type TrainingViolationResolveInput,
} from '@shuangjian/contracts';
import {
  endRuleText,
  hasTrainingErrors,
  type LocalDate,
  lengthRuleText,
  NON_PROFIT_RULE_TEXT,
  packageRuleText,
  priceRuleText,
  SUBJECT_DAYS_RULE_TEXT,
  type TrainingVersions,
} from '@shuangjian/policy';
import { and, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { conflict, found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { trainingViolations } from './rules.schema';
import { checkCourse, trainingRulesAt } from './rules.service';

type ViolationRow = typeof trainingViolations.$inferSelect;

const violationOut = (v: ViolationRow, resolvedByName: string | null): TrainingViolation => ({
  id: v.id,
  institutionId: v.institutionId,
  institutionName: v.institutionName,
  zoneId: v.zoneId,
  subjectKind: v.subjectKind,
  subjectId: v.subjectId,
  subjectLabel: v.subjectLabel,
  rule: v.rule,
  message: v.message,
  citation: v.citation as TrainingRuleCitation,
  occurredOn: v.occurredOn,
  status: v.status,
  resolutionNote: v.resolutionNote,
  resolvedAt: v.resolvedAt?.toISOString() ?? null,
  resolvedByName,
  createdAt: v.createdAt.toISOString(),
});

export async function listViolations(ctx: Ctx, q: z.output<typeof TrainingViolationQuery>): Promise<TrainingViolationList> {
  requirePermission(ctx, 'training.read');
  const where = and(
    scoped(ctx, trainingViolations, 'training.read'),
    q.institutionId ? eq(trainingViolations.institutionId, q.institutionId) : undefined,
    q.rule ? eq(trainingViolations.rule, q.rule) : undefined,
    q.status ? eq(trainingViolations.status, q.status) : undefined,
    q.from ? gte(trainingViolations.occurredOn, q.from) : undefined,
    q.to ? lte(trainingViolations.occurredOn, q.to) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(trainingViolations).where(where);
  const rows = await ctx.db
    .select({ v: trainingViolations, by: users.name })
    .from(trainingViolations)
    .leftJoin(users, and(eq(users.districtId, trainingViolations.districtId), eq(users.id, trainingViolations.resolvedBy)))
    .where(where)
    .orderBy(desc(trainingViolations.occurredOn), desc(trainingViolations.createdAt), desc(trainingViolations.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => violationOut(r.v, r.by)), total: total?.n ?? 0 };
}

/** The district closes a violation with what was done about it. */
export async function resolveViolation(ctx: Ctx, id: string, input: z.output<typeof TrainingViolationResolveInput>): Promise<TrainingViolation> {
  requirePermission(ctx, 'training.review');
  return ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(trainingViolations).where(and(scoped(ctx, trainingViolations, 'training.review'), eq(trainingViolations.id, id))), '违规记录');
    if (before.status === 'resolved') throw conflict('该违规记录已处理');
    const [row] = await tx
      .update(trainingViolations)
      .set({ status: 'resolved', resolutionNote: input.note, resolvedAt: ctx.now(), resolvedBy: ctx.user.id })
      .where(and(eq(trainingViolations.districtId, before.districtId), eq(trainingViolations.id, id), eq(trainingViolations.status, 'open')))
      .returning();
    if (!row) throw conflict('该违规记录已处理');
    await audit(tx, ctx.actor, {
      action: 'training.violation.resolve',
      entity: 'training_violation',
      entityId: id,
      before: { status: before.status },
      after: { status: row.status, resolutionNote: input.note },
    });
    return violationOut(row, ctx.user.name);
  });
}

/** The filing form's live check: the findings a course would get if filed now (nothing recorded). */
export async function checkCourseNow(ctx: Ctx, input: z.output<typeof TrainingCourseCheckInput>): Promise<TrainingRuleCheck> {
  requirePermission(ctx, 'training.read');
  const findings = await checkCourse(ctx.db, ctx.user.districtId, input, input.on ?? today(ctx));
  return { ok: !hasTrainingErrors(findings), findings };
}

/** Every rule in force on a date, in words, with the policy version it comes from. */
export async function ruleTextsAt(ctx: Ctx, on?: LocalDate): Promise<TrainingRuleTexts> {
  requirePermission(ctx, 'training.read');
  const date = on ?? today(ctx);
  const { values, versions } = await trainingRulesAt(ctx.db, ctx.user.districtId, date);
  const prices = values['training.prices'];
  const lessons = values['training.lessons'];
  const cite = (key: keyof TrainingVersions, text: string): TrainingRuleCitation => ({ key, ...versions[key], text });
  const national: TrainingRuleCitation = { key: 'national', version: 0, versionId: null, effectiveFrom: null, text: NON_PROFIT_RULE_TEXT };
  const largest = prices.bands[prices.bands.length - 1]!.maxClassSize;
  const list: [TrainingRule, TrainingRuleCitation][] = [
    ['price_cap', cite('training.prices', priceRuleText(prices))],
    ['class_size_band', cite('training.prices', `学科类班额不超过${largest}人（超出收费分档的不予备案）`)],
    ['lesson_length_offline', cite('training.lessons', lengthRuleText(lessons, 'offline'))],
    ['lesson_length_online', cite('training.lessons', lengthRuleText(lessons, 'online'))],
    ['end_time_offline', cite('training.lessons', endRuleText(lessons, 'offline'))],
    ['end_time_online', cite('training.lessons', endRuleText(lessons, 'online'))],
    ['subject_weekend', cite('training.lessons', SUBJECT_DAYS_RULE_TEXT)],
    ['package_lessons', cite('training.packages', packageRuleText(values['training.packages']))],
    ['subject_non_profit', national],
  ];
  const rules = list.map(([rule, citation]) => ({ rule, label: trainingRuleLabels[rule]['zh-CN'], citation }));
  return { on: date, rules };
}
