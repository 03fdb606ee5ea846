/**
 * 家校社协同 district policy settings (keys 'home-school.*'). Defaults from the seeds: each teacher visits at least one
 * pupil a week at home or by phone (seed 003 "教师每周至少家访或电话家访一名学生"); the class teacher and every subject
 * teacher visit each pupil's home at least once a semester, special and problem students at least 3 times (seed 004
 * #10); a parent meeting per class each semester (seed 003, 004 #10); the class teacher's weekly online parent
 * lecture (seed 003 "班主任每周组织一次线上‘家长教育大讲堂’"); a stand-in parent for every left-behind child (seed 004 #20).
 */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

const VISIT_MODES = ['home', 'phone', 'video', 'school'] as const;

export const homeSchoolSettings = definePolicySettings({
  'home-school.visits': {
    label: {
      'zh-CN': '家访（每位教师每周最少家访次数及计入的方式；每学期班主任和任课教师到每名学生家中走访次数；特殊学生、问题学生每学期最少家访次数；每周提醒在星期几）',
      en: 'Home visits (visits a teacher makes each week and the modes that count; home visits by the class teacher and each subject teacher to every pupil per semester; visits to special and problem students per semester; the weekday of the weekly reminder)',
    },
    schema: z.object({
      weeklyMin: z.number().int().min(0).max(20).describe('每位教师每周最少家访次数'),
      weeklyModes: z.array(z.enum(VISIT_MODES)).min(1).max(4).describe('计入每周家访的方式'),
      semesterHomeMin: z.number().int().min(0).max(10).describe('每学期到每名学生家中走访次数'),
      specialMin: z.number().int().min(0).max(20).describe('特殊学生、问题学生每学期最少家访次数'),
      reminderWeekday: z.number().int().min(1).max(7).describe('每周提醒在星期几'),
    }),
    default: { weeklyMin: 1, weeklyModes: ['home', 'phone'] as ('home' | 'phone' | 'video' | 'school')[], semesterHomeMin: 1, specialMin: 3, reminderWeekday: 4 },
  },
  'home-school.meetings': {
    label: {
      'zh-CN': '家长会与家长学校（每班每学期最少家长会次数；班主任每周线上家长教育大讲堂次数）',
      en: 'Parent meetings and parent school (parent meetings per class each semester; the class teacher’s online parent lectures each week)',
    },
    schema: z.object({
      meetingsPerSemester: z.number().int().min(0).max(10).describe('每班每学期最少家长会次数'),
      classLecturesPerWeek: z.number().int().min(0).max(7).describe('班主任每周线上家长教育大讲堂次数'),
    }),
    default: { meetingsPerSemester: 1, classLecturesPerWeek: 1 },
  },
  'home-school.care': {
    label: {
      'zh-CN': '特殊学生关爱（留守儿童须有代理家长；看板“近期关爱”统计的天数）',
      en: 'Care of special students (a left-behind child must have a stand-in parent; the days the dashboard counts as recent care)',
    },
    schema: z.object({ standInRequired: z.boolean().describe('留守儿童须有代理家长'), recentDays: z.number().int().min(1).max(366).describe('“近期关爱”统计天数') }),
    default: { standInRequired: true, recentDays: 30 },
  },
});

export type HomeSchoolSettings = { [K in keyof typeof homeSchoolSettings]: PolicySettingValue<(typeof homeSchoolSettings)[K]> };
export const VISITS_RULE_KEY = 'home-school.visits' as const;
export const MEETINGS_RULE_KEY = 'home-school.meetings' as const;
export const CARE_RULE_KEY = 'home-school.care' as const;
