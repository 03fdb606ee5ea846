import { z } from 'zod';
import { Id, LocalDate, pageOf, PageQuery, Timestamp } from './common';

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: Id.nullable(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export const AuditQuery = PageQuery.extend({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  actor: z.string().trim().max(40).optional(),
  entity: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
});
export const AuditPage = pageOf(AuditEntry);
