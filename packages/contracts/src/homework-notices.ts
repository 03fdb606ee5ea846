/** 作业管理, telling families: the class teacher's reminder to the families who have not reported a day. */
import { z } from 'zod';
import { Id, LocalDate } from './common';

/** A class has at most this many children; a reminder names at most as many. */
export const REMIND_STUDENTS_MAX = 200;

/** POST /api/homework/days/{classId}/{date}/remind: every family of the class that has not reported, or these children's. */
export const RemindFamilies = z.object({ studentIds: z.array(Id).min(1).max(REMIND_STUDENTS_MAX).optional() });

export const RemindResult = z.object({
  classId: Id,
  date: LocalDate,
  /** Children (of those asked about) whose family has not reported the day. */
  notReported: z.number().int(),
  /** Of them, reminded now (their guardians told in the app and by SMS or WeChat). */
  reminded: z.number().int(),
  /** Of them, already reminded by the class teacher that day: not reminded again. */
  alreadyReminded: z.number().int(),
});
