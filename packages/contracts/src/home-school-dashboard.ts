/**
 * 家校社协同看板 (district → school → class): visit coverage, teachers meeting the weekly rule, special students' care
 * (counts only), parent meetings and lectures, from the indicator rollup and the schools' headcounts.
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { IndicatorFigures } from './five-managements-dashboard';

const Period = z.object({
  semester: z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate }).nullable(),
  weekStart: LocalDate,
});
export const HsDashboardQuery = z.object({ semesterId: Id.optional() });
export const HsZoneRow = z.object({ zoneId: Id, zoneName: z.string(), schools: z.number().int(), figures: IndicatorFigures });
export const HsSchoolRow = z.object({ schoolId: Id, schoolName: z.string(), zoneId: Id, zoneName: z.string(), figures: IndicatorFigures });
export const HsDistrictDashboard = Period.extend({ total: IndicatorFigures, zones: z.array(HsZoneRow), schools: z.array(HsSchoolRow) });
export type HsDistrictDashboard = z.infer<typeof HsDistrictDashboard>;
export const HsClassRow = z.object({ classId: Id, className: z.string(), grade: z.number().int(), figures: IndicatorFigures });
export const HsSchoolDashboard = Period.extend({
  school: z.object({ id: Id, name: z.string(), zoneName: z.string() }),
  figures: IndicatorFigures,
  classes: z.array(HsClassRow),
});
export type HsSchoolDashboard = z.infer<typeof HsSchoolDashboard>;
export const HsSchoolParams = z.object({ schoolId: Id });

/** The dashboard's figures: a rate (num over den) or a count (num). Special-student figures are counts only. */
export const HS_FIGURES = [
  { key: 'visitCoverage', kind: 'rate', label: { 'zh-CN': '学生家访覆盖率（本学期）', en: 'Pupils visited (semester)' } },
  { key: 'teachersWeek', kind: 'rate', label: { 'zh-CN': '本周完成家访的教师', en: 'Teachers with a visit this week' } },
  { key: 'visits', kind: 'count', label: { 'zh-CN': '家访次数（本学期）', en: 'Visits (semester)' } },
  { key: 'specialFiles', kind: 'rate', label: { 'zh-CN': '特殊学生建档', en: 'Special students with a file' } },
  { key: 'specialCared', kind: 'rate', label: { 'zh-CN': '特殊学生近期有关爱记录', en: 'Special students cared for recently' } },
  { key: 'specialVisited', kind: 'rate', label: { 'zh-CN': '特殊学生家访达标（≥3次）', en: 'Special students visited enough' } },
  { key: 'meetingClasses', kind: 'rate', label: { 'zh-CN': '已召开家长会的班级', en: 'Classes that held a parent meeting' } },
  { key: 'classLectures', kind: 'count', label: { 'zh-CN': '家长教育大讲堂（场次）', en: 'Online parent lectures' } },
  { key: 'lecturesHeld', kind: 'count', label: { 'zh-CN': '家庭教育讲座（场次）', en: 'Family-education lectures held' } },
  { key: 'lectureAttendance', kind: 'rate', label: { 'zh-CN': '讲座到场率', en: 'Lecture attendance' } },
] as const;
export type HsFigureKey = (typeof HS_FIGURES)[number]['key'];
