/**
 * 考试管理 rule checks, pure: an exam filing judged by the district's exam limits (exams.limits) in force on the
 * exam's date, and a typed score turned into a level (exams.levels) at once. Every finding names its rule, says what
 * is wrong with the numbers, and cites the rule in words with the setting key and the policy version it applied.
 *
 * Sources (cited in the rule texts):
 * - seed 004 #22 "一二年级不进行纸笔考试,其他年级不组织跨校际考试,成绩以等级制呈现";
 * - seed 003 "严格控制考试次数", "县教育局每学年组织一次小学毕业年级或初中起始年级县级学业质量监测,抽测部分学生和部分学科",
 *   "严禁基于考试结果的排名、奖惩和“贴标签”,实施考试结果等级评价";
 * - national rule: one final exam a semester, junior grades may add one mid-term; no weekly or monthly tests.
 *
 * Choices: finals and mid-terms are counted per grade (one final a semester for each grade of the school); a filing
 * by the district itself is a district-wide exam, so anything but the yearly sample test is a cross-school exam.
 */
import type { LocalDate } from './dates';
import type { ExamsSettings } from './exams.settings';

export type ExamLimits = ExamsSettings['exams.limits'];
export type LevelBands = ExamsSettings['exams.levels'];
export type ExamTypeValue = 'final' | 'midterm' | 'unit' | 'weekly' | 'monthly' | 'joint' | 'district_sample';
export type ExamFormValue = 'paper' | 'non_paper';
export type LevelValue = 'excellent' | 'good' | 'pass' | 'not_yet';

export type ExamRuleCode =
  | 'no_paper_grades'
  | 'finals_per_semester'
  | 'midterm_grades'
  | 'midterms_per_semester'
  | 'no_weekly_monthly'
  | 'no_cross_school'
  | 'district_sample_filer'
  | 'district_sample_grades'
  | 'district_sample_per_year';

export type ExamRuleKey = 'exams.limits' | 'national';

/** Which version of a setting applied: version 0 with nulls is the shipped default. */
export interface ExamVersionRef {
  version: number;
  versionId: string | null;
  effectiveFrom: LocalDate | null;
}
export const DEFAULT_EXAM_VERSION: ExamVersionRef = { version: 0, versionId: null, effectiveFrom: null };

export interface ExamCitation extends ExamVersionRef {
  key: ExamRuleKey;
  text: string;
}
export interface ExamFinding {
  rule: ExamRuleCode;
  message: string;
  citation: ExamCitation;
}

export interface ExamFilingFacts {
  type: ExamTypeValue;
  form: ExamFormValue;
  grades: readonly number[];
  /** A school files its own exams; the district files district-wide ones (its sample test). */
  filer: 'school' | 'district';
}

/** Other accepted filings the new one is counted with (itself excluded). */
export interface ExamFilingCounts {
  /** Finals of the school in the semester, per grade. */
  finalsByGrade: ReadonlyMap<number, number>;
  /** Mid-terms of the school in the semester, per grade. */
  midtermsByGrade: ReadonlyMap<number, number>;
  /** The district's sample tests in the school year. */
  districtSamplesInYear: number;
}

export const NO_EXAM_COUNTS: ExamFilingCounts = { finalsByGrade: new Map(), midtermsByGrade: new Map(), districtSamplesInYear: 0 };

const gradeList = (grades: readonly number[]) => (grades.length ? grades.map((g) => `${g}`).join('、') + '年级' : '无');

/** The rule texts with the district's numbers: what the form shows and every finding cites. */
export function examRuleText(rule: ExamRuleCode, limits: ExamLimits): string {
  switch (rule) {
    case 'no_paper_grades':
      return `${gradeList(limits.noPaperGrades)}不进行纸笔考试，只采用非纸笔测评（游园闯关、实践操作、观察等）（一二年级不进行纸笔考试，成绩以等级制呈现）`;
    case 'finals_per_semester':
      return `每个年级每学期期末考试不超过${limits.finalsPerSemester}次（严格控制考试次数）`;
    case 'midterm_grades':
      return `只有${gradeList(limits.midtermGrades)}可以增加期中考试（初中年级可增加一次期中考试）`;
    case 'midterms_per_semester':
      return `每个年级每学期期中考试不超过${limits.midtermsPerSemester}次（严格控制考试次数）`;
    case 'no_weekly_monthly':
      return '不得组织周考、月考等考试（严格控制考试次数，压减考试频次）';
    case 'no_cross_school':
      return limits.crossSchoolAllowed
        ? '本区允许组织跨校考试，但不得排名'
        : '不组织跨校际考试（联考、统考），区县只组织学业质量抽测（其他年级不组织跨校际考试）';
    case 'district_sample_filer':
      return '区级学业质量抽测只由区县教育局组织备案，学校不得自行组织';
    case 'district_sample_grades':
      return `区级学业质量抽测每次只抽测一个年级，限${gradeList(limits.districtSampleGrades)}（每学年组织一次小学毕业年级或初中起始年级县级学业质量监测，不排名）`;
    case 'district_sample_per_year':
      return `区级学业质量抽测每学年不超过${limits.districtSamplePerYear}次，结果不排名`;
  }
}

export const EXAM_RULE_CODES: readonly ExamRuleCode[] = [
  'no_paper_grades',
  'finals_per_semester',
  'midterm_grades',
  'midterms_per_semester',
  'no_weekly_monthly',
  'no_cross_school',
  'district_sample_filer',
  'district_sample_grades',
  'district_sample_per_year',
];

/** Rules of national law: they read no district setting and cite no version. */
const NATIONAL_RULES: ReadonlySet<ExamRuleCode> = new Set(['no_weekly_monthly']);

/** A rule's citation: the setting key and version it reads (or 'national'), and its words with the district's numbers. */
export function citeExamRule(rule: ExamRuleCode, limits: ExamLimits, version: ExamVersionRef): ExamCitation {
  const national = NATIONAL_RULES.has(rule);
  return { key: national ? 'national' : 'exams.limits', ...(national ? DEFAULT_EXAM_VERSION : version), text: examRuleText(rule, limits) };
}

/** Every rule an exam filing breaks (empty: accepted). */
export function checkExamFiling(exam: ExamFilingFacts, counts: ExamFilingCounts, limits: ExamLimits, version: ExamVersionRef = DEFAULT_EXAM_VERSION): ExamFinding[] {
  const out: ExamFinding[] = [];
  const add = (rule: ExamRuleCode, message: string) => out.push({ rule, message, citation: citeExamRule(rule, limits, version) });
  const grades = [...new Set(exam.grades)].sort((a, b) => a - b);

  if (exam.form === 'paper') {
    const banned = grades.filter((g) => limits.noPaperGrades.includes(g));
    if (banned.length) add('no_paper_grades', `${gradeList(banned)}不得进行纸笔考试`);
  }
  if (exam.type === 'weekly' || exam.type === 'monthly') add('no_weekly_monthly', `不得组织${exam.type === 'weekly' ? '周测' : '月考'}`);
  if (exam.type === 'final') {
    const over = grades.filter((g) => (counts.finalsByGrade.get(g) ?? 0) >= limits.finalsPerSemester);
    if (over.length) add('finals_per_semester', `${gradeList(over)}本学期已有${limits.finalsPerSemester}次期末考试，不能再安排`);
  }
  if (exam.type === 'midterm') {
    const notAllowed = grades.filter((g) => !limits.midtermGrades.includes(g));
    if (notAllowed.length) add('midterm_grades', `${gradeList(notAllowed)}不能安排期中考试`);
    const over = grades.filter((g) => limits.midtermGrades.includes(g) && (counts.midtermsByGrade.get(g) ?? 0) >= limits.midtermsPerSemester);
    if (over.length) add('midterms_per_semester', `${gradeList(over)}本学期已有${limits.midtermsPerSemester}次期中考试，不能再安排`);
  }
  const crossSchool = exam.type === 'joint' || (exam.filer === 'district' && exam.type !== 'district_sample');
  if (crossSchool && !limits.crossSchoolAllowed) add('no_cross_school', exam.filer === 'district' ? '区县统一组织的考试即跨校考试，不得组织' : '不得组织跨校联考');
  if (exam.type === 'district_sample') {
    if (exam.filer === 'school') add('district_sample_filer', '学校不能备案区级学业质量抽测');
    else {
      if (grades.length !== 1 || !limits.districtSampleGrades.includes(grades[0]!))
        add('district_sample_grades', grades.length !== 1 ? `一次抽测了${grades.length}个年级，只能抽测一个年级` : `${gradeList(grades)}不在抽测年级之内`);
      if (counts.districtSamplesInYear >= limits.districtSamplePerYear)
        add('district_sample_per_year', `本学年已组织${counts.districtSamplesInYear}次抽测，已达上限${limits.districtSamplePerYear}次`);
    }
  }
  return out;
}

/** The level band a score falls in (得分率 in basis points of the full marks); the score itself is never kept. */
export function levelOfScore(score: number, fullMarks: number, bands: LevelBands): LevelValue {
  if (!(fullMarks > 0) || !(score >= 0) || score > fullMarks) throw new RangeError('score out of range');
  // Integer arithmetic on hundredths so that 90 of 100 is exactly 9000 bp (no float rounding at a band's edge).
  const bp = Math.floor((Math.round(score * 100) * 10000) / Math.round(fullMarks * 100));
  if (bp >= bands.excellentBp) return 'excellent';
  if (bp >= bands.goodBp) return 'good';
  if (bp >= bands.passBp) return 'pass';
  return 'not_yet';
}

/** The school year a semester belongs to: a semester beginning from August on opens the school year of that year. */
export function schoolYearOf(semesterStart: LocalDate): string {
  const year = Number(semesterStart.slice(0, 4));
  const month = Number(semesterStart.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}
