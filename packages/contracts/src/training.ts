/**
 * 校外培训监管 (training-institution supervision) vocabulary every area of the module shares: registry states,
 * categories, lesson modes, order and ledger kinds, and the limits people type. Each area's requests and answers live
 * beside it in training-<area>.ts.
 */
import { z } from 'zod';

/** The registry status of an institution: 正常 / 整改 / 暂停 / 注销 (kept on the organisation's institutions row). */
export const TRAINING_STATUSES = ['active', 'rectifying', 'suspended', 'closed'] as const;
export const TrainingStatus = z.enum(TRAINING_STATUSES);
export type TrainingStatus = z.infer<typeof TrainingStatus>;
export const trainingStatusLabels: Record<TrainingStatus, { 'zh-CN': string; en: string }> = {
  active: { 'zh-CN': '正常', en: 'Active' },
  rectifying: { 'zh-CN': '整改', en: 'Rectifying' },
  suspended: { 'zh-CN': '暂停', en: 'Suspended' },
  closed: { 'zh-CN': '注销', en: 'Closed' },
};

/** 学科类 training must be run by a non-profit (非营利性); 非学科类 may be either. */
export const LEGAL_FORMS = ['non_profit', 'for_profit'] as const;
export const LegalForm = z.enum(LEGAL_FORMS);
export type LegalForm = z.infer<typeof LegalForm>;
export const legalFormLabels: Record<LegalForm, { 'zh-CN': string; en: string }> = {
  non_profit: { 'zh-CN': '非营利性', en: 'Non-profit' },
  for_profit: { 'zh-CN': '营利性', en: 'For-profit' },
};

/** What a filing (an institution's registry file, a course, a package, a material) goes through. */
export const FILING_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'withdrawn'] as const;
export const FilingStatus = z.enum(FILING_STATUSES);
export type FilingStatus = z.infer<typeof FilingStatus>;
export const filingStatusLabels: Record<FilingStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已备案', en: 'Approved' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

/** 学科类 subjects and 非学科类 kinds (a course's subtype). */
export const TRAINING_SUBTYPES = [
  'chinese',
  'maths',
  'english',
  'other_subject',
  'sports',
  'arts',
  'science',
  'other_non_subject',
] as const;
export const TrainingSubtype = z.enum(TRAINING_SUBTYPES);
export type TrainingSubtype = z.infer<typeof TrainingSubtype>;
export const trainingSubtypeLabels: Record<TrainingSubtype, { 'zh-CN': string; en: string }> = {
  chinese: { 'zh-CN': '语文', en: 'Chinese' },
  maths: { 'zh-CN': '数学', en: 'Maths' },
  english: { 'zh-CN': '英语', en: 'English' },
  other_subject: { 'zh-CN': '其他学科', en: 'Other subject' },
  sports: { 'zh-CN': '体育', en: 'Sports' },
  arts: { 'zh-CN': '文化艺术', en: 'Arts' },
  science: { 'zh-CN': '科技', en: 'Science' },
  other_non_subject: { 'zh-CN': '其他非学科', en: 'Other non-subject' },
};
/** Which subtypes are 学科类. */
export const SUBJECT_SUBTYPES: readonly TrainingSubtype[] = ['chinese', 'maths', 'english', 'other_subject'];

export const LESSON_MODES = ['offline', 'online'] as const;
export const LessonMode = z.enum(LESSON_MODES);
export type LessonMode = z.infer<typeof LessonMode>;
export const lessonModeLabels: Record<LessonMode, { 'zh-CN': string; en: string }> = {
  offline: { 'zh-CN': '线下', en: 'Offline' },
  online: { 'zh-CN': '线上', en: 'Online' },
};

/** How an institution's prepaid money is secured: 银行托管 custody account or 风险保证金 risk deposit. */
export const CUSTODY_MODES = ['custody', 'deposit'] as const;
export const CustodyMode = z.enum(CUSTODY_MODES);
export type CustodyMode = z.infer<typeof CustodyMode>;
export const custodyModeLabels: Record<CustodyMode, { 'zh-CN': string; en: string }> = {
  custody: { 'zh-CN': '银行托管', en: 'Bank custody' },
  deposit: { 'zh-CN': '风险保证金', en: 'Risk deposit' },
};

/** An order (a package a family bought) through its life. */
export const ORDER_STATUSES = ['active', 'completed', 'refunded', 'expired'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const orderStatusLabels: Record<OrderStatus, { 'zh-CN': string; en: string }> = {
  active: { 'zh-CN': '在读', en: 'Active' },
  completed: { 'zh-CN': '已上完', en: 'Completed' },
  refunded: { 'zh-CN': '已退费', en: 'Refunded' },
  expired: { 'zh-CN': '已到期', en: 'Expired' },
};

/**
 * Ledger accounts (double entry, TigerBeetle's model): every transfer moves an amount from one account's debit side to
 * another's credit side. `order` accounts hold what a family prepaid and not yet consumed or refunded (the custody
 * account's sub-ledger: an institution's custody balance is the sum of its order accounts); `released` is what each
 * institution received lesson by lesson; `deposit` its risk deposit; `parents`, `refunds` and `institution_funding`
 * are the district's clearing accounts towards the world outside (parents' payments in, refunds out, deposits in).
 */
export const LEDGER_ACCOUNT_KINDS = ['order', 'released', 'deposit', 'parents', 'refunds', 'institution_funding'] as const;
export const LedgerAccountKind = z.enum(LEDGER_ACCOUNT_KINDS);
export type LedgerAccountKind = z.infer<typeof LedgerAccountKind>;

export const TRANSFER_KINDS = ['purchase', 'consume', 'refund', 'deposit', 'deposit_release'] as const;
export const TransferKind = z.enum(TRANSFER_KINDS);
export type TransferKind = z.infer<typeof TransferKind>;
export const transferKindLabels: Record<TransferKind, { 'zh-CN': string; en: string }> = {
  purchase: { 'zh-CN': '购课入托管', en: 'Purchase into custody' },
  consume: { 'zh-CN': '课消划拨', en: 'Released per lesson' },
  refund: { 'zh-CN': '退费', en: 'Refund' },
  deposit: { 'zh-CN': '缴存保证金', en: 'Deposit paid in' },
  deposit_release: { 'zh-CN': '保证金退还', en: 'Deposit returned' },
};

/** Limits people type. */
export const TRAINING_NAME_MAX = 60;
export const TRAINING_TEXT_MAX = 2000;
export const TRAINING_REASON_MAX = 500;
export const TRAINING_CLASS_SIZE_MAX = 200;
export const TRAINING_LESSON_MINUTES_MAX = 240;
export const TRAINING_PACKAGE_LESSONS_MAX = 500;
