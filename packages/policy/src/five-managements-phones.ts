/**
 * 手机管理 rules (five-managements.phones). The district's rule is either 'ban' (seed 004 #23: “严格《手机管理制度》,
 * 实行‘禁止学生手机入校’的管理措施”, with “班主任沟通热线满足学生应急通话需求”) or 'request' (the national rule: a
 * phone comes to school only on a parent's written request (书面申请) the class teacher approves, and is kept centrally
 * (统一保管) during the day). A request lives: pending → approved | rejected | withdrawn; approved → revoked | withdrawn;
 * an approval ends by itself after its valid-until date.
 */
import { addDays, type LocalDate } from './dates';

export const PHONE_RULE_KEY = 'five-managements.phones';
export type PhoneRule = 'ban' | 'request';
export const PHONE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'revoked'] as const;
export type PhoneRequestStatus = (typeof PHONE_REQUEST_STATUSES)[number];
export type PhoneAction = 'approve' | 'reject' | 'withdraw' | 'revoke';

/** The rule as parents read it on the school's rule page. */
export const phoneRuleTexts: Record<PhoneRule, { 'zh-CN': string; en: string }> = {
  ban: {
    'zh-CN': '本区实行“禁止学生手机入校”的管理措施；学生在校需要应急通话时，由班主任沟通热线联系家长。',
    en: 'Phones are not allowed in school; for an emergency call the class teacher’s line connects pupil and family.',
  },
  request: {
    'zh-CN': '学生原则上不得将手机带入校园；确有需要的，须由家长书面申请、班主任同意后带入，进校后统一保管，禁止带入课堂。',
    en: 'Phones stay at home; if one is really needed, a parent asks in writing, the class teacher approves, and the phone is kept centrally during the day, never in class.',
  },
};

/** Under 'ban' no request is taken: the refusal cites the rule. */
export const requestsAccepted = (rule: PhoneRule) => rule === 'request';

export type ValidUntilRefusal = { reason: 'not_after_today' } | { reason: 'too_far'; latest: LocalDate };

/** The valid-until date of a new request: the family's choice, at most `requestValidDays` after today (default: that). */
export function requestValidUntil(today: LocalDate, requestValidDays: number, asked?: LocalDate | null): { validUntil: LocalDate } | ValidUntilRefusal {
  const latest = addDays(today, requestValidDays);
  if (!asked) return { validUntil: latest };
  if (asked <= today) return { reason: 'not_after_today' };
  if (asked > latest) return { reason: 'too_far', latest };
  return { validUntil: asked };
}

const NEXT: Record<PhoneAction, { from: readonly PhoneRequestStatus[]; to: PhoneRequestStatus }> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  withdraw: { from: ['pending', 'approved'], to: 'withdrawn' },
  revoke: { from: ['approved'], to: 'revoked' },
};

/** The status after an action, or null when it does not apply (a request past its valid-until date can be neither approved nor revoked). */
export function phoneTransition(status: PhoneRequestStatus, action: PhoneAction, expired: boolean): PhoneRequestStatus | null {
  const step = NEXT[action];
  if (!step.from.includes(status)) return null;
  if (expired && (action === 'approve' || action === 'revoke')) return null;
  return step.to;
}

/** An approval past its valid-until date no longer lets the phone in (nor counts in the register). */
export const approvalExpired = (validUntil: LocalDate, date: LocalDate) => validUntil < date;

/** A request still holding the child's place: pending, or approved and not expired; a new one waits until it ends. */
export const requestLive = (status: PhoneRequestStatus, validUntil: LocalDate, date: LocalDate) =>
  status === 'pending' || (status === 'approved' && !approvalExpired(validUntil, date));

/** A day's mark in the register: handed in in the morning (kept centrally), given back after school. */
export interface PhoneMark {
  handedIn: boolean;
  returned: boolean;
}
/** Given back without being handed in is a slip: refused. */
export const markConsistent = (m: PhoneMark) => m.handedIn || !m.returned;
