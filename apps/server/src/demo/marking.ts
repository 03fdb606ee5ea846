/**
 * Demo marking (批改) of the published history: most items are marked, each teacher at their own habit (so the rates
 * differ per teacher and class), about half of the last three school days'; demo-teacher's last three days still wait,
 * the work the demo's teacher finds on the marking page (inside the window: the end of the following week).
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, eq, lt, sql } from 'drizzle-orm';
import { bulkInsert, type Db } from '../platform/db';
import { users } from '../platform/schema';
import { homeworkMarkings } from '../modules/homework/marking.schema';
import { homeworkItems } from '../modules/homework/schema';
import { students } from '../modules/org/schema';
import { rng } from './names';

const NOTES = ['订正已收齐', '共性错误已在课上讲评', '个别学生需面批订正', '书写整体较好'];

/** Runs inside the demo's one transaction (`db` is it), after the homework history. */
export async function seedMarkingDemo(db: Db, districtId: string, today: LocalDate) {
  const next = rng(7070);
  const items = await db
    .select({ item: homeworkItems, username: users.username })
    .from(homeworkItems)
    .innerJoin(users, and(eq(users.districtId, homeworkItems.districtId), eq(users.id, homeworkItems.teacherId)))
    .where(and(eq(homeworkItems.districtId, districtId), lt(homeworkItems.date, today), eq(homeworkItems.status, 'ready')));
  const sizes = new Map(
    (
      await db
        .select({ classId: students.classId, n: sql<number>`count(*)::int` })
        .from(students)
        .where(and(eq(students.districtId, districtId), eq(students.status, 'active')))
        .groupBy(students.classId)
    ).map((r) => [r.classId, r.n]),
  );
  const days = [...new Set(items.map((r) => r.item.date))].sort();
  const recentFrom = days[Math.max(0, days.length - 3)] ?? today;
  const habit = new Map<string, number>();
  const rows: (typeof homeworkMarkings.$inferInsert)[] = [];
  for (const { item: i, username } of items) {
    const recent = i.date >= recentFrom;
    if (recent && username === 'demo-teacher') continue;
    if (!habit.has(i.teacherId)) habit.set(i.teacherId, 0.6 + next() * 0.4);
    if (next() > (recent ? 0.5 : habit.get(i.teacherId)!)) continue;
    const size = sizes.get(i.classId) ?? 0;
    if (!size) continue;
    const all = i.type !== 'written' || next() < 0.8;
    const marked = all ? size : Math.max(1, Math.round(size * (0.4 + next() * 0.4)));
    const faceToFace = next() < 0.4 ? Math.min(marked, 1 + Math.floor(next() * 5)) : 0;
    const at = new Date(`${addDays(i.date, 1)}T17:30:00+08:00`);
    rows.push({
      districtId,
      itemId: i.id,
      schoolId: i.schoolId,
      classId: i.classId,
      teacherId: i.teacherId,
      subjectId: i.subjectId,
      date: i.date,
      scope: all ? 'all' : 'part',
      students: size,
      marked,
      faceToFace,
      note: next() < 0.2 ? NOTES[Math.floor(next() * NOTES.length)]! : null,
      markedBy: i.teacherId,
      createdAt: at,
      updatedAt: at,
    });
  }
  await bulkInsert(db, homeworkMarkings, rows);
}
