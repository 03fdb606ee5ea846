/**
 * 考试管理 and 综合素质评价 vocabulary every area of the module shares: exam types and forms, result levels (等级, never
 * a score or a rank), growth-record dimensions and kinds, and the names of the figures kept in the platform's
 * indicator rollup. Each area's requests and answers live beside it in exams-<area>.ts.
 */
import { z } from 'zod';

/** 期末 / 期中 / 单元 / 周测 / 月考 / 联考 (cross-school) / 区级抽测 (the district's yearly sample test). */
export const EXAM_TYPES = ['final', 'midterm', 'unit', 'weekly', 'monthly', 'joint', 'district_sample'] as const;
export const ExamType = z.enum(EXAM_TYPES);
export type ExamType = z.infer<typeof ExamType>;
export const examTypeLabels: Record<ExamType, { 'zh-CN': string; en: string }> = {
  final: { 'zh-CN': '期末考试', en: 'Final exam' },
  midterm: { 'zh-CN': '期中考试', en: 'Mid-term exam' },
  unit: { 'zh-CN': '单元检测', en: 'Unit check' },
  weekly: { 'zh-CN': '周测', en: 'Weekly test' },
  monthly: { 'zh-CN': '月考', en: 'Monthly test' },
  joint: { 'zh-CN': '跨校联考', en: 'Cross-school exam' },
  district_sample: { 'zh-CN': '区级学业质量抽测', en: 'District sample test' },
};

/** 纸笔考试 or a non-paper assessment (实践操作、游园闯关、观察…), the only form grades 1–2 may have. */
export const EXAM_FORMS = ['paper', 'non_paper'] as const;
export const ExamForm = z.enum(EXAM_FORMS);
export type ExamForm = z.infer<typeof ExamForm>;
export const examFormLabels: Record<ExamForm, { 'zh-CN': string; en: string }> = {
  paper: { 'zh-CN': '纸笔考试', en: 'Paper exam' },
  non_paper: { 'zh-CN': '非纸笔测评', en: 'Non-paper assessment' },
};

/** 等级制: results are levels only; no score is kept and nothing sorts or ranks pupils. */
export const LEVELS = ['excellent', 'good', 'pass', 'not_yet'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;
export const levelLabels: Record<Level, { 'zh-CN': string; en: string }> = {
  excellent: { 'zh-CN': '优秀', en: 'Excellent' },
  good: { 'zh-CN': '良好', en: 'Good' },
  pass: { 'zh-CN': '合格', en: 'Pass' },
  not_yet: { 'zh-CN': '待合格', en: 'Not yet' },
};

/** 德智体美劳. */
export const GROWTH_DIMENSIONS = ['moral', 'intellect', 'physical', 'aesthetic', 'labour'] as const;
export const GrowthDimension = z.enum(GROWTH_DIMENSIONS);
export type GrowthDimension = z.infer<typeof GrowthDimension>;
export const growthDimensionLabels: Record<GrowthDimension, { 'zh-CN': string; en: string }> = {
  moral: { 'zh-CN': '德', en: 'Moral' },
  intellect: { 'zh-CN': '智', en: 'Intellect' },
  physical: { 'zh-CN': '体', en: 'Physical' },
  aesthetic: { 'zh-CN': '美', en: 'Aesthetic' },
  labour: { 'zh-CN': '劳', en: 'Labour' },
};

/** What a growth record entry is: an activity, an award, a labour task of the district's list, a sports or art skill. */
export const GROWTH_KINDS = ['activity', 'award', 'labour', 'sports_skill', 'art_skill'] as const;
export const GrowthKind = z.enum(GROWTH_KINDS);
export type GrowthKind = z.infer<typeof GrowthKind>;
export const growthKindLabels: Record<GrowthKind, { 'zh-CN': string; en: string }> = {
  activity: { 'zh-CN': '活动', en: 'Activity' },
  award: { 'zh-CN': '获奖', en: 'Award' },
  labour: { 'zh-CN': '劳动清单', en: 'Labour task' },
  sports_skill: { 'zh-CN': '体育技能', en: 'Sports skill' },
  art_skill: { 'zh-CN': '艺术特长', en: 'Art skill' },
};

/** Indicators the module keeps (platform/indicators.ts), read by the dashboards. */
export const EXAM_INDICATORS = {
  /** Exams filed and accepted / exams filed (school, semester). */
  examsAccepted: 'exams.filings.accepted',
  /** Filings refused by a rule (violations) / filings (school, semester); den counts every attempt. */
  examsRefused: 'exams.filings.refused',
  /** Pupils with a level in every subject of a finished exam / pupils of the exam's grade (class, semester). */
  resultsRecorded: 'exams.results.recorded',
  /** Pupils whose growth record has an entry in every dimension and a teacher's comment / pupils (class, semester). */
  growthComplete: 'exams.growth.complete',
} as const;
