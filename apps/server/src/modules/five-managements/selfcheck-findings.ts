/**
 * Findings other areas of the module raise against a school (a negative-list book filed by the school, say): each
 * becomes an open item of the school's self-check for the semester, with a rectification deadline from the policy.
 * The self-check area owns the tables; other areas call `raiseFinding` inside their own write's transaction.
 */
import type { Management } from '@shuangjian/contracts';
import type { Queryable } from '../../platform/db';

export interface FindingInput {
  districtId: string;
  schoolId: string;
  /** The management it belongs to (the self-check's section). */
  management: Management;
  /** The area and record that raised it, so a second raise of the same record is not a second item. */
  source: { area: 'reading' | 'sleep' | 'phones' | 'fitness'; refId: string };
  /** What was found, in Chinese, naming the rule. */
  title: string;
  detail?: string;
  /** The policy setting and version the finding applied, when one did. */
  rule?: { key: string; version: number | null };
  /** The date the finding was made (the school's local date): its semester and deadline follow from it. */
  date: string;
  /** Who raised it (audit); null for a job. */
  actorId: string | null;
}

/** Opens (or finds the already open) self-check item for a finding; returns its id. */
export async function raiseFinding(_tx: Queryable, _input: FindingInput): Promise<{ id: string }> {
  throw new Error('raiseFinding: the self-check area implements this');
}
