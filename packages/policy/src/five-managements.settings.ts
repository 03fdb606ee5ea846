/**
 * 五项管理 district policy settings (keys 'five-managements.*'). Defaults: the national rules (sleep: primary ≥ 10 h,
 * junior ≥ 9 h, bedtime by 21:20 / 22:00; phones not brought into school unless a parent asks in writing, then kept
 * centrally; 1 h of physical activity in school a day) and seed 004 #23 (eye exercises morning and afternoon, a
 * half-hour 大课间; the district may instead ban phones outright with a class-teacher line for emergencies).
 */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM' });
const basisPoints = z.number().int().min(0).max(10000);
const grade = z.number().int().min(1).max(12);

const stageSleep = z.object({ minMinutes: z.number().int().min(360).max(720).describe('每天最少睡眠（分钟）'), latestBedtime: hhmm.describe('最晚就寝时间') });

export const fiveManagementsSettings = definePolicySettings({
  'five-managements.sleep': {
    label: {
      'zh-CN': '睡眠管理（小学/初中每天最少睡眠分钟数与最晚就寝时间；班级达标率低于阈值（万分比）时提示学校）',
      en: 'Sleep (minimum sleep minutes and latest bedtime for primary and junior pupils; a class below the threshold share, basis points, is flagged)',
    },
    // reportDays: nights before last night a family may still report or correct (a few days back, never ahead)
    schema: z.object({
      primary: stageSleep.describe('小学'),
      junior: stageSleep.describe('初中'),
      classThresholdBp: basisPoints.describe('班级达标率阈值'),
      reportDays: z.number().int().min(0).max(30).describe('可补报前几晚'),
    }),
    default: {
      primary: { minMinutes: 600, latestBedtime: '21:20' },
      junior: { minMinutes: 540, latestBedtime: '22:00' },
      classThresholdBp: 8000,
      reportDays: 3,
    },
  },
  'five-managements.phones': {
    label: {
      'zh-CN': '手机管理（ban：禁止手机入校，设班主任应急热线；request：家长书面申请、班主任同意后带入，在校统一保管）',
      en: "Phones ('ban': no phones in school, a class-teacher line for emergencies; 'request': a parent's written request approved by the class teacher, kept centrally during the day)",
    },
    schema: z.object({ rule: z.enum(['ban', 'request']).describe('管理方式'), requestValidDays: z.number().int().min(1).max(366).describe('书面申请有效天数') }),
    default: { rule: 'request' as const, requestValidDays: 140 },
  },
  'five-managements.fitness': {
    label: {
      'zh-CN': '体质管理（大课间最少分钟、每周体育课节数按年级、每天眼保健操次数、每天校内体育活动分钟数）',
      en: 'Physical fitness (大课间 minutes, PE lessons a week by grade, eye exercises a day, daily minutes of activity in school)',
    },
    schema: z.object({
      bigBreakMinMinutes: z.number().int().min(0).max(120).describe('大课间最少分钟数'),
      peLessonsPerWeek: z
        .array(z.object({ fromGrade: grade.describe('起始年级'), toGrade: grade.describe('截止年级'), lessons: z.number().int().min(0).max(10).describe('每周体育课节数') }))
        .min(1)
        .max(12)
        .describe('每周体育课节数（按年级）'),
      eyeExercisesPerDay: z.number().int().min(0).max(5).describe('每天眼保健操次数'),
      dailyActivityMinutes: z.number().int().min(0).max(240).describe('每天校内体育活动分钟数'),
    }),
    default: {
      bigBreakMinMinutes: 30,
      peLessonsPerWeek: [
        { fromGrade: 1, toGrade: 2, lessons: 4 },
        { fromGrade: 3, toGrade: 9, lessons: 3 },
      ],
      eyeExercisesPerDay: 2,
      dailyActivityMinutes: 60,
    },
  },
  'five-managements.selfcheck': {
    label: {
      'zh-CN': '自查整改（未达标项的整改期限，天）',
      en: 'Self-checks (days a school has to rectify a failed item)',
    },
    schema: z.object({ rectifyDays: z.number().int().min(1).max(365).describe('整改期限（天）') }),
    default: { rectifyDays: 30 },
  },
});

export type FiveManagementsSettings = { [K in keyof typeof fiveManagementsSettings]: PolicySettingValue<(typeof fiveManagementsSettings)[K]> };
