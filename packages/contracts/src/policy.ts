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
export const PolicyEntry = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  default: z.unknown(),
  /** In force today (null: the shipped default applies). */
  current: PolicyVersion.nullable(),
  versions: z.array(PolicyVersion),
});
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
