/**
 * 测评细则: the district's semester assessment of schools. The district writes the indicator sheet (indicators with
 * weights, each computed from a platform figure by a formula, or scored by inspectors with evidence), opens it for
 * scoring, closes it at the close date (every school's result frozen as a snapshot: figures, scores, total, rank and
 * the red/yellow/black list), sets awards (表彰) and publishes; a school then reads its own result.
 *
 * States: draft (sheet editable) → scoring (inspectors score; live preview) → closed (results frozen; awards) →
 * published (schools see their own).
 *
 * Routes (under /api/supervision):
 *   GET    /assessments                                 SupervisionAssessmentList (supervision.assess or supervision.score)
 *   POST   /assessments                                 SupervisionAssessmentInput → SupervisionAssessmentDetail (Idempotency-Key)
 *   GET    /assessments/:id                             SupervisionAssessmentDetail
 *   PUT    /assessments/:id                             SupervisionAssessmentInput → SupervisionAssessmentDetail (draft)
 *   DELETE /assessments/:id                             Ok (draft)
 *   PUT    /assessments/:id/indicators                  IndicatorSheetInput → SupervisionAssessmentDetail (draft)
 *   POST   /assessments/:id/open                        SupervisionAssessmentDetail draft → scoring
 *   POST   /assessments/:id/close                       SupervisionAssessmentDetail scoring → closed (from closeDate)
 *   POST   /assessments/:id/publish                     SupervisionAssessmentDetail closed → published
 *   GET    /assessments/:id/scores                      InspectorScoreSheet (supervision.score; one's zone)
 *   PUT    /assessments/:id/scores                      InspectorScoreInput → InspectorScore (scoring)
 *   GET    /assessments/:id/preview                     AssessmentResults live figures (draft, scoring; else 409)
 *   GET    /assessments/:id/results?list=               AssessmentResults the snapshot (closed, published; else 409)
 *   GET    /assessments/:id/lists                       AssessmentLists red / yellow / black
 *   GET    /assessments/:id/results.xlsx                Excel workbook of the results
 *   PUT    /assessments/:id/results/:schoolId/award     AssessAwardInput → AssessSchoolResult (closed)
 *   GET    /results                                     OwnAssessResults a school's own, published only (supervision.results)
 *   GET    /results/:assessmentId                       OwnAssessResult
 *   POST   /evidence (multipart, field file)           Attachment: an evidence file for InspectorScoreInput.attachmentIds
 *   GET    /evidence/:id                                the file (district office and inspectors)
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text, Timestamp } from './common';
import {
  ASSESSMENT_NAME_MAX,
  AssessmentStatus,
  EVIDENCE_MAX,
  Formula,
  INDICATOR_NAME_MAX,
  INDICATORS_MAX,
  IndicatorKind,
  ListKind,
  MetricKey,
} from './supervision';

export const INDICATOR_GUIDANCE_MAX = 500;
export const ASSESS_AWARD_MAX = 100;
export const SCORE_ATTACHMENTS_MAX = 10;
/** A weight as typed on the sheet (any positive number: shares are weight / total of weights). */
export const INDICATOR_WEIGHT_MAX = 1000;
/** Formulas that compare the rate with the indicator's target (0–1). */
export const TARGET_FORMULAS = ['target', 'pass', 'cap'] as const satisfies readonly Formula[];
export const formulaNeedsTarget = (f: Formula): boolean => (TARGET_FORMULAS as readonly Formula[]).includes(f);

const score100 = z.number().min(0).max(100);

/**
 * 红榜: total ≥ redMin; 黑榜: total < blackBelow; 黄牌: blackBelow ≤ total < yellowBelow; between: no list.
 * blackBelow ≤ yellowBelow ≤ redMin.
 */
export const AssessmentThresholds = z.object({ redMin: score100, yellowBelow: score100, blackBelow: score100 });
export type AssessmentThresholds = z.infer<typeof AssessmentThresholds>;

export const SupervisionAssessmentInput = z
  .object({
    name: Text(ASSESSMENT_NAME_MAX),
    /** The semester it assesses (optional: an assessment of some months). */
    semesterId: Id.nullish().transform((v) => v ?? null),
    /** The records the computed indicators read: dated periodFrom … periodTo. */
    periodFrom: LocalDate,
    periodTo: LocalDate,
    /** Scores are frozen from the data as it stood on this date (the close is allowed from this day). */
    closeDate: LocalDate,
    redMin: score100,
    yellowBelow: score100,
    blackBelow: score100,
  })
  .superRefine((v, c) => {
    if (v.periodFrom > v.periodTo) c.addIssue({ code: 'custom', path: ['periodTo'], message: '统计截止日期不能早于开始日期' });
    if (v.closeDate < v.periodFrom) c.addIssue({ code: 'custom', path: ['closeDate'], message: '关账日期不能早于统计开始日期' });
    if (v.yellowBelow > v.redMin) c.addIssue({ code: 'custom', path: ['yellowBelow'], message: '黄牌线不能高于红榜线' });
    if (v.blackBelow > v.yellowBelow) c.addIssue({ code: 'custom', path: ['blackBelow'], message: '黑榜线不能高于黄牌线' });
  });
export type SupervisionAssessmentInput = z.infer<typeof SupervisionAssessmentInput>;

export const SupervisionAssessment = z.object({
  id: Id,
  name: z.string(),
  semesterId: Id.nullable(),
  semesterName: z.string().nullable(),
  periodFrom: LocalDate,
  periodTo: LocalDate,
  closeDate: LocalDate,
  status: AssessmentStatus,
  redMin: z.number(),
  yellowBelow: z.number(),
  blackBelow: z.number(),
  indicatorCount: z.number().int(),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
});
export type SupervisionAssessment = z.infer<typeof SupervisionAssessment>;
export const SupervisionAssessmentList = z.object({ items: z.array(SupervisionAssessment) });
export type SupervisionAssessmentList = z.infer<typeof SupervisionAssessmentList>;

/** One row of the sheet as typed: a computed indicator (metric + formula [+ target]) or an inspector-scored one. */
export const AssessIndicatorInput = z
  .object({
    name: Text(INDICATOR_NAME_MAX),
    weight: z.number().positive().max(INDICATOR_WEIGHT_MAX),
    kind: IndicatorKind,
    metric: MetricKey.nullish().transform((v) => v ?? null),
    formula: Formula.nullish().transform((v) => v ?? null),
    /** 0–1: the rate the target, pass and cap formulas compare with. */
    target: z.number().min(0).max(1).nullish().transform((v) => v ?? null),
    /** What inspectors look at and the evidence they keep (kind inspector). */
    guidance: OptionalText(INDICATOR_GUIDANCE_MAX),
  })
  .superRefine((v, c) => {
    if (v.kind !== 'metric') return;
    if (!v.metric) c.addIssue({ code: 'custom', path: ['metric'], message: '平台数据指标须选择数据项' });
    if (!v.formula) c.addIssue({ code: 'custom', path: ['formula'], message: '平台数据指标须选择计分公式' });
    else if (formulaNeedsTarget(v.formula) && v.target === null)
      c.addIssue({ code: 'custom', path: ['target'], message: '该计分公式须填写目标值（0–1）' });
    else if (v.formula === 'target' && v.target === 0) c.addIssue({ code: 'custom', path: ['target'], message: '“达成目标”公式的目标值须大于 0' });
  });
export type AssessIndicatorInput = z.infer<typeof AssessIndicatorInput>;
export const IndicatorSheetInput = z.object({ indicators: z.array(AssessIndicatorInput).min(1).max(INDICATORS_MAX) });
export type IndicatorSheetInput = z.infer<typeof IndicatorSheetInput>;

export const AssessIndicator = z.object({
  id: Id,
  position: z.number().int(),
  name: z.string(),
  weight: z.number(),
  /** weight / total of the sheet's weights (0–1): the indicator's part of the total score. */
  share: z.number(),
  kind: IndicatorKind,
  metric: MetricKey.nullable(),
  formula: Formula.nullable(),
  target: z.number().nullable(),
  guidance: z.string().nullable(),
});
export type AssessIndicator = z.infer<typeof AssessIndicator>;

export const SupervisionAssessmentDetail = SupervisionAssessment.extend({ indicators: z.array(AssessIndicator) });
export type SupervisionAssessmentDetail = z.infer<typeof SupervisionAssessmentDetail>;

/** An inspector's score of one school on one inspector-scored indicator. */
export const InspectorScoreInput = z.object({
  indicatorId: Id,
  schoolId: Id,
  score: score100,
  evidence: Text(EVIDENCE_MAX),
  attachmentIds: z.array(Id).max(SCORE_ATTACHMENTS_MAX).default([]),
});
export type InspectorScoreInput = z.infer<typeof InspectorScoreInput>;

export const InspectorScore = z.object({
  indicatorId: Id,
  schoolId: Id,
  schoolName: z.string(),
  score: z.number(),
  evidence: z.string(),
  attachmentIds: z.array(Id),
  scoredBy: Id,
  scoredByName: z.string(),
  scoredAt: Timestamp,
});
export type InspectorScore = z.infer<typeof InspectorScore>;

export const ScoringSchool = z.object({ schoolId: Id, code: z.string(), name: z.string(), zoneId: Id, zoneName: z.string() });
export type ScoringSchool = z.infer<typeof ScoringSchool>;

/** The inspector's sheet: the inspector-scored indicators, the schools one may score (one's zone), the scores so far. */
export const InspectorScoreSheet = z.object({
  assessment: SupervisionAssessment,
  indicators: z.array(AssessIndicator),
  schools: z.array(ScoringSchool),
  scores: z.array(InspectorScore),
});
export type InspectorScoreSheet = z.infer<typeof InspectorScoreSheet>;

/**
 * One indicator's outcome for a school. Computed: the figure (num/den, rate = num/den) and its score; inspector:
 * num/den/rate null, the inspector's score. score null = missing (no inspector score yet, or a figure with den 0):
 * the indicator is left out of that school's total and the other weights renormalised.
 */
export const IndicatorOutcome = z.object({
  num: z.number().nullable(),
  den: z.number().nullable(),
  rate: z.number().nullable(),
  score: z.number().nullable(),
});
export type IndicatorOutcome = z.infer<typeof IndicatorOutcome>;

export const AssessSchoolResult = z.object({
  schoolId: Id,
  schoolCode: z.string(),
  schoolName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  /** Weighted 0–100 with 1 decimal; null when no indicator has a score. */
  total: z.number().nullable(),
  /** 1 = best; ties share a rank (1, 2, 2, 4). Null with the total. */
  rank: z.number().int().nullable(),
  list: ListKind.nullable(),
  award: z.string().nullable(),
  /** By indicator id. */
  detail: z.record(z.string(), IndicatorOutcome),
  /** Inspector-scored indicators without this school's score (preview only; 0 in frozen results). */
  missing: z.number().int(),
});
export type AssessSchoolResult = z.infer<typeof AssessSchoolResult>;

/** The live preview while scoring (figures to min(periodTo, today)) and the frozen results once closed. */
export const AssessmentResults = z.object({
  assessment: SupervisionAssessment,
  indicators: z.array(AssessIndicator),
  /** The figures' range. */
  range: z.object({ from: LocalDate, to: LocalDate }),
  /** True: the stored snapshot (closed or published); false: a live preview. */
  frozen: z.boolean(),
  schools: z.array(AssessSchoolResult),
});
export type AssessmentResults = z.infer<typeof AssessmentResults>;
export const AssessResultsQuery = z.object({ list: ListKind.optional() });

export const AssessListEntry = z.object({
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  total: z.number(),
  rank: z.number().int(),
  award: z.string().nullable(),
});
export type AssessListEntry = z.infer<typeof AssessListEntry>;
export const AssessmentLists = z.object({
  assessment: SupervisionAssessment,
  red: z.array(AssessListEntry),
  yellow: z.array(AssessListEntry),
  black: z.array(AssessListEntry),
});
export type AssessmentLists = z.infer<typeof AssessmentLists>;

export const AssessAwardInput = z.object({ award: OptionalText(ASSESS_AWARD_MAX) });
export const AssessResultParams = z.object({ id: Id, schoolId: Id });

/** A school's own result of a published assessment, with the per-indicator breakdown. */
export const OwnAssessResult = z.object({
  assessment: SupervisionAssessment,
  indicators: z.array(AssessIndicator),
  /** How many schools were ranked. */
  schoolCount: z.number().int(),
  result: AssessSchoolResult,
});
export type OwnAssessResult = z.infer<typeof OwnAssessResult>;
export const OwnAssessResults = z.object({ items: z.array(OwnAssessResult) });
export type OwnAssessResults = z.infer<typeof OwnAssessResults>;
export const OwnAssessResultParams = z.object({ assessmentId: Id });
