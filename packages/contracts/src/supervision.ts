/**
 * 督导考核 (district supervision): the catalogue of school figures every module feeds (METRICS), and the names the
 * module's areas share. The district home is in supervision-home.ts, the semester assessment (测评细则, scores,
 * red/yellow/black lists) in supervision-assess.ts, notices and warnings (通知, 警示通报) in supervision-notices.ts,
 * monthly and semester reports in supervision-reports.ts.
 */
import { z } from 'zod';

/**
 * A school's figure over a period, as numerator / denominator read from the owning module's rollup. `better` says
 * which way is good (an assessment's formula and the dashboard's colours follow it); `link` is the page with the
 * records behind it.
 */
export const METRICS = {
  'homework.withinLimit': { label: '作业时长达标率（家长反馈）', module: 'homework', better: 'higher', link: '/homework/district' },
  'homework.overloadedDays': { label: '作业超时班级日占比', module: 'homework', better: 'lower', link: '/homework/district' },
  'afterSchool.students': { label: '课后服务学生参与率', module: 'after-school', better: 'higher', link: '/after-school/district' },
  'afterSchool.teachers': { label: '课后服务教师参与率', module: 'after-school', better: 'higher', link: '/after-school/district' },
  'homeSchool.visitCoverage': { label: '家访覆盖率', module: 'home-school', better: 'higher', link: '/home-school/district' },
  'homeSchool.specialVisited': { label: '特殊学生家访达标率', module: 'home-school', better: 'higher', link: '/home-school/district' },
  'five.sleepMeets': { label: '睡眠时间达标率', module: 'five-managements', better: 'higher', link: '/five/dashboard' },
  'five.selfcheckRectified': { label: '五项管理自查整改完成率', module: 'five-managements', better: 'higher', link: '/five/selfcheck' },
  'timetable.compliant': { label: '课表合规率', module: 'timetable', better: 'higher', link: '/timetable/district' },
  'exams.filingsAccepted': { label: '考试备案通过率', module: 'exams', better: 'higher', link: '/exams/dashboard' },
} as const satisfies Record<string, { label: string; module: string; better: 'higher' | 'lower'; link: string }>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as [MetricKey, ...MetricKey[]];
export const MetricKey = z.enum(METRIC_KEYS);

/** A figure as a dashboard answers it: rate = num / den (null when den is 0). */
export const Figure = z.object({ num: z.number(), den: z.number(), rate: z.number().nullable() });
export type Figure = z.infer<typeof Figure>;

/** 草稿 (the sheet is edited) → 评分中 (inspectors score) → 已关账 (scores frozen at the close date) → 已公布. */
export const ASSESSMENT_STATUSES = ['draft', 'scoring', 'closed', 'published'] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

/** An indicator is computed from a platform figure or scored by inspectors with evidence. */
export const INDICATOR_KINDS = ['metric', 'inspector'] as const;
export const IndicatorKind = z.enum(INDICATOR_KINDS);

/**
 * How a figure becomes a 0–100 score: rate (rate × 100), target (rate over the target, capped at 100), inverse
 * ((1 − rate) × 100, for lower-is-better figures), pass (100 when the rate reaches the target, else 0), cap (100 when
 * the rate stays at or under the target, else 0).
 */
export const FORMULAS = ['rate', 'target', 'inverse', 'pass', 'cap'] as const;
export const Formula = z.enum(FORMULAS);
export type Formula = z.infer<typeof Formula>;

/** 红榜 (commended), 黄牌 (warned), 黑榜 (named): by the assessment's thresholds on the total score. */
export const LIST_KINDS = ['red', 'yellow', 'black'] as const;
export const ListKind = z.enum(LIST_KINDS);
export type ListKind = z.infer<typeof ListKind>;

/** 通知 / 警示通报 (a reply is required) / 表彰. */
export const NOTICE_KINDS = ['notice', 'warning', 'award'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const REPLY_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export const ReplyStatus = z.enum(REPLY_STATUSES);

/** Monthly (period 'YYYY-MM') and semester (period: the semester's id) reports. */
export const REPORT_KINDS = ['month', 'semester'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const ASSESSMENT_NAME_MAX = 60;
export const INDICATOR_NAME_MAX = 60;
export const INDICATORS_MAX = 30;
export const EVIDENCE_MAX = 2000;
export const NOTICE_TITLE_MAX = 80;
export const NOTICE_BODY_MAX = 5000;
export const REPLY_MAX = 3000;
