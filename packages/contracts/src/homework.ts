/** 作业管理: setting, checking, coordinating and publishing homework, and what families see and report. */
import { HOMEWORK_TYPES, LAYERS, PLACES, REVIEW_STEPS } from '@shuangjian/policy';
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Timestamp } from './common';
import { PolicyCitation } from './policy';

// Limits of what people enter, named once: the schemas below use them and the web's forms import them.
/** An item's (or a design's) estimated minutes. */
export const ITEM_MINUTES_MAX = 240;
export const ITEM_CONTENT_MAX = 2000;
/** An item's or a design's title, and a design's unit. */
export const TITLE_MAX = 60;
export const DESIGN_TITLE_MIN = 2;
export const ITEM_LINKS_MAX = 5;
export const ITEM_ATTACHMENTS_MAX = 5;
/** Days set at once (a weekly or vacation plan), and days in a load check. */
export const PLAN_DAYS_MAX = 62;
/** The reason of a return, an adjustment or a correction. */
export const REASON_MIN = 2;
export const REASON_MAX = 300;
/** Minutes a family reports for one item. */
export const FEEDBACK_MINUTES_MAX = 300;
/** Days in a parent's range of published lists (week plan, vacation checklist). */
export const CHILD_RANGE_MAX_DAYS = 62;
/** Days in a range of the measures (class calendar, district dashboard). */
export const VIEW_RANGE_MAX_DAYS = 200;
export const COLLECTION_NAME_MIN = 2;
export const COLLECTION_NAME_MAX = 40;
export const COLLECTION_DESCRIPTION_MAX = 200;
/** An error notebook entry's question and note. */
export const MISTAKE_TEXT_MAX = 500;

export const HomeworkType = z.enum(HOMEWORK_TYPES);
export const Layer = z.enum(LAYERS);
export const Place = z.enum(PLACES);
export const ITEM_STATUSES = ['draft', 'pending_check', 'returned', 'ready', 'dropped', 'withdrawn'] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export const ReviewStep = z.enum(REVIEW_STEPS);
export const itemStatusLabels = {
  draft: '草稿',
  pending_check: '待学科组长审核',
  returned: '已退回',
  ready: '待班主任协调',
  dropped: '已删减',
  withdrawn: '已撤回',
} as const;
export const DAY_STATUSES = ['open', 'pending_approval', 'published'] as const;
export const DayStatus = z.enum(DAY_STATUSES);
export const dayStatusLabels = { open: '协调中', pending_approval: '待教务处审核', published: '已公示' } as const;
export const PLAN_KINDS = ['daily', 'weekly', 'vacation'] as const;
export const PlanKind = z.enum(PLAN_KINDS);

export const ItemMinutes = z.number().int().min(1).max(ITEM_MINUTES_MAX);
export const ItemContent = z.string().trim().min(1).max(ITEM_CONTENT_MAX);
const Link = z.url({ protocol: /^https?$/ }).max(500);

export const Violation = z.object({
  rule: z.enum(['homework.dayLimits', 'homework.noWrittenAtHome', 'homework.forbiddenContent', 'homework.nonWrittenCap']),
  itemId: Id.nullable(),
  message: z.string(),
  phrase: z.string().optional(),
});

export const LoadCheck = z.object({
  rule: z.literal('homework.dayLimits'),
  dayKind: z.enum(['school_day', 'weekend', 'holiday', 'vacation']),
  grade: z.number().int(),
  limit: z.number().int(),
  written: z.number().int(),
  optional: z.number().int(),
  other: z.number().int(),
  /** Required non-written minutes at home (optional ones aside), and the grade's cap of them (null: none). */
  nonWritten: z.number().int(),
  nonWrittenCap: z.number().int().nullable(),
  /** The grade gets no written homework at home (homework.noWrittenGrades). */
  noWrittenGrade: z.boolean(),
  inSchool: z.number().int(),
  over: z.boolean(),
  violations: z.array(Violation),
});
/** One class-day judged by the policy in force on that date, citing its version ('key@id,…'; null: shipped defaults). */
export const DayCheck = z.object({ classId: Id, className: z.string(), date: LocalDate, check: LoadCheck, policyVersion: z.string().nullable() });

export const Attachment = z.object({ id: Id, name: z.string(), size: z.number().int(), mime: z.string() });

export const HomeworkItem = z.object({
  id: Id,
  schoolId: Id,
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  subjectId: Id,
  subjectName: z.string(),
  teacherId: Id,
  teacherName: z.string(),
  date: LocalDate,
  planKind: PlanKind,
  batchId: Id,
  title: z.string().nullable(),
  content: z.string(),
  type: HomeworkType,
  layer: Layer,
  place: Place,
  minutes: z.number().int(),
  links: z.array(z.string()),
  attachments: z.array(Attachment),
  status: ItemStatus,
  /** State of the item's class-day: a ready item on a published day is on the parents' list. */
  dayStatus: DayStatus.nullable(),
  returnReason: z.string().nullable(),
  adjustNote: z.string().nullable(),
  originalMinutes: z.number().int().nullable(),
  originalDate: LocalDate.nullable(),
  designId: Id.nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type HomeworkItem = z.infer<typeof HomeworkItem>;

export const ItemEntry = z.object({
  date: LocalDate,
  title: OptionalText(TITLE_MAX),
  content: ItemContent,
  type: HomeworkType,
  layer: Layer,
  place: Place,
  minutes: ItemMinutes,
  links: z.array(Link).max(ITEM_LINKS_MAX).default([]),
  attachmentIds: z.array(Id).max(ITEM_ATTACHMENTS_MAX).default([]),
  designId: Id.nullish(),
});
export const CreateItems = z.object({
  classIds: z.array(Id).min(1).max(20),
  subjectId: Id,
  planKind: PlanKind.default('daily'),
  entries: z.array(ItemEntry).min(1).max(PLAN_DAYS_MAX),
  /** Send into review straight away rather than keep as drafts. */
  submit: z.boolean().default(true),
});
export const CreatedItems = z.object({ items: z.array(HomeworkItem), checks: z.array(DayCheck) });
export const ItemPatch = z.object({
  title: OptionalText(TITLE_MAX).optional(),
  content: ItemContent.optional(),
  type: HomeworkType.optional(),
  layer: Layer.optional(),
  place: Place.optional(),
  minutes: ItemMinutes.optional(),
  date: LocalDate.optional(),
  links: z.array(Link).max(ITEM_LINKS_MAX).optional(),
  attachmentIds: z.array(Id).max(ITEM_ATTACHMENTS_MAX).optional(),
  /** The version the editor saw: a concurrent change answers 409. */
  version: z.number().int(),
});
export const ItemQuery = z.object({
  classId: Id.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  status: ItemStatus.optional(),
  mine: z.enum(['0', '1']).optional(),
});

export const Reason = z.string().trim().min(REASON_MIN).max(REASON_MAX);
export const CheckDecision = z.object({
  itemIds: z.array(Id).min(1).max(200),
  decision: z.enum(['approve', 'return']),
  reason: Reason.optional(),
});
/** 班主任协调总量: shorten, drop, move to another day, or send back to the teacher. */
export const Adjustment = z.discriminatedUnion('action', [
  z.object({ action: z.literal('shorten'), minutes: ItemMinutes, reason: Reason }),
  z.object({ action: z.literal('drop'), reason: Reason }),
  z.object({ action: z.literal('move'), date: LocalDate, reason: Reason }),
  z.object({ action: z.literal('return'), reason: Reason }),
]);

export const LoadCheckRequest = z.object({
  classIds: z.array(Id).min(1).max(20),
  dates: z.array(LocalDate).min(1).max(PLAN_DAYS_MAX),
  draft: z
    .object({ subjectId: Id.optional(), type: HomeworkType, layer: Layer, place: Place, minutes: z.number().int().min(0).max(ITEM_MINUTES_MAX), content: z.string().max(ITEM_CONTENT_MAX).default('') })
    .optional(),
  /** An item being edited: its saved version is left out so it is not counted twice. */
  excludeItemId: Id.optional(),
});
export const LoadEntry = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  date: LocalDate,
  dayName: z.string().nullable(),
  /** Check of the day as it stands, with the draft included when one was sent. */
  check: LoadCheck,
  /** Counted minutes the draft adds. */
  adds: z.number().int(),
  items: z.array(
    z.object({
      id: Id,
      subjectName: z.string(),
      teacherName: z.string(),
      type: HomeworkType,
      layer: Layer,
      place: Place,
      minutes: z.number().int(),
      status: ItemStatus,
    }),
  ),
  policyVersion: z.string().nullable(),
  /** The district versions the day was judged by, with their effective dates (a refusal names the one it applied). */
  policyCited: z.array(PolicyCitation),
  /** The day's coordination state (null: nothing submitted yet) and its published version (0: none). */
  dayStatus: DayStatus.nullable(),
  publishedVersion: z.number().int(),
});
export const LoadCheckResult = z.object({ entries: z.array(LoadEntry), blocked: z.boolean() });

export const PublishedItem = z.object({
  itemId: Id,
  subjectName: z.string(),
  teacherName: z.string(),
  title: z.string().nullable(),
  content: z.string(),
  type: HomeworkType,
  layer: Layer,
  place: Place,
  minutes: z.number().int(),
  links: z.array(z.string()),
  attachments: z.array(Attachment),
});
export const PublishedList = z.object({
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  date: LocalDate,
  version: z.number().int(),
  dayKind: z.string(),
  limit: z.number().int(),
  written: z.number().int(),
  optional: z.number().int(),
  other: z.number().int(),
  inSchool: z.number().int(),
  items: z.array(PublishedItem),
  reason: z.string().nullable(),
  publishedBy: z.string(),
  publishedAt: Timestamp,
  /** The policy versions the publication applied (null: shipped defaults). */
  policyVersion: z.string().nullable().optional(),
});

export const ClassDay = z.object({
  classId: Id,
  className: z.string(),
  schoolId: Id,
  grade: z.number().int(),
  date: LocalDate,
  dayKind: z.string(),
  dayName: z.string().nullable(),
  status: DayStatus,
  publishedVersion: z.number().int(),
  submitNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** Items in the chain (waiting for the content check included): what the day is heading for. */
  check: LoadCheck,
  /** Ready items only: what submitting and publishing check now. */
  readyCheck: LoadCheck,
  items: z.array(HomeworkItem),
  history: z.array(PublishedList.pick({ version: true, reason: true, publishedBy: true, publishedAt: true, written: true, policyVersion: true })),
  settings: z.object({ contentCheck: z.boolean(), classCoordination: z.boolean(), schoolApproval: z.boolean(), mandatory: z.array(ReviewStep) }),
  /** The policy versions the day's checks applied (null: shipped defaults). */
  policyVersion: z.string().nullable(),
});
export const DayParams = z.object({ classId: Id, date: LocalDate });
export const SubmitDay = z.object({ note: OptionalText(REASON_MAX) });
export const ApproveDay = z.object({ reason: OptionalText(REASON_MAX) });
export const ReturnDay = z.object({ reason: Reason });

export const Todo = z.object({
  drafts: z.array(HomeworkItem),
  returned: z.array(HomeworkItem),
  toCheck: z.array(HomeworkItem),
  toCoordinate: z.array(z.object({ classId: Id, className: z.string(), date: LocalDate, status: DayStatus, written: z.number().int(), limit: z.number().int(), violations: z.number().int(), pending: z.number().int() })),
  toApprove: z.array(
    z.object({
      classId: Id,
      className: z.string(),
      date: LocalDate,
      written: z.number().int(),
      limit: z.number().int(),
      nonWritten: z.number().int(),
      submittedBy: z.string().nullable(),
      note: z.string().nullable(),
      correction: z.boolean(),
      /** Rules the day breaks now (a policy changed since it was submitted): it cannot be approved as it is. */
      violations: z.number().int(),
    }),
  ),
  /** The class-day of each item to check (学科组长 sees the class's whole day beside the item). */
  checkDays: z.array(DayCheck),
});

export const HomeworkSettings = z.object({
  schoolId: Id,
  contentCheck: z.boolean(),
  classCoordination: z.boolean(),
  schoolApproval: z.boolean(),
  /** The steps the district makes mandatory (homework.mandatorySteps): always on, whatever the school chose. */
  mandatory: z.array(ReviewStep),
});
export const HomeworkSettingsInput = HomeworkSettings.pick({ contentCheck: true, classCoordination: true, schoolApproval: true });

// ── parents ────────────────────────────────────────────────────────────────
export const ChildDayQuery = z.object({ studentId: Id, date: LocalDate });
/** A wall-clock time, HH:MM (24 h). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM，如 21:05' });
export const FeedbackItem = z.object({ itemId: Id, done: z.boolean(), minutes: z.number().int().min(0).max(FEEDBACK_MINUTES_MAX).nullable() });
export const ChildDay = z.object({
  studentId: Id,
  studentName: z.string(),
  date: LocalDate,
  dayKind: z.string(),
  dayName: z.string().nullable(),
  grade: z.number().int(),
  bedtime: z.string(),
  list: PublishedList.nullable(),
  feedback: z.object({
    items: z.array(FeedbackItem),
    stoppedAtBedtime: z.boolean(),
    minutes: z.number().int(),
    withinLimit: z.boolean(),
    /** When the evening's homework ended (HH:MM), if the family said. */
    endedAt: ClockTime.nullable(),
    /** Minutes past the grade's bedtime it ended (0: on time or not said): a late night. */
    lateMinutes: z.number().int(),
    reportedAt: Timestamp,
  }).nullable(),
});
export const FeedbackInput = z.object({
  studentId: Id,
  date: LocalDate,
  items: z.array(FeedbackItem).max(40),
  /** 作业熔断: accepted only while a counted item is left unfinished. */
  stoppedAtBedtime: z.boolean().default(false),
  /** When homework ended, district time; a time before noon is the small hours after that evening. */
  endedAt: ClockTime.nullable().default(null),
});
/** from ≤ to, at most `days` apart. */
export const withinDays = <T extends { from: string; to: string }>(days: number): [(q: T) => boolean, { message: string; path: string[] }] => [
  (q) => q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= days * 86_400_000,
  { message: `日期范围应在 ${days} 天以内`, path: ['to'] },
];

export const ChildRangeQuery = z.object({ studentId: Id, from: LocalDate, to: LocalDate }).refine(...withinDays(CHILD_RANGE_MAX_DAYS));
export const ChildRange = z.object({
  studentId: Id,
  studentName: z.string(),
  lists: z.array(PublishedList),
  /** Every day of the range with its kind, so days without a list can say why. */
  days: z.array(z.object({ date: LocalDate, kind: z.string(), name: z.string().nullable() })),
});
