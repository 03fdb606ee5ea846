/**
 * 校外培训监管 inspections (督学检查) and annual review (年检): plans by zone, visits with a checklist, findings with
 * photos, the rectification each finding opens (deadline, the institution's response with evidence, the inspector's
 * verification), overdue escalation, and the yearly result that moves an institution on or off the lists.
 */
import { z } from 'zod';
import { Id, LocalDate, pageOf, PageQuery, Paging } from './common';

type Labels = { 'zh-CN': string; en: string };

export const INSPECTION_TITLE_MAX = 60;
export const INSPECTION_TEXT_MAX = 2000;
export const INSPECTION_NOTE_MAX = 500;
export const FINDING_PHOTOS_MAX = 9;
export const VISIT_FINDINGS_MAX = 20;
export const PLAN_INSTITUTIONS_MAX = 30;
export const PLAN_INSPECTORS_MAX = 10;
export const INSPECTION_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Photo kinds an inspector's or institution's phone hands in. */
export const INSPECTION_PHOTO_TYPES = ['jpg', 'jpeg', 'png', 'webp', 'heic'] as const;

export const INSPECTION_PLAN_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const InspectionPlanStatus = z.enum(INSPECTION_PLAN_STATUSES);
export type InspectionPlanStatus = z.infer<typeof InspectionPlanStatus>;
export const inspectionPlanStatusLabels: Record<InspectionPlanStatus, Labels> = {
  planned: { 'zh-CN': '待检查', en: 'Planned' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const FINDING_CATEGORIES = ['licence', 'venue_safety', 'staff_qualification', 'prices', 'time_rules', 'materials', 'money', 'other'] as const;
export const FindingCategory = z.enum(FINDING_CATEGORIES);
export type FindingCategory = z.infer<typeof FindingCategory>;
export const findingCategoryLabels: Record<FindingCategory, Labels> = {
  licence: { 'zh-CN': '证照资质', en: 'Licence' },
  venue_safety: { 'zh-CN': '场地安全', en: 'Venue safety' },
  staff_qualification: { 'zh-CN': '师资资质', en: 'Staff qualification' },
  prices: { 'zh-CN': '收费价格', en: 'Prices' },
  time_rules: { 'zh-CN': '培训时间', en: 'Time rules' },
  materials: { 'zh-CN': '培训材料', en: 'Materials' },
  money: { 'zh-CN': '资金监管', en: 'Money' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const FINDING_SEVERITIES = ['minor', 'major', 'severe'] as const;
export const FindingSeverity = z.enum(FINDING_SEVERITIES);
export type FindingSeverity = z.infer<typeof FindingSeverity>;
export const findingSeverityLabels: Record<FindingSeverity, Labels> = {
  minor: { 'zh-CN': '一般', en: 'Minor' },
  major: { 'zh-CN': '较重', en: 'Major' },
  severe: { 'zh-CN': '严重', en: 'Severe' },
};

/** A finding's rectification: waiting for the institution, waiting for the inspector, closed. */
export const RECTIFICATION_STATUSES = ['open', 'responded', 'closed'] as const;
export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);
export type RectificationStatus = z.infer<typeof RectificationStatus>;
export const rectificationStatusLabels: Record<RectificationStatus, Labels> = {
  open: { 'zh-CN': '待整改', en: 'Open' },
  responded: { 'zh-CN': '待复核', en: 'Awaiting verification' },
  closed: { 'zh-CN': '已销号', en: 'Closed' },
};

/** What happened to a finding, in order. */
export const FINDING_EVENT_KINDS = ['created', 'deadline', 'responded', 'sent_back', 'closed', 'overdue'] as const;
export const FindingEventKind = z.enum(FINDING_EVENT_KINDS);

/** The visit checklist: each item checked on site, ok or not, with a note. */
export const INSPECTION_CHECKLIST = ['licence_shown', 'venue_safe', 'staff_certified', 'prices_posted', 'hours_kept', 'materials_filed', 'contract_custody'] as const;
export const ChecklistItem = z.enum(INSPECTION_CHECKLIST);
export const checklistLabels: Record<(typeof INSPECTION_CHECKLIST)[number], Labels> = {
  licence_shown: { 'zh-CN': '办学许可证悬挂公示', en: 'Licence displayed' },
  venue_safe: { 'zh-CN': '场地消防安全', en: 'Venue fire safety' },
  staff_certified: { 'zh-CN': '教师资格与背景审查', en: 'Staff certified and checked' },
  prices_posted: { 'zh-CN': '收费公示且不超限价', en: 'Prices posted within caps' },
  hours_kept: { 'zh-CN': '培训时间符合规定', en: 'Hours kept' },
  materials_filed: { 'zh-CN': '培训材料已备案', en: 'Materials filed' },
  contract_custody: { 'zh-CN': '使用示范合同、资金进托管', en: 'Standard contract, money in custody' },
};

/** 年检 result: 合格 / 基本合格 / 不合格. */
export const ANNUAL_RESULTS = ['pass', 'basic_pass', 'fail'] as const;
export const AnnualResult = z.enum(ANNUAL_RESULTS);
export type AnnualResult = z.infer<typeof AnnualResult>;
export const annualResultLabels: Record<AnnualResult, Labels> = {
  pass: { 'zh-CN': '合格', en: 'Pass' },
  basic_pass: { 'zh-CN': '基本合格', en: 'Basic pass' },
  fail: { 'zh-CN': '不合格', en: 'Fail' },
};

const text = (max: number) => z.string().trim().min(1).max(max);
const photoIds = z.array(Id).max(FINDING_PHOTOS_MAX).default([]);
const Person = z.object({ id: Id, name: z.string() });

// plans
export const InspectionPlanInput = z.object({
  zoneId: Id,
  title: text(INSPECTION_TITLE_MAX),
  plannedDate: LocalDate,
  inspectorIds: z.array(Id).min(1).max(PLAN_INSPECTORS_MAX),
  institutionIds: z.array(Id).min(1).max(PLAN_INSTITUTIONS_MAX),
  note: z.string().trim().max(INSPECTION_NOTE_MAX).optional(),
});
export type InspectionPlanInput = z.infer<typeof InspectionPlanInput>;

export const InspectionPlanStatusInput = z.object({
  status: z.enum(['done', 'cancelled']),
  reason: z.string().trim().max(INSPECTION_NOTE_MAX).optional(),
});

export const InspectionPlanQuery = z.object({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  status: InspectionPlanStatus.optional(),
  /** Only the plans the signed-in inspector is on. */
  mine: z.enum(['true', 'false']).optional(),
});

export const InspectionPlan = z.object({
  id: Id,
  zoneId: Id,
  title: z.string(),
  plannedDate: LocalDate,
  status: InspectionPlanStatus,
  note: z.string().nullable(),
  inspectors: z.array(Person),
  institutions: z.array(z.object({ id: Id, name: z.string(), visitId: Id.nullable() })),
  createdAt: z.string(),
});
export type InspectionPlan = z.infer<typeof InspectionPlan>;

// visits and findings
export const FindingInput = z.object({
  category: FindingCategory,
  description: text(INSPECTION_TEXT_MAX),
  severity: FindingSeverity.default('minor'),
  photoIds,
  /** Default: the visit date plus training.handling.rectificationDays. */
  deadline: LocalDate.optional(),
});
export type FindingInput = z.input<typeof FindingInput>;

export const ChecklistResult = z.object({ item: ChecklistItem, ok: z.boolean(), note: z.string().trim().max(INSPECTION_NOTE_MAX).optional() });

export const InspectionVisitInput = z.object({
  planId: Id.optional(),
  institutionId: Id,
  visitDate: LocalDate,
  checklist: z.array(ChecklistResult).max(INSPECTION_CHECKLIST.length).default([]),
  summary: text(INSPECTION_TEXT_MAX),
  findings: z.array(FindingInput).max(VISIT_FINDINGS_MAX).default([]),
});
export type InspectionVisitInput = z.input<typeof InspectionVisitInput>;

export const InspectionVisitQuery = z.object({ planId: Id.optional(), institutionId: Id.optional() });

/** How a deadline was set: the rule and the policy version it came from, or the inspector's own date. */
export const DeadlineCitation = z.object({
  rule: z.literal('training.handling.rectificationDays'),
  days: z.number().int(),
  policyVersion: z.string().nullable(),
  chosen: z.boolean(),
});

export const FindingEvent = z.object({
  kind: FindingEventKind,
  note: z.string().nullable(),
  photoIds: z.array(Id),
  deadline: LocalDate.nullable(),
  byName: z.string(),
  at: z.string(),
});

export const Finding = z.object({
  id: Id,
  visitId: Id,
  visitDate: LocalDate,
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  category: FindingCategory,
  description: z.string(),
  severity: FindingSeverity,
  photoIds: z.array(Id),
  status: RectificationStatus,
  deadline: LocalDate,
  citation: DeadlineCitation,
  /**
   * 整改逾期: not closed and marked by the escalation job, or still waiting for the institution after its deadline day
   * (what the job marks at its next run). The list's `overdue` filter applies the same rule.
   */
  overdue: z.boolean(),
  overdueAt: z.string().nullable(),
  inspectorName: z.string(),
  events: z.array(FindingEvent),
});
export type Finding = z.infer<typeof Finding>;

export const InspectionVisit = z.object({
  id: Id,
  planId: Id.nullable(),
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  inspector: Person,
  visitDate: LocalDate,
  checklist: z.array(ChecklistResult),
  summary: z.string(),
  findings: z.array(Finding),
  createdAt: z.string(),
});
export type InspectionVisit = z.infer<typeof InspectionVisit>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/**
 * The findings' filters, all applied in the database: one status or several (`open,responded`: everything not yet
 * closed), overdue or not (the rule of `Finding.overdue`), one institution, and words of the institution's name or the
 * finding's description.
 */
export const FindingFilter = z.object({
  status: z
    .string()
    .transform((s, ctx) => {
      const list = [...new Set(s.split(',').map((x) => x.trim()))];
      if (list.every((x): x is RectificationStatus => (RECTIFICATION_STATUSES as readonly string[]).includes(x))) return list;
      ctx.issues.push({ code: 'custom', message: `应为 ${RECTIFICATION_STATUSES.join('、')} 之一，或以逗号隔开的几个`, input: s });
      return z.NEVER;
    })
    .optional(),
  overdue: flag.optional(),
  institutionId: Id.optional(),
  q: PageQuery.shape.q,
});
/** A page of findings, the most urgent first: overdue, then waiting for the institution, then for the inspector (each by deadline, then found date), closed ones last (newest found first); the id settles ties. */
export const FindingQuery = FindingFilter.extend(Paging);
export type FindingQuery = z.output<typeof FindingQuery>;
export const FindingPage = pageOf(Finding);
export type FindingPage = z.infer<typeof FindingPage>;

export const FindingDeadlineInput = z.object({ deadline: LocalDate, reason: z.string().trim().max(INSPECTION_NOTE_MAX).optional() });
export const RectificationResponseInput = z.object({ text: text(INSPECTION_TEXT_MAX), photoIds });
export type RectificationResponseInput = z.input<typeof RectificationResponseInput>;
export const RectificationVerifyInput = z.object({
  decision: z.enum(['close', 'send_back']),
  /** Required when sending back: what is still wrong. */
  reason: z.string().trim().max(INSPECTION_NOTE_MAX).optional(),
  /** A new deadline when sending back; default: the old one, or today plus the policy days when that has passed. */
  deadline: LocalDate.optional(),
});

export const InspectionPhoto = z.object({ id: Id, name: z.string(), size: z.number().int(), mime: z.string() });
export type InspectionPhoto = z.infer<typeof InspectionPhoto>;

// annual review
export const AnnualReviewInput = z.object({
  institutionId: Id,
  year: z.number().int().min(2000).max(2100),
  result: AnnualResult,
  notes: z.string().trim().max(INSPECTION_TEXT_MAX).optional(),
});
export type AnnualReviewInput = z.infer<typeof AnnualReviewInput>;
export const AnnualReviewQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** What a result did to the institution: its list and status after, and whether the registry applied it. */
export const AnnualEffect = z.object({
  rule: z.string(),
  listStatus: z.enum(['white', 'black', 'none']).nullable(),
  status: z.string().nullable(),
  applied: z.boolean(),
});

export const AnnualReview = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  year: z.number().int(),
  result: AnnualResult,
  notes: z.string().nullable(),
  effect: AnnualEffect,
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type AnnualReview = z.infer<typeof AnnualReview>;

// the district's overview
export const InspectionOverview = z.object({
  plans: z.record(z.string(), z.number().int()),
  visits: z.number().int(),
  findings: z.record(z.string(), z.number().int()),
  byCategory: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  annual: z.record(z.string(), z.number().int()),
  year: z.number().int(),
});
export type InspectionOverview = z.infer<typeof InspectionOverview>;
