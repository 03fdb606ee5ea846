/**
 * 校外培训监管 rule checks, pure: a course's price and lesson length, a lesson's (or timetable entry's) length, end time
 * and day, a prepaid package's size, and an institution's legal form. Every finding names its rule, says what is wrong
 * with the numbers, and cites the rule in words with the district policy version it applied.
 *
 * Choices (documented here and cited in the findings):
 * - Price caps apply to 学科类 only: the seed sets them for "全市学科类校外培训" (seed 004 #22, "全市学科类校外培训以45分钟
 *   为标准课时", "每生每课时小班(1—10人)35元…上浮不超过10%"); 非学科类 prices are market-set and not checked.
 * - A class larger than the largest band (50) has no cap and is refused for 学科类 (rule class_size_band).
 * - Lessons of another length than the standard 45 minutes: under the default 'pro_rata' the cap is cap × minutes ÷
 *   standard (with the float), rounded down to the fen in one step; under 'refuse' such a 学科类 course is refused.
 * - Lesson length, end time and online breaks bind 学科类 (national rules, seed 004 "培训结束时间不晚于20:30"); for
 *   非学科类 the same numbers are shown as warnings (sleep protection), never refusals.
 * - No 学科类 training on weekends, statutory holidays or vacations; a weekend day worked by calendar swap (调休) is
 *   not a weekend. Package limits (≤ 3 months, ≤ 60 lessons) bind every category (prepaid-fee rules).
 */
import { clockMinutes } from './after-school-daily';
import type { LocalDate } from './dates';
import { toYuanString, type Fen } from './money';
import type { TrainingLessonRules, TrainingPackageLimits, TrainingPrices } from './training.settings';

export type TrainingRuleCode =
  | 'price_cap'
  | 'price_length'
  | 'class_size_band'
  | 'lesson_length_offline'
  | 'lesson_length_online'
  | 'online_break'
  | 'end_time_offline'
  | 'end_time_online'
  | 'subject_weekend'
  | 'subject_holiday'
  | 'subject_vacation'
  | 'package_lessons'
  | 'package_months'
  | 'subject_non_profit';

export type TrainingRuleKey = 'training.prices' | 'training.lessons' | 'training.packages' | 'national';

/** Which version of a setting applied: version 0 with nulls is the shipped default. */
export interface TrainingVersionRef {
  version: number;
  versionId: string | null;
  effectiveFrom: LocalDate | null;
}
export type TrainingVersions = Record<'training.prices' | 'training.lessons' | 'training.packages', TrainingVersionRef>;
export const DEFAULT_TRAINING_VERSION: TrainingVersionRef = { version: 0, versionId: null, effectiveFrom: null };
export const DEFAULT_TRAINING_VERSIONS: TrainingVersions = {
  'training.prices': DEFAULT_TRAINING_VERSION,
  'training.lessons': DEFAULT_TRAINING_VERSION,
  'training.packages': DEFAULT_TRAINING_VERSION,
};

export interface TrainingCitation extends TrainingVersionRef {
  key: TrainingRuleKey;
  text: string;
}
export interface TrainingFinding {
  rule: TrainingRuleCode;
  severity: 'error' | 'warning';
  message: string;
  citation: TrainingCitation;
}

export type TrainingCategoryValue = 'subject' | 'non_subject';
export type TrainingModeValue = 'offline' | 'online';

export const hasTrainingErrors = (findings: readonly TrainingFinding[]) => findings.some((f) => f.severity === 'error');

const cite = (key: Exclude<TrainingRuleKey, 'national'>, versions: TrainingVersions, text: string): TrainingCitation => ({
  key,
  ...versions[key],
  text,
});

/** 1000 bp → '10%', 250 bp → '2.5%'. */
export const percentText = (bp: number) => `${String(bp / 100)}%`;
const yuanText = (f: number) => `${toYuanString(f as Fen)}元`;
const bandNames = ['小班', '中班', '大班'];

/** The class-size band a class falls in (index and bounds), or null beyond the largest band. */
export function priceBand(prices: TrainingPrices, classSize: number) {
  const index = prices.bands.findIndex((b) => classSize <= b.maxClassSize);
  if (index < 0) return null;
  const band = prices.bands[index]!;
  const from = index === 0 ? 1 : prices.bands[index - 1]!.maxClassSize + 1;
  const name = prices.bands.length === 3 ? bandNames[index]! : `第${index + 1}档`;
  return { index, from, to: band.maxClassSize, capFen: band.capFen, label: `${name}（${from}—${band.maxClassSize}人）` };
}

/** The most a pupil may pay for one lesson of `minutes` in `band`: cap × (1 + float) × minutes ÷ standard, rounded down. */
export function maxLessonPriceFen(prices: TrainingPrices, capFen: number, minutes: number): number {
  return Math.floor((capFen * (10_000 + prices.floatBp) * minutes) / (10_000 * prices.standardMinutes));
}

/** The price rule in words: one band, or all of them. */
export function priceRuleText(prices: TrainingPrices, bandIndex?: number): string {
  const bands = prices.bands
    .map((_, i) => priceBand(prices, i === 0 ? 1 : prices.bands[i - 1]!.maxClassSize + 1)!)
    .filter((b) => bandIndex === undefined || b.index === bandIndex)
    .map((b) => `${b.label}不超过${toYuanString(b.capFen as Fen).replace(/\.00$/, '')}元`)
    .join('、');
  const other = prices.otherLengths === 'pro_rata' ? '其他时长按比例折算' : '其他时长的课不予备案';
  return `学科类以${prices.standardMinutes}分钟为标准课时，每生每课时${bands}，上浮不超过${percentText(prices.floatBp)}；${other}`;
}

export function lengthRuleText(rules: TrainingLessonRules, mode: TrainingModeValue): string {
  return mode === 'offline'
    ? `线下培训每课时不超过${rules.offlineMaxMinutes}分钟`
    : `线上培训每课时不超过${rules.onlineMaxMinutes}分钟，课程间隔不少于${rules.onlineMinBreakMinutes}分钟`;
}
export function endRuleText(rules: TrainingLessonRules, mode: TrainingModeValue): string {
  return mode === 'offline' ? `线下培训结束时间不晚于${rules.offlineEndBy}` : `线上培训结束时间不晚于${rules.onlineEndBy}`;
}
export const SUBJECT_DAYS_RULE_TEXT = '不得占用国家法定节假日、休息日及寒暑假期组织学科类培训';
export function packageRuleText(limits: TrainingPackageLimits): string {
  return `一次收费时间跨度不超过${limits.maxMonths}个月，且不超过${limits.maxLessons}课时`;
}
export const NON_PROFIT_RULE_TEXT = '学科类校外培训机构一律登记为非营利性机构';

const severityFor = (category: TrainingCategoryValue): 'error' | 'warning' => (category === 'subject' ? 'error' : 'warning');

function lengthFindings(
  category: TrainingCategoryValue,
  mode: TrainingModeValue,
  minutes: number,
  rules: TrainingLessonRules,
  versions: TrainingVersions,
): TrainingFinding[] {
  const max = mode === 'offline' ? rules.offlineMaxMinutes : rules.onlineMaxMinutes;
  if (minutes <= max) return [];
  const suffix = category === 'subject' ? '' : '（非学科类，提示）';
  return [
    {
      rule: mode === 'offline' ? 'lesson_length_offline' : 'lesson_length_online',
      severity: severityFor(category),
      message: `每课时${minutes}分钟，超过${mode === 'offline' ? '线下' : '线上'}课时上限${max}分钟${suffix}`,
      citation: cite('training.lessons', versions, lengthRuleText(rules, mode)),
    },
  ];
}

export interface TrainingCourseFacts {
  category: TrainingCategoryValue;
  mode: TrainingModeValue;
  lessonMinutes: number;
  maxClassSize: number;
  pricePerLessonFen: number;
}

/** A course as filed: its price against the band cap (学科类), and its lesson length. */
export function checkCourseRules(
  course: TrainingCourseFacts,
  prices: TrainingPrices,
  lessonRules: TrainingLessonRules,
  versions: TrainingVersions,
): TrainingFinding[] {
  const out: TrainingFinding[] = [...lengthFindings(course.category, course.mode, course.lessonMinutes, lessonRules, versions)];
  if (course.category !== 'subject') return out;
  const band = priceBand(prices, course.maxClassSize);
  if (!band) {
    const largest = prices.bands[prices.bands.length - 1]!.maxClassSize;
    out.push({
      rule: 'class_size_band',
      severity: 'error',
      message: `班额${course.maxClassSize}人，超过收费分档的最大班额${largest}人，学科类课程不予备案`,
      citation: cite('training.prices', versions, priceRuleText(prices)),
    });
    return out;
  }
  const text = priceRuleText(prices, band.index);
  const standard = course.lessonMinutes === prices.standardMinutes;
  if (!standard && prices.otherLengths === 'refuse') {
    out.push({
      rule: 'price_length',
      severity: 'error',
      message: `每课时${course.lessonMinutes}分钟，不是${prices.standardMinutes}分钟的标准课时，按本区规定不予备案`,
      citation: cite('training.prices', versions, text),
    });
    return out;
  }
  const max = maxLessonPriceFen(prices, band.capFen, course.lessonMinutes);
  if (course.pricePerLessonFen > max) {
    const basis = `${yuanText(band.capFen)}上浮${percentText(prices.floatBp)}`;
    const how = standard ? basis : `${basis}，按${course.lessonMinutes}/${prices.standardMinutes}分钟折算`;
    out.push({
      rule: standard ? 'price_cap' : 'price_length',
      severity: 'error',
      message: `每生每课时${yuanText(course.pricePerLessonFen)}，超过${band.label}上限${yuanText(max)}（${how}）`,
      citation: cite('training.prices', versions, text),
    });
  }
  return out;
}

/** What kind of day a lesson falls on (from the calendar). `holiday`/`vacation`: the entry's name, or null. */
export interface TrainingDay {
  weekend: boolean;
  holiday: string | null;
  vacation: string | null;
}

export interface TrainingLessonFacts {
  category: TrainingCategoryValue;
  mode: TrainingModeValue;
  /** For the message: the date, or the weekday of a weekly entry (1 Monday … 7 Sunday). */
  date?: LocalDate | null;
  weekday?: number | null;
  startTime: string;
  endTime: string;
  /** When the learner's previous online lesson ended that day (HH:MM), for the break rule. */
  previousEndTime?: string | null;
}

const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const whenText = (l: TrainingLessonFacts) => l.date ?? (l.weekday ? `每${weekdayNames[l.weekday]}` : '');

/** A lesson (or a timetable entry): length, online break, end time, and for 学科类 the day. */
export function checkLessonRules(
  lesson: TrainingLessonFacts,
  lessonRules: TrainingLessonRules,
  day: TrainingDay,
  versions: TrainingVersions,
): TrainingFinding[] {
  const out: TrainingFinding[] = [];
  const start = clockMinutes(lesson.startTime);
  const end = clockMinutes(lesson.endTime);
  const mode = lesson.mode;
  const severity = severityFor(lesson.category);
  const lengthRule = mode === 'offline' ? 'lesson_length_offline' : 'lesson_length_online';
  if (!(end > start)) {
    out.push({
      rule: lengthRule,
      severity: 'error',
      message: `${lesson.startTime}—${lesson.endTime}：结束时间应晚于开始时间`,
      citation: cite('training.lessons', versions, lengthRuleText(lessonRules, mode)),
    });
  } else {
    out.push(...lengthFindings(lesson.category, mode, end - start, lessonRules, versions));
  }
  if (mode === 'online' && lesson.previousEndTime) {
    const gap = start - clockMinutes(lesson.previousEndTime);
    if (gap < lessonRules.onlineMinBreakMinutes) {
      out.push({
        rule: 'online_break',
        severity,
        message:
          gap < 0
            ? `${lesson.startTime}开始时上一节线上课（${lesson.previousEndTime}结束）尚未结束`
            : `与上一节线上课（${lesson.previousEndTime}结束）间隔${gap}分钟，少于${lessonRules.onlineMinBreakMinutes}分钟`,
        citation: cite('training.lessons', versions, lengthRuleText(lessonRules, 'online')),
      });
    }
  }
  const endBy = mode === 'offline' ? lessonRules.offlineEndBy : lessonRules.onlineEndBy;
  if (end > clockMinutes(endBy)) {
    out.push({
      rule: mode === 'offline' ? 'end_time_offline' : 'end_time_online',
      severity,
      message: `${lesson.endTime}结束，晚于${mode === 'offline' ? '线下' : '线上'}培训最晚结束时间${endBy}${lesson.category === 'subject' ? '' : '（非学科类，提示）'}`,
      citation: cite('training.lessons', versions, endRuleText(lessonRules, mode)),
    });
  }
  if (lesson.category === 'subject') {
    const when = whenText(lesson);
    const dayCite = cite('training.lessons', versions, SUBJECT_DAYS_RULE_TEXT);
    if (lessonRules.subjectNoHolidays && day.holiday)
      out.push({ rule: 'subject_holiday', severity: 'error', message: `${when}是法定节假日（${day.holiday}），不得开展学科类培训`, citation: dayCite });
    if (lessonRules.subjectNoWeekends && day.weekend)
      out.push({ rule: 'subject_weekend', severity: 'error', message: `${when}是休息日（周末），不得开展学科类培训`, citation: dayCite });
    if (lessonRules.subjectNoVacations && day.vacation)
      out.push({ rule: 'subject_vacation', severity: 'error', message: `${when}在假期中（${day.vacation}），不得开展学科类培训`, citation: dayCite });
  }
  return out;
}

export interface TrainingPackageFacts {
  lessons: number;
  months: number;
  category?: TrainingCategoryValue;
}

/** A prepaid package: at most `maxLessons` lessons and `maxMonths` months (every category). */
export function checkPackageRules(pkg: TrainingPackageFacts, limits: TrainingPackageLimits, versions: TrainingVersions): TrainingFinding[] {
  const out: TrainingFinding[] = [];
  const citation = cite('training.packages', versions, packageRuleText(limits));
  if (pkg.lessons > limits.maxLessons)
    out.push({ rule: 'package_lessons', severity: 'error', message: `一次收取${pkg.lessons}课时的费用，超过上限${limits.maxLessons}课时`, citation });
  if (pkg.months > limits.maxMonths)
    out.push({ rule: 'package_months', severity: 'error', message: `一次收费跨度${pkg.months}个月，超过上限${limits.maxMonths}个月`, citation });
  return out;
}

/** An institution that offers 学科类 training must be a non-profit (national law; no district setting). */
export function checkInstitutionRules(inst: { offersSubject: boolean; legalForm: 'non_profit' | 'for_profit' }): TrainingFinding[] {
  if (!inst.offersSubject || inst.legalForm === 'non_profit') return [];
  return [
    {
      rule: 'subject_non_profit',
      severity: 'error',
      message: '开展学科类培训的机构登记为营利性，应登记为非营利性机构',
      citation: { key: 'national', version: 0, versionId: null, effectiveFrom: null, text: NON_PROFIT_RULE_TEXT },
    },
  ];
}
