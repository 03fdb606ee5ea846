/** Helpers shared by the homework services: classes the user may act on, who holds which step, kinds of day, settings. */
import type { Permission } from '@shuangjian/contracts';
import { type DayKind, type LocalDate, REVIEW_STEPS, type ReviewStep } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { coveringGrants, type Ctx, type Grant } from '../../platform/access';
import { atOnce, type Queryable } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { classifyDays } from '../calendar';
import { type ClassRef, classKeys, visibleClass as orgVisibleClass, visibleClasses as orgVisibleClasses } from '../org';
import { homeworkPolicy } from './homework.policy';
import { homeworkSettings } from './schema';

export type { ClassRef };

/** Classes by id the user sees under `permission` (homework.read unless said); see org's visibleClasses. */
export const visibleClasses = (ctx: Ctx, ids: readonly string[], permission: Permission = 'homework.read', q: Queryable = ctx.db) =>
  orgVisibleClasses(ctx, ids, permission, q);
export const visibleClass = (ctx: Ctx, id: string, permission: Permission = 'homework.read', q: Queryable = ctx.db) => orgVisibleClass(ctx, id, permission, q);

/** A teacher grant for this class and subject. */
export function teaches(ctx: Pick<Ctx, 'grants'>, cls: ClassRef, subjectId: string): boolean {
  return coveringGrants(ctx, 'homework.set', classKeys(cls)).some((g) => g.subjectId === subjectId);
}

/** 学科组长 of the subject in the school, or 年级组长 of the class's grade. */
export function checks(ctx: Pick<Ctx, 'grants'>, cls: ClassRef, subjectId: string): boolean {
  return coveringGrants(ctx, 'homework.check', classKeys(cls)).some(
    (g: Grant) => (g.role === 'subject_leader' && g.subjectId === subjectId) || (g.role === 'grade_leader' && g.grade === cls.grade),
  );
}

export function requireRole(ctx: Pick<Ctx, 'grants'>, permission: Permission, cls: ClassRef, message: string) {
  if (coveringGrants(ctx, permission, classKeys(cls)).length === 0) throw forbidden(message);
}

export interface DayKindInfo {
  kind: DayKind;
  name: string | null;
}

/** Kind of each date for a school: one calendar read for the span. */
export async function dayKinds(db: Queryable, districtId: string, schoolId: string, dates: readonly LocalDate[]): Promise<Map<LocalDate, DayKindInfo>> {
  if (!dates.length) return new Map();
  const sorted = [...dates].sort();
  const days = await classifyDays(db, districtId, schoolId, sorted[0]!, sorted[sorted.length - 1]!);
  const wanted = new Set(dates);
  return new Map(days.filter((d) => wanted.has(d.date)).map((d) => [d.date, { kind: d.kind, name: d.name }]));
}

export type Settings = { contentCheck: boolean; classCoordination: boolean; schoolApproval: boolean };
export type EffectiveSettings = Settings & { mandatory: ReviewStep[] };
export const DEFAULT_SETTINGS: Settings = { contentCheck: true, classCoordination: true, schoolApproval: true };

/** The steps the school chose (its own row; every step on when it never chose). */
export async function schoolSteps(db: Queryable, districtId: string, schoolId: string): Promise<Settings> {
  const [row] = await db
    .select()
    .from(homeworkSettings)
    .where(and(eq(homeworkSettings.districtId, districtId), eq(homeworkSettings.schoolId, schoolId)));
  return row ? { contentCheck: row.contentCheck, classCoordination: row.classCoordination, schoolApproval: row.schoolApproval } : DEFAULT_SETTINGS;
}

/**
 * The review steps that apply on `date` (the homework's date): the district's mandatory steps (homework.mandatorySteps,
 * seeds 001/003: 学科组长 → 班主任 → 教务处) and whatever the school added. A school never switches a mandatory step off.
 */
export async function settingsOf(db: Queryable, districtId: string, schoolId: string, date: LocalDate): Promise<EffectiveSettings> {
  const [own, { policy }] = await atOnce(db, () => schoolSteps(db, districtId, schoolId), () => homeworkPolicy(db, districtId, date));
  const mandatory = REVIEW_STEPS.filter((s) => policy.mandatorySteps.includes(s));
  return {
    contentCheck: own.contentCheck || mandatory.includes('contentCheck'),
    classCoordination: own.classCoordination || mandatory.includes('classCoordination'),
    schoolApproval: own.schoolApproval || mandatory.includes('schoolApproval'),
    mandatory,
  };
}
