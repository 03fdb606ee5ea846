/**
 * 睡眠管理 rules (five-managements.sleep): a night's sleep across midnight, judged against the pupil's stage (grades
 * 1–6 primary: ≥ 600 min, in bed by 21:20; 7–9 junior: ≥ 540 min, by 22:00 — the national rule, the district's
 * setting in force on the night's date). Times are the district's wall clock, HH:MM; a bedtime or homework end before
 * noon is the small hours after the evening the night began.
 */
import { addDays, type LocalDate } from './dates';
import { eveningMinutes } from './homework';

export type SleepStage = 'primary' | 'junior';
export interface StageSleepRule {
  minMinutes: number;
  latestBedtime: string;
}
export interface SleepRule {
  primary: StageSleepRule;
  junior: StageSleepRule;
  classThresholdBp: number;
  /** Nights back a family may still report or correct (0: only last night). */
  reportDays: number;
}

export const SLEEP_RULE_KEY = 'five-managements.sleep';
/** Shortest and longest night a report may claim: anything outside is a typing slip. */
export const SLEEP_NIGHT_MIN_MINUTES = 120;
export const SLEEP_NIGHT_MAX_MINUTES = 960;

export const sleepStageOfGrade = (grade: number): SleepStage => (grade <= 6 ? 'primary' : 'junior');

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Minutes asleep from bedtime to wake time, across midnight (equal times: no sleep, 0). */
export function sleepMinutes(bedtime: string, wakeTime: string): number {
  const diff = toMinutes(wakeTime) - toMinutes(bedtime);
  return diff < 0 ? diff + 1440 : diff;
}

export interface NightInput {
  bedtime: string;
  wakeTime: string;
  /** When the evening's homework ended, from the homework module (作业熔断), if the family said. */
  homeworkEndedAt?: string | null;
}

export interface NightJudgement {
  rule: typeof SLEEP_RULE_KEY;
  stage: SleepStage;
  minMinutes: number;
  latestBedtime: string;
  minutes: number;
  meetsMinimum: boolean;
  /** In bed no later than the latest bedtime, and homework (if it ran on) ended by then too. */
  bedtimeOk: boolean;
  /** Minutes past the latest bedtime the night really began (the later of bed and homework's end); 0 when on time. */
  lateMinutes: number;
  /** Homework ended after the latest bedtime: counts against the night. */
  homeworkLate: boolean;
}

/** A night judged against the stage's rule: minimum sleep and latest bedtime, homework running late counting against it. */
export function judgeNight(night: NightInput, stage: SleepStage, rule: Pick<SleepRule, SleepStage>): NightJudgement {
  const r = rule[stage];
  const minutes = sleepMinutes(night.bedtime, night.wakeTime);
  const latest = eveningMinutes(r.latestBedtime);
  const bed = eveningMinutes(night.bedtime);
  const hw = night.homeworkEndedAt ? eveningMinutes(night.homeworkEndedAt) : null;
  const homeworkLate = hw !== null && hw > latest;
  const began = Math.max(bed, hw ?? 0);
  return {
    rule: SLEEP_RULE_KEY,
    stage,
    minMinutes: r.minMinutes,
    latestBedtime: r.latestBedtime,
    minutes,
    meetsMinimum: minutes >= r.minMinutes,
    bedtimeOk: began <= latest,
    lateMinutes: Math.max(0, began - latest),
    homeworkLate,
  };
}

export type SleepDateRefusal = { reason: 'future'; date: LocalDate } | { reason: 'too_old'; earliest: LocalDate } | { reason: 'not_woken' };

/**
 * Which nights a family may report: a night that has ended (the wake time is not after now), no more than `reportDays`
 * nights before last night.
 */
export function checkSleepDate(date: LocalDate, wakeTime: string, now: { date: LocalDate; time: string }, reportDays: number): SleepDateRefusal | null {
  const lastNight = addDays(now.date, -1);
  if (date > lastNight) return date > now.date ? { reason: 'future', date } : { reason: 'not_woken' };
  const earliest = addDays(lastNight, -reportDays);
  if (date < earliest) return { reason: 'too_old', earliest };
  if (date === lastNight && wakeTime > now.time) return { reason: 'not_woken' };
  return null;
}

/** Earliest night a family may still report or correct. */
export const earliestSleepDate = (today: LocalDate, reportDays: number) => addDays(today, -1 - reportDays);

/** Share in basis points (0–10000); null with nothing to share. */
export const shareBp = (num: number, den: number): number | null => (den > 0 ? Math.round((num * 10000) / den) : null);

/** A class is flagged when its share of nights meeting the minimum falls below the district's threshold. */
export const belowSleepThreshold = (meets: number, reports: number, thresholdBp: number) => {
  const bp = shareBp(meets, reports);
  return bp !== null && bp < thresholdBp;
};

/** A pupil's name for someone who does not need it whole: the family name and a star per other character (张*明 → 张**). */
export const maskName = (name: string) => (name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1));
