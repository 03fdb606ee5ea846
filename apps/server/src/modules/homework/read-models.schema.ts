/** Read models the homework module offers other modules (views created by SQL in a migration). */
import { boolean, date, pgView, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { defineScope } from '../../platform/access';

const localDate = (name: string) => date(name, { mode: 'string' });

/**
 * Read model for 五项管理 睡眠: a family's evening as the homework module recorded it — stopped at bedtime (作业熔断)
 * and when homework ended (HH:MM, district time; before noon is the small hours after the evening). Created by SQL in
 * the migration 'homework_evenings_view'.
 */
export const homeworkEvenings = pgView('homework_evenings', {
  districtId: uuid('district_id').notNull(),
  studentId: uuid('student_id').notNull(),
  date: localDate('date').notNull(),
  classId: uuid('class_id').notNull(),
  schoolId: uuid('school_id').notNull(),
  stoppedAtBedtime: boolean('stopped_at_bedtime').notNull(),
  endedAt: text('ended_at'),
  lateMinutes: smallint('late_minutes').notNull(),
}).existing();
defineScope(homeworkEvenings, { district: homeworkEvenings.districtId, school: homeworkEvenings.schoolId, class: homeworkEvenings.classId, student: homeworkEvenings.studentId });
