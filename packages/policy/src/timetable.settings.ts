/**
 * 课程与课表 district policy settings (keys 'timetable.*'). The curriculum plan (课程设置方案) is policy data: the
 * weekly periods each grade must have per subject, the lab periods (实验课) a week, the grid's size, and whether a
 * surplus of 语数英 over the plan is flagged (squeezing 音体美劳 is the typical 折扣课表, seed 003).
 */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

/**
 * What a timetable cell may hold: the organisation's subject codes, plus two plan entries that are not subjects of
 * their own: 综合实践活动 ('practice', where 劳动 and 通用技术 hours of seed 004 #14 also sit) and 地方与校本课程 ('local').
 */
export const TIMETABLE_SUBJECTS = [
  'chinese',
  'math',
  'english',
  'morality',
  'science',
  'physics',
  'chemistry',
  'biology',
  'history',
  'geography',
  'pe',
  'music',
  'art',
  'labour',
  'it',
  'practice',
  'local',
] as const;
export type TimetableSubject = (typeof TIMETABLE_SUBJECTS)[number];
/** Subjects whose periods may be marked as a lab period (实验). */
export const LAB_SUBJECTS: readonly TimetableSubject[] = ['science', 'physics', 'chemistry', 'biology'];
/** 语数英: a surplus of these over the plan is what squeezes the others. */
export const CORE_SUBJECTS: readonly TimetableSubject[] = ['chinese', 'math', 'english'];

const periods = z.number().int().min(0).max(20);
const gradePlan = z.object({
  grade: z.number().int().min(1).max(9).describe('年级'),
  /** 周课时总数 of the plan for the grade. */
  weeklyTotal: z.number().int().min(1).max(60).describe('周课时总数'),
  /** Required periods a week per subject code; a subject not listed is not required in the grade. */
  subjects: z.partialRecord(z.enum(TIMETABLE_SUBJECTS), periods).describe('各科每周课时'),
  /** Lab periods (实验课) a week the timetable must mark, across science, physics, chemistry and biology. */
  labPeriods: z.number().int().min(0).max(10).describe('每周实验课节数'),
});
export type TimetableGradePlan = z.infer<typeof gradePlan>;

type Row = Omit<TimetableGradePlan, 'grade'>;
/**
 * Shipped defaults: a typical provincial weekly table under 《义务教育课程方案（2022年版）》. The 方案 fixes the
 * weekly totals (1–2年级 26, 3–6年级 30, 7–9年级 34 periods), the nine-year shares (语文 20–22%, 数学 13–15%, 外语 6–8%
 * from grade 3, 道德与法治 6–8%, 科学 8–10% (科学 from grade 1; 物理 from 8, 化学 in 9, 生物 in 7–8), 信息科技
 * 1–3% in grades 3–8, 体育与健康 10–11%, 艺术 9–11%, 劳动 ≥ 1 a week, 综合实践 and 地方/校本 in the remaining 14–18%).
 * The numbers per grade below are the usual provincial split of those shares: PE 4 in grades 1–2 and 3 in 3–9 (the
 * same as five-managements.fitness), 音乐+美术 4 in primary and 2 in junior, 劳动 1 everywhere (seed 004 #14: 劳动教育
 * 必修课). Lab periods: 1 a week of 科学 in 3–6, 生物 in 7, 物理+生物 in 8, 物理+化学 in 9 (seed 003: 开足各类实验课).
 */
const primaryLow: Row = { weeklyTotal: 26, labPeriods: 0, subjects: { chinese: 8, math: 4, morality: 2, science: 1, pe: 4, music: 2, art: 2, labour: 1, practice: 1, local: 1 } };
const primaryMid: Row = {
  weeklyTotal: 30,
  labPeriods: 1,
  subjects: { chinese: 6, math: 4, english: 2, morality: 2, science: 2, it: 1, pe: 3, music: 2, art: 2, labour: 1, practice: 2, local: 3 },
};
const primaryHigh: Row = {
  weeklyTotal: 30,
  labPeriods: 1,
  subjects: { chinese: 5, math: 5, english: 3, morality: 2, science: 2, it: 1, pe: 3, music: 2, art: 2, labour: 1, practice: 2, local: 2 },
};
const junior7: Row = {
  weeklyTotal: 34,
  labPeriods: 1,
  subjects: { chinese: 5, math: 5, english: 4, morality: 2, history: 2, geography: 2, biology: 2, it: 1, pe: 3, music: 1, art: 1, labour: 1, practice: 2, local: 3 },
};
const junior8: Row = {
  weeklyTotal: 34,
  labPeriods: 2,
  subjects: { chinese: 5, math: 5, english: 4, morality: 2, history: 2, geography: 2, biology: 2, physics: 2, it: 1, pe: 3, music: 1, art: 1, labour: 1, practice: 1, local: 2 },
};
const junior9: Row = {
  weeklyTotal: 34,
  labPeriods: 2,
  subjects: { chinese: 5, math: 5, english: 4, morality: 2, history: 2, physics: 3, chemistry: 3, pe: 3, music: 1, art: 1, labour: 1, practice: 1, local: 3 },
};
export const DEFAULT_TIMETABLE_PLAN: TimetableGradePlan[] = [
  { grade: 1, ...primaryLow },
  { grade: 2, ...primaryLow },
  { grade: 3, ...primaryMid },
  { grade: 4, ...primaryMid },
  { grade: 5, ...primaryHigh },
  { grade: 6, ...primaryHigh },
  { grade: 7, ...junior7 },
  { grade: 8, ...junior8 },
  { grade: 9, ...junior9 },
];

export const timetableSettings = definePolicySettings({
  'timetable.plan': {
    label: {
      'zh-CN': '课程设置方案（各年级每周各科课时、周课时总数、每周实验课节数；默认按《义务教育课程方案（2022年版）》）',
      en: 'Curriculum plan (weekly periods per subject and grade, weekly total, lab periods a week; defaults per the 2022 national compulsory-education curriculum plan)',
    },
    schema: z.object({ grades: z.array(gradePlan).min(1).max(9).describe('各年级课程计划') }),
    default: { grades: DEFAULT_TIMETABLE_PLAN },
  },
  'timetable.grid': {
    label: {
      'zh-CN': '课表格式（每周上课天数；小学、初中每天节数）',
      en: 'Timetable grid (school days a week; periods a day in primary and junior grades)',
    },
    schema: z.object({
      daysPerWeek: z.number().int().min(5).max(6).describe('每周上课天数'),
      primaryPeriods: z.number().int().min(4).max(10).describe('小学每天节数'),
      juniorPeriods: z.number().int().min(4).max(10).describe('初中每天节数'),
    }),
    default: { daysPerWeek: 5, primaryPeriods: 7, juniorPeriods: 8 },
  },
  'timetable.checks': {
    label: {
      'zh-CN': '课表核对（语数英超出方案课时是否提示：挤占音体美劳即“折扣课表”）',
      en: 'Timetable checks (flag 语数英 periods above the plan: squeezing music, PE, art and labour is a 折扣课表)',
    },
    schema: z.object({ flagCoreSurplus: z.boolean().describe('语数英超出方案课时时提示') }),
    default: { flagCoreSurplus: true },
  },
});

export type TimetableSettings = { [K in keyof typeof timetableSettings]: PolicySettingValue<(typeof timetableSettings)[K]> };
export type TimetablePlan = TimetableSettings['timetable.plan'];
export type TimetableGrid = TimetableSettings['timetable.grid'];
