/** 作业管理, families' side: who reported a class's day (for the class teacher), and the homework rules shown to parents. */
import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './common';
import { ClockTime } from './homework';

// ── the class teacher's view of families' reports ─────────────────────────────
export const ReportGuardian = z.object({
  name: z.string(),
  relation: z.string(),
  /** Masked (138****1234): the panel is for seeing who has not reported, reminders go through the platform. */
  phone: z.string().nullable(),
  hasAccount: z.boolean(),
});
export const ReportRow = z.object({
  studentId: Id,
  studentName: z.string(),
  studentNo: z.string(),
  reported: z.boolean(),
  reportedAt: Timestamp.nullable(),
  minutes: z.number().int().nullable(),
  finished: z.boolean().nullable(),
  withinLimit: z.boolean().nullable(),
  stoppedAtBedtime: z.boolean().nullable(),
  endedAt: ClockTime.nullable(),
  lateMinutes: z.number().int().nullable(),
  /** Guardians with names and masked phones; null when the reader may not see guardians. */
  guardians: z.array(ReportGuardian).nullable(),
});
export const ClassDayReports = z.object({
  classId: Id,
  className: z.string(),
  date: LocalDate,
  /** The published version the families report on; 0: nothing published that day. */
  publishedVersion: z.number().int(),
  limit: z.number().int(),
  bedtime: z.string(),
  students: z.number().int(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
  bedtimeStops: z.number().int(),
  lateNights: z.number().int(),
  /** Not reported first, then by student number. */
  rows: z.array(ReportRow),
});

// ── 作业制度公示: the rules parents read ───────────────────────────────────────
export const ChildRulesQuery = z.object({ studentId: Id });
export const ChildRules = z.object({
  studentId: Id,
  studentName: z.string(),
  schoolName: z.string(),
  className: z.string(),
  grade: z.number().int(),
  /** The day the rules are read for (the district's today). */
  date: LocalDate,
  /** Written homework at home allowed per day for the child's grade, by kind of day; 0: none at home. */
  limits: z.object({ school_day: z.number().int(), weekend: z.number().int(), holiday: z.number().int(), vacation: z.number().int() }),
  /** The grade gets no written homework at home (homework.noWrittenGrades). */
  noWrittenAtHome: z.boolean(),
  /** Daily cap of required non-written homework at home for the grade; null: none set. */
  nonWrittenCap: z.number().int().nullable(),
  bedtime: z.string(),
  completionTarget: z.number(),
  /** What a teacher may never ask, in the district's words: phrases, and the words whose pairing is refused. */
  forbidden: z.array(z.string()),
  forbiddenPattern: z.object({ parentWords: z.array(z.string()), actionWords: z.array(z.string()) }).nullable(),
  /** The policy versions these values come from ('key@id,…'); null: the shipped national defaults. */
  versions: z.string().nullable(),
  /** The latest date one of these rules changed (null: never changed from the national defaults). */
  changedOn: LocalDate.nullable(),
});
