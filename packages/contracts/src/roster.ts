/** Roster import/export (.xlsx): classes, students with guardians, staff. */
import { z } from 'zod';
import { Id } from './common';
import { Credential } from './org';

export const ROSTER_ENTITIES = ['classes', 'students', 'staff'] as const;
export const RosterEntity = z.enum(ROSTER_ENTITIES);
export type RosterEntity = z.infer<typeof RosterEntity>;
export const rosterEntityLabels = { classes: '班级', students: '学生及监护人', staff: '教职工' } as const;

export const RosterParams = z.object({ entity: RosterEntity });
export const RosterQuery = z.object({ schoolId: Id });

export const RowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

export const ImportResult = z.object({
  entity: RosterEntity,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  credentials: z.array(Credential),
});
export const ImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ rows: z.number().int(), errors: z.array(RowError) }),
});
