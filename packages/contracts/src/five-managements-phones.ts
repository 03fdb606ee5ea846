/**
 * 手机管理: the district's rule (ban with a class-teacher hotline, or a parent's written request approved by the class
 * teacher and the phone kept centrally), the school's rule page for parents, requests and their decisions, and the
 * class register with the day's hand-in and return marks (统一保管).
 */
import { z } from 'zod';
import { Id, LocalDate, Phone, Text, Timestamp } from './common';

export const PHONE_REASON_MAX = 300;
export const PHONE_UNDERTAKING_MAX = 1000;
export const PHONE_NOTE_MAX = 200;
export const PHONE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'revoked'] as const;
export const PhoneRequestStatus = z.enum(PHONE_STATUSES);

/** The family's undertaking the request carries unless the family writes its own. */
export const PHONE_UNDERTAKING_DEFAULT =
  '本人承诺：孩子带手机入校仅用于上学放学途中与家长联系；进校后按时交班主任统一保管，放学时领回；不带入课堂，不在校内使用；如有违反，同意学校取消带手机入校的许可。';

export const PhoneRuleCited = z.object({
  rule: z.literal('five-managements.phones'),
  value: z.enum(['ban', 'request']),
  requestValidDays: z.number().int(),
  policyVersions: z.string().nullable(),
  text: z.string(),
});
export type PhoneRuleCited = z.output<typeof PhoneRuleCited>;

export const PhoneHotline = z.object({
  classId: Id,
  className: z.string(),
  teacherName: z.string().nullable(),
  /** 班主任沟通热线: the number the class teacher keeps; null when none is set. */
  phone: z.string().nullable(),
});

export const PhoneRequest = z.object({
  id: Id,
  studentId: Id,
  studentName: z.string(),
  classId: Id,
  className: z.string(),
  status: PhoneRequestStatus,
  /** Approved but past its valid-until date. */
  expired: z.boolean(),
  reason: z.string(),
  undertaking: z.string(),
  undertakingHash: z.string(),
  validUntil: LocalDate,
  filedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  revokedReason: z.string().nullable(),
  policyVersions: z.string().nullable(),
});
export type PhoneRequest = z.output<typeof PhoneRequest>;

export const PhoneFamily = z.object({
  studentId: Id,
  studentName: z.string(),
  schoolName: z.string(),
  rule: PhoneRuleCited,
  hotline: PhoneHotline,
  requests: z.array(PhoneRequest),
  /** Latest valid-until a new request may ask for. */
  latestValidUntil: LocalDate,
});
export type PhoneFamily = z.output<typeof PhoneFamily>;

export const PhoneRequestInput = z.object({
  studentId: Id,
  reason: Text(PHONE_REASON_MAX),
  undertaking: Text(PHONE_UNDERTAKING_MAX),
  validUntil: LocalDate.nullish(),
});
export type PhoneRequestInput = z.output<typeof PhoneRequestInput>;
export const PhoneDecisionInput = z.object({ approve: z.boolean(), note: z.string().trim().max(PHONE_NOTE_MAX).nullish().transform((v) => v || null) });
export const PhoneRevokeInput = z.object({ reason: Text(PHONE_NOTE_MAX) });
export const PhoneHotlineInput = z.object({ phone: Phone });

export const PhoneRegisterQuery = z.object({ date: LocalDate.optional() });
export const PhoneRegisterRow = z.object({
  requestId: Id,
  studentId: Id,
  studentName: z.string(),
  validUntil: LocalDate,
  handedIn: z.boolean(),
  returned: z.boolean(),
  markedAt: Timestamp.nullable(),
});
export const PhoneRegister = z.object({
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  date: LocalDate,
  rule: PhoneRuleCited,
  hotline: PhoneHotline,
  pending: z.array(PhoneRequest),
  register: z.array(PhoneRegisterRow),
  /** Requests decided this semester (approved / decided), for the class figure. */
  decided: z.number().int(),
  approved: z.number().int(),
  kept: z.number().int(),
});
export type PhoneRegister = z.output<typeof PhoneRegister>;

export const PhoneMarksInput = z.object({
  date: LocalDate,
  marks: z.array(z.object({ requestId: Id, handedIn: z.boolean(), returned: z.boolean() })).min(1).max(100),
});
export type PhoneMarksInput = z.output<typeof PhoneMarksInput>;
