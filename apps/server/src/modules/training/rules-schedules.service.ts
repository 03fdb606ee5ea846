/**
 * 校外培训监管 · rules: the timetables institutions file for their courses. Each entry (weekly on a weekday, or on one
 * date) is checked when filed: lesson length and end time, the break after the course's previous online lesson that
 * day, and for 学科类 no Saturday or Sunday (weekly) or no weekend, statutory holiday or vacation from the calendar
 * (dated). An entry with an error finding is refused with 422 and the findings; the attempt is recorded as violations.
 */
import type { TrainingRuleFinding, TrainingSchedule, TrainingScheduleCourse, TrainingScheduleInput, TrainingScheduleQuery } from '@shuangjian/contracts';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError, found, recordedRefusal } from '../../platform/errors';
import { institutionStanding } from '../org';
import { trainingSchedules } from './rules.schema';
import { checkLesson, checkWeeklyEntry, recordViolations } from './rules.service';
import { trainingCourses } from './schema';

type ScheduleRow = typeof trainingSchedules.$inferSelect;
type CourseRow = typeof trainingCourses.$inferSelect;
const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function scheduleOut(s: ScheduleRow, c: Pick<CourseRow, 'name' | 'category' | 'mode'>, institutionName: string): TrainingSchedule {
  return {
    id: s.id,
    institutionId: s.institutionId,
    institutionName,
    courseId: s.courseId,
    courseName: c.name,
    category: c.category,
    mode: c.mode,
    weekday: s.weekday,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    venueName: s.venueName,
    findings: s.findings as TrainingRuleFinding[],
    createdAt: s.createdAt.toISOString(),
  };
}

async function namesOf(q: Queryable, districtId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, (await institutionStanding(q, districtId, id))?.name ?? '');
  return names;
}

/** When the course's latest other entry on the same weekday or date ended, not after `start` (the online-break rule). */
async function previousEnd(tx: Queryable, course: CourseRow, input: z.output<typeof TrainingScheduleInput>): Promise<string | null> {
  const same = await tx
    .select({ endTime: trainingSchedules.endTime })
    .from(trainingSchedules)
    .where(
      and(
        eq(trainingSchedules.districtId, course.districtId),
        eq(trainingSchedules.courseId, course.id),
        input.weekday !== null ? eq(trainingSchedules.weekday, input.weekday) : eq(trainingSchedules.date, input.date!),
      ),
    );
  const before = same.map((s) => s.endTime).filter((e) => e <= input.startTime);
  return before.length ? before.sort().at(-1)! : null;
}

/** Files one timetable entry of the institution's course, or refuses it (422, findings in details). */
export async function fileSchedule(ctx: Ctx, input: z.output<typeof TrainingScheduleInput>): Promise<TrainingSchedule> {
  requirePermission(ctx, 'training.file');
  const course = found(
    await ctx.db.select().from(trainingCourses).where(and(scoped(ctx, trainingCourses, 'training.file'), eq(trainingCourses.id, input.courseId))),
    '课程',
  );
  const on = today(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const facts = { category: course.category, mode: course.mode, startTime: input.startTime, endTime: input.endTime };
    const previousEndTime = course.mode === 'online' ? await previousEnd(tx, course, input) : null;
    const findings =
      input.weekday !== null
        ? await checkWeeklyEntry(tx, ctx.user.districtId, { ...facts, weekday: input.weekday, previousEndTime }, on)
        : await checkLesson(tx, ctx.user.districtId, { ...facts, date: input.date!, previousEndTime });
    const when = input.weekday !== null ? `每${weekdayNames[input.weekday]}` : input.date!;
    const label = `课程「${course.name}」课表 ${when} ${input.startTime}—${input.endTime}`;
    const errors = findings.filter((f) => f.severity === 'error');
    const inst = await institutionStanding(tx, ctx.user.districtId, course.institutionId);
    if (errors.length) {
      await recordViolations(tx, ctx.actor, {
        institutionId: course.institutionId,
        institutionName: inst?.name,
        zoneId: course.zoneId,
        subject: { kind: 'schedule', id: null, label },
        findings,
        occurredOn: input.date && input.date < on ? input.date : on,
      });
      await audit(tx, ctx.actor, {
        action: 'training.schedule.refused',
        entity: 'training_course',
        entityId: course.id,
        after: { ...input, rules: errors.map((f) => f.rule), citations: errors.map((f) => f.citation) },
      });
      return recordedRefusal(new AppError(422, 'RULE_VIOLATION', `${label}不符合规定：${errors.map((f) => f.message).join('；')}`, { findings }));
    }
    const [row] = await tx
      .insert(trainingSchedules)
      .values({ districtId: ctx.user.districtId, institutionId: course.institutionId, zoneId: course.zoneId, ...input, findings, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'training.schedule.create', entity: 'training_schedule', entityId: row!.id, after: row });
    return scheduleOut(row!, course, inst?.name ?? '');
  });
  if (result instanceof AppError) throw result;
  return result;
}

/** The timetables the person may read (an institution its own; inspectors their zone; the district all). */
export async function listSchedules(ctx: Ctx, query: z.output<typeof TrainingScheduleQuery>): Promise<{ items: TrainingSchedule[] }> {
  requirePermission(ctx, 'training.read');
  const rows = await ctx.db
    .select({ s: trainingSchedules, c: { name: trainingCourses.name, category: trainingCourses.category, mode: trainingCourses.mode } })
    .from(trainingSchedules)
    .innerJoin(trainingCourses, and(eq(trainingCourses.districtId, trainingSchedules.districtId), eq(trainingCourses.id, trainingSchedules.courseId)))
    .where(
      and(
        scoped(ctx, trainingSchedules, 'training.read'),
        query.institutionId ? eq(trainingSchedules.institutionId, query.institutionId) : undefined,
        query.courseId ? eq(trainingSchedules.courseId, query.courseId) : undefined,
      ),
    )
    .orderBy(asc(trainingCourses.name), asc(trainingSchedules.weekday), asc(trainingSchedules.date), asc(trainingSchedules.startTime))
    .limit(1000);
  const names = await namesOf(ctx.db, ctx.user.districtId, rows.map((r) => r.s.institutionId));
  return { items: rows.map((r) => scheduleOut(r.s, r.c, names.get(r.s.institutionId) ?? '')) };
}

export async function deleteSchedule(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'training.file');
  await ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(trainingSchedules).where(and(scoped(ctx, trainingSchedules, 'training.file'), eq(trainingSchedules.id, id))), '课表');
    await tx.delete(trainingSchedules).where(and(eq(trainingSchedules.districtId, before.districtId), eq(trainingSchedules.id, id)));
    await audit(tx, ctx.actor, { action: 'training.schedule.delete', entity: 'training_schedule', entityId: id, before });
  });
}

/** The courses the institution may file timetable entries for (not withdrawn). */
export async function listScheduleCourses(ctx: Ctx): Promise<TrainingScheduleCourse[]> {
  requirePermission(ctx, 'training.file');
  const rows = await ctx.db
    .select()
    .from(trainingCourses)
    .where(and(scoped(ctx, trainingCourses, 'training.file'), ne(trainingCourses.status, 'withdrawn')))
    .orderBy(asc(trainingCourses.name));
  const names = await namesOf(ctx.db, ctx.user.districtId, rows.map((r) => r.institutionId));
  return rows.map((c) => ({ id: c.id, name: c.name, category: c.category, mode: c.mode, lessonMinutes: c.lessonMinutes, institutionName: names.get(c.institutionId) ?? '' }));
}
