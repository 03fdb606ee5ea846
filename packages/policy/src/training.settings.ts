/**
 * The training-supervision module's district policy settings (keys 'training.*'). Defaults: the seeds (seed 004 #22:
 * 45-minute standard lesson, ¥35 / ¥25 / ¥15 for classes of 1–10 / 11–35 / 36–50 pupils with at most +10%, subject
 * training ends by 20:30 and never on weekends, statutory holidays or vacations) and the national rules (online lessons
 * ≤ 30 minutes with ≥ 10-minute breaks ending by 21:00; one prepaid package ≤ 3 months and ≤ 60 lessons).
 */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM' });
const basisPoints = z.number().int().min(0).max(10000);

export const trainingSettings = definePolicySettings({
  'training.prices': {
    label: {
      'zh-CN': '学科类培训收费上限（标准课时分钟数；按班额分档的每生每课时上限，分；上浮幅度，万分比；其他时长的课按比例折算或不予备案）',
      en: 'Subject-training price caps (standard lesson minutes; cap per pupil per lesson by class-size band, fen; allowed float, basis points; other lesson lengths pro rata or refused)',
    },
    schema: z.object({
      standardMinutes: z.number().int().min(10).max(240).describe('标准课时（分钟）'),
      bands: z
        .array(
          z.object({
            maxClassSize: z.number().int().min(1).max(1000).describe('班额上限（人）'),
            capFen: z.number().int().min(0).max(10_000_000).describe('每生每课时上限'),
          }),
        )
        .min(1)
        .max(10)
        .refine((b) => b.every((x, i) => i === 0 || x.maxClassSize > b[i - 1]!.maxClassSize), { message: '班额分档应从小到大排列' })
        .describe('按班额分档的收费上限'),
      floatBp: basisPoints.describe('上浮幅度'),
      otherLengths: z.enum(['pro_rata', 'refuse']).describe('其他时长的课'),
    }),
    default: {
      standardMinutes: 45,
      bands: [
        { maxClassSize: 10, capFen: 3500 },
        { maxClassSize: 35, capFen: 2500 },
        { maxClassSize: 50, capFen: 1500 },
      ],
      floatBp: 1000,
      otherLengths: 'pro_rata' as const,
    },
  },
  'training.lessons': {
    label: {
      'zh-CN': '培训时间规定（线下每课时最长分钟、线上每课时最长分钟与课间休息、线下/线上最晚结束时间；学科类不得占用周末、法定节假日、寒暑假）',
      en: 'Lesson rules (offline and online lesson length, online breaks, latest end offline/online; no subject training on weekends, holidays, vacations)',
    },
    schema: z.object({
      offlineMaxMinutes: z.number().int().min(10).max(240).describe('线下每课时最长（分钟）'),
      onlineMaxMinutes: z.number().int().min(10).max(240).describe('线上每课时最长（分钟）'),
      onlineMinBreakMinutes: z.number().int().min(0).max(120).describe('线上课间最少休息（分钟）'),
      offlineEndBy: hhmm.describe('线下最晚结束时间'),
      onlineEndBy: hhmm.describe('线上最晚结束时间'),
      subjectNoWeekends: z.boolean().describe('学科类不得占用周末'),
      subjectNoHolidays: z.boolean().describe('学科类不得占用法定节假日'),
      subjectNoVacations: z.boolean().describe('学科类不得占用寒暑假'),
    }),
    default: {
      offlineMaxMinutes: 45,
      onlineMaxMinutes: 30,
      onlineMinBreakMinutes: 10,
      offlineEndBy: '20:30',
      onlineEndBy: '21:00',
      subjectNoWeekends: true,
      subjectNoHolidays: true,
      subjectNoVacations: true,
    },
  },
  'training.packages': {
    label: { 'zh-CN': '预收费限制（一次收费不超过几个月、不超过多少课时）', en: 'Prepaid package limits (months, lessons)' },
    schema: z.object({ maxMonths: z.number().int().min(1).max(24).describe('一次收费最多月数'), maxLessons: z.number().int().min(1).max(500).describe('一次收费最多课时') }),
    default: { maxMonths: 3, maxLessons: 60 },
  },
  'training.custody': {
    label: {
      'zh-CN': '资金监管（家长未确认的课消几小时后自动确认；退费办结期限天数；风险保证金不低于所欠课时金额的比例，万分比）',
      en: 'Fund custody (hours before an unconfirmed lesson confirms itself; refund deadline in days; risk deposit as a share of what is owed, basis points)',
    },
    schema: z.object({
      autoConfirmHours: z.number().int().min(1).max(720).describe('未确认课消自动确认（小时）'),
      refundDeadlineDays: z.number().int().min(1).max(90).describe('退费办结期限（天）'),
      depositMinShareBp: basisPoints.describe('风险保证金不低于欠课金额的比例'),
    }),
    default: { autoConfirmHours: 48, refundDeadlineDays: 7, depositMinShareBp: 10000 },
  },
  'training.warnings': {
    label: {
      'zh-CN': '预警阈值（一段时间内退费申请数、投诉数；欠课而连续无课消的天数）',
      en: 'Early-warning thresholds (refund requests and complaints within a number of days; days without lessons consumed while lessons are owed)',
    },
    schema: z.object({
      refundBurstCount: z.number().int().min(1).max(1000).describe('退费申请数'),
      refundBurstDays: z.number().int().min(1).max(90).describe('退费申请统计天数'),
      complaintBurstCount: z.number().int().min(1).max(1000).describe('投诉数'),
      complaintBurstDays: z.number().int().min(1).max(365).describe('投诉统计天数'),
      idleDays: z.number().int().min(1).max(180).describe('欠课且无课消的天数'),
    }),
    default: { refundBurstCount: 5, refundBurstDays: 7, complaintBurstCount: 3, complaintBurstDays: 30, idleDays: 14 },
  },
  'training.handling': {
    label: {
      'zh-CN': '办理时限（投诉受理后答复天数；检查发现问题的默认整改天数）',
      en: 'Handling deadlines (days to answer a complaint; default days to rectify an inspection finding)',
    },
    schema: z.object({
      complaintAnswerDays: z.number().int().min(1).max(90).describe('投诉受理后答复期限（天）'),
      rectificationDays: z.number().int().min(1).max(180).describe('默认整改期限（天）'),
    }),
    default: { complaintAnswerDays: 15, rectificationDays: 30 },
  },
});

export type TrainingPrices = PolicySettingValue<(typeof trainingSettings)['training.prices']>;
export type TrainingLessonRules = PolicySettingValue<(typeof trainingSettings)['training.lessons']>;
export type TrainingPackageLimits = PolicySettingValue<(typeof trainingSettings)['training.packages']>;
export type TrainingCustody = PolicySettingValue<(typeof trainingSettings)['training.custody']>;
export type TrainingWarnings = PolicySettingValue<(typeof trainingSettings)['training.warnings']>;
export type TrainingHandling = PolicySettingValue<(typeof trainingSettings)['training.handling']>;
