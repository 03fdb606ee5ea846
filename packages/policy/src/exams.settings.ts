/**
 * 考试管理 and 综合素质评价 district policy settings (keys 'exams.*'). Defaults: seed 004 #22 (no paper exams in grades
 * 1–2, no cross-school exams, results as levels), seed 003 (the county's yearly sample test of one grade, no ranks;
 * no weekly or monthly tests) and the national rule (one final a semester; junior grades may add one mid-term);
 * seed 001 (every pupil masters two sports and one art skill).
 */
import { z } from 'zod';
import { definePolicySettings, type PolicySettingValue } from './settings';

const grade = z.number().int().min(1).max(12);
const basisPoints = z.number().int().min(0).max(10000);

export const examsSettings = definePolicySettings({
  'exams.limits': {
    label: {
      'zh-CN': '考试管理（不进行纸笔考试的年级；每学期期末考试次数；可加一次期中考试的年级；不组织跨校考试；区级抽测每学年次数与年级）',
      en: 'Exam limits (grades without paper exams; finals a semester; grades that may add a mid-term; no cross-school exams; the district sample test a year and its grades)',
    },
    schema: z.object({
      noPaperGrades: z.array(grade).max(12).describe('不进行纸笔考试的年级'),
      finalsPerSemester: z.number().int().min(0).max(4).describe('每学期期末考试次数'),
      midtermGrades: z.array(grade).max(12).describe('可加一次期中考试的年级'),
      midtermsPerSemester: z.number().int().min(0).max(4).describe('每学期期中考试次数'),
      crossSchoolAllowed: z.boolean().describe('允许组织跨校考试'),
      districtSamplePerYear: z.number().int().min(0).max(4).describe('区级抽测每学年次数'),
      districtSampleGrades: z.array(grade).max(12).describe('区级抽测年级'),
    }),
    default: {
      noPaperGrades: [1, 2],
      finalsPerSemester: 1,
      midtermGrades: [7, 8, 9],
      midtermsPerSemester: 1,
      crossSchoolAllowed: false,
      districtSamplePerYear: 1,
      districtSampleGrades: [6, 7],
    },
  },
  'exams.levels': {
    label: {
      'zh-CN': '等级划分（得分率下限，万分比：优秀/良好/合格，其余为待合格；分数只用于折算等级，不保存、不排名）',
      en: 'Level bands (lowest share of full marks, basis points, for 优秀/良好/合格, the rest 待合格; a score only converts to a level and is never kept or ranked)',
    },
    schema: z
      .object({
        excellentBp: basisPoints.describe('优秀：得分率下限'),
        goodBp: basisPoints.describe('良好：得分率下限'),
        passBp: basisPoints.describe('合格：得分率下限'),
      })
      .refine((v) => v.excellentBp > v.goodBp && v.goodBp > v.passBp, { message: '等级下限应依次降低' }),
    default: { excellentBp: 9000, goodBp: 8000, passBp: 6000 },
  },
  'exams.growth': {
    label: {
      'zh-CN': '综合素质评价（体育技能与艺术特长目标数；区劳动教育清单）',
      en: 'Growth record (sports and art skill targets; the district labour-education list)',
    },
    schema: z.object({
      sportsSkillsTarget: z.number().int().min(0).max(10).describe('体育技能目标数'),
      artSkillsTarget: z.number().int().min(0).max(10).describe('艺术特长目标数'),
      labourList: z
        .array(
          z.object({
            code: z.string().min(1).max(20).describe('编号'),
            name: z.string().min(1).max(60).describe('劳动项目'),
            fromGrade: grade.describe('起始年级'),
            toGrade: grade.describe('截止年级'),
          }),
        )
        .max(200)
        .describe('区劳动教育清单'),
    }),
    default: {
      sportsSkillsTarget: 2,
      artSkillsTarget: 1,
      labourList: [
        { code: 'L01', name: '整理书包和书桌', fromGrade: 1, toGrade: 2 },
        { code: 'L02', name: '洗红领巾、袜子等小件衣物', fromGrade: 1, toGrade: 4 },
        { code: 'L03', name: '扫地、拖地、擦桌椅', fromGrade: 1, toGrade: 9 },
        { code: 'L04', name: '择菜、洗碗、摆放餐具', fromGrade: 3, toGrade: 6 },
        { code: 'L05', name: '种植一种植物并记录生长', fromGrade: 3, toGrade: 9 },
        { code: 'L06', name: '做一道家常菜', fromGrade: 5, toGrade: 9 },
        { code: 'L07', name: '简单维修（换灯泡、修理小家具）', fromGrade: 7, toGrade: 9 },
        { code: 'L08', name: '参加社区志愿服务', fromGrade: 5, toGrade: 9 },
      ],
    },
  },
});

export type ExamsSettings = { [K in keyof typeof examsSettings]: PolicySettingValue<(typeof examsSettings)[K]> };
