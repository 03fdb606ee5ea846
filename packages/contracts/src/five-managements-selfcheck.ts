/**
 * 五项管理 self-checks (自查自纠, seed 004: against the 负面清单): the district's checklist per semester, a school's
 * answers with evidence and its submission, rectifications (from 不符合 answers and from findings other areas raise)
 * with the school's fix and the district's verification, and the district's view per school.
 */
import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './common';
import { Management } from './five-managements';
import { Attachment } from './homework';

type Labels = { 'zh-CN': string; en: string };

export const SELFCHECK_TITLE_MAX = 60;
export const SELFCHECK_ITEM_TEXT_MAX = 200;
export const SELFCHECK_BASIS_MAX = 100;
export const SELFCHECK_ITEMS_MAX = 60;
export const SELFCHECK_ANSWER_MAX = 2000;
export const SELFCHECK_NAME_MAX = 30;
export const SELFCHECK_REASON_MAX = 500;
export const SELFCHECK_FILES_MAX = 9;
export const SELFCHECK_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** An evidence file as answers carry it. */
export type SelfcheckFile = z.infer<typeof Attachment>;

export const SELFCHECK_EVIDENCE = ['text', 'files', 'both'] as const;
export const SelfcheckEvidence = z.enum(SELFCHECK_EVIDENCE);
export type SelfcheckEvidence = z.infer<typeof SelfcheckEvidence>;
export const selfcheckEvidenceLabels: Record<SelfcheckEvidence, Labels> = {
  text: { 'zh-CN': '文字说明', en: 'Text' },
  files: { 'zh-CN': '佐证文件', en: 'Files' },
  both: { 'zh-CN': '文字说明和佐证文件', en: 'Text and files' },
};

export const SELFCHECK_RESULTS = ['pass', 'fail'] as const;
export const SelfcheckResult = z.enum(SELFCHECK_RESULTS);
export type SelfcheckResult = z.infer<typeof SelfcheckResult>;
export const selfcheckResultLabels: Record<SelfcheckResult, Labels> = {
  pass: { 'zh-CN': '符合', en: 'Complies' },
  fail: { 'zh-CN': '不符合', en: 'Does not comply' },
};

export const SELFCHECK_STATUSES = ['draft', 'published'] as const;
export const SELFCHECK_SCHOOL_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export const SelfcheckSchoolStatus = z.enum(SELFCHECK_SCHOOL_STATUSES);
export type SelfcheckSchoolStatus = z.infer<typeof SelfcheckSchoolStatus>;

/** A rectification: waiting for the school's fix, waiting for verification, closed. */
export const SELFCHECK_RECT_STATUSES = ['open', 'fixed', 'closed'] as const;
export const SelfcheckRectStatus = z.enum(SELFCHECK_RECT_STATUSES);
export type SelfcheckRectStatus = z.infer<typeof SelfcheckRectStatus>;
export const SELFCHECK_RECT_ORIGINS = ['answer', 'finding'] as const;
export const SELFCHECK_SOURCE_AREAS = ['reading', 'sleep', 'phones', 'fitness'] as const;
export const SELFCHECK_EVENT_KINDS = ['opened', 'owner', 'fixed', 'sent_back', 'closed', 'overdue'] as const;

export const SelfcheckItemInput = z.object({
  management: Management,
  text: z.string().trim().min(1).max(SELFCHECK_ITEM_TEXT_MAX),
  evidence: SelfcheckEvidence,
  basis: z.string().trim().max(SELFCHECK_BASIS_MAX).default(''),
});
export type SelfcheckItemInput = z.infer<typeof SelfcheckItemInput>;

/** A new draft checklist for a semester; without items it starts from the default negative list. */
export const SelfcheckChecklistInput = z.object({
  semesterId: Id,
  title: z.string().trim().min(1).max(SELFCHECK_TITLE_MAX),
  items: z.array(SelfcheckItemInput).min(1).max(SELFCHECK_ITEMS_MAX).optional(),
});
export const SelfcheckChecklistUpdate = z.object({
  title: z.string().trim().min(1).max(SELFCHECK_TITLE_MAX),
  items: z.array(SelfcheckItemInput).min(1).max(SELFCHECK_ITEMS_MAX),
});

export const SelfcheckItem = SelfcheckItemInput.extend({ id: Id, no: z.number().int() });
export type SelfcheckItem = z.infer<typeof SelfcheckItem>;
export const SelfcheckChecklist = z.object({
  id: Id,
  semesterId: Id,
  semesterName: z.string(),
  title: z.string(),
  status: z.enum(SELFCHECK_STATUSES),
  publishedAt: Timestamp.nullable(),
  items: z.array(SelfcheckItem),
});
export type SelfcheckChecklist = z.infer<typeof SelfcheckChecklist>;

export const SelfcheckSemesterQuery = z.object({ semesterId: Id.optional() });
export const SchoolSelfcheckQuery = z.object({ semesterId: Id.optional(), schoolId: Id.optional() });

export const SelfcheckEvent = z.object({
  kind: z.enum(SELFCHECK_EVENT_KINDS),
  note: z.string().nullable(),
  files: z.array(Attachment),
  deadline: LocalDate.nullable(),
  byName: z.string(),
  at: Timestamp,
});

export const Rectification = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  semesterId: Id.nullable(),
  management: Management,
  origin: z.enum(SELFCHECK_RECT_ORIGINS),
  itemId: Id.nullable(),
  /** The area and record a finding came from. */
  source: z.object({ area: z.enum(SELFCHECK_SOURCE_AREAS), refId: z.string() }).nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  rule: z.object({ key: z.string(), version: z.number().nullable() }).nullable(),
  status: SelfcheckRectStatus,
  openedOn: LocalDate,
  deadline: LocalDate,
  /** The rule that set the deadline: five-managements.selfcheck.rectifyDays, days and policy version. */
  citation: z.object({ rule: z.string(), days: z.number().int(), policyVersion: z.string().nullable() }),
  responsible: z.string().nullable(),
  overdue: z.boolean(),
  events: z.array(SelfcheckEvent),
});
export type Rectification = z.infer<typeof Rectification>;

export const SelfcheckAnswer = z.object({
  result: SelfcheckResult,
  text: z.string().nullable(),
  responsible: z.string().nullable(),
  files: z.array(Attachment),
  answeredBy: z.string(),
  answeredAt: Timestamp,
});
export type SelfcheckAnswer = z.infer<typeof SelfcheckAnswer>;

/** One school's self-check of a semester: the checklist with its answers, and every rectification of the semester. */
export const SchoolSelfcheck = z.object({
  semesterId: Id,
  semesterName: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  checklist: SelfcheckChecklist.nullable(),
  status: SelfcheckSchoolStatus,
  submittedAt: Timestamp.nullable(),
  submittedBy: z.string().nullable(),
  answers: z.record(z.string(), SelfcheckAnswer),
  answered: z.number().int(),
  rectifications: z.array(Rectification),
});
export type SchoolSelfcheck = z.infer<typeof SchoolSelfcheck>;

export const SelfcheckAnswerInput = z.object({
  checklistId: Id,
  schoolId: Id,
  itemId: Id,
  result: SelfcheckResult,
  text: z.string().trim().max(SELFCHECK_ANSWER_MAX).nullish().transform((v) => v || null),
  responsible: z.string().trim().max(SELFCHECK_NAME_MAX).nullish().transform((v) => v || null),
  fileIds: z.array(Id).max(SELFCHECK_FILES_MAX).default([]),
});
export const SelfcheckSubmitInput = z.object({ checklistId: Id, schoolId: Id });

export const RectificationQuery = z.object({
  semesterId: Id.optional(),
  schoolId: Id.optional(),
  status: SelfcheckRectStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const RectificationOwnerInput = z.object({ responsible: z.string().trim().min(1).max(SELFCHECK_NAME_MAX) });
export const RectificationFixInput = z.object({
  text: z.string().trim().min(1).max(SELFCHECK_ANSWER_MAX),
  fileIds: z.array(Id).max(SELFCHECK_FILES_MAX).default([]),
});
export const RectificationDecisionInput = z.object({
  decision: z.enum(['close', 'send_back']),
  reason: z.string().trim().max(SELFCHECK_REASON_MAX).nullish().transform((v) => v || null),
});

/** The district's row per school: completion and open / overdue items. */
export const SelfcheckSchoolRow = z.object({
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  status: SelfcheckSchoolStatus,
  answered: z.number().int(),
  items: z.number().int(),
  open: z.number().int(),
  awaiting: z.number().int(),
  overdue: z.number().int(),
  closed: z.number().int(),
});
export const SelfcheckOverview = z.object({
  semesterId: Id,
  semesterName: z.string(),
  checklist: z.object({ id: Id, title: z.string(), status: z.enum(SELFCHECK_STATUSES), items: z.number().int() }).nullable(),
  schools: z.array(SelfcheckSchoolRow),
});
export type SelfcheckOverview = z.infer<typeof SelfcheckOverview>;
