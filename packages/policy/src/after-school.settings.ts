/** The after-school module's district policy settings (keys 'after-school.*'), with the national "5+2" rules as defaults. */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM' });
const basisPoints = z.number().int().min(0).max(10000);

export const afterSchoolSettings = definePolicySettings({
  'after-school.service': {
    label: {
      'zh-CN': '课后服务时间要求（“5+2”：每周服务日、每天至少分钟数、结束不早于本地下班时间、第一时段为作业辅导）',
      en: 'Service time rules ("5+2": weekdays, minimum minutes a day, end no earlier than local off-work time, homework help first)',
    },
    schema: z.object({
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('每周服务日（星期）'),
      minMinutesPerDay: z.number().int().min(0).max(600).describe('每天至少服务分钟数'),
      endNotBefore: hhmm.describe('结束不早于'),
      homeworkFirst: z.boolean().describe('第一时段为作业辅导'),
    }),
    default: { weekdays: [1, 2, 3, 4, 5], minMinutesPerDay: 120, endNotBefore: '17:30', homeworkFirst: true },
  },
  'after-school.fees': {
    label: {
      'zh-CN': '服务性收费（每月上限、退费规则：请假满几天起退、按未服务天数折算的舍入方式）',
      en: 'Service fee (monthly cap, refunds: leave days before a refund, rounding of the per-day share)',
    },
    schema: z.object({
      monthlyCapFen: z.number().int().min(0).max(10_000_000).describe('每月收费上限'),
      refundMinLeaveDays: z.number().int().min(1).max(31).describe('请假满几天起退费'),
      rounding: z.enum(['half-up', 'half-even', 'down', 'up']).describe('按天折算的舍入方式'),
    }),
    default: { monthlyCapFen: 30_000, refundMinLeaveDays: 1, rounding: 'half-up' as const },
  },
  'after-school.waivers': {
    label: { 'zh-CN': '减免类别（经济困难等学生的减免比例，万分比）', en: 'Waiver categories (share waived, basis points)' },
    schema: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z_]{2,30}$/).describe('类别代码（小写字母）'),
          label: z.string().trim().min(1).max(30).describe('类别名称'),
          shareBp: basisPoints.describe('减免比例'),
        }),
      )
      .max(20)
      .refine((c) => new Set(c.map((x) => x.code)).size === c.length, { message: '类别代码不能重复' }),
    default: [
      { code: 'low_income', label: '家庭经济困难学生', shareBp: 10000 },
      { code: 'disabled', label: '残疾学生', shareBp: 10000 },
      { code: 'orphan', label: '孤儿及事实无人抚养儿童', shareBp: 10000 },
    ],
  },
  'after-school.flexHours': {
    label: {
      'zh-CN': '教师弹性上下班（课后服务结束晚于正常下班时间的分钟数，按比例折算为次一上学日推迟到岗，起算分钟与每日上限）',
      en: 'Teachers\' flexible hours (minutes served after the normal off-work time, credited as a later start the next school day: percentage, minimum and daily cap)',
    },
    schema: z.object({
      normalEnd: hhmm.describe('正常下班时间'),
      minLateMinutes: z.number().int().min(0).max(240).describe('晚于下班多少分钟起算'),
      creditPercent: z.number().int().min(0).max(300).describe('折算比例（%）'),
      maxCreditMinutesPerDay: z.number().int().min(0).max(480).describe('每日折算上限（分钟）'),
    }),
    default: { normalEnd: '17:00', minLateMinutes: 10, creditPercent: 100, maxCreditMinutesPerDay: 120 },
  },
  'after-school.surveyMinGroup': {
    label: { 'zh-CN': '满意度调查：少于多少份答卷的分组不显示结果', en: 'Surveys: groups with fewer answers show no result' },
    schema: z.number().int().min(1).max(100).describe('每组最少答卷份数'),
    default: 5,
  },
});

export type AfterSchoolSettingKey = keyof typeof afterSchoolSettings;
export type AfterSchoolSettingValue<K extends AfterSchoolSettingKey> = PolicySettingValue<(typeof afterSchoolSettings)[K]>;
