/**
 * Queries the homework services share and their row → answer mappers: items with their class, subject, teacher and
 * day status. Names come from the organisation's read models (views), joined in the same statement.
 */
import type { z } from 'zod';
import type { HomeworkItem } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { users } from '../../platform/schema';
import { type ClassRef, classDirectory, subjectDirectory } from '../org';
import { homeworkAttachments, homeworkDays, homeworkItems } from './schema';

export type Item = typeof homeworkItems.$inferSelect;
type ItemOut = z.output<typeof HomeworkItem>;

export function itemQuery(db: Queryable) {
  return db
    .select({ item: homeworkItems, className: classDirectory.name, subjectName: subjectDirectory.name, teacherName: users.name, dayStatus: homeworkDays.status })
    .from(homeworkItems)
    .leftJoin(homeworkDays, and(eq(homeworkDays.districtId, homeworkItems.districtId), eq(homeworkDays.classId, homeworkItems.classId), eq(homeworkDays.date, homeworkItems.date)))
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkItems.districtId), eq(classDirectory.id, homeworkItems.classId)))
    .innerJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkItems.districtId), eq(subjectDirectory.id, homeworkItems.subjectId)))
    .innerJoin(users, and(eq(users.districtId, homeworkItems.districtId), eq(users.id, homeworkItems.teacherId)));
}

/** Item lists read in the order people expect: by date, class, then subject. */
export const itemOrder = [asc(homeworkItems.date), asc(classDirectory.grade), asc(classDirectory.name), asc(subjectDirectory.sort)];

export type ItemRow = { item: Item; className: string; subjectName: string; teacherName: string; dayStatus?: 'open' | 'pending_approval' | 'published' | null };

/** Rows → API items, with attachment names in one extra query. */
export async function toItems(db: Queryable, rows: ItemRow[]): Promise<ItemOut[]> {
  const ids = [...new Set(rows.flatMap((r) => r.item.attachmentIds))];
  const files = ids.length
    ? await db
        .select({ id: homeworkAttachments.id, name: homeworkAttachments.fileName, size: homeworkAttachments.size, mime: homeworkAttachments.mime })
        .from(homeworkAttachments)
        .where(and(eq(homeworkAttachments.districtId, rows[0]!.item.districtId), inArray(homeworkAttachments.id, ids)))
    : [];
  return rows.map(({ item: i, className, subjectName, teacherName, dayStatus }) => ({
    id: i.id,
    schoolId: i.schoolId,
    classId: i.classId,
    className,
    grade: i.grade,
    subjectId: i.subjectId,
    subjectName,
    teacherId: i.teacherId,
    teacherName,
    date: i.date,
    planKind: i.planKind,
    batchId: i.batchId,
    title: i.title,
    content: i.content,
    type: i.type,
    layer: i.layer,
    place: i.place,
    minutes: i.minutes,
    links: i.links,
    attachments: i.attachmentIds.map((id) => files.find((f) => f.id === id)).filter((f): f is NonNullable<typeof f> => !!f),
    status: i.status,
    dayStatus: dayStatus ?? null,
    returnReason: i.returnReason,
    adjustNote: i.adjustNote,
    originalMinutes: i.originalMinutes,
    originalDate: i.originalDate,
    designId: i.designId,
    version: i.version,
    updatedAt: i.updatedAt.toISOString(),
  }));
}

/** Items of a class-day in the chain (drafts and withdrawn ones aside), for the day view and publication. */
export async function dayItems(q: Queryable, cls: Pick<ClassRef, 'districtId' | 'id'>, date: LocalDate) {
  return itemQuery(q)
    .where(
      and(
        eq(homeworkItems.districtId, cls.districtId),
        eq(homeworkItems.classId, cls.id),
        eq(homeworkItems.date, date),
        inArray(homeworkItems.status, ['pending_check', 'ready', 'returned', 'dropped']),
      ),
    )
    .orderBy(asc(subjectDirectory.sort), desc(homeworkItems.minutes));
}
