/**
 * 考试管理 · the exam rules in force on a date with the version of each setting that applied (cited by every finding),
 * the counts a new filing is judged with, and the rule texts the filing form shows.
 */
import type { ExamRuleTexts } from '@shuangjian/contracts';
import {
  checkExamFiling,
  type ExamFilingCounts,
  type ExamFilingFacts,
  type ExamFinding,
  type ExamVersionRef,
  citeExamRule,
  EXAM_RULE_CODES,
  type LocalDate,
} from '@shuangjian/policy';
import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { policyVersions } from '../../platform/schema';
import { examFilings } from './exams.schema';
import { examsPolicy } from './exams.policy';

const CITED_KEYS = ['exams.limits', 'exams.levels'] as const;
type CitedKey = (typeof CITED_KEYS)[number];

/**
 * The exams settings in force on `on` and, per cited key, which version applied: its ordinal among the district's
 * versions of that key (1, 2, …; 0 for the shipped default), id and effective date.
 */
export async function examRulesAt(db: Queryable, districtId: string, on: LocalDate) {
  const { values } = await examsPolicy(db, districtId, on);
  const rows = await db
    .select({ id: policyVersions.id, key: policyVersions.key, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions)
    .where(and(eq(policyVersions.districtId, districtId), inArray(policyVersions.key, [...CITED_KEYS])))
    .orderBy(asc(policyVersions.createdAt), asc(policyVersions.id));
  const versions = {} as Record<CitedKey, ExamVersionRef>;
  for (const key of CITED_KEYS) {
    const ofKey = rows.filter((r) => r.key === key);
    // The one in force: the latest effective date not after `on`, the latest created on a tie (as policyValuesAt).
    let applied: (typeof ofKey)[number] | null = null;
    for (const r of ofKey) {
      if (r.effectiveFrom > on) continue;
      if (!applied || r.effectiveFrom >= applied.effectiveFrom) applied = r;
    }
    versions[key] = applied
      ? { version: ofKey.indexOf(applied) + 1, versionId: applied.id, effectiveFrom: applied.effectiveFrom }
      : { version: 0, versionId: null, effectiveFrom: null };
  }
  return { values, versions };
}

export interface FilingPlace {
  districtId: string;
  /** Null: the district's own filing. */
  schoolId: string | null;
  semesterId: string;
  schoolYear: string;
}

/** Accepted filings the new one is counted with: the school's finals and mid-terms of the semester, the district's samples of the year. */
export async function filingCounts(q: Queryable, place: FilingPlace, exceptId: string | null): Promise<ExamFilingCounts> {
  const t = examFilings;
  const others: SQL | undefined = exceptId ? ne(t.id, exceptId) : undefined;
  const [ownRows, samples] = await atOnce(q,
    () => place.schoolId
      ? q
          .select({ type: t.type, grades: t.grades })
          .from(t)
          .where(and(eq(t.districtId, place.districtId), eq(t.schoolId, place.schoolId), eq(t.semesterId, place.semesterId), eq(t.status, 'accepted'), inArray(t.type, ['final', 'midterm']), others))
      : Promise.resolve([]),
    () => q
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.districtId, place.districtId), isNull(t.schoolId), eq(t.schoolYear, place.schoolYear), eq(t.type, 'district_sample'), eq(t.status, 'accepted'), others)),
  );
  const finalsByGrade = new Map<number, number>();
  const midtermsByGrade = new Map<number, number>();
  for (const r of ownRows) {
    const map = r.type === 'final' ? finalsByGrade : midtermsByGrade;
    for (const g of r.grades) map.set(g, (map.get(g) ?? 0) + 1);
  }
  return { finalsByGrade, midtermsByGrade, districtSamplesInYear: samples.length };
}

/** Judges a filing by the rules in force on the exam's date. */
export async function judgeFiling(q: Queryable, place: FilingPlace, exam: ExamFilingFacts & { date: LocalDate }, exceptId: string | null): Promise<ExamFinding[]> {
  const [{ values, versions }, counts] = await atOnce(q, () => examRulesAt(q, place.districtId, exam.date), () => filingCounts(q, place, exceptId));
  return checkExamFiling(exam, counts, values['exams.limits'], versions['exams.limits']);
}

/** The exam rules in force on a date, in words with the setting and version each cites. */
export async function ruleTextsAt(ctx: Ctx, on: LocalDate | undefined): Promise<ExamRuleTexts> {
  requirePermission(ctx, 'exams.read');
  const date = on ?? today(ctx);
  const { values, versions } = await examRulesAt(ctx.db, ctx.user.districtId, date);
  const limits = values['exams.limits'];
  return {
    on: date,
    rules: EXAM_RULE_CODES.map((rule) => ({ rule, citation: citeExamRule(rule, limits, versions['exams.limits']) })),
  };
}
