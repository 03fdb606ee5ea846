/**
 * 体质管理, the class's school day: the teacher's phone page (the classes one records for, each prefilled from the
 * usual) and the record itself: a school day of this week, not ahead of today, one per class and day (a correction
 * replaces it). The record, the class's weekly indicators, the audit entry and a note to the school when a rule is
 * missed are one transaction. Seed 004 #23: 每天上、下午各一次眼保健操,上午半小时课间操,下午半小时的体育活动.
 */
import { dayKindLabels, type FitnessActivity, type FitnessDayRecord, type FitnessDayInput, type FitnessTeacherDay } from '@shuangjian/contracts';
import {
  addDays,
  checkFitnessDay,
  type FitnessDayFigures,
  fitnessDayFigures,
  type FitnessRules,
  isoWeekday,
  type LocalDate,
  peLessonsRequired,
  weekStart,
} from '@shuangjian/policy';
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { bumpIndicators, weekPeriod } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { classifyDays } from '../calendar';
import { classDirectory, roleHolders, visibleClass } from '../org';
import { FIVE_INDICATORS } from '@shuangjian/contracts';
import { dayRecordView, type FitnessDayRow, fitnessRulesAt, monthDay, ruleView, userNames, versionText } from './fitness-policy.service';
import { fiveFitnessDays } from './fitness.schema';

const CLASS = 'five-managements.class' as const;

/** A refusal about the date by a rule of the day: 422 naming the field. */
const ruleOnDate = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(422, 'RULE_VIOLATION', message, { fields: [{ field: 'date', message }], ...details });

const dayName = (info: { kind: keyof typeof dayKindLabels; name: string | null } | undefined) =>
  !info ? null : info.kind === 'school_day' ? null : (info.name ?? dayKindLabels[info.kind]);

/** Records can be written for a school day of the current week up to today. */
const editableOn = (date: LocalDate, now: LocalDate, schoolDay: boolean) => schoolDay && date <= now && weekStart(date) === weekStart(now);

const defaults = (rules: FitnessRules): FitnessActivity => ({
  bigBreakMinutes: rules.bigBreakMinMinutes,
  peLesson: false,
  eyeExercises: rules.eyeExercisesPerDay,
  activityMinutes: rules.dailyActivityMinutes,
});
const activityOf = (r: FitnessDayRow): FitnessActivity => ({
  bigBreakMinutes: r.bigBreakMinutes,
  peLesson: r.peLesson,
  eyeExercises: r.eyeExercises,
  activityMinutes: r.activityMinutes,
});

async function recordsOf(q: Queryable, districtId: string, classIds: readonly string[], from: LocalDate, to: LocalDate) {
  if (!classIds.length) return [];
  return q
    .select()
    .from(fiveFitnessDays)
    .where(and(eq(fiveFitnessDays.districtId, districtId), inArray(fiveFitnessDays.classId, [...classIds]), gte(fiveFitnessDays.date, from), lte(fiveFitnessDays.date, to)))
    .orderBy(desc(fiveFitnessDays.date));
}

/**
 * The classes the user records for on a date (default: the latest school day of this week up to today), each with
 * its record, or the usual values to prefill: the latest record on the same weekday (PE falls on fixed days), else
 * the latest record, else the policy's numbers.
 */
export async function teacherDay(ctx: Ctx, date?: LocalDate): Promise<FitnessTeacherDay> {
  requirePermission(ctx, CLASS);
  const d = ctx.user.districtId;
  const now = today(ctx);
  const classes = await ctx.db
    .select()
    .from(classDirectory)
    .where(scoped(ctx, classDirectory, CLASS))
    .orderBy(asc(classDirectory.schoolName), asc(classDirectory.grade), asc(classDirectory.name));
  const schoolId = classes[0]?.schoolId ?? null;
  let day = date ?? now;
  if (!date) {
    const week = await classifyDays(ctx.db, d, schoolId, weekStart(now), now);
    day = [...week].reverse().find((x) => x.schoolDay)?.date ?? now;
  }
  const [info] = await classifyDays(ctx.db, d, schoolId, day, day);
  const schoolDay = !!info?.schoolDay;
  const { rules, ref } = await fitnessRulesAt(ctx.db, d, day);
  const ids = classes.map((c) => c.id);
  const monday = weekStart(day);
  const recent = await recordsOf(ctx.db, d, ids, addDays(day, -35), addDays(monday, 6));
  const names = await userNames(ctx.db, d, recent.filter((r) => r.date === day).map((r) => r.recordedBy));
  return {
    date: day,
    today: now,
    schoolDay,
    dayName: dayName(info),
    editable: editableOn(day, now, schoolDay),
    rule: ruleView(rules, ref),
    classes: classes.map((c) => {
      const mine = recent.filter((r) => r.classId === c.id);
      const record = mine.find((r) => r.date === day) ?? null;
      const before = mine.filter((r) => r.date < day);
      const usual = before.find((r) => isoWeekday(r.date) === isoWeekday(day)) ?? before[0];
      return {
        classId: c.id,
        className: c.name,
        grade: c.grade,
        schoolName: c.schoolName,
        peLessonsPerWeek: peLessonsRequired(rules, c.grade),
        peHeldThisWeek: mine.filter((r) => r.date >= monday && r.peLesson).length,
        record: record ? dayRecordView(record, rules, ref, names) : null,
        usual: usual ? activityOf(usual) : defaults(rules),
      };
    }),
  };
}

/** The three weekly indicators a recorded day adds to (negative: takes back what a replaced record added). */
function indicatorDelta(f: FitnessDayFigures | null, sign: 1 | -1) {
  if (!f) return { bigBreak: [0, 0], eye: [0, 0], activity: [0, 0] } as const;
  return {
    bigBreak: [sign * Number(f.bigBreakOk), sign],
    eye: [sign * f.eyeDone, sign * f.eyeDue],
    activity: [sign * Number(f.activityOk), sign],
  } as const;
}

/** Records (or corrects) a class's school day; the answer names every rule the day misses, with its version. */
export async function saveDay(ctx: Ctx, input: z.output<typeof FitnessDayInput>): Promise<FitnessDayRecord> {
  requirePermission(ctx, CLASS);
  const cls = await visibleClass(ctx, input.classId, CLASS);
  const d = ctx.user.districtId;
  const now = today(ctx);
  if (input.date > now) throw ruleOnDate('日期（date）：还没到这一天，不能填写');
  if (weekStart(input.date) !== weekStart(now))
    throw ruleOnDate(`日期（date）：只能填写或修改本周（${weekStart(now)} 起）的记录，${input.date} 所在周已结束`, { weekStart: weekStart(now) });
  const [info] = await classifyDays(ctx.db, d, cls.schoolId, input.date, input.date);
  if (!info?.schoolDay) throw ruleOnDate(`日期（date）：${input.date} 是${dayName(info) ?? '非上学日'}，不是上学日，无需填写`, { kind: info?.kind ?? null });
  const { rules, ref } = await fitnessRulesAt(ctx.db, d, input.date);
  const figures = fitnessDayFigures(input, rules);
  const findings = checkFitnessDay(input, rules, ref);
  const saved = await ctx.db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(fiveFitnessDays)
      .where(and(eq(fiveFitnessDays.districtId, d), eq(fiveFitnessDays.classId, cls.id), eq(fiveFitnessDays.date, input.date)))
      .for('update');
    const values = {
      bigBreakMinutes: input.bigBreakMinutes,
      peLesson: input.peLesson,
      eyeExercises: input.eyeExercises,
      activityMinutes: input.activityMinutes,
      note: input.note,
      ...figures,
      policyVersion: ref.version,
      recordedBy: ctx.user.id,
      updatedAt: ctx.now(),
    };
    const [row] = old
      ? await tx
          .update(fiveFitnessDays)
          .set(values)
          .where(and(eq(fiveFitnessDays.districtId, d), eq(fiveFitnessDays.id, old.id)))
          .returning()
      : await tx
          .insert(fiveFitnessDays)
          .values({ ...values, districtId: d, schoolId: cls.schoolId, classId: cls.id, date: input.date })
          .returning();
    const add = indicatorDelta(figures, 1);
    const back = indicatorDelta(old ?? null, -1);
    const period = weekPeriod(input.date);
    const figure = (indicator: string, [num, den]: readonly [number, number], [bn, bd]: readonly [number, number]) => ({
      districtId: d,
      indicator,
      period,
      schoolId: cls.schoolId,
      classId: cls.id,
      num: num + bn,
      den: den + bd,
    });
    await bumpIndicators(tx, [
      figure(FIVE_INDICATORS.fitnessBigBreak, add.bigBreak, back.bigBreak),
      figure(FIVE_INDICATORS.fitnessEye, add.eye, back.eye),
      figure(FIVE_INDICATORS.fitnessActivity, add.activity, back.activity),
    ]);
    const misses = findings.filter((f) => !f.ok);
    await audit(tx, ctx.actor, {
      action: old ? 'five-managements.fitness.day.correct' : 'five-managements.fitness.day.record',
      entity: 'five_fitness_days',
      entityId: row!.id,
      before: old ? { ...activityOf(old), note: old.note } : null,
      after: { class: cls.name, date: input.date, ...activityOf(row!), note: row!.note, policy: versionText(ref), misses: misses.map((m) => m.item) },
    });
    const oldMisses = old ? checkFitnessDay(old, rules, ref).filter((f) => !f.ok).map((f) => f.item) : [];
    const fresh = misses.filter((m) => !oldMisses.includes(m.item));
    if (fresh.length) {
      // 教务处 follows the school's activity: told of a day that misses a rule (once per rule and day)
      const admins = await roleHolders(tx, d, 'school_admin', { schoolId: cls.schoolId });
      await notify(tx, d, admins, {
        kind: 'five-managements.fitness.miss',
        title: `${cls.name}${monthDay(input.date)}体育活动未达标`,
        body: fresh.map((m) => `${m.rule}：实际 ${m.actual}`).join('；') + `（${versionText(ref)}）`,
        link: `/five/fitness/week?classId=${cls.id}&date=${input.date}`,
      });
    }
    return row!;
  });
  const names = await userNames(ctx.db, d, [saved.recordedBy]);
  return dayRecordView(saved, rules, ref, names);
}
