/** The homework module's district policy settings (keys 'homework.*'), with the national rules as defaults. */
import { z } from 'zod';
import { defaultHomeworkPolicy, type HomeworkPolicy, REVIEW_STEPS } from './homework';
import { definePolicySettings, type PolicySettingValue } from './settings';

const minutes = z.number().int().min(0).max(600);
const gradeMinutes = z.object({ 1: minutes, 2: minutes, 3: minutes, 4: minutes, 5: minutes, 6: minutes, 7: minutes, 8: minutes, 9: minutes });
const capMinutes = minutes.nullable();
const gradeCaps = z.object({ 1: capMinutes, 2: capMinutes, 3: capMinutes, 4: capMinutes, 5: capMinutes, 6: capMinutes, 7: capMinutes, 8: capMinutes, 9: capMinutes });
const words = z.array(z.string().trim().min(1).max(10)).max(50);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM' });

export const homeworkSettings = definePolicySettings({
  'homework.dayLimits': {
    label: { 'zh-CN': '每日家庭书面作业时长上限（分钟，按日类型与年级）', en: 'Daily written homework at home, minutes by day kind and grade' },
    schema: z.object({ school_day: gradeMinutes, weekend: gradeMinutes, holiday: gradeMinutes, vacation: gradeMinutes }),
    default: defaultHomeworkPolicy.dayLimits,
  },
  'homework.forbiddenPhrases': {
    label: { 'zh-CN': '禁止的作业要求（给家长布置、家长批改、自批自改等）', en: 'Forbidden homework phrases' },
    schema: z.array(z.string().trim().min(2).max(20)).max(100),
    default: defaultHomeworkPolicy.forbiddenPhrases,
  },
  'homework.forbiddenPatterns': {
    label: {
      'zh-CN': '禁止的作业要求（按搭配识别：家长类词语 + 检查、批改、签字、代阅类词语，同一分句内）',
      en: 'Forbidden homework requests by pattern (a parent word, then a check/mark/sign/read-for word in the same clause)',
    },
    schema: z.object({ parentWords: words.min(1), actionWords: words.min(1), maxGap: z.number().int().min(0).max(30), negations: words }),
    default: defaultHomeworkPolicy.forbiddenPatterns,
  },
  'homework.noWrittenGrades': {
    label: { 'zh-CN': '不布置家庭书面作业的年级', en: 'Grades with no written homework at home' },
    schema: z.array(z.number().int().min(1).max(9)).max(9).refine((g) => new Set(g).size === g.length, { message: '年级不能重复' }),
    default: defaultHomeworkPolicy.noWrittenGrades,
  },
  'homework.nonWrittenCaps': {
    label: { 'zh-CN': '每日非书面作业时长上限（分钟，按年级；不填为不设上限）', en: 'Daily non-written homework cap, minutes by grade (empty: none)' },
    schema: gradeCaps,
    default: defaultHomeworkPolicy.nonWrittenCaps,
  },
  'homework.mandatorySteps': {
    label: { 'zh-CN': '必经的作业审核环节（学校可增设，不能关闭）', en: 'Mandatory review steps (schools may add steps, never drop these)' },
    schema: z.array(z.enum(REVIEW_STEPS)).max(REVIEW_STEPS.length).refine((s) => new Set(s).size === s.length, { message: '环节不能重复' }),
    default: defaultHomeworkPolicy.mandatorySteps,
  },
  'homework.eveningReminder': {
    label: {
      'zh-CN': '晚间填报提醒（当日清单已公示、尚未填报的家庭，每个孩子每天一次）',
      en: 'Evening reminder to report (families whose list is published and not yet reported; once per child a day)',
    },
    schema: z.object({ enabled: z.boolean(), time: hhmm, dayKinds: z.array(z.enum(['school_day', 'weekend', 'holiday', 'vacation'])).min(1).max(4) }),
    default: { enabled: true, time: '20:30', dayKinds: ['school_day'] },
  },
  'homework.bedtime': {
    label: { 'zh-CN': '作业熔断时间（小学 / 初中）', en: 'Homework cut-off at bedtime (primary / junior)' },
    schema: z.object({ primary: hhmm, junior: hhmm }),
    default: defaultHomeworkPolicy.bedtime,
  },
  'homework.completionTarget': {
    label: { 'zh-CN': '按时完成率目标', en: 'Within-limit completion target' },
    schema: z.number().min(0).max(1),
    default: defaultHomeworkPolicy.completionTarget,
  },
  'homework.overrun': {
    label: { 'zh-CN': '实际用时超出预估的提示（倍数、最少反馈数）', en: 'Actual-over-estimate flag (factor, minimum reports)' },
    schema: z.object({ factor: z.number().min(1).max(5), minReports: z.number().int().min(1).max(100) }),
    default: defaultHomeworkPolicy.overrun,
  },
  'homework.vacationExcellentMin': {
    label: {
      'zh-CN': '寒暑假作业优秀学生名单：至少获得「优秀」的次数',
      en: 'Excellent vacation work list: at least this many "excellent" marks',
    },
    schema: z.number().int().min(1).max(100),
    default: 5,
  },
});

export type HomeworkSettingKey = keyof typeof homeworkSettings;
export type HomeworkSettingValue<K extends HomeworkSettingKey> = PolicySettingValue<(typeof homeworkSettings)[K]>;

/** Which setting fills which field of HomeworkPolicy. */
export const HOMEWORK_POLICY_KEYS = {
  dayLimits: 'homework.dayLimits',
  forbiddenPhrases: 'homework.forbiddenPhrases',
  forbiddenPatterns: 'homework.forbiddenPatterns',
  noWrittenGrades: 'homework.noWrittenGrades',
  nonWrittenCaps: 'homework.nonWrittenCaps',
  mandatorySteps: 'homework.mandatorySteps',
  bedtime: 'homework.bedtime',
  completionTarget: 'homework.completionTarget',
  overrun: 'homework.overrun',
} as const satisfies Record<keyof HomeworkPolicy, HomeworkSettingKey>;
