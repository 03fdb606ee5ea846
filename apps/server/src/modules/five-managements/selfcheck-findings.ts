/**
 * Findings other areas of the module raise against a school (a negative-list book filed by the school, say): each
 * becomes an open item of the school's self-check for the semester, with a rectification deadline from the policy.
 * The self-check area owns the tables; other areas call `raiseFinding` inside their own write's transaction.
 */
import type { Management } from '@shuangjian/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { audit, systemActor } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { semesterAt, semestersOf } from '../calendar';
import { roleHolders } from '../org';
import { bumpSelfcheck, openingDeadline } from './selfcheck.repo';
import { fiveSelfcheckEvents, fiveSelfcheckRectifications } from './selfcheck.schema';

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

async function actorOf(q: Queryable, input: FindingInput): Promise<Actor> {
  if (!input.actorId) return systemActor(input.districtId, '系统（五项管理核查）');
  const [u] = await q.select({ name: users.name }).from(users).where(and(eq(users.districtId, input.districtId), eq(users.id, input.actorId)));
  return { districtId: input.districtId, userId: input.actorId, userName: u?.name ?? '系统', roles: [], ip: null, requestId: null };
}

async function openFor(q: Queryable, input: FindingInput) {
  const t = fiveSelfcheckRectifications;
  const [row] = await q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.districtId, input.districtId), eq(t.sourceArea, input.source.area), eq(t.sourceRefId, input.source.refId), ne(t.status, 'closed')));
  return row ?? null;
}

/**
 * Opens (or finds the already open) self-check item for a finding; returns its id. Works without a checklist for the
 * semester (the item stands on its own), and inside the caller's transaction: the item, its history line, the audit
 * entry, the indicator and the notice to the school commit or roll back with the caller's write.
 */
export async function raiseFinding(tx: Queryable, input: FindingInput): Promise<{ id: string }> {
  const existing = await openFor(tx, input);
  if (existing) return existing;
  const semester = semesterAt(await semestersOf(tx, input.districtId), input.date);
  const { deadline, citation } = await openingDeadline(tx, input.districtId, input.date);
  const [row] = await tx
    .insert(fiveSelfcheckRectifications)
    .values({
      districtId: input.districtId,
      schoolId: input.schoolId,
      semesterId: semester?.id ?? null,
      management: input.management,
      origin: 'finding',
      sourceArea: input.source.area,
      sourceRefId: input.source.refId,
      title: input.title,
      detail: input.detail ?? null,
      rule: input.rule ?? null,
      openedOn: input.date,
      deadline,
      citation,
    })
    .onConflictDoNothing()
    .returning({ id: fiveSelfcheckRectifications.id });
  if (!row) return (await openFor(tx, input))!; // raised at the same moment by another write: the open item is theirs
  const actor = await actorOf(tx, input);
  await tx.insert(fiveSelfcheckEvents).values({ districtId: input.districtId, rectificationId: row.id, schoolId: input.schoolId, kind: 'opened', note: input.title, deadline, byUserId: input.actorId, byName: actor.userName });
  await audit(tx, actor, { action: 'five-managements.selfcheck.finding', entity: 'five_selfcheck_rectification', entityId: row.id, after: { ...input, deadline, citation } });
  await bumpSelfcheck(tx, { districtId: input.districtId, schoolId: input.schoolId, semesterId: semester?.id ?? null }, { opened: 1 });
  const admins = await roleHolders(tx, input.districtId, 'school_admin', { schoolId: input.schoolId });
  await notify(tx, input.districtId, admins, { kind: 'five-managements.selfcheck.finding', title: `自查整改新增问题：${input.title.slice(0, 40)}`, body: `请于 ${deadline} 前完成整改`, link: '/five/selfcheck/school' });
  return row;
}
