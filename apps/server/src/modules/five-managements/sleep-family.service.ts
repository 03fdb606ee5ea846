/**
 * A family's side of 睡眠管理: the child's nights with the rule each was judged by, the usual times, and reporting a
 * night (one tap for "as usual"). The homework module's record of that evening (作业熔断, when homework ended) is read
 * through its view and counts against the night when homework ended after the latest bedtime. Each report moves the
 * class's weekly figures (sleepMeets, sleepBedtime) in its own transaction, by the difference an edit makes.
 */
import { FIVE_INDICATORS, type SleepFamily, type SleepNight, type SleepReportInput } from '@shuangjian/contracts';
import {
  checkSleepDate,
  earliestSleepDate,
  eveningMinutes,
  judgeNight,
  type LocalDate,
  SLEEP_NIGHT_MAX_MINUTES,
  SLEEP_NIGHT_MIN_MINUTES,
  SLEEP_RULE_KEY,
  sleepMinutes,
  addDays,
} from '@shuangjian/policy';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { localNow, today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { bumpIndicators, weekPeriod } from '../../platform/indicators';
import { homeworkEvenings } from '../homework';
import { type ChildRef, reachableChild, versionOf } from './five-managements.repo';
import { fiveManagementsPolicy } from './five-managements.policy';
import { fiveSleepReports, fiveSleepUsual } from './sleep.schema';

const PERMISSION = 'five-managements.family' as const;
const HISTORY_NIGHTS = 28;

/** A refusal of bad input that also cites the rule it applied. */
const refuse = (field: string, message: string, rule: { policyVersions: string | null }) =>
  new AppError(400, 'VALIDATION', message, { fields: [{ field, message }], rule: SLEEP_RULE_KEY, policyVersions: rule.policyVersions });

async function sleepRuleAt(q: Queryable, districtId: string, date: LocalDate) {
  const { values, versions } = await fiveManagementsPolicy(q, districtId, date);
  return { rule: values[SLEEP_RULE_KEY], policyVersions: versionOf(versions, SLEEP_RULE_KEY) };
}

async function usualOf(q: Queryable, ctx: Ctx, child: ChildRef): Promise<SleepFamily['usual']> {
  const [saved] = await q.select().from(fiveSleepUsual).where(and(scoped(ctx, fiveSleepUsual, PERMISSION), eq(fiveSleepUsual.studentId, child.id)));
  if (saved) return { bedtime: saved.bedtime, wakeTime: saved.wakeTime, source: 'saved' };
  const R = fiveSleepReports;
  const [last] = await q
    .select({ bedtime: R.bedtime, wakeTime: R.wakeTime })
    .from(R)
    .where(and(scoped(ctx, R, PERMISSION), eq(R.studentId, child.id)))
    .orderBy(desc(R.date))
    .limit(1);
  return last ? { ...last, source: 'last' } : null;
}

type ReportRow = typeof fiveSleepReports.$inferSelect;
type EveningRow = { stoppedAtBedtime: boolean; endedAt: string | null } | undefined;

function toNight(r: ReportRow, evening: EveningRow, earliest: LocalDate): SleepNight {
  return {
    date: r.date,
    bedtime: r.bedtime,
    wakeTime: r.wakeTime,
    minutes: r.minutes,
    meetsMinimum: r.meetsMinimum,
    bedtimeOk: r.bedtimeOk,
    lateMinutes: r.lateMinutes,
    asUsual: r.asUsual,
    rule: { rule: SLEEP_RULE_KEY, stage: r.stage, minMinutes: r.minMinutes, latestBedtime: r.latestBedtime, policyVersions: r.policyVersions },
    homework: evening
      ? {
          stoppedAtBedtime: evening.stoppedAtBedtime,
          endedAt: evening.endedAt,
          ranPastBedtime: r.homeworkLate || (!!evening.endedAt && eveningMinutes(evening.endedAt) > eveningMinutes(r.latestBedtime)),
        }
      : null,
    editable: r.date >= earliest,
  };
}

async function eveningsOf(q: Queryable, ctx: Ctx, studentId: string, from: LocalDate, to: LocalDate) {
  const E = homeworkEvenings;
  const rows = await q
    .select({ date: E.date, stoppedAtBedtime: E.stoppedAtBedtime, endedAt: E.endedAt })
    .from(E)
    .where(and(scoped(ctx, E, PERMISSION), eq(E.studentId, studentId), gte(E.date, from), lt(E.date, to)));
  return new Map(rows.map((r) => [r.date, r]));
}

/** The child's page: the rule in force, the usual times, the nights of the past four weeks with their judgement. */
export async function familySleep(ctx: Ctx, studentId: string): Promise<SleepFamily> {
  requirePermission(ctx, PERMISSION);
  const child = await reachableChild(ctx, studentId, PERMISSION);
  const now = today(ctx);
  const { rule, policyVersions } = await sleepRuleAt(ctx.db, child.districtId, now);
  const from = addDays(now, -HISTORY_NIGHTS);
  const R = fiveSleepReports;
  const rows = await ctx.db
    .select()
    .from(R)
    .where(and(scoped(ctx, R, PERMISSION), eq(R.studentId, child.id), gte(R.date, from)))
    .orderBy(desc(R.date));
  const evenings = await eveningsOf(ctx.db, ctx, child.id, from, now);
  const earliest = earliestSleepDate(now, rule.reportDays);
  return {
    studentId: child.id,
    studentName: child.name,
    className: child.className,
    grade: child.grade,
    rule: { rule: SLEEP_RULE_KEY, stage: child.stage, ...rule[child.stage], policyVersions },
    usual: await usualOf(ctx.db, ctx, child),
    earliest,
    // before 04:00 nobody has woken from the night that began yesterday: the last night that can be reported is the one before
    lastNight: addDays(now, localNow(ctx).time < '04:00' ? -2 : -1),
    nights: rows.map((r) => toNight(r, evenings.get(r.date), earliest)),
  };
}

const figures = (r: Pick<ReportRow, 'districtId' | 'schoolId' | 'classId' | 'date' | 'meetsMinimum' | 'bedtimeOk'>, sign: 1 | -1) => [
  { districtId: r.districtId, indicator: FIVE_INDICATORS.sleepMeets, period: weekPeriod(r.date), schoolId: r.schoolId, classId: r.classId, num: sign * (r.meetsMinimum ? 1 : 0), den: sign },
  { districtId: r.districtId, indicator: FIVE_INDICATORS.sleepBedtime, period: weekPeriod(r.date), schoolId: r.schoolId, classId: r.classId, num: sign * (r.bedtimeOk ? 1 : 0), den: sign },
];

/** Reports (or corrects) a night: judged by the stage's rule in force on the night's date, the class figures moved. */
export async function reportSleep(ctx: Ctx, input: SleepReportInput): Promise<SleepNight> {
  requirePermission(ctx, PERMISSION);
  const child = await reachableChild(ctx, input.studentId, PERMISSION);
  const clock = localNow(ctx);
  const current = await sleepRuleAt(ctx.db, child.districtId, clock.date);
  let times = input.bedtime && input.wakeTime ? { bedtime: input.bedtime, wakeTime: input.wakeTime } : null;
  if (input.asUsual) {
    const usual = await usualOf(ctx.db, ctx, child);
    if (!usual) throw refuse('asUsual', '还没有平时的作息：请先填写一次就寝和起床时间，或保存平时作息', current);
    times = { bedtime: usual.bedtime, wakeTime: usual.wakeTime };
  }
  const { bedtime, wakeTime } = times!;
  const refusal = checkSleepDate(input.date, wakeTime, clock, current.rule.reportDays);
  if (refusal?.reason === 'future') throw refuse('date', '日期：还没到这一天，不能填报', current);
  if (refusal?.reason === 'not_woken') throw refuse('date', '日期：这一晚还没有结束（起床时间还没到），醒来后再填报', current);
  if (refusal?.reason === 'too_old')
    throw refuse('date', `日期：只能填报或修改最近 ${current.rule.reportDays + 1} 晚的睡眠（${refusal.earliest} 起，five-managements.sleep）`, current);
  const minutes = sleepMinutes(bedtime, wakeTime);
  if (minutes < SLEEP_NIGHT_MIN_MINUTES || minutes > SLEEP_NIGHT_MAX_MINUTES)
    throw refuse('wakeTime', `起床时间：从 ${bedtime} 到 ${wakeTime} 共 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分，不像一晚的睡眠，请核对`, current);

  const { rule, policyVersions } = await sleepRuleAt(ctx.db, child.districtId, input.date);
  const evening = (await eveningsOf(ctx.db, ctx, child.id, input.date, addDays(input.date, 1))).get(input.date);
  const j = judgeNight({ bedtime, wakeTime, homeworkEndedAt: evening?.endedAt ?? null }, child.stage, rule);
  const row: ReportRow = {
    districtId: child.districtId,
    studentId: child.id,
    date: input.date,
    schoolId: child.schoolId,
    classId: child.classId,
    grade: child.grade,
    stage: child.stage,
    bedtime,
    wakeTime,
    minutes: j.minutes,
    meetsMinimum: j.meetsMinimum,
    bedtimeOk: j.bedtimeOk,
    lateMinutes: j.lateMinutes,
    homeworkLate: j.homeworkLate,
    asUsual: input.asUsual,
    minMinutes: j.minMinutes,
    latestBedtime: j.latestBedtime,
    policyVersions,
    reportedBy: ctx.user.id,
    reportedAt: ctx.now(),
  };
  return ctx.db.transaction(async (tx) => {
    const R = fiveSleepReports;
    const [before] = await tx
      .select()
      .from(R)
      .where(and(eq(R.districtId, child.districtId), eq(R.studentId, child.id), eq(R.date, input.date)))
      .for('update');
    const { districtId: _d, studentId: _s, date: _date, ...changes } = row;
    await tx.insert(R).values(row).onConflictDoUpdate({ target: [R.districtId, R.studentId, R.date], set: changes });
    await bumpIndicators(tx, [...(before ? figures(before, -1) : []), ...figures(row, 1)]);
    await audit(tx, ctx.actor, {
      action: before ? 'five-managements.sleep.correct' : 'five-managements.sleep.report',
      entity: 'student',
      entityId: child.id,
      before: before ? { date: before.date, bedtime: before.bedtime, wakeTime: before.wakeTime, meetsMinimum: before.meetsMinimum, bedtimeOk: before.bedtimeOk } : undefined,
      after: { date: input.date, bedtime, wakeTime, asUsual: input.asUsual, ...j, policyVersions },
    });
    return toNight(row, evening, earliestSleepDate(clock.date, current.rule.reportDays));
  });
}

/** Saves the family's usual bedtime and wake time (平时作息) for the one-tap report. */
export async function saveUsualSleep(ctx: Ctx, studentId: string, input: { bedtime: string; wakeTime: string }): Promise<SleepFamily['usual']> {
  requirePermission(ctx, PERMISSION);
  const child = await reachableChild(ctx, studentId, PERMISSION);
  const minutes = sleepMinutes(input.bedtime, input.wakeTime);
  if (minutes < SLEEP_NIGHT_MIN_MINUTES || minutes > SLEEP_NIGHT_MAX_MINUTES) {
    const current = await sleepRuleAt(ctx.db, child.districtId, today(ctx));
    throw refuse('wakeTime', `起床时间：从 ${input.bedtime} 到 ${input.wakeTime} 不像一晚的睡眠，请核对`, current);
  }
  await ctx.db.transaction(async (tx) => {
    const U = fiveSleepUsual;
    const row = { districtId: child.districtId, studentId: child.id, bedtime: input.bedtime, wakeTime: input.wakeTime, savedBy: ctx.user.id, savedAt: ctx.now() };
    await tx.insert(U).values(row).onConflictDoUpdate({ target: [U.districtId, U.studentId], set: { bedtime: row.bedtime, wakeTime: row.wakeTime, savedBy: row.savedBy, savedAt: row.savedAt } });
    await audit(tx, ctx.actor, { action: 'five-managements.sleep.usual', entity: 'student', entityId: child.id, after: input });
  });
  return { ...input, source: 'saved' };
}
