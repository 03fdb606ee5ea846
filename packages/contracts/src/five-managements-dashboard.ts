/**
 * 五项管理看板 (district → school → class): each management's figures from the indicator rollup as numerator over
 * denominator, for a chosen week and the semester. A figure whose denominator is 0 has no data (暂无数据).
 */
import { z } from 'zod';
import { AfterSchoolSemesterRef } from './after-school-district';
import { Id, LocalDate } from './common';
import { FIVE_INDICATORS, type Management } from './five-managements';

/** One figure: numerator over denominator, as the rollup keeps it; den 0 means no data, never a rate of 0. */
export const IndicatorRatio = z.object({ num: z.number(), den: z.number() });
export type IndicatorRatio = z.infer<typeof IndicatorRatio>;

/** Figures by indicator name (FIVE_INDICATORS / EXAM_INDICATORS values); a missing name has no data. */
export const IndicatorFigures = z.record(z.string(), IndicatorRatio);
export type IndicatorFigures = z.infer<typeof IndicatorFigures>;

/** The rate of a figure, or null without data (no division by zero). */
export const ratioOf = (r: IndicatorRatio | undefined): number | null => (r && r.den > 0 ? r.num / r.den : null);

/**
 * Which span a figure covers: the chosen week ('week'), the days of the chosen week added up ('day'), or the semester.
 * `higherIsBetter` false: a lower rate is better (materials hitting the negative list). `path`: the area page behind
 * the figure.
 */
export interface DashboardFigureSpec {
  key: string;
  label: { 'zh-CN': string; en: string };
  management: Management | 'selfcheck';
  span: 'week' | 'day' | 'semester';
  higherIsBetter: boolean;
  path: string | null;
}

export const FIVE_DASHBOARD_FIGURES: readonly DashboardFigureSpec[] = [
  { key: FIVE_INDICATORS.sleepMeets, label: { 'zh-CN': '睡眠达标', en: 'Sleep meeting the minimum' }, management: 'sleep', span: 'week', higherIsBetter: true, path: '/five/sleep/classes' },
  { key: FIVE_INDICATORS.sleepBedtime, label: { 'zh-CN': '按时就寝', en: 'In bed on time' }, management: 'sleep', span: 'week', higherIsBetter: true, path: '/five/sleep/classes' },
  { key: FIVE_INDICATORS.phoneApproved, label: { 'zh-CN': '手机申请通过', en: 'Phone requests approved' }, management: 'phones', span: 'semester', higherIsBetter: true, path: '/five/phones/class' },
  { key: FIVE_INDICATORS.phoneKept, label: { 'zh-CN': '手机统一保管', en: 'Phones kept centrally' }, management: 'phones', span: 'day', higherIsBetter: true, path: '/five/phones/class' },
  { key: FIVE_INDICATORS.readingFlagged, label: { 'zh-CN': '读物触及负面清单', en: 'Materials on the negative list' }, management: 'reading', span: 'semester', higherIsBetter: false, path: '/five/reading/filings' },
  { key: FIVE_INDICATORS.fitnessBigBreak, label: { 'zh-CN': '大课间达标', en: '大课间 held in full' }, management: 'fitness', span: 'week', higherIsBetter: true, path: '/five/fitness/week' },
  { key: FIVE_INDICATORS.fitnessEye, label: { 'zh-CN': '眼保健操', en: 'Eye exercises done' }, management: 'fitness', span: 'week', higherIsBetter: true, path: '/five/fitness/week' },
  { key: FIVE_INDICATORS.fitnessActivity, label: { 'zh-CN': '每天校内活动1小时', en: 'Daily hour of activity' }, management: 'fitness', span: 'week', higherIsBetter: true, path: '/five/fitness/week' },
  { key: FIVE_INDICATORS.fitnessPass, label: { 'zh-CN': '体质测试及格率', en: 'Fitness test pass rate' }, management: 'fitness', span: 'semester', higherIsBetter: true, path: '/five/fitness/tests' },
  { key: FIVE_INDICATORS.selfcheckAnswered, label: { 'zh-CN': '自查项已填报', en: 'Self-check items answered' }, management: 'selfcheck', span: 'semester', higherIsBetter: true, path: '/five/selfcheck' },
  { key: FIVE_INDICATORS.selfcheckRectified, label: { 'zh-CN': '整改已完成', en: 'Rectifications closed' }, management: 'selfcheck', span: 'semester', higherIsBetter: true, path: '/five/selfcheck' },
];

/** A week (any date in it; the Monday is meant) and a semester; both default to today's. */
export const FiveDashboardQuery = z.object({ week: LocalDate.optional(), semesterId: Id.optional() });
export type FiveDashboardQuery = z.infer<typeof FiveDashboardQuery>;

export const DashboardPeriod = z.object({
  /** Monday of the chosen week, and its last day counted (Sunday, or today in the current week). */
  week: LocalDate,
  weekEnd: LocalDate,
  semester: AfterSchoolSemesterRef.nullable(),
  semesters: z.array(AfterSchoolSemesterRef),
});
export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

export const DashboardZoneRow = z.object({ zoneId: Id, zoneName: z.string(), schools: z.number().int(), figures: IndicatorFigures });
export type DashboardZoneRow = z.infer<typeof DashboardZoneRow>;
export const DashboardSchoolRow = z.object({
  schoolId: Id,
  schoolCode: z.string(),
  schoolName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  figures: IndicatorFigures,
});
export type DashboardSchoolRow = z.infer<typeof DashboardSchoolRow>;

export const FiveDistrictDashboard = DashboardPeriod.extend({
  total: IndicatorFigures,
  zones: z.array(DashboardZoneRow),
  schools: z.array(DashboardSchoolRow),
});
export type FiveDistrictDashboard = z.infer<typeof FiveDistrictDashboard>;

export const DashboardSchoolParams = z.object({ schoolId: Id });
export const DashboardClassParams = z.object({ classId: Id });

export const DashboardClassRow = z.object({ classId: Id, className: z.string(), grade: z.number().int(), figures: IndicatorFigures });
export type DashboardClassRow = z.infer<typeof DashboardClassRow>;

export const FiveSchoolDashboard = DashboardPeriod.extend({
  school: z.object({ id: Id, code: z.string(), name: z.string(), zoneName: z.string() }),
  figures: IndicatorFigures,
  classes: z.array(DashboardClassRow.extend({ belowSleep: z.boolean() })),
  /** The sleep rule the list of classes below the threshold applies ('five-managements.sleep', versions cited). */
  sleepRule: z.object({ rule: z.literal('five-managements.sleep'), classThresholdBp: z.number().int(), policyVersions: z.string().nullable() }),
});
export type FiveSchoolDashboard = z.infer<typeof FiveSchoolDashboard>;

export const FiveClassDashboard = DashboardPeriod.extend({
  class: z.object({ id: Id, name: z.string(), grade: z.number().int(), schoolId: Id, schoolName: z.string() }),
  figures: IndicatorFigures,
  /** The weekly figures of the weeks up to the chosen one (oldest first), for the trend. */
  weeks: z.array(z.object({ week: LocalDate, figures: IndicatorFigures })),
});
export type FiveClassDashboard = z.infer<typeof FiveClassDashboard>;
