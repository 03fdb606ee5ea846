/** 错题本 (grade 3 and up): a family notes a question the child got wrong; teachers see the class's most frequent ones. */
import type { z } from 'zod';
import type { MistakeInput } from '@shuangjian/contracts';
import { and, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { forbidden, found, invalid } from '../../platform/errors';
import { studentDirectory, subjectDirectory } from '../org';
import { visibleClass } from './common';
import { homeworkItems, homeworkMistakes, homeworkPublished } from './schema';

async function childFor(ctx: Ctx, studentId: string) {
  const [c] = await ctx.db
    .select({
      id: studentDirectory.id,
      districtId: studentDirectory.districtId,
      classId: studentDirectory.classId,
      schoolId: studentDirectory.schoolId,
      zoneId: studentDirectory.zoneId,
      grade: studentDirectory.grade,
    })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'homework.mistakes.read'), eq(studentDirectory.id, studentId)));
  if (!c) throw found([], '学生');
  return c;
}

export async function addMistake(ctx: Ctx, input: z.output<typeof MistakeInput>) {
  requirePermission(ctx, 'homework.feedback');
  const c = await childFor(ctx, input.studentId);
  if (!allows(ctx, 'homework.feedback', { districtId: c.districtId, zone: c.zoneId, school: c.schoolId, class: c.classId, student: c.id })) throw forbidden('只能为自己的孩子记录');
  if (c.grade < 3) throw invalid('studentId', '学生', '错题本从三年级开始使用');
  let subjectId = input.subjectId ?? null;
  let date: string | null = null;
  if (input.itemId) {
    // the item must be on a published list of the child's class
    const [published] = await ctx.db
      .select({ date: homeworkPublished.date })
      .from(homeworkPublished)
      .where(and(eq(homeworkPublished.districtId, c.districtId), eq(homeworkPublished.classId, c.classId), sql`${homeworkPublished.items} @> ${JSON.stringify([{ itemId: input.itemId }])}::jsonb`))
      .limit(1);
    if (!published) throw invalid('itemId', '作业', '不是孩子班级公示过的作业');
    const [item] = await ctx.db.select({ subjectId: homeworkItems.subjectId }).from(homeworkItems).where(and(eq(homeworkItems.districtId, c.districtId), eq(homeworkItems.id, input.itemId)));
    subjectId = item?.subjectId ?? subjectId;
    date = published.date;
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(homeworkMistakes)
      .values({ districtId: c.districtId, studentId: c.id, classId: c.classId, schoolId: c.schoolId, itemId: input.itemId ?? null, subjectId, date, question: input.question, note: input.note, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'homework.mistake.create', entity: 'student', entityId: c.id, after: { question: input.question, itemId: input.itemId } });
    return row!.id;
  });
  return (await listMistakes(ctx, input.studentId)).find((m) => m.id === id)!;
}

export async function listMistakes(ctx: Ctx, studentId: string) {
  requirePermission(ctx, 'homework.mistakes.read');
  const c = await childFor(ctx, studentId);
  const rows = await ctx.db
    .select({ m: homeworkMistakes, subjectName: subjectDirectory.name })
    .from(homeworkMistakes)
    .leftJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkMistakes.districtId), eq(subjectDirectory.id, homeworkMistakes.subjectId)))
    .where(and(eq(homeworkMistakes.districtId, c.districtId), eq(homeworkMistakes.studentId, c.id)))
    .orderBy(desc(homeworkMistakes.createdAt));
  return rows.map(({ m, subjectName }) => ({
    id: m.id,
    studentId: m.studentId,
    itemId: m.itemId,
    subjectName,
    date: m.date,
    question: m.question,
    note: m.note,
    resolved: m.resolvedAt !== null,
    createdAt: m.createdAt.toISOString(),
  }));
}

export async function resolveMistake(ctx: Ctx, id: string) {
  requirePermission(ctx, 'homework.feedback');
  const [m] = await ctx.db.select().from(homeworkMistakes).where(and(scoped(ctx, homeworkMistakes, 'homework.feedback'), eq(homeworkMistakes.id, id), isNull(homeworkMistakes.resolvedAt)));
  if (!m) throw found([], '错题');
  await ctx.db.transaction(async (tx) => {
    await tx.update(homeworkMistakes).set({ resolvedAt: ctx.now() }).where(and(eq(homeworkMistakes.districtId, m.districtId), eq(homeworkMistakes.id, id)));
    await audit(tx, ctx.actor, { action: 'homework.mistake.resolve', entity: 'student', entityId: m.studentId, after: { id } });
  });
  return (await listMistakes(ctx, m.studentId)).find((x) => x.id === id)!;
}

/** The class's most frequent mistakes: same item and same question text, counted by students. */
export async function frequentMistakes(ctx: Ctx, classId: string, from: string, to: string) {
  const cls = await visibleClass(ctx, classId, 'homework.mistakes.read');
  if (!ctx.grants.some((g) => g.role !== 'parent' && (g.class === '*' || g.class.includes(cls.id)))) throw forbidden('只有本班教师可以查看');
  const rows = await ctx.db
    .select({
      itemId: homeworkMistakes.itemId,
      subjectName: subjectDirectory.name,
      date: homeworkMistakes.date,
      question: homeworkMistakes.question,
      students: sql<number>`count(distinct ${homeworkMistakes.studentId})::int`,
      notes: sql<string[]>`coalesce(array_agg(${homeworkMistakes.note}) filter (where ${homeworkMistakes.note} is not null), '{}')`,
    })
    .from(homeworkMistakes)
    .leftJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkMistakes.districtId), eq(subjectDirectory.id, homeworkMistakes.subjectId)))
    .where(
      and(
        eq(homeworkMistakes.districtId, cls.districtId),
        eq(homeworkMistakes.classId, classId),
        // the homework's date when the mistake came from an item, else the day it was noted
        gte(sql`coalesce(${homeworkMistakes.date}, (${homeworkMistakes.createdAt} at time zone ${ctx.user.timeZone})::date)`, sql`${from}::date`),
        lte(sql`coalesce(${homeworkMistakes.date}, (${homeworkMistakes.createdAt} at time zone ${ctx.user.timeZone})::date)`, sql`${to}::date`),
      ),
    )
    .groupBy(homeworkMistakes.itemId, subjectDirectory.name, homeworkMistakes.date, homeworkMistakes.question)
    .orderBy(desc(sql`count(distinct ${homeworkMistakes.studentId})`))
    .limit(30);
  return rows.map((r) => ({ ...r, notes: r.notes.slice(0, 5) }));
}
