/**
 * 综合素质评价 writes: a teacher of the class records an entry for a pupil, the class teacher records one entry for
 * many pupils at once and ticks labour-list tasks in a grid, an entry is corrected or deleted by its author or the
 * class teacher (the audit log keeps what was deleted), and teachers write comments (the overall 班主任评语 by the
 * class teacher, who tells the family). Every write keeps the class's growthComplete figure in its transaction.
 */
import type { GrowthBulkInput, GrowthBulkResult, GrowthCommentInput, GrowthCommentView, GrowthEntryInput, GrowthEntryUpdate, GrowthEntryView, GrowthLabourGridInput, GrowthLabourGridResult } from '@shuangjian/contracts';
import { checkGrowthEntry, type GrowthSettings, labourTasksFor, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { guardiansOfStudents, studentDirectory, visibleClass } from '../org';
import {
  auditedEntry,
  entryRefusal,
  entryView,
  growthPolicy,
  isClassTeacher,
  mayEdit,
  mayRecordInBulk,
  refreshGrowthComplete,
  resolveSemester,
  userNames,
  visiblePupil,
} from './growth-load.service';
import { growthComments, growthEntries } from './growth.schema';

type EntryFields = Pick<GrowthEntryUpdate, 'dimension' | 'kind' | 'date' | 'title' | 'detail' | 'labourCode'>;

/** Checks the entry against 'exams.growth' for the grade and gives the title to store (a labour task's: the list's name). */
function checkedEntry(input: EntryFields, grade: number, semester: { startDate: LocalDate; endDate: LocalDate }, now: LocalDate, growth: GrowthSettings, version: string | null) {
  const labourCode = input.labourCode || null;
  const check = checkGrowthEntry({ ...input, labourCode }, grade, semester, now, growth);
  if (!check.ok) throw entryRefusal(check, version, new Map(growth.labourList.map((t) => [t.code, t.name])));
  const title = input.title ?? check.labourTask?.name;
  if (!title) throw invalid('title', '标题', '请填写标题');
  return { title, labourCode, detail: input.detail || null };
}

/** A teacher of the pupil's class (or the school's administrator) records one entry. */
export async function recordEntry(ctx: Ctx, input: GrowthEntryInput): Promise<GrowthEntryView> {
  requirePermission(ctx, 'exams.growth');
  const pupil = await visiblePupil(ctx, input.studentId, ['exams.growth']);
  const { semester } = await resolveSemester(ctx, input.semesterId);
  const now = today(ctx);
  const { growth, version } = await growthPolicy(ctx.db, pupil.districtId, now);
  const fields = checkedEntry(input, pupil.grade, semester, now, growth, version);
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(growthEntries)
      .values({
        districtId: pupil.districtId,
        schoolId: pupil.schoolId,
        classId: pupil.classId,
        studentId: pupil.id,
        semesterId: semester.id,
        dimension: input.dimension,
        kind: input.kind,
        date: input.date,
        ...fields,
        recordedBy: ctx.user.id,
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'exams.growth.record', entity: 'growth_entries', entityId: saved!.id, after: { ...auditedEntry(saved!, pupil.name), policyVersion: version } });
    await refreshGrowthComplete(tx, pupil.districtId, semester.id, [pupil.classId]);
    return saved!;
  });
  return entryView(row, new Map([[ctx.user.id, ctx.user.name]]), true);
}

/** The class teacher's pupils of a class, all active and of that class (any other id: 404). */
async function pupilsOfClass(ctx: Ctx, classId: string, studentIds: readonly string[]) {
  const cls = await visibleClass(ctx, classId, 'exams.growth');
  const at = { districtId: cls.districtId, zoneId: cls.zoneId, schoolId: cls.schoolId, classId: cls.id };
  if (!mayRecordInBulk(ctx, at)) throw forbidden('只有班主任或学校管理员可以为全班批量记录');
  const unique = [...new Set(studentIds)];
  const pupils = unique.length
    ? await ctx.db
        .select({ id: studentDirectory.id, name: studentDirectory.name })
        .from(studentDirectory)
        .where(and(eq(studentDirectory.districtId, cls.districtId), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active'), inArray(studentDirectory.id, unique)))
    : [];
  if (pupils.length !== unique.length) throw notFound('学生');
  return { cls, pupils };
}

/** 班主任 records one entry for many pupils of the class in one request; a labour task a pupil already has is skipped. */
export async function recordBulk(ctx: Ctx, classId: string, input: GrowthBulkInput): Promise<GrowthBulkResult> {
  requirePermission(ctx, 'exams.growth');
  const { cls, pupils } = await pupilsOfClass(ctx, classId, input.studentIds);
  const { semester } = await resolveSemester(ctx, input.semesterId);
  const now = today(ctx);
  const { growth, version } = await growthPolicy(ctx.db, cls.districtId, now);
  const fields = checkedEntry(input, cls.grade, semester, now, growth, version);
  const batchId = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const saved = await tx
      .insert(growthEntries)
      .values(
        pupils.map((p) => ({
          districtId: cls.districtId,
          schoolId: cls.schoolId,
          classId: cls.id,
          studentId: p.id,
          semesterId: semester.id,
          dimension: input.dimension,
          kind: input.kind,
          date: input.date,
          ...fields,
          batchId,
          recordedBy: ctx.user.id,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: growthEntries.id, studentId: growthEntries.studentId });
    const names = new Map(pupils.map((p) => [p.id, p.name]));
    await audit(tx, ctx.actor, {
      action: 'exams.growth.bulk',
      entity: 'growth_entries',
      entityId: batchId,
      after: {
        class: cls.name,
        dimension: input.dimension,
        kind: input.kind,
        date: input.date,
        title: fields.title,
        labourCode: fields.labourCode,
        students: saved.map((s) => names.get(s.studentId)),
        policyVersion: version,
      },
    });
    await refreshGrowthComplete(tx, cls.districtId, semester.id, [cls.id]);
    return { created: saved.length, skipped: pupils.length - saved.length };
  });
}

/** The labour grid: ticks add the list's task for a pupil (once a semester), clearing a tick deletes it (audited). */
export async function saveLabourGrid(ctx: Ctx, classId: string, input: GrowthLabourGridInput): Promise<GrowthLabourGridResult> {
  requirePermission(ctx, 'exams.growth');
  const { cls, pupils } = await pupilsOfClass(ctx, classId, input.ticks.map((t) => t.studentId));
  const { semester } = await resolveSemester(ctx, input.semesterId);
  const now = today(ctx);
  const { growth, version } = await growthPolicy(ctx.db, cls.districtId, now);
  const tasks = new Map(labourTasksFor(growth.labourList, cls.grade).map((t) => [t.code, t]));
  for (const code of new Set(input.ticks.map((t) => t.code))) {
    checkedEntry({ dimension: 'labour', kind: 'labour', date: input.date, labourCode: code }, cls.grade, semester, now, growth, version);
  }
  const names = new Map(pupils.map((p) => [p.id, p.name]));
  const set = input.ticks.filter((t) => t.done);
  const clear = input.ticks.filter((t) => !t.done);
  return ctx.db.transaction(async (tx) => {
    const added = set.length
      ? await tx
          .insert(growthEntries)
          .values(
            set.map((t) => ({
              districtId: cls.districtId,
              schoolId: cls.schoolId,
              classId: cls.id,
              studentId: t.studentId,
              semesterId: semester.id,
              dimension: 'labour' as const,
              kind: 'labour' as const,
              date: input.date,
              title: tasks.get(t.code)!.name,
              labourCode: t.code,
              recordedBy: ctx.user.id,
            })),
          )
          .onConflictDoNothing()
          .returning({ studentId: growthEntries.studentId, labourCode: growthEntries.labourCode })
      : [];
    const removed = clear.length
      ? await tx
          .delete(growthEntries)
          .where(
            and(
              eq(growthEntries.districtId, cls.districtId),
              eq(growthEntries.classId, cls.id),
              eq(growthEntries.semesterId, semester.id),
              or(...clear.map((t) => and(eq(growthEntries.studentId, t.studentId), eq(growthEntries.labourCode, t.code)))),
            ),
          )
          .returning()
      : [];
    await audit(tx, ctx.actor, {
      action: 'exams.growth.labour-grid',
      entity: 'growth_entries',
      entityId: cls.id,
      before: removed.length ? { cleared: removed.map((r) => ({ id: r.id, ...auditedEntry(r, names.get(r.studentId) ?? '') })) } : undefined,
      after: { class: cls.name, date: input.date, ticked: added.map((a) => `${names.get(a.studentId)} ${a.labourCode}`), policyVersion: version },
    });
    await refreshGrowthComplete(tx, cls.districtId, semester.id, [cls.id]);
    return { ticked: added.length, cleared: removed.length };
  });
}

/** An entry the caller sees, its pupil, and the right to change it (its author or the class teacher; else 403). */
async function editableEntry(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(growthEntries).where(and(scoped(ctx, growthEntries, 'exams.growth'), eq(growthEntries.id, id)));
  if (!row) throw notFound('成长记录');
  const [pupil] = await ctx.db.select().from(studentDirectory).where(and(eq(studentDirectory.districtId, row.districtId), eq(studentDirectory.id, row.studentId)));
  if (!pupil) throw notFound('学生');
  if (!mayEdit(ctx, row, pupil)) throw forbidden('只有记录人或班主任可以修改这条记录');
  return { row, pupil };
}

/** Corrects an entry (its author or the class teacher), checked again against the rules. */
export async function updateEntry(ctx: Ctx, id: string, input: GrowthEntryUpdate): Promise<GrowthEntryView> {
  requirePermission(ctx, 'exams.growth');
  const { row, pupil } = await editableEntry(ctx, id);
  const { semester } = await resolveSemester(ctx, row.semesterId);
  const now = today(ctx);
  const { growth, version } = await growthPolicy(ctx.db, row.districtId, now);
  const fields = checkedEntry(input, pupil.grade, semester, now, growth, version);
  const saved = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(growthEntries)
      .set({ dimension: input.dimension, kind: input.kind, date: input.date, ...fields, updatedBy: ctx.user.id, updatedAt: ctx.now() })
      .where(and(eq(growthEntries.districtId, row.districtId), eq(growthEntries.id, row.id)))
      .returning();
    await audit(tx, ctx.actor, {
      action: 'exams.growth.correct',
      entity: 'growth_entries',
      entityId: row.id,
      before: auditedEntry(row, pupil.name),
      after: { ...auditedEntry(updated!, pupil.name), policyVersion: version },
    });
    await refreshGrowthComplete(tx, row.districtId, row.semesterId, [row.classId]);
    return updated!;
  });
  return entryView(saved, await userNames(ctx.db, row.districtId, [saved.recordedBy]), true);
}

/** Deletes an entry (its author or the class teacher); the audit log keeps what it said. */
export async function deleteEntry(ctx: Ctx, id: string): Promise<{ ok: true }> {
  requirePermission(ctx, 'exams.growth');
  const { row, pupil } = await editableEntry(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(growthEntries).where(and(eq(growthEntries.districtId, row.districtId), eq(growthEntries.id, row.id)));
    await audit(tx, ctx.actor, { action: 'exams.growth.delete', entity: 'growth_entries', entityId: row.id, before: auditedEntry(row, pupil.name) });
    await refreshGrowthComplete(tx, row.districtId, row.semesterId, [row.classId]);
  });
  return { ok: true };
}

/**
 * A teacher's comment on a pupil's semester, one per scope: a dimension's by any teacher of the class, the overall
 * 班主任评语 by the class teacher only. Replacing another's comment takes its author or the class teacher. The family is
 * told when the overall comment is written: the semester summary is ready to read.
 */
export async function saveComment(ctx: Ctx, input: GrowthCommentInput): Promise<GrowthCommentView> {
  requirePermission(ctx, 'exams.growth');
  const pupil = await visiblePupil(ctx, input.studentId, ['exams.growth']);
  const { semester } = await resolveSemester(ctx, input.semesterId);
  const classTeacher = isClassTeacher(ctx, pupil);
  if (input.scope === 'overall' && !classTeacher) throw forbidden('班主任评语只能由班主任填写');
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(growthComments)
      .where(and(eq(growthComments.districtId, pupil.districtId), eq(growthComments.studentId, pupil.id), eq(growthComments.semesterId, semester.id), eq(growthComments.scope, input.scope)));
    if (before && before.authorId !== ctx.user.id && !classTeacher) throw forbidden('只有原评语的填写人或班主任可以修改');
    const [saved] = await tx
      .insert(growthComments)
      .values({
        districtId: pupil.districtId,
        schoolId: pupil.schoolId,
        classId: pupil.classId,
        studentId: pupil.id,
        semesterId: semester.id,
        scope: input.scope,
        text: input.text,
        authorId: ctx.user.id,
      })
      .onConflictDoUpdate({
        target: [growthComments.districtId, growthComments.studentId, growthComments.semesterId, growthComments.scope],
        set: { text: input.text, authorId: ctx.user.id, updatedAt: sql`now()` },
      })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'exams.growth.comment',
      entity: 'growth_comments',
      entityId: saved!.id,
      before: before ? { scope: before.scope, text: before.text } : undefined,
      after: { student: pupil.name, scope: input.scope, text: input.text },
    });
    await refreshGrowthComplete(tx, pupil.districtId, semester.id, [pupil.classId]);
    if (input.scope === 'overall' && !before) {
      const families = (await guardiansOfStudents(tx, pupil.districtId, [pupil.id])).map((g) => g.userId).filter((u): u is string => !!u);
      await notify(
        tx,
        pupil.districtId,
        families,
        { kind: 'exams.growth', title: `${pupil.name}的${semester.name}综合素质评价已有班主任评语`, body: '可以在“成长记录”中查看并打印学期总结。', link: '/exams/growth/child' },
        ctx.channels,
      );
    }
    return saved!;
  });
  return { id: row.id, scope: row.scope, text: row.text, authorName: ctx.user.name, updatedAt: row.updatedAt.toISOString() };
}
