/**
 * 督导考核, reports: the monthly and semester report of the district and of each school, a snapshot of the METRICS
 * figures (every school, zone and district totals; a school's report its own against its zone's and the district's)
 * and of the assessments closed in the period, kept as it stood when made (the scheduled run on the 1st, or a person
 * regenerating it). The Excel workbook and the printable PDF are rendered from the snapshot.
 */
import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './common';
import { Figure, ListKind, type MetricKey, METRIC_KEYS, METRICS, ReportKind } from './supervision';

/** 'YYYY-MM' of a monthly report. */
export const REPORT_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Generate (or regenerate) the reports of a period. Without schoolId: the district report and every school's (the
 * district office); with it: that school's alone (the district office, or the school's own administrator). A report
 * made again replaces the snapshot of the same scope and period.
 */
export const GenerateReport = z
  .object({
    kind: ReportKind,
    /** 'YYYY-MM' (month) or the semester's id (semester). */
    period: z.string().trim().min(1).max(40),
    schoolId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'month' && !REPORT_MONTH.test(v.period)) ctx.addIssue({ code: 'custom', path: ['period'], message: '月报的期间应为 YYYY-MM，例如 2026-11' });
    if (v.kind === 'semester' && !z.uuid().safeParse(v.period).success) ctx.addIssue({ code: 'custom', path: ['period'], message: '学期报告的期间应为学期编号' });
  });
export type GenerateReport = z.input<typeof GenerateReport>;

export const ReportScope = z.enum(['district', 'school']);
export type ReportScope = z.infer<typeof ReportScope>;

/** A report in a list: what it covers, when and by whom it was made (null: the scheduled run). */
export const ReportSummary = z.object({
  id: Id,
  kind: ReportKind,
  period: z.string(),
  periodLabel: z.string(),
  periodFrom: LocalDate,
  periodTo: LocalDate,
  scope: ReportScope,
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  zoneName: z.string().nullable(),
  generatedAt: Timestamp,
  generatedBy: z.string().nullable(),
  /** Assessments closed in the period that the snapshot carries. */
  assessments: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const GeneratedReports = z.object({ reports: z.array(ReportSummary) });
export type GeneratedReports = z.infer<typeof GeneratedReports>;

export const ReportListQuery = z.object({
  kind: ReportKind.optional(),
  /** Default: the latest period of the kind that has a report the reader may see. */
  period: z.string().trim().max(40).optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportPeriod = z.object({ period: z.string(), label: z.string(), from: LocalDate, to: LocalDate });
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export const ReportList = z.object({
  kind: ReportKind,
  period: z.string().nullable(),
  /** Periods of the kind with a report the reader may see, newest first. */
  periods: z.array(ReportPeriod),
  /** The period's reports: the district's first, then the schools in zone and code order. */
  items: z.array(ReportSummary),
  /** What the reader may generate: every report of a period (the district office), one school's, or nothing. */
  canGenerate: z.enum(['all', 'school', 'none']),
  /** Periods that may be generated: the last months and the semesters begun. */
  generatable: z.object({ months: z.array(ReportPeriod), semesters: z.array(ReportPeriod) }),
});
export type ReportList = z.infer<typeof ReportList>;

/** Report file: GET /api/supervision/reports/{id}.xlsx | .pdf */
export const ReportFileParams = z.object({ id: Id });

/** The figures of every METRICS key in a snapshot. */
export const ReportFigures = z.record(z.string(), Figure);
export type ReportFigures = Record<MetricKey, Figure>;

/** An assessment closed in the period and its results (a school report: the school's own row, published ones only). */
export const ReportAssessment = z.object({
  id: Id,
  name: z.string(),
  closeDate: LocalDate,
  status: z.string(),
  results: z.array(
    z.object({ schoolId: Id, schoolName: z.string(), zoneName: z.string(), total: z.number(), rank: z.number().int(), list: ListKind.nullable(), award: z.string().nullable() }),
  ),
});
export type ReportAssessment = z.infer<typeof ReportAssessment>;

/** What a report keeps: the figures as they stood when it was made (its files are rendered from this). */
export interface ReportSnapshot {
  version: 1;
  kind: 'month' | 'semester';
  period: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  scope: ReportScope;
  districtName: string;
  generatedAt: string;
  /** The catalogue as it was: key, label, module and which way is good. */
  metrics: { key: MetricKey; label: string; module: string; better: 'higher' | 'lower' }[];
  district: ReportFigures;
  zones: { zoneId: string; zoneName: string; schools: number; figures: ReportFigures }[];
  /** District report: every school; school report: the school alone. */
  schools: { schoolId: string; code: string; name: string; zoneId: string; zoneName: string; figures: ReportFigures }[];
  /** School report: the school, with its zone's figures beside its own and the district's. */
  school: { schoolId: string; code: string; name: string; zoneId: string; zoneName: string } | null;
  assessments: ReportAssessment[];
}

/** The module a METRICS figure comes from, as a sheet and a heading name it. */
export const REPORT_MODULE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  homework: { 'zh-CN': '作业管理', en: 'Homework' },
  'after-school': { 'zh-CN': '课后服务', en: 'After-school' },
  'home-school': { 'zh-CN': '家校社协同', en: 'Home-school' },
  'five-managements': { 'zh-CN': '五项管理', en: 'Five managements' },
  timetable: { 'zh-CN': '课程与课表', en: 'Timetable' },
  exams: { 'zh-CN': '考试与评价', en: 'Exams' },
};

/** METRICS keys grouped by module, in catalogue order. */
export function metricGroups(keys: readonly MetricKey[] = METRIC_KEYS): { module: string; keys: MetricKey[] }[] {
  const out: { module: string; keys: MetricKey[] }[] = [];
  for (const k of keys) {
    const m = METRICS[k].module;
    const g = out.find((x) => x.module === m) ?? out[out.push({ module: m, keys: [] }) - 1]!;
    g.keys.push(k);
  }
  return out;
}

/**
 * A school's figure against the district's, as a report colours it: good (as good as the district or better), watch
 * (at most 10 points worse), poor (more than 10 points worse), none (nothing to measure at the school or the district).
 */
export type FigureTone = 'good' | 'watch' | 'poor' | 'none';
export const TONE_WATCH_POINTS = 0.1;
export function figureTone(own: number | null, district: number | null, better: 'higher' | 'lower'): FigureTone {
  if (own === null || district === null) return 'none';
  const ahead = better === 'higher' ? own - district : district - own;
  if (ahead >= -1e-9) return 'good';
  return ahead >= -TONE_WATCH_POINTS ? 'watch' : 'poor';
}
