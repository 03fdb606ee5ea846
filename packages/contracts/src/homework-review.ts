/** 作业审核 in bulk: academic affairs approves many class-days at once; a teacher copies last week's homework. */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { DayCheck, HomeworkItem } from './homework';

/** Class-days approved in one request (a school's day, several days of a week). */
export const APPROVE_DAYS_MAX = 200;

export const ApproveDays = z.object({
  days: z.array(z.object({ classId: Id, date: LocalDate })).min(1).max(APPROVE_DAYS_MAX),
});
export const ApproveDaysResult = z.object({
  /** Published, each as a new version of its class's list. */
  approved: z.array(z.object({ classId: Id, className: z.string(), date: LocalDate, version: z.number().int() })),
  /** Not approved, each with why (the error code and message a single approval would have answered). */
  refused: z.array(z.object({ classId: Id, className: z.string().nullable(), date: LocalDate, code: z.string(), message: z.string() })),
});

/** 复制上周作业: the teacher's items of one week for these classes, set again on the same weekdays of another. */
export const CopyWeek = z.object({
  classIds: z.array(Id).min(1).max(20),
  /** Only this subject's items (all the teacher's subjects when absent). */
  subjectId: Id.optional(),
  /** Mondays of the week copied from and the week copied to. */
  fromWeek: LocalDate,
  toWeek: LocalDate,
  /** Into review straight away, or kept as drafts. */
  submit: z.boolean().default(false),
  /** Only say what would be set and how each day would stand against the limits. */
  dryRun: z.boolean().default(false),
});
export const CopyWeekResult = z.object({
  /** What is (or would be) set: the source item and its new date. */
  planned: z.array(
    z.object({ sourceItemId: Id, classId: Id, className: z.string(), subjectName: z.string(), date: LocalDate, title: z.string().nullable(), content: z.string(), minutes: z.number().int() }),
  ),
  /** Source items left out, and why (a day already gone by). */
  skipped: z.array(z.object({ sourceItemId: Id, date: LocalDate, reason: z.string() })),
  /** Each target class-day with the copies, judged by the policy in force on its date. */
  checks: z.array(DayCheck),
  /** The created items (none on a dry run). */
  items: z.array(HomeworkItem),
});
