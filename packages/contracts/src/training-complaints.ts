/**
 * 举报 (complaints about training institutions): the public form (no sign-in), a parent's form, the ticket a
 * complainant follows with its code, and the district's and inspectors' handling (assign to a zone, investigate,
 * answer, close) with deadlines, overdue marks and statistics.
 */
import { z } from 'zod';
import { Id, LocalDate, pageOf, Paging, Phone, Text, Timestamp } from './common';

export const COMPLAINT_CATEGORIES = ['subject_violation', 'overcharge', 'prepay_over_limit', 'refund', 'safety', 'unlicensed', 'false_ads', 'other'] as const;
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;
export const complaintCategoryLabels: Record<ComplaintCategory, { 'zh-CN': string; en: string }> = {
  subject_violation: { 'zh-CN': '学科类违规', en: 'Subject training violation' },
  overcharge: { 'zh-CN': '超标收费', en: 'Overcharging' },
  prepay_over_limit: { 'zh-CN': '预收费超限', en: 'Prepayment over the limit' },
  refund: { 'zh-CN': '退费难', en: 'Refund refused' },
  safety: { 'zh-CN': '安全隐患', en: 'Safety hazard' },
  unlicensed: { 'zh-CN': '无证办学', en: 'Unlicensed' },
  false_ads: { 'zh-CN': '虚假宣传', en: 'False advertising' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** received → assigned (to a zone) → investigating → answered → closed. */
export const COMPLAINT_STATUSES = ['received', 'assigned', 'investigating', 'answered', 'closed'] as const;
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const complaintStatusLabels: Record<ComplaintStatus, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '已受理', en: 'Received' },
  assigned: { 'zh-CN': '已分派', en: 'Assigned' },
  investigating: { 'zh-CN': '调查中', en: 'Investigating' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};
/** Statuses still waiting for an answer: the ones that can be overdue. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'assigned', 'investigating'];

export const COMPLAINT_CHANNELS = ['public', 'parent'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_TEXT_MAX = 2000;
export const COMPLAINT_TEXT_MIN = 10;
export const COMPLAINT_NAME_MAX = 60;
export const COMPLAINT_NOTE_MAX = 500;
/** Ticket codes: 10 characters of Crockford base32 (no I, L, O, U). */
export const COMPLAINT_CODE_LENGTH = 10;
export const COMPLAINT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const Description = z.string().trim().min(COMPLAINT_TEXT_MIN, { message: `请至少写 ${COMPLAINT_TEXT_MIN} 个字，说明发生了什么` }).max(COMPLAINT_TEXT_MAX);

/** What a complainant files: a known institution (from the list) or a name typed in, never both missing. */
const ComplaintBody = z.object({
  category: ComplaintCategory,
  institutionId: Id.nullish(),
  institutionName: z.string().trim().max(COMPLAINT_NAME_MAX).nullish(),
  description: Description,
});
const needsInstitution = (v: { institutionId?: string | null; institutionName?: string | null }) => !!v.institutionId || !!v.institutionName;
const institutionMissing = { message: '请选择机构或填写机构名称', path: ['institutionName'] };

export const PublicComplaintInput = ComplaintBody.extend({ replyPhone: Phone }).refine(needsInstitution, institutionMissing);
export type PublicComplaintInput = z.infer<typeof PublicComplaintInput>;
export const ParentComplaintInput = ComplaintBody.extend({ replyPhone: Phone.nullish() }).refine(needsInstitution, institutionMissing);
export type ParentComplaintInput = z.infer<typeof ParentComplaintInput>;

export const PublicDistrictParams = z.object({ code: z.string().trim().min(1).max(40) });
export const TicketCodeParams = z.object({
  ticket: z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^[${COMPLAINT_CODE_ALPHABET}]{${COMPLAINT_CODE_LENGTH}}$`), { message: `应为 ${COMPLAINT_CODE_LENGTH} 位查询码` }),
});

/** The answer to a filing: the code to keep. */
export const ComplaintFiled = z.object({ code: z.string(), status: ComplaintStatus, deadline: LocalDate, receivedOn: LocalDate });
export type ComplaintFiled = z.infer<typeof ComplaintFiled>;

/** One step of a ticket's timeline; `actorName` is null on the public view (staff are not named to the public). */
export const ComplaintEvent = z.object({ status: ComplaintStatus, note: z.string().nullable(), at: Timestamp, actorName: z.string().nullable() });
export type ComplaintEvent = z.infer<typeof ComplaintEvent>;

/** What a complainant sees by the code: no staff names, the phone masked. */
export const PublicTicket = z.object({
  code: z.string(),
  category: ComplaintCategory,
  institutionName: z.string(),
  description: z.string(),
  replyPhone: z.string().nullable(),
  status: ComplaintStatus,
  receivedOn: LocalDate,
  deadline: LocalDate,
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  timeline: z.array(ComplaintEvent),
});
export type PublicTicket = z.infer<typeof PublicTicket>;

/** A ticket as handlers and the filing parent see it. */
export const Complaint = z.object({
  id: Id,
  code: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  category: ComplaintCategory,
  institutionId: Id.nullable(),
  institutionName: z.string(),
  /** The known institution's zone: what the district assigns to by default. */
  suggestedZoneId: Id.nullable(),
  description: z.string(),
  /** In full only for the ticket's handler; masked (138****1234) for everyone else. */
  replyPhone: z.string().nullable(),
  fromParent: z.boolean(),
  zoneId: Id.nullable(),
  zoneName: z.string().nullable(),
  status: ComplaintStatus,
  handlerName: z.string().nullable(),
  receivedOn: LocalDate,
  deadline: LocalDate,
  /** Working days given to answer, and the policy version they came from (null: the shipped default). */
  answerDays: z.number().int(),
  policyVersion: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredOn: LocalDate.nullable(),
  answeredAt: Timestamp.nullable(),
  createdAt: Timestamp,
  timeline: z.array(ComplaintEvent),
});
export type Complaint = z.infer<typeof Complaint>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** The handlers' filters (the list and its export): all applied in the database, overdue included. */
export const ComplaintFilter = z.object({
  status: ComplaintStatus.optional(),
  category: ComplaintCategory.optional(),
  institutionId: Id.optional(),
  zoneId: Id.optional(),
  overdue: flag.optional(),
  /** One ticket by its code (a notification's link), case-insensitive. */
  code: TicketCodeParams.shape.ticket.optional(),
});
export type ComplaintFilter = z.output<typeof ComplaintFilter>;
/** A page of the list: newest first (filed, then id). */
export const ComplaintQuery = ComplaintFilter.extend(Paging);
export type ComplaintQuery = z.output<typeof ComplaintQuery>;
export const ComplaintPage = pageOf(Complaint);
export type ComplaintPage = z.infer<typeof ComplaintPage>;
/** The export holds every ticket the filters match, up to this many. */
export const COMPLAINT_EXPORT_MAX_ROWS = 50_000;

export const ComplaintAssign = z.object({ zoneId: Id, note: z.string().trim().max(COMPLAINT_NOTE_MAX).nullish() });
export type ComplaintAssign = z.infer<typeof ComplaintAssign>;
export const ComplaintNote = z.object({ note: z.string().trim().max(COMPLAINT_NOTE_MAX).nullish() });
export type ComplaintNote = z.infer<typeof ComplaintNote>;
export const ComplaintAnswer = z.object({ answer: Text(COMPLAINT_TEXT_MAX) });
export type ComplaintAnswer = z.infer<typeof ComplaintAnswer>;

export const ComplaintStatsQuery = z.object({ from: LocalDate.optional(), to: LocalDate.optional() });
export const ComplaintStats = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  byStatus: z.array(z.object({ status: ComplaintStatus, count: z.number().int() })),
  byCategory: z.array(z.object({ category: ComplaintCategory, count: z.number().int(), open: z.number().int() })),
  byInstitution: z.array(z.object({ institutionId: Id.nullable(), institutionName: z.string(), count: z.number().int(), open: z.number().int(), overdue: z.number().int() })),
  byZone: z.array(z.object({ zoneId: Id.nullable(), zoneName: z.string().nullable(), count: z.number().int(), open: z.number().int(), overdue: z.number().int() })),
});
export type ComplaintStats = z.infer<typeof ComplaintStats>;

/** An institution to pick on the public form (the district's public list). */
export const ComplaintInstitutionOption = z.object({ id: Id, name: z.string(), listStatus: z.enum(['white', 'black', 'none']) });
export type ComplaintInstitutionOption = z.infer<typeof ComplaintInstitutionOption>;
