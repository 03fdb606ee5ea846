/**
 * 假期作业天天交、天天清: during a vacation with published daily lists, a family hands in each day's work for the child
 * ("done", or photos and files, with a note); the class's teachers see per day who handed in and give feedback (a
 * comment, 优秀 for excellent work).
 */
import type { z } from 'zod';
import { HANDIN_FILE_MAX_BYTES, HANDIN_FILE_TYPES, type HandIn, type HandInInput, type ReviewInput } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { allows, coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, forbidden, found, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { classifyDays } from '../calendar';
import { classKeys, studentDirectory } from '../org';
import { storeFile } from './attachments.service';
import { visibleClass } from './common';
import { classRoll, latestLists } from './marking.repo';
import { homeworkAttachments } from './schema';
import { homeworkExcellentLists, homeworkHandInReviews, homeworkHandIns } from './vacation.schema';

type HandInOut = z.output<typeof HandIn>;

/** The vacation holding `date` for a school: the run of vacation days around it, named as the calendar names it. */
export async function vacationAround(q: Queryable, districtId: string, schoolId: string, date: LocalDate) {
  const days = await classifyDays(q, districtId, schoolId, addDays(date, -75), addDays(date, 75));
  const at = days.findIndex((d) => d.date === date);
  if (at < 0 || days[at]!.kind !== 'vacation') return null;
  // a public holiday inside the vacation (春节) does not split it in two
  const inside = (i: number) => days[i]!.kind === 'vacation' || days[i]!.kind === 'holiday';
  let first = at;
  let last = at;
  while (first > 0 && inside(first - 1)) first--;
  while (last < days.length - 1 && inside(last + 1)) last++;
  while (days[first]!.kind !== 'vacation') first++;
  while (days[last]!.kind !== 'vacation') last--;
  return { name: days[at]!.name ?? '假期', from: days[first]!.date, to: days[last]!.date };
}

/** The child, if the reader may see their class's published homework (a parent: their own child only). */
async function childOf(ctx: Ctx, studentId: string) {
  const c = found(
    await ctx.db
      .select({
        id: studentDirectory.id,
        name: studentDirectory.name,
        districtId: studentDirectory.districtId,
        zoneId: studentDirectory.zoneId,
        schoolId: studentDirectory.schoolId,
        classId: studentDirectory.classId,
        grade: studentDirectory.grade,
      })
      .from(studentDirectory)
      .where(and(scoped(ctx, studentDirectory, 'homework.published.read'), eq(studentDirectory.id, studentId))),
    '学生',
  );
  return { ...c, keys: { districtId: c.districtId, zone: c.zoneId, school: c.schoolId, class: c.classId, student: c.id } };
}

async function ownChild(ctx: Ctx, studentId: string) {
  requirePermission(ctx, 'homework.feedback');
  const c = await childOf(ctx, studentId);
  if (!allows(ctx, 'homework.feedback', c.keys)) throw forbidden('只能为自己的孩子交作业');
  return c;
}

/** Hand-in rows → answers, with files, names and the teachers' feedback. */
async function toHandIns(q: Queryable, districtId: string, rows: (typeof homeworkHandIns.$inferSelect)[]): Promise<HandInOut[]> {
  if (!rows.length) return [];
  const fileIds = [...new Set(rows.flatMap((r) => r.attachmentIds))];
  const [files, reviews, names, people] = await atOnce(q,
    () => fileIds.length
      ? q
          .select({ id: homeworkAttachments.id, name: homeworkAttachments.fileName, size: homeworkAttachments.size, mime: homeworkAttachments.mime })
          .from(homeworkAttachments)
          .where(and(eq(homeworkAttachments.districtId, districtId), inArray(homeworkAttachments.id, fileIds)))
      : Promise.resolve([]),
    () => q
      .select({ r: homeworkHandInReviews, teacherName: users.name })
      .from(homeworkHandInReviews)
      .innerJoin(users, and(eq(users.districtId, homeworkHandInReviews.districtId), eq(users.id, homeworkHandInReviews.teacherId)))
      .where(and(eq(homeworkHandInReviews.districtId, districtId), inArray(homeworkHandInReviews.handInId, rows.map((r) => r.id))))
      .orderBy(asc(homeworkHandInReviews.createdAt)),
    () => q
      .select({ id: studentDirectory.id, name: studentDirectory.name })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, districtId), inArray(studentDirectory.id, [...new Set(rows.map((r) => r.studentId))]))),
    () => q
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.districtId, districtId), inArray(users.id, [...new Set(rows.map((r) => r.handedInBy))]))),
  );
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    studentName: names.find((n) => n.id === r.studentId)?.name ?? '',
    classId: r.classId,
    date: r.date,
    note: r.note,
    files: r.attachmentIds.map((id) => files.find((f) => f.id === id)).filter((f): f is NonNullable<typeof f> => !!f),
    handedInBy: people.find((p) => p.id === r.handedInBy)?.name ?? '',
    handedInAt: r.updatedAt.toISOString(),
    reviews: reviews
      .filter((x) => x.r.handInId === r.id)
      .map((x) => ({ teacherId: x.r.teacherId, teacherName: x.teacherName, comment: x.r.comment, excellent: x.r.excellent, reviewedAt: x.r.updatedAt.toISOString() })),
  }));
}

/** A photo or file for a hand-in (smaller and fewer kinds than teachers' attachments), uploaded by the child's family. */
export async function uploadHandInFile(ctx: Ctx, studentId: string, read: () => Promise<{ filename: string; data: Buffer }>) {
  const c = await ownChild(ctx, studentId);
  return storeFile(ctx, await read(), { schoolId: c.schoolId, allowed: HANDIN_FILE_TYPES, maxBytes: HANDIN_FILE_MAX_BYTES, action: 'homework.handin.upload' });
}

/** Hands in (or again, replacing files and note) a vacation day's work: a published vacation list, up to today. */
export async function handIn(ctx: Ctx, input: z.output<typeof HandInInput>) {
  const c = await ownChild(ctx, input.studentId);
  if (input.date > today(ctx)) throw invalid('date', '日期', '还没到这一天，不能交作业');
  const [list] = await latestLists(ctx.db, c.districtId, [c.classId], input.date, input.date);
  if (!list || list.dayKind !== 'vacation') throw conflict('这一天没有公示的假期作业清单');
  const vacation = await vacationAround(ctx.db, c.districtId, c.schoolId, input.date);
  if (!vacation) throw conflict('这一天不在假期中');
  const [closed] = await ctx.db
    .select({ id: homeworkExcellentLists.id })
    .from(homeworkExcellentLists)
    .where(and(eq(homeworkExcellentLists.districtId, c.districtId), eq(homeworkExcellentLists.schoolId, c.schoolId), eq(homeworkExcellentLists.grade, c.grade), eq(homeworkExcellentLists.vacationFrom, vacation.from)));
  if (closed) throw conflict(`${vacation.name}作业优秀学生名单已公示，不再收交`);
  const ids = [...new Set(input.attachmentIds)];
  if (ids.length) {
    const mine = await ctx.db
      .select({ id: homeworkAttachments.id })
      .from(homeworkAttachments)
      .where(and(eq(homeworkAttachments.districtId, c.districtId), eq(homeworkAttachments.uploadedBy, ctx.user.id), inArray(homeworkAttachments.id, ids)));
    if (mine.length !== ids.length) throw invalid('attachmentIds', '照片或文件', '不存在或不是您上传的');
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(homeworkHandIns)
      .where(and(eq(homeworkHandIns.districtId, c.districtId), eq(homeworkHandIns.studentId, c.id), eq(homeworkHandIns.date, input.date)))
      .for('update');
    const values = { attachmentIds: ids, note: input.note, handedInBy: ctx.user.id, updatedAt: ctx.now(), classId: c.classId, schoolId: c.schoolId, grade: c.grade };
    const [row] = await tx
      .insert(homeworkHandIns)
      .values({ districtId: c.districtId, studentId: c.id, date: input.date, ...values })
      .onConflictDoUpdate({ target: [homeworkHandIns.districtId, homeworkHandIns.studentId, homeworkHandIns.date], set: values })
      .returning();
    await audit(tx, ctx.actor, {
      action: before ? 'homework.handin.update' : 'homework.handin',
      entity: 'student',
      entityId: c.id,
      before: before ? { date: before.date, files: before.attachmentIds, note: before.note } : undefined,
      after: { date: input.date, files: ids, note: input.note },
    });
    return (await toHandIns(tx, c.districtId, [row!]))[0]!;
  });
  return saved;
}

/** The child's hand-ins over a range (the vacation tab). */
export async function childHandIns(ctx: Ctx, studentId: string, from: LocalDate, to: LocalDate) {
  requirePermission(ctx, 'homework.published.read');
  const c = await childOf(ctx, studentId);
  if (!allows(ctx, 'homework.published.read', c.keys)) throw notFound('学生');
  const rows = await ctx.db
    .select()
    .from(homeworkHandIns)
    .where(and(eq(homeworkHandIns.districtId, c.districtId), eq(homeworkHandIns.studentId, c.id), gte(homeworkHandIns.date, from), lte(homeworkHandIns.date, to)))
    .orderBy(asc(homeworkHandIns.date));
  return { studentId, handIns: await toHandIns(ctx.db, c.districtId, rows) };
}

/** 天天清: a class's vacation day — the published list, every child on the roll and what they handed in. */
export async function classVacationDay(ctx: Ctx, classId: string, date: LocalDate) {
  requirePermission(ctx, 'homework.read');
  const cls = await visibleClass(ctx, classId);
  const [[list], roll, rows] = await atOnce(ctx.db,
    () => latestLists(ctx.db, cls.districtId, [cls.id], date, date),
    () => classRoll(ctx.db, cls.districtId, cls.id),
    () => ctx.db
      .select()
      .from(homeworkHandIns)
      .where(and(eq(homeworkHandIns.districtId, cls.districtId), eq(homeworkHandIns.classId, cls.id), eq(homeworkHandIns.date, date))),
  );
  const handIns = await toHandIns(ctx.db, cls.districtId, rows);
  const kind = list?.dayKind ?? (await classifyDays(ctx.db, cls.districtId, cls.schoolId, date, date))[0]?.kind ?? 'school_day';
  return {
    classId: cls.id,
    className: cls.name,
    date,
    dayKind: kind,
    items: list ? list.items.map((i) => ({ itemId: i.itemId, subjectName: i.subjectName, title: i.title, content: i.content, minutes: i.minutes })) : null,
    canReview: reviews(ctx, cls),
    handedIn: handIns.length,
    students: roll.map((s) => ({ studentId: s.id, name: s.name, studentNo: s.studentNo, handIn: handIns.find((h) => h.studentId === s.id) ?? null })),
  };
}

/** A teacher of the class (任课教师 or 班主任) gives feedback on its hand-ins. */
const reviews = (ctx: Ctx, cls: Parameters<typeof classKeys>[0]) =>
  coveringGrants(ctx, 'homework.set', classKeys(cls)).length > 0 || coveringGrants(ctx, 'homework.coordinate', classKeys(cls)).length > 0;

/** A teacher's comment and 优秀 mark on a hand-in (one per teacher; saying it again replaces it). The family is told. */
export async function reviewHandIn(ctx: Ctx, handInId: string, input: z.output<typeof ReviewInput>) {
  requirePermission(ctx, 'homework.read');
  const row = found(await ctx.db.select().from(homeworkHandIns).where(and(scoped(ctx, homeworkHandIns, 'homework.read'), eq(homeworkHandIns.id, handInId))), '假期作业');
  const cls = await visibleClass(ctx, row.classId);
  if (!reviews(ctx, cls)) throw forbidden('只有本班的任课教师或班主任可以点评');
  if (!input.excellent && !input.comment) throw invalid('comment', '评语', '请写一句评语或标记优秀');
  return ctx.db.transaction(async (tx) => {
    const values = { comment: input.comment, excellent: input.excellent, updatedAt: ctx.now() };
    await tx
      .insert(homeworkHandInReviews)
      .values({ districtId: row.districtId, handInId: row.id, teacherId: ctx.user.id, ...values })
      .onConflictDoUpdate({ target: [homeworkHandInReviews.districtId, homeworkHandInReviews.handInId, homeworkHandInReviews.teacherId], set: values });
    await audit(tx, ctx.actor, { action: 'homework.handin.review', entity: 'student', entityId: row.studentId, after: { date: row.date, class: cls.name, ...values, updatedAt: undefined } });
    await notify(tx, row.districtId, [row.handedInBy], {
      kind: 'homework.handin.review',
      title: input.excellent ? `${row.date} 的假期作业被评为优秀` : `老师点评了 ${row.date} 的假期作业`,
      body: input.comment,
      link: `/homework/child?tab=vacation&child=${row.studentId}`,
    });
    return (await toHandIns(tx, row.districtId, [row]))[0]!;
  });
}

/** A hand-in's file: to the family that uploaded it, and to those who see the hand-in holding it. */
export async function readHandInFile(ctx: Ctx, fileId: string) {
  const [file] = await ctx.db.select().from(homeworkAttachments).where(and(eq(homeworkAttachments.districtId, ctx.user.districtId), eq(homeworkAttachments.id, fileId)));
  if (!file) throw notFound('文件');
  if (file.uploadedBy === ctx.user.id) return file;
  const holds = sql`${homeworkHandIns.attachmentIds} @> array[${fileId}]::uuid[]`;
  const [seen] = await ctx.db
    .select({ id: homeworkHandIns.id })
    .from(homeworkHandIns)
    .where(and(eq(homeworkHandIns.districtId, ctx.user.districtId), holds, sql`(${scoped(ctx, homeworkHandIns, 'homework.read')} or ${scoped(ctx, homeworkHandIns, 'homework.feedback')})`))
    .limit(1);
  if (!seen) throw notFound('文件');
  return file;
}
