/**
 * 校外培训监管 · rule checks for the other areas: a course, a package, a lesson (or timetable entry) judged by the
 * district's training policy in force on a date, each finding citing the rule and the policy version; and the record of
 * the violations found (the error findings), which the district follows up.
 */
import {
  checkCourseRules,
  checkLessonRules,
  checkPackageRules,
  isoWeekday,
  type LocalDate,
  type TrainingDay,
  type TrainingVersionRef,
  type TrainingVersions,
} from '@shuangjian/policy';
import type { TrainingRuleFinding, TrainingViolationSubject } from '@shuangjian/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { policyVersions } from '../../platform/schema';
import { classifyDays } from '../calendar';
import { institutionStanding } from '../org';
import { trainingPolicy } from './training.policy';
import { trainingViolations } from './rules.schema';

const CITED_KEYS = ['training.prices', 'training.lessons', 'training.packages'] as const;

/**
 * The training settings in force on `on` with, for each cited key, which version applied: its ordinal among the
 * district's versions of that key (1, 2, …; 0 for the shipped default), id and effective date.
 */
export async function trainingRulesAt(db: Queryable, districtId: string, on: LocalDate) {
  const { values } = await trainingPolicy(db, districtId, on);
  const rows = await db
      .select({ id: policyVersions.id, key: policyVersions.key, effectiveFrom: policyVersions.effectiveFrom, createdAt: policyVersions.createdAt })
      .from(policyVersions)
      .where(and(eq(policyVersions.districtId, districtId), inArray(policyVersions.key, [...CITED_KEYS])))
      .orderBy(asc(policyVersions.createdAt), asc(policyVersions.id));
  const versions = {} as TrainingVersions;
  for (const key of CITED_KEYS) {
    const ofKey = rows.filter((r) => r.key === key);
    // The one in force: the latest effective date not after `on`, the latest created on a tie (as policyValuesAt).
    let applied: (typeof ofKey)[number] | null = null;
    for (const r of ofKey) {
      if (r.effectiveFrom > on) continue;
      if (!applied || r.effectiveFrom >= applied.effectiveFrom) applied = r;
    }
    const ref: TrainingVersionRef = applied
      ? { version: ofKey.indexOf(applied) + 1, versionId: applied.id, effectiveFrom: applied.effectiveFrom }
      : { version: 0, versionId: null, effectiveFrom: null };
    versions[key] = ref;
  }
  return { values, versions };
}

export interface CourseFacts {
  category: 'subject' | 'non_subject';
  mode: 'offline' | 'online';
  lessonMinutes: number;
  maxClassSize: number;
  pricePerLessonFen: number;
}

/** A course's price (学科类 band caps) and lesson length, by the policy in force on `on`. */
export async function checkCourse(db: Queryable, districtId: string, course: CourseFacts, on: LocalDate): Promise<TrainingRuleFinding[]> {
  const { values, versions } = await trainingRulesAt(db, districtId, on);
  return checkCourseRules(course, values['training.prices'], values['training.lessons'], versions);
}

/** A prepaid package's lessons and months, by the policy in force on `on`. */
export async function checkPackage(
  db: Queryable,
  districtId: string,
  pkg: { lessons: number; months: number; category: 'subject' | 'non_subject' },
  on: LocalDate,
): Promise<TrainingRuleFinding[]> {
  const { values, versions } = await trainingRulesAt(db, districtId, on);
  return checkPackageRules(pkg, values['training.packages'], versions);
}

/** What kind of day a date is for training, from the district calendar (district-level entries; no school). */
export async function trainingDay(db: Queryable, districtId: string, date: LocalDate): Promise<TrainingDay> {
  const [info] = await classifyDays(db, districtId, null, date, date);
  const weekendDay = isoWeekday(date) >= 6;
  if (!info) return { weekend: weekendDay, holiday: null, vacation: null };
  return {
    // A weekend day worked by calendar swap (调休上班) is a school day, not a rest day.
    weekend: weekendDay && info.kind !== 'school_day',
    holiday: info.kind === 'holiday' ? (info.name ?? '法定节假日') : null,
    vacation: info.kind === 'vacation' ? (info.name ?? '学期外假期') : null,
  };
}

export interface LessonFacts {
  category: 'subject' | 'non_subject';
  mode: 'offline' | 'online';
  date: LocalDate;
  startTime: string;
  endTime: string;
  previousEndTime?: string | null;
}

/** A lesson on a date: its length, online break, end time and (学科类) the day, by the policy in force that date. */
export async function checkLesson(db: Queryable, districtId: string, lesson: LessonFacts): Promise<TrainingRuleFinding[]> {
  const { values, versions } = await trainingRulesAt(db, districtId, lesson.date);
  const day = await trainingDay(db, districtId, lesson.date);
  return checkLessonRules(lesson, values['training.lessons'], day, versions);
}

/** A weekly timetable entry (ISO weekday 1–7): length, end time and, for 学科类, no Saturday or Sunday. */
export async function checkWeeklyEntry(
  db: Queryable,
  districtId: string,
  entry: { category: 'subject' | 'non_subject'; mode: 'offline' | 'online'; weekday: number; startTime: string; endTime: string; previousEndTime?: string | null },
  on: LocalDate,
): Promise<TrainingRuleFinding[]> {
  const { values, versions } = await trainingRulesAt(db, districtId, on);
  return checkLessonRules(entry, values['training.lessons'], { weekend: entry.weekday >= 6, holiday: null, vacation: null }, versions);
}

export interface ViolationRecord {
  institutionId: string;
  institutionName?: string;
  zoneId: string;
  subject: { kind: TrainingViolationSubject; id: string | null; label: string };
  findings: readonly TrainingRuleFinding[];
  occurredOn: LocalDate;
}

/**
 * Records the error findings as open violations (warnings are not violations), with one audit entry. Call it inside
 * the transaction of the write that found them (or of a refusal recorded with `recordedRefusal`).
 */
export async function recordViolations(tx: Queryable, actor: Actor, v: ViolationRecord): Promise<void> {
  const errors = v.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const institutionName = v.institutionName ?? (await institutionNameOf(tx, actor.districtId, v.institutionId));
  const rows = await tx
    .insert(trainingViolations)
    .values(
      errors.map((f) => ({
        districtId: actor.districtId,
        institutionId: v.institutionId,
        zoneId: v.zoneId,
        institutionName,
        subjectKind: v.subject.kind,
        subjectId: v.subject.id,
        subjectLabel: v.subject.label,
        rule: f.rule,
        message: f.message,
        citation: f.citation,
        occurredOn: v.occurredOn,
      })),
    )
    .returning({ id: trainingViolations.id });
  await audit(tx, actor, {
    action: 'training.violation.record',
    entity: 'training_violation',
    entityId: rows[0]!.id,
    after: { institutionId: v.institutionId, subject: v.subject, rules: errors.map((f) => f.rule), ids: rows.map((r) => r.id) },
  });
}

async function institutionNameOf(q: Queryable, districtId: string, institutionId: string): Promise<string> {
  return (await institutionStanding(q, districtId, institutionId))?.name ?? '';
}
