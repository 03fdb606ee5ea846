/**
 * 批改 (有布置必有批改): the teacher who set a published item records how it was marked — all or part of the class, how
 * many face to face (面批), a note — until the end of the following school week; families see that it was marked.
 */
import type { z } from 'zod';
import type { MarkingInput, MarkingRow } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { conflict, forbidden, found, invalid } from '../../platform/errors';
import { studentDirectory } from '../org';
import { teaches, visibleClass } from './common';
import { itemQuery, type ItemRow } from './homework.repo';
import { homeworkMarkings } from './marking.schema';
import { classRoll, latestLists, markingEditableUntil, markingOut, markingsOf, type SnapshotItem } from './marking.repo';
import { homeworkItems } from './schema';

type Row = z.output<typeof MarkingRow>;

function rowOf(r: ItemRow, marking: Row['marking'], now: LocalDate): Row {
  const until = markingEditableUntil(r.item.date);
  return {
    itemId: r.item.id,
    classId: r.item.classId,
    className: r.className,
    subjectName: r.subjectName,
    teacherName: r.teacherName,
    date: r.item.date,
    title: r.item.title,
    content: r.item.content,
    type: r.item.type,
    layer: r.item.layer,
    place: r.item.place,
    minutes: r.item.minutes,
    marking,
    editableUntil: until,
    editable: r.item.date <= now && now <= until,
  };
}

/** Of these items, the ids on the latest published list of their class-day (what families were given). */
async function publishedOf(ctx: Ctx, rows: ItemRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const dates = rows.map((r) => r.item.date).sort();
  const lists = await latestLists(ctx.db, ctx.user.districtId, [...new Set(rows.map((r) => r.item.classId))], dates[0]!, dates[dates.length - 1]!);
  return new Set(lists.flatMap((l) => l.items.map((i) => i.itemId)));
}

/** 我的批改登记: the items I set that were published in [from, to], with their marking. */
export async function markingWorklist(ctx: Ctx, from: LocalDate, to: LocalDate) {
  requirePermission(ctx, 'homework.set');
  const rows = await itemQuery(ctx.db)
    .where(
      and(
        scoped(ctx, homeworkItems, 'homework.read'),
        eq(homeworkItems.teacherId, ctx.user.id),
        gte(homeworkItems.date, from),
        lte(homeworkItems.date, to),
        sql`${homeworkItems.status} not in ('draft', 'withdrawn')`,
      ),
    )
    .orderBy(sql`${homeworkItems.date} desc`, homeworkItems.classId);
  const published = await publishedOf(ctx, rows);
  const mine = rows.filter((r) => published.has(r.item.id));
  const markings = await markingsOf(ctx.db, ctx.user.districtId, mine.map((r) => r.item.id));
  const now = today(ctx);
  return { from, to, rows: mine.map((r) => rowOf(r, markings.get(r.item.id) ?? null, now)) };
}

/** A published item the reader sees, or 404 (a foreign or unpublished id answers like an unknown one). */
async function publishedItem(ctx: Ctx, itemId: string) {
  const row = found(await itemQuery(ctx.db).where(and(scoped(ctx, homeworkItems, 'homework.read'), eq(homeworkItems.id, itemId))), '作业');
  if (!(await publishedOf(ctx, [row])).has(itemId)) throw conflict('这项作业不在已公示的清单上：公示后才能登记批改');
  return row;
}

/** The item, its marking and the class roll (to name who was marked face to face). */
export async function markingDetail(ctx: Ctx, itemId: string) {
  requirePermission(ctx, 'homework.read');
  const row = await publishedItem(ctx, itemId);
  const [markings, students] = await atOnce(ctx.db, () => markingsOf(ctx.db, ctx.user.districtId, [itemId]), () => classRoll(ctx.db, ctx.user.districtId, row.item.classId));
  return { ...rowOf(row, markings.get(itemId) ?? null, today(ctx)), students };
}

/** Records or changes the marking of one published item: its teacher only, from its day to the end of the next week. */
export async function saveMarking(ctx: Ctx, itemId: string, input: z.output<typeof MarkingInput>) {
  requirePermission(ctx, 'homework.set');
  const row = await publishedItem(ctx, itemId);
  const cls = await visibleClass(ctx, row.item.classId);
  if (row.item.teacherId !== ctx.user.id && !teaches(ctx, cls, row.item.subjectId)) throw forbidden('只有布置这项作业的任课教师可以登记批改');
  const now = today(ctx);
  if (row.item.date > now) throw conflict(`这项作业布置在 ${row.item.date}，还没到批改的时候`);
  const until = markingEditableUntil(row.item.date);
  if (now > until) throw conflict(`批改登记已于 ${until} 截止（作业日期所在周的下一周结束）`);
  const roll = await classRoll(ctx.db, cls.districtId, cls.id);
  const students = roll.length;
  if (!students) throw conflict('班级没有在读学生，无法登记批改');
  let marked: number;
  if (input.scope === 'all') marked = students;
  else {
    if (input.marked === null) throw invalid('marked', '批改人数', '部分批改须填写批改了多少名学生');
    if (input.marked > students) throw invalid('marked', '批改人数', `不能超过班级人数 ${students}`);
    marked = input.marked;
  }
  const ids = [...new Set(input.faceToFaceStudentIds)];
  if (ids.length !== input.faceToFaceStudentIds.length) throw invalid('faceToFaceStudentIds', '面批学生', '同一名学生选了两次');
  const onRoll = new Set(roll.map((s) => s.id));
  const stranger = ids.findIndex((id) => !onRoll.has(id));
  if (stranger >= 0) throw invalid(`faceToFaceStudentIds.${stranger}`, '面批学生', '不是本班在读学生');
  if (input.faceToFace > marked) throw invalid('faceToFace', '面批人数', `不能超过批改人数 ${marked}`);
  if (ids.length > input.faceToFace) throw invalid('faceToFace', '面批人数', `少于所选的面批学生（${ids.length} 人）`);
  const values = { scope: input.scope, students, marked, faceToFace: input.faceToFace, faceToFaceStudentIds: ids, note: input.note, markedBy: ctx.user.id, updatedAt: ctx.now() };
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(homeworkMarkings)
      .where(and(eq(homeworkMarkings.districtId, cls.districtId), eq(homeworkMarkings.itemId, itemId)))
      .for('update');
    const [saved] = await tx
      .insert(homeworkMarkings)
      .values({ districtId: cls.districtId, itemId, schoolId: cls.schoolId, classId: cls.id, teacherId: row.item.teacherId, subjectId: row.item.subjectId, date: row.item.date, ...values })
      .onConflictDoUpdate({ target: [homeworkMarkings.districtId, homeworkMarkings.itemId], set: values })
      .returning();
    const describe = (m: typeof saved) => m && { scope: m.scope, students: m.students, marked: m.marked, faceToFace: m.faceToFace, faceToFaceStudentIds: m.faceToFaceStudentIds, note: m.note };
    await audit(tx, ctx.actor, {
      action: before ? 'homework.marking.update' : 'homework.marking.record',
      entity: 'homework_item',
      entityId: itemId,
      before: before ? describe(before) : undefined,
      after: { ...describe(saved!), class: cls.name, date: row.item.date, subject: row.subjectName },
    });
    return markingOut(saved!, ctx.user.name);
  });
}

/** What a family sees of marking on the child's list of a day: which items were marked, and face to face for the child. */
export async function childMarks(ctx: Ctx, studentId: string, date: LocalDate) {
  requirePermission(ctx, 'homework.published.read');
  const child = found(
    await ctx.db
      .select({ id: studentDirectory.id, districtId: studentDirectory.districtId, classId: studentDirectory.classId, schoolId: studentDirectory.schoolId, zoneId: studentDirectory.zoneId })
      .from(studentDirectory)
      .where(and(scoped(ctx, studentDirectory, 'homework.published.read'), eq(studentDirectory.id, studentId))),
    '学生',
  );
  if (!allows(ctx, 'homework.published.read', { districtId: child.districtId, zone: child.zoneId, school: child.schoolId, class: child.classId, student: child.id })) throw found([], '学生');
  const [list] = await latestLists(ctx.db, child.districtId, [child.classId], date, date);
  if (!list) return [];
  const ids = (list.items as SnapshotItem[]).map((i) => i.itemId);
  const markings = await ctx.db
    .select()
    .from(homeworkMarkings)
    .where(and(eq(homeworkMarkings.districtId, child.districtId), eq(homeworkMarkings.classId, child.classId), eq(homeworkMarkings.date, date)));
  return markings
    .filter((m) => ids.includes(m.itemId))
    .map((m) => ({ itemId: m.itemId, scope: m.scope, faceToFace: m.faceToFaceStudentIds.includes(studentId), markedAt: m.updatedAt.toISOString() }));
}

