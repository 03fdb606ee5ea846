/**
 * Reminders to families to report a day's homework (家长填报提醒): one per child, date and kind — the evening reminder
 * the platform sends, and the class teacher's own — so no family is reminded twice for the same thing.
 */
import { date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, users } from '../../platform/schema';
import { classes, students } from '../org/schema';

export const homeworkReminders = pgTable(
  'homework_reminders',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['evening', 'class_teacher'] }).notNull(),
    /** The class teacher who sent it; null for the evening reminder. */
    sentBy: uuid('sent_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.sentBy], foreignColumns: [users.districtId, users.id] }),
    uniqueIndex('homework_reminders_once_uq').on(t.districtId, t.studentId, t.date, t.kind),
    index('homework_reminders_class_idx').on(t.districtId, t.classId, t.date),
  ],
);
