/**
 * 考试与评价看板 (district → school → class): exam filings accepted and refused (violations), results recorded as
 * levels and growth-record completion, per semester, from the indicator rollup. No pupil appears here, only counts.
 */
import { z } from 'zod';
import { AfterSchoolSemesterRef } from './after-school-district';
import { Id } from './common';
import { EXAM_INDICATORS } from './exams';
import { DashboardClassRow, DashboardSchoolRow, DashboardZoneRow, IndicatorFigures } from './five-managements-dashboard';

export interface ExamsDashboardFigureSpec {
  key: string;
  label: { 'zh-CN': string; en: string };
  area: 'filings' | 'results' | 'growth';
  higherIsBetter: boolean;
  path: string | null;
}

export const EXAMS_DASHBOARD_FIGURES: readonly ExamsDashboardFigureSpec[] = [
  { key: EXAM_INDICATORS.examsAccepted, label: { 'zh-CN': '考试备案通过', en: 'Exam filings accepted' }, area: 'filings', higherIsBetter: true, path: '/exams/filings' },
  { key: EXAM_INDICATORS.examsRefused, label: { 'zh-CN': '备案被拒（违规）', en: 'Filings refused (violations)' }, area: 'filings', higherIsBetter: false, path: '/exams/filings' },
  { key: EXAM_INDICATORS.resultsRecorded, label: { 'zh-CN': '等级结果已录入', en: 'Results recorded as levels' }, area: 'results', higherIsBetter: true, path: '/exams/results' },
  { key: EXAM_INDICATORS.growthComplete, label: { 'zh-CN': '成长记录完整', en: 'Growth records complete' }, area: 'growth', higherIsBetter: true, path: '/exams/growth' },
];

export const ExamsDashboardQuery = z.object({ semesterId: Id.optional() });
export type ExamsDashboardQuery = z.infer<typeof ExamsDashboardQuery>;

const SemesterPeriod = z.object({ semester: AfterSchoolSemesterRef.nullable(), semesters: z.array(AfterSchoolSemesterRef) });

export const ExamsDistrictDashboard = SemesterPeriod.extend({
  total: IndicatorFigures,
  zones: z.array(DashboardZoneRow),
  schools: z.array(DashboardSchoolRow),
});
export type ExamsDistrictDashboard = z.infer<typeof ExamsDistrictDashboard>;

export const ExamsSchoolDashboard = SemesterPeriod.extend({
  school: z.object({ id: Id, code: z.string(), name: z.string(), zoneName: z.string() }),
  figures: IndicatorFigures,
  classes: z.array(DashboardClassRow),
});
export type ExamsSchoolDashboard = z.infer<typeof ExamsSchoolDashboard>;
