/**
 * 五项管理 vocabulary every area of the module shares: the managements, school stages, and the names of the figures
 * the module keeps in the platform's indicator rollup. Each area's requests and answers live beside it in
 * five-managements-<area>.ts.
 */
import { z } from 'zod';

/** The five managements (作业 is the homework module's; the self-check covers all five). */
export const MANAGEMENTS = ['homework', 'sleep', 'phones', 'reading', 'fitness'] as const;
export const Management = z.enum(MANAGEMENTS);
export type Management = z.infer<typeof Management>;
export const managementLabels: Record<Management, { 'zh-CN': string; en: string }> = {
  homework: { 'zh-CN': '作业管理', en: 'Homework' },
  sleep: { 'zh-CN': '睡眠管理', en: 'Sleep' },
  phones: { 'zh-CN': '手机管理', en: 'Phones' },
  reading: { 'zh-CN': '读物管理', en: 'Reading materials' },
  fitness: { 'zh-CN': '体质管理', en: 'Physical fitness' },
};

/** Primary (grades 1–6) or junior (7–9): the sleep rules differ. */
export const STAGES = ['primary', 'junior'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;
export const stageOfGrade = (grade: number): Stage => (grade <= 6 ? 'primary' : 'junior');

/**
 * Indicators the module keeps (platform/indicators.ts): num / den per school or class and period. The dashboards read
 * these names; each area writes its own in the transaction that changes the records behind it.
 */
export const FIVE_INDICATORS = {
  /** Sleep reports meeting the stage's minimum / sleep reports (class, week). */
  sleepMeets: 'five-managements.sleep.meets',
  /** Reports with a bedtime no later than the stage's latest / reports (class, week). */
  sleepBedtime: 'five-managements.sleep.bedtime',
  /** Phone requests approved / requests decided (class, semester). */
  phoneApproved: 'five-managements.phones.approved',
  /** Children whose phone is kept centrally today / children with an approved request (class, day). */
  phoneKept: 'five-managements.phones.kept',
  /** Materials filed that hit the negative list / materials filed (school, semester). */
  readingFlagged: 'five-managements.reading.flagged',
  /** School days with 大课间 ≥ the minimum / school days recorded (class, week). */
  fitnessBigBreak: 'five-managements.fitness.big-break',
  /** Eye exercises done / eye exercises due (class, week). */
  fitnessEye: 'five-managements.fitness.eye',
  /** Days with ≥ the daily activity minutes / days recorded (class, week). */
  fitnessActivity: 'five-managements.fitness.activity',
  /** Pupils passing the national fitness test (及格 or better) / pupils tested (class, semester). */
  fitnessPass: 'five-managements.fitness.pass',
  /** Self-check items answered / items on the checklist (school, semester). */
  selfcheckAnswered: 'five-managements.selfcheck.answered',
  /** Rectifications closed / rectifications opened (school, semester). */
  selfcheckRectified: 'five-managements.selfcheck.rectified',
} as const;
