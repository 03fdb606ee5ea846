/**
 * A class's timetable: read it (draft, published version, history), save the draft (checked against the plan in force,
 * live), publish it (晒课表: only a timetable with no shortfall; each publication is a new version kept for good), and
 * a school's list of classes with their state.
 */
import type { ClassTimetable, TimetableCell, TimetableClassSummary, TimetableSchoolList } from '@shuangjian/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimetablePublishInput, TimetableSaveInput, TimetableSchoolQuery, TimetableSemesterQuery } from '@shuangjian/contracts';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError, notFound, ruleViolation } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { classDirectory, type ClassRef, roleHolders, schoolDirectory, visibleClass } from '../org';
import { forgetPublicTimetables } from './public.service';
import { timetableDrafts, timetableVersions } from './schema';
import { timetableRulesAt } from './timetable.policy';
import { gridProblems, latestVersions, rulesView, runCheck, sameCells, semesterFor, sortCells, writeClassFigures } from './timetable.repo';

async function view(ctx: Ctx, q: Queryable, cls: ClassRef, semesterId: string | undefined): Promise<ClassTimetable> {
  const day = today(ctx);
  const semester = await semesterFor(q, cls.districtId, semesterId, day);
  const rules = await timetableRulesAt(q, cls.districtId, day);
  const [draft] = await q
    .select()
    .from(timetableDrafts)
    .where(and(eq(timetableDrafts.districtId, cls.districtId), eq(timetableDrafts.classId, cls.id), eq(timetableDrafts.semesterId, semester.id)));
  const versions = await q
    .select()
    .from(timetableVersions)
    .where(and(eq(timetableVersions.districtId, cls.districtId), eq(timetableVersions.classId, cls.id), eq(timetableVersions.semesterId, semester.id)))
    .orderBy(asc(timetableVersions.version));
  const latest = versions[versions.length - 1];
  const ref = (v: (typeof versions)[number]) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedByName: v.publishedByName });
  return {
    classId: cls.id,
    className: cls.name,
    grade: cls.grade,
    schoolId: cls.schoolId,
    schoolName: cls.schoolName,
    semester,
    rules: rulesView(rules, cls.grade),
    draft: draft
      ? { cells: sortCells(draft.cells), check: runCheck(rules, cls.grade, draft.cells), updatedAt: draft.updatedAt.toISOString(), updatedByName: draft.updatedByName }
      : null,
    published: latest ? { ...ref(latest), cells: sortCells(latest.cells) } : null,
    versions: versions.map(ref).reverse(),
    unpublishedChanges: !!draft && (!latest || !sameCells(draft.cells, latest.cells)),
  };
}

export async function getClassTimetable(ctx: Ctx, classId: string, query: z.output<typeof TimetableSemesterQuery>): Promise<ClassTimetable> {
  requirePermission(ctx, 'timetable.read');
  const cls = await visibleClass(ctx, classId, 'timetable.read');
  return view(ctx, ctx.db, cls, query.semesterId);
}

/**
 * Stores a class's draft (whole grid) after checking its shape; a draft short of the plan is kept (it is work in
 * progress) and its findings come back with it.
 */
export async function saveDraft(ctx: Ctx, classId: string, input: z.output<typeof TimetableSaveInput>, q?: Queryable): Promise<ClassTimetable> {
  requirePermission(ctx, 'timetable.manage');
  const run = async (tx: Queryable) => {
    const cls = await visibleClass(ctx, classId, 'timetable.manage', tx);
    await storeDraft(ctx, tx, cls, input.semesterId, input.cells);
    return view(ctx, tx, cls, input.semesterId);
  };
  return q ? run(q) : ctx.db.transaction(run);
}

/** Writes one class's draft, its audit row and figures (inside the caller's transaction); shared with the import. */
export async function storeDraft(ctx: Ctx, tx: Queryable, cls: ClassRef, semesterId: string, cells: TimetableCell[]) {
  const day = today(ctx);
  const semester = await semesterFor(tx, cls.districtId, semesterId, day);
  const rules = await timetableRulesAt(tx, cls.districtId, day);
  const problems = gridProblems(rules, cls.grade, cells);
  if (problems.length) {
    throw new AppError(400, 'VALIDATION', `课表（cells）：${problems.map((p) => p.message).join('；')}`, {
      fields: problems.map((p) => ({ field: 'cells', message: p.message })),
    });
  }
  const sorted = sortCells(cells);
  const [before] = await tx
    .select({ cells: timetableDrafts.cells })
    .from(timetableDrafts)
    .where(and(eq(timetableDrafts.districtId, cls.districtId), eq(timetableDrafts.classId, cls.id), eq(timetableDrafts.semesterId, semester.id)));
  await tx
    .insert(timetableDrafts)
    .values({ districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, semesterId: semester.id, cells: sorted, updatedBy: ctx.user.id, updatedByName: ctx.user.name })
    .onConflictDoUpdate({
      target: [timetableDrafts.districtId, timetableDrafts.classId, timetableDrafts.semesterId],
      set: { cells: sorted, updatedBy: ctx.user.id, updatedByName: ctx.user.name, updatedAt: ctx.now() },
    });
  const check = runCheck(rules, cls.grade, sorted);
  const published = (await latestVersions(tx, cls.districtId, semester.id, [cls.id])).has(cls.id);
  await writeClassFigures(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, semesterId: semester.id }, { published, check });
  await audit(tx, ctx.actor, {
    action: 'timetable.draft.save',
    entity: 'class',
    entityId: cls.id,
    before: before ? { periods: before.cells.length } : null,
    after: { semesterId: semester.id, periods: sorted.length, compliant: check.compliant, shortfalls: check.findings.filter((f) => f.severity === 'error').map((f) => f.message) },
  });
  return check;
}

/** 晒课表: publishes the class's draft as a new version; refused with every shortfall when it does not meet the plan. */
export async function publishTimetable(ctx: Ctx, classId: string, input: z.output<typeof TimetablePublishInput>): Promise<ClassTimetable> {
  requirePermission(ctx, 'timetable.manage');
  return ctx.db.transaction(async (tx) => {
    const cls = await visibleClass(ctx, classId, 'timetable.manage', tx);
    const day = today(ctx);
    const semester = await semesterFor(tx, cls.districtId, input.semesterId, day);
    const [draft] = await tx
      .select()
      .from(timetableDrafts)
      .where(and(eq(timetableDrafts.districtId, cls.districtId), eq(timetableDrafts.classId, cls.id), eq(timetableDrafts.semesterId, semester.id)));
    if (!draft) throw notFound('课表草稿');
    const rules = await timetableRulesAt(tx, cls.districtId, day);
    const check = runCheck(rules, cls.grade, draft.cells);
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length) {
      throw ruleViolation(`课表未达到课程设置方案，不能公布：${errors.map((f) => f.message).join('；')}`, { findings: errors });
    }
    const latest = (await latestVersions(tx, cls.districtId, semester.id, [cls.id])).get(cls.id);
    if (latest && sameCells(latest.cells, draft.cells)) throw new AppError(409, 'CONFLICT', `课表与已公布的第 ${latest.version} 版相同，无须重新公布`);
    const version = (latest?.version ?? 0) + 1;
    const pePeriods = draft.cells.filter((c) => c.subject === 'pe').length;
    const [row] = await tx
      .insert(timetableVersions)
      .values({
        districtId: cls.districtId,
        schoolId: cls.schoolId,
        classId: cls.id,
        semesterId: semester.id,
        version,
        cells: draft.cells,
        pePeriods,
        effectiveFrom: day < semester.startDate ? semester.startDate : day,
        citation: { key: 'timetable.plan', version: rules.planRef.version, effectiveFrom: rules.planRef.effectiveFrom },
        publishedBy: ctx.user.id,
        publishedByName: ctx.user.name,
      })
      .returning();
    await writeClassFigures(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, semesterId: semester.id }, { published: true, check });
    await audit(tx, ctx.actor, {
      action: 'timetable.publish',
      entity: 'timetable_version',
      entityId: row!.id,
      after: { classId: cls.id, semesterId: semester.id, version, periods: draft.cells.length, pePeriods, plan: `timetable.plan v${rules.planRef.version}` },
    });
    await notify(tx, cls.districtId, await roleHolders(tx, cls.districtId, 'class_teacher', { classId: cls.id }), {
      kind: 'timetable.published',
      title: `${cls.name} 课表已公布（第 ${version} 版）`,
      body: `${semester.name}，每周 ${draft.cells.length} 节`,
      link: `/timetable/class/${cls.id}`,
    });
    await forgetPublicTimetables(tx, cls.schoolId);
    return view(ctx, tx, cls, semester.id);
  });
}

/** A school's classes and the state of each one's timetable in a semester. */
export async function schoolTimetables(ctx: Ctx, query: z.output<typeof TimetableSchoolQuery>): Promise<TimetableSchoolList> {
  requirePermission(ctx, 'timetable.read');
  const schools = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(scoped(ctx, schoolDirectory, 'timetable.read'))
    .orderBy(asc(schoolDirectory.code));
  const school = query.schoolId ? schools.find((s) => s.id === query.schoolId) : schools[0];
  if (!school) throw notFound('学校');
  const day = today(ctx);
  const semester = await semesterFor(ctx.db, ctx.user.districtId, query.semesterId, day);
  const rules = await timetableRulesAt(ctx.db, ctx.user.districtId, day);
  const classes = await ctx.db
    .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade })
    .from(classDirectory)
    .where(and(scoped(ctx, classDirectory, 'timetable.read'), eq(classDirectory.schoolId, school.id)))
    .orderBy(asc(classDirectory.grade), asc(classDirectory.name));
  const drafts = await ctx.db
    .select({ classId: timetableDrafts.classId, cells: timetableDrafts.cells })
    .from(timetableDrafts)
    .where(and(scoped(ctx, timetableDrafts, 'timetable.read'), eq(timetableDrafts.schoolId, school.id), eq(timetableDrafts.semesterId, semester.id)));
  const draftOf = new Map(drafts.map((d) => [d.classId, d.cells]));
  const latest = await latestVersions(ctx.db, ctx.user.districtId, semester.id, classes.map((c) => c.id));
  const rows: TimetableClassSummary[] = classes.map((c) => {
    const cells = draftOf.get(c.id);
    const v = latest.get(c.id);
    const check = cells ? runCheck(rules, c.grade, cells) : null;
    return {
      classId: c.id,
      className: c.name,
      grade: c.grade,
      status: v ? 'published' : cells ? 'draft' : 'none',
      compliant: check ? check.compliant : null,
      errors: check ? check.findings.filter((f) => f.severity === 'error').length : 0,
      publishedVersion: v?.version ?? null,
      unpublishedChanges: !!cells && (!v || !sameCells(cells, v.cells)),
    };
  });
  return { school, schools, semester, classes: rows };
}
