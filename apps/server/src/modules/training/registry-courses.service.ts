/**
 * 校外培训监管 · registry: courses and prepaid packages an institution files. Each create, edit and submit is checked by
 * the rules area (price cap per class-size band, lesson length, package lessons and months, each citing its policy
 * version); a filing with an error finding is refused with 422 and the attempt is recorded as a violation. Warnings
 * are kept on the row (`findings`) for the reviewer.
 */
import type { RegistryCourseInput, RegistryCoursePatch, RegistryFile, RegistryPackageInput, RegistryPackagePatch, TrainingRuleFinding, TrainingViolationSubject } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, found, invalid, recordedRefusal } from '../../platform/errors';
import { getRegistryFile } from './registry-file.service';
import { categoryOf, editable, type Institution, reachInstitution } from './registry.repo';
import { checkCourse, checkPackage, recordViolations } from './rules.service';
import { trainingCourses, trainingPackages } from './schema';

type CourseRow = typeof trainingCourses.$inferSelect;

/** The API's `gradeRange` is the `grades` column. */
function courseColumns<T extends { gradeRange?: string | null }>(input: T): Omit<T, 'gradeRange'> & { grades?: string | null } {
  const { gradeRange, ...rest } = input;
  return gradeRange === undefined ? rest : { ...rest, grades: gradeRange };
}
type PackageRow = typeof trainingPackages.$inferSelect;

/**
 * Refuses when a finding is an error: the violations and an audit entry of the refused attempt are committed with the
 * 422 answer (recordedRefusal); the message names the rule and its numbers.
 */
async function refuseErrors(
  ctx: Ctx,
  tx: Queryable,
  inst: Institution,
  subject: { kind: TrainingViolationSubject; id: string | null; label: string },
  findings: TrainingRuleFinding[],
): Promise<AppError | null> {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  await recordViolations(tx, ctx.actor, { institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, subject, findings, occurredOn: today(ctx) });
  await audit(tx, ctx.actor, {
    action: `training.${subject.kind}.refused`,
    entity: `training_${subject.kind}`,
    entityId: subject.id ?? inst.id,
    after: { label: subject.label, rules: errors.map((f) => f.rule), citations: errors.map((f) => f.citation) },
  });
  const message = `${subject.label}不符合规定：${errors.map((f) => f.message).join('；')}`;
  return recordedRefusal(new AppError(422, 'RULE_VIOLATION', message, { findings }));
}

/** An institution 暂停 or 注销 files no new courses or packages (it may still keep its file up to date). */
function requireOperating(inst: Institution): void {
  if (inst.status === 'suspended' || inst.status === 'closed') throw conflict(`机构处于「${inst.status === 'suspended' ? '暂停' : '注销'}」状态，不能备案课程或课时包`);
}

/** A non-subject institution may not file 学科类 courses (防范假借非学科类项目开展学科类培训). */
function requireCategory(inst: Institution, category: 'subject' | 'non_subject'): void {
  if (category === 'subject' && inst.category !== 'subject') throw invalid('subtype', '课程类别', '非学科类机构不能备案学科类课程');
}

async function courseFindings(ctx: Ctx, q: Queryable, c: Pick<CourseRow, 'category' | 'mode' | 'lessonMinutes' | 'maxClassSize' | 'pricePerLessonFen'>) {
  return checkCourse(q, ctx.user.districtId, { category: c.category, mode: c.mode, lessonMinutes: c.lessonMinutes, maxClassSize: c.maxClassSize, pricePerLessonFen: c.pricePerLessonFen }, today(ctx));
}

export async function createCourse(ctx: Ctx, input: z.output<typeof RegistryCourseInput>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, input.institutionId, 'training.file');
  requireOperating(inst);
  const category = categoryOf(input.subtype);
  requireCategory(inst, category);
  const refusal = await ctx.db.transaction(async (tx) => {
    const findings = await courseFindings(ctx, tx, { ...input, category });
    const refused = await refuseErrors(ctx, tx, inst, { kind: 'course', id: null, label: `课程「${input.name}」` }, findings);
    if (refused) return refused;
    const [row] = await tx
      .insert(trainingCourses)
      .values({ ...courseColumns(input), institutionId: inst.id, districtId: ctx.user.districtId, zoneId: inst.zoneId, category, findings, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'training.course.create', entity: 'training_course', entityId: row!.id, after: row });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}

async function ownCourse(ctx: Ctx, id: string): Promise<{ row: CourseRow; inst: Institution }> {
  const row = found(await ctx.db.select().from(trainingCourses).where(and(scoped(ctx, trainingCourses, 'training.read'), eq(trainingCourses.id, id))), '课程');
  return { row, inst: await reachInstitution(ctx, row.institutionId, 'training.file') };
}

export async function updateCourse(ctx: Ctx, id: string, patch: z.output<typeof RegistryCoursePatch>): Promise<RegistryFile> {
  const { row, inst } = await ownCourse(ctx, id);
  editable(row.status, '课程');
  const values = Object.fromEntries(Object.entries(courseColumns(patch)).filter(([, v]) => v !== undefined)) as Partial<CourseRow>;
  const next = { ...row, ...values, category: categoryOf(values.subtype ?? row.subtype) };
  requireCategory(inst, next.category);
  const refusal = await ctx.db.transaction(async (tx) => {
    const findings = await courseFindings(ctx, tx, next);
    const refused = await refuseErrors(ctx, tx, inst, { kind: 'course', id, label: `课程「${next.name}」` }, findings);
    if (refused) return refused;
    await tx
      .update(trainingCourses)
      .set({ ...values, category: next.category, findings, updatedAt: ctx.now() })
      .where(and(eq(trainingCourses.districtId, row.districtId), eq(trainingCourses.id, id)));
    await audit(tx, ctx.actor, { action: 'training.course.edit', entity: 'training_course', entityId: id, before: row, after: values });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}

/** Submit for review, checked again by the policy in force today. */
export async function submitCourse(ctx: Ctx, id: string): Promise<RegistryFile> {
  const { row, inst } = await ownCourse(ctx, id);
  requireOperating(inst);
  editable(row.status, '课程');
  const refusal = await ctx.db.transaction(async (tx) => {
    const findings = await courseFindings(ctx, tx, row);
    const refused = await refuseErrors(ctx, tx, inst, { kind: 'course', id, label: `课程「${row.name}」` }, findings);
    if (refused) return refused;
    await tx.update(trainingCourses).set({ status: 'submitted', findings, updatedAt: ctx.now() }).where(and(eq(trainingCourses.districtId, row.districtId), eq(trainingCourses.id, id)));
    await audit(tx, ctx.actor, { action: 'training.course.submit', entity: 'training_course', entityId: id, after: { name: row.name, findings: findings.map((f) => f.rule) } });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}

// ── packages ─────────────────────────────────────────────────────────────────
const yuan = (v: number) => formatYuan(v as Fen, { locale: 'zh-CN' });

/** A package is never dearer per lesson than the course's filed price (the price cap was checked on the course). */
function requirePackagePrice(course: CourseRow, lessons: number, priceFen: number): void {
  const most = course.pricePerLessonFen * lessons;
  if (priceFen > most)
    throw new AppError(422, 'RULE_VIOLATION', `课时包总价 ${yuan(priceFen)} 高于 ${lessons} 课时 × 备案单价 ${yuan(course.pricePerLessonFen)} = ${yuan(most)}`, {
      fields: [{ field: 'priceFen', message: '不得高于课时数 × 课程备案单价' }],
    });
}

async function packageChecked(ctx: Ctx, tx: Queryable, inst: Institution, course: CourseRow, p: { id: string | null; name: string; lessons: number; months: number }) {
  const findings = await checkPackage(tx, ctx.user.districtId, { lessons: p.lessons, months: p.months, category: course.category }, today(ctx));
  return { findings, refused: await refuseErrors(ctx, tx, inst, { kind: 'package', id: p.id, label: `课时包「${p.name}」` }, findings) };
}

export async function createPackage(ctx: Ctx, input: z.output<typeof RegistryPackageInput>): Promise<RegistryFile> {
  const { row: course, inst } = await ownCourse(ctx, input.courseId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw invalid('courseId', '课程', '课程不存在或无权访问');
    throw err;
  });
  requireOperating(inst);
  if (course.status === 'withdrawn') throw invalid('courseId', '课程', '课程已撤回');
  requirePackagePrice(course, input.lessons, input.priceFen);
  const refusal = await ctx.db.transaction(async (tx) => {
    const { findings, refused } = await packageChecked(ctx, tx, inst, course, { id: null, ...input });
    if (refused) return refused;
    const [row] = await tx
      .insert(trainingPackages)
      .values({ ...input, districtId: ctx.user.districtId, institutionId: inst.id, zoneId: inst.zoneId, findings })
      .returning();
    await audit(tx, ctx.actor, { action: 'training.package.create', entity: 'training_package', entityId: row!.id, after: row });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}

async function ownPackage(ctx: Ctx, id: string): Promise<{ row: PackageRow; course: CourseRow; inst: Institution }> {
  const row = found(await ctx.db.select().from(trainingPackages).where(and(scoped(ctx, trainingPackages, 'training.read'), eq(trainingPackages.id, id))), '课时包');
  const [course] = await ctx.db.select().from(trainingCourses).where(and(eq(trainingCourses.districtId, row.districtId), eq(trainingCourses.id, row.courseId)));
  return { row, course: course!, inst: await reachInstitution(ctx, row.institutionId, 'training.file') };
}

export async function updatePackage(ctx: Ctx, id: string, patch: z.output<typeof RegistryPackagePatch>): Promise<RegistryFile> {
  const { row, course, inst } = await ownPackage(ctx, id);
  editable(row.status, '课时包');
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PackageRow>;
  const next = { ...row, ...values };
  requirePackagePrice(course, next.lessons, next.priceFen);
  const refusal = await ctx.db.transaction(async (tx) => {
    const { findings, refused } = await packageChecked(ctx, tx, inst, course, next);
    if (refused) return refused;
    await tx.update(trainingPackages).set({ ...values, findings, updatedAt: ctx.now() }).where(and(eq(trainingPackages.districtId, row.districtId), eq(trainingPackages.id, id)));
    await audit(tx, ctx.actor, { action: 'training.package.edit', entity: 'training_package', entityId: id, before: row, after: values });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}

export async function submitPackage(ctx: Ctx, id: string): Promise<RegistryFile> {
  const { row, course, inst } = await ownPackage(ctx, id);
  requireOperating(inst);
  editable(row.status, '课时包');
  const refusal = await ctx.db.transaction(async (tx) => {
    const { findings, refused } = await packageChecked(ctx, tx, inst, course, row);
    if (refused) return refused;
    await tx.update(trainingPackages).set({ status: 'submitted', findings, updatedAt: ctx.now() }).where(and(eq(trainingPackages.districtId, row.districtId), eq(trainingPackages.id, id)));
    await audit(tx, ctx.actor, { action: 'training.package.submit', entity: 'training_package', entityId: id, after: { name: row.name, course: course.name } });
    return null;
  });
  if (refusal) throw refusal;
  return getRegistryFile(ctx, inst.id);
}
