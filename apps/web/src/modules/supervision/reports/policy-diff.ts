/**
 * What a policy version changed: the leaves of the new value that differ from the value it replaced, each named in
 * words (上学日 · 三年级, 班额分档 · 第 2 项 · 每生每课时上限（分）) rather than by its JSON path.
 */
import { dayKindLabels, gradeNames } from '@shuangjian/contracts';
import type { Locale } from '../../../app/i18n';

export type Leaf = string | number | boolean | null;
export interface Change {
  path: string[];
  from: Leaf | Leaf[] | undefined;
  to: Leaf | Leaf[] | undefined;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const primitiveList = (v: unknown): v is Leaf[] => Array.isArray(v) && v.every((x) => !isPlain(x) && !Array.isArray(x));

/** Leaves by path; a list of plain values (grades, weekdays, words) is one leaf. */
function flatten(value: unknown, path: string[] = [], out = new Map<string, { path: string[]; value: Leaf | Leaf[] }>()) {
  if (primitiveList(value) || (!isPlain(value) && !Array.isArray(value))) {
    out.set(JSON.stringify(path), { path, value: value as Leaf | Leaf[] });
    return out;
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`#${i + 1}`, v]) : Object.entries(value);
  for (const [k, v] of entries) flatten(v, [...path, k], out);
  return out;
}

export function diffPolicy(previous: unknown, value: unknown): Change[] {
  const before = flatten(previous);
  const after = flatten(value);
  const changes: Change[] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    if (!b || JSON.stringify(b.value) !== JSON.stringify(a.value)) changes.push({ path: a.path, from: b?.value, to: a.value });
  }
  for (const [k, b] of before) if (!after.has(k)) changes.push({ path: b.path, from: b.value, to: undefined });
  return changes;
}

/** Field names of the registered settings, in Chinese; English shows the name spelt out. */
const FIELDS_ZH: Record<string, string> = {
  ...dayKindLabels, primary: '小学', junior: '初中',
  weekdays: '服务日（星期）', minMinutesPerDay: '每天至少分钟数', endNotBefore: '结束不早于', homeworkFirst: '第一时段为作业辅导',
  monthlyCapFen: '每月收费上限（分）', refundMinLeaveDays: '请假满几天起退', rounding: '舍入方式', code: '代码', label: '名称', shareBp: '减免比例（万分比）',
  normalEnd: '正常下班时间', minLateMinutes: '起算分钟', creditPercent: '折算比例（%）', maxCreditMinutesPerDay: '每日折算上限（分钟）',
  standardMinutes: '标准课时（分钟）', bands: '班额分档', maxClassSize: '班额上限', capFen: '每生每课时上限（分）', floatBp: '上浮幅度（万分比）', otherLengths: '其他时长的课',
  offlineMaxMinutes: '线下每课时最长（分钟）', onlineMaxMinutes: '线上每课时最长（分钟）', onlineMinBreakMinutes: '线上课间休息（分钟）',
  offlineEndBy: '线下最晚结束', onlineEndBy: '线上最晚结束', subjectNoWeekends: '学科类周末不得培训', subjectNoHolidays: '学科类法定节假日不得培训', subjectNoVacations: '学科类寒暑假不得培训',
  maxMonths: '最多月数', maxLessons: '最多课时', autoConfirmHours: '课消自动确认（小时）', refundDeadlineDays: '退费办结期限（天）', depositMinShareBp: '风险保证金比例（万分比）',
  refundBurstCount: '退费申请数', refundBurstDays: '退费统计天数', complaintBurstCount: '投诉数', complaintBurstDays: '投诉统计天数', idleDays: '欠课无课消天数',
  complaintAnswerDays: '投诉答复天数', rectificationDays: '整改天数', minMinutes: '最少睡眠（分钟）', latestBedtime: '最晚就寝', classThresholdBp: '班级达标阈值（万分比）',
  reportDays: '可补报天数', rule: '规则', requestValidDays: '申请有效天数', bigBreakMinMinutes: '大课间最少分钟', peLessonsPerWeek: '每周体育课', fromGrade: '起始年级',
  toGrade: '截止年级', lessons: '节数', eyeExercisesPerDay: '每天眼保健操次数', dailyActivityMinutes: '每天校内体育活动（分钟）', rectifyDays: '整改期限（天）',
  noPaperGrades: '不进行纸笔考试的年级', finalsPerSemester: '每学期期末考试次数', midtermGrades: '可加期中考试的年级', midtermsPerSemester: '每学期期中考试次数',
  crossSchoolAllowed: '允许跨校考试', districtSamplePerYear: '区级抽测每学年次数', districtSampleGrades: '区级抽测年级', excellentBp: '优秀下限（万分比）', goodBp: '良好下限（万分比）',
  passBp: '合格下限（万分比）', sportsSkillsTarget: '体育技能目标数', artSkillsTarget: '艺术特长目标数', labourList: '劳动教育清单', name: '名称',
  weeklyMin: '每周最少家访次数', weeklyModes: '计入的家访方式', semesterHomeMin: '每学期入户家访次数', specialMin: '特殊学生最少家访次数', reminderWeekday: '每周提醒（星期）',
  meetingsPerSemester: '每学期家长会次数', classLecturesPerWeek: '每周家长大讲堂次数', standInRequired: '留守儿童须有代理家长', recentDays: '近期关爱统计天数',
  grades: '年级', grade: '年级', weeklyTotal: '周课时总数', subjects: '各科课时', labPeriods: '每周实验课节数', daysPerWeek: '每周上课天数',
  primaryPeriods: '小学每天节数', juniorPeriods: '初中每天节数', flagCoreSurplus: '提示语数英超出方案课时', enabled: '启用', time: '时间', dayKinds: '日类型',
  factor: '倍数', minReports: '最少反馈数', parentWords: '家长类词语', actionWords: '检查类词语', maxGap: '最大间隔字数', negations: '否定词',
  chinese: '语文', math: '数学', english: '英语', morality: '道德与法治', science: '科学', physics: '物理', chemistry: '化学', biology: '生物', history: '历史',
  geography: '地理', pe: '体育', music: '音乐', art: '美术', labour: '劳动', it: '信息科技', practice: '综合实践', local: '地方与校本课程',
};

const spelt = (k: string) => k.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

export function fieldLabel(segment: string, locale: Locale): string {
  if (segment.startsWith('#')) return locale === 'en' ? `item ${segment.slice(1)}` : `第 ${segment.slice(1)} 项`;
  if (/^[1-9]$/.test(segment)) return locale === 'en' ? `grade ${segment}` : gradeNames[Number(segment)]!;
  return locale === 'en' ? spelt(segment) : (FIELDS_ZH[segment] ?? segment);
}

export function leafText(v: Leaf | Leaf[] | undefined, words: { yes: string; no: string }): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => leafText(x, words)).join('、') : '—';
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  return String(v);
}
