import { z } from 'zod';
import { Id, LocalDate, OptionalText, Timestamp } from './common';

export const PolicyVersion = z.object({
  id: Id,
  value: z.unknown(),
  effectiveFrom: LocalDate,
  reason: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: z.string().nullable(),
});
/**
 * The shape of a setting's value as the server accepts it: a JSON Schema (draft 2020-12, the input side) of the
 * setting's Zod schema, fields labelled by their `description`. The web's generic editor is built from it.
 */
export const PolicyValueSchema = z.record(z.string(), z.unknown());
export type PolicyValueSchema = z.infer<typeof PolicyValueSchema>;
export const PolicyEntry = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  default: z.unknown(),
  schema: PolicyValueSchema,
  /** In force today (null: the shipped default applies). */
  current: PolicyVersion.nullable(),
  versions: z.array(PolicyVersion),
});
/**
 * One version of a district setting in the district's change history (政策变更记录): what it set, the value it replaced
 * (the version before it on the setting's timeline, or the shipped default), from when, why, by whom and when.
 */
export const PolicyHistoryEntry = PolicyVersion.extend({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  previous: z.unknown(),
  /** The replaced value is the shipped default (no earlier version of the setting). */
  previousIsDefault: z.boolean(),
  /** in_force: applies today; upcoming: from a later date; superseded: a later version applies. */
  status: z.enum(['in_force', 'upcoming', 'superseded']),
});
export type PolicyHistoryEntry = z.infer<typeof PolicyHistoryEntry>;
export const PolicyHistory = z.object({ items: z.array(PolicyHistoryEntry), today: LocalDate });
export type PolicyHistory = z.infer<typeof PolicyHistory>;
/**
 * A district setting's version a check applied (its key, id, effective date and reason): what a refusal cites. A
 * setting on its shipped default is not listed.
 */
export const PolicyCitation = z.object({ key: z.string(), id: Id, effectiveFrom: LocalDate, reason: z.string().nullable() });
export type PolicyCitation = z.infer<typeof PolicyCitation>;
export const PolicyInput = z.object({ value: z.unknown(), effectiveFrom: LocalDate, reason: OptionalText(200) });
export const PolicyKeyParams = z.object({ key: z.string().max(60) });

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const MarkRead = z.object({ ids: z.array(Id).max(200).optional(), all: z.boolean().optional() });
