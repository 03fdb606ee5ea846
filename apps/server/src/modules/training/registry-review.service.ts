/**
 * 校外培训监管 · registry: the district's side. Filings waiting for review (registry files, courses, packages,
 * materials) are approved or sent back with a reason; an institution's status (正常/整改/暂停/注销) changes only with
 * a reason, written to its status history, audited, and told to the institution's admins. The white and black lists
 * follow the status by the organisation's rule (`standingAfter`, see org/standing.ts).
 */
import { filingKindLabels, trainingStatusLabels, type RegistryFile, type RegistryQueueItem, type RegistryReviewInput, type RegistryStatusInput, type TrainingRuleFinding } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { conflict, found, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { institutionStanding, type InstitutionStatus, setInstitutionStanding, standingAfter } from '../org';
import { getRegistryFile, listRegistry } from './registry-file.service';
import { institutionAdmins, type Institution, reachInstitution } from './registry.repo';
import { trainingMaterials, trainingStatusHistory } from './registry.schema';
import { trainingCourses, trainingPackages, trainingProfiles } from './schema';

const yuan = (v: number) => formatYuan(v as Fen, { locale: 'zh-CN' });
const listLabels: Record<string, string> = { white: '白名单', black: '黑名单', none: '未列入' };

/** What waits for the district's review, oldest first. */
export async function reviewQueue(ctx: Ctx): Promise<RegistryQueueItem[]> {
  requirePermission(ctx, 'training.review');
  const names = new Map((await listRegistry(ctx)).map((i) => [i.institutionId, i.institutionName]));
  const name = (id: string) => names.get(id) ?? '';
  const items: RegistryQueueItem[] = [];
  const profiles = await ctx.db.select().from(trainingProfiles).where(and(scoped(ctx, trainingProfiles, 'training.review'), eq(trainingProfiles.filingStatus, 'submitted')));
  for (const p of profiles)
    items.push({ kind: 'profile', id: p.institutionId, institutionId: p.institutionId, institutionName: name(p.institutionId), title: name(p.institutionId), detail: `${p.legalForm === 'non_profit' ? '非营利性' : '营利性'}，${p.custodyMode === 'custody' ? `银行托管 ${p.custodyBank ?? ''}` : '风险保证金'}`, submittedAt: p.submittedAt?.toISOString() ?? null, findings: [] });
  const courses = await ctx.db.select().from(trainingCourses).where(and(scoped(ctx, trainingCourses, 'training.review'), eq(trainingCourses.status, 'submitted'))).orderBy(asc(trainingCourses.updatedAt));
  for (const c of courses)
    items.push({ kind: 'course', id: c.id, institutionId: c.institutionId, institutionName: name(c.institutionId), title: c.name, detail: `${c.mode === 'online' ? '线上' : '线下'} ${c.lessonMinutes} 分钟，≤ ${c.maxClassSize} 人，每课时 ${yuan(c.pricePerLessonFen)}`, submittedAt: c.updatedAt.toISOString(), findings: c.findings as TrainingRuleFinding[] });
  const packages = await ctx.db
    .select({ p: trainingPackages, courseName: trainingCourses.name })
    .from(trainingPackages)
    .innerJoin(trainingCourses, and(eq(trainingCourses.districtId, trainingPackages.districtId), eq(trainingCourses.id, trainingPackages.courseId)))
    .where(and(scoped(ctx, trainingPackages, 'training.review'), eq(trainingPackages.status, 'submitted')))
    .orderBy(asc(trainingPackages.updatedAt));
  for (const { p, courseName } of packages)
    items.push({ kind: 'package', id: p.id, institutionId: p.institutionId, institutionName: name(p.institutionId), title: p.name, detail: `${courseName}：${p.lessons} 课时，${p.months} 个月，${yuan(p.priceFen)}`, submittedAt: p.updatedAt.toISOString(), findings: p.findings as TrainingRuleFinding[] });
  const materials = await ctx.db.select().from(trainingMaterials).where(and(scoped(ctx, trainingMaterials, 'training.review'), eq(trainingMaterials.status, 'submitted'))).orderBy(asc(trainingMaterials.updatedAt));
  for (const m of materials)
    items.push({ kind: 'material', id: m.id, institutionId: m.institutionId, institutionName: name(m.institutionId), title: m.title, detail: [m.publisher, m.author, m.grades].filter(Boolean).join(' · '), submittedAt: m.updatedAt.toISOString(), findings: [] });
  return items.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

/** The filing's institution and its current state, whatever its kind (a foreign or unknown id is the same 404). */
async function loadFiling(ctx: Ctx, kind: RegistryQueueItem['kind'], id: string): Promise<{ institutionId: string; status: string; title: string }> {
  const what = filingKindLabels[kind]['zh-CN'];
  if (kind === 'profile') {
    const p = found(await ctx.db.select().from(trainingProfiles).where(and(scoped(ctx, trainingProfiles, 'training.review'), eq(trainingProfiles.institutionId, id))), what);
    return { institutionId: p.institutionId, status: p.filingStatus, title: '机构备案' };
  }
  if (kind === 'course') {
    const c = found(await ctx.db.select().from(trainingCourses).where(and(scoped(ctx, trainingCourses, 'training.review'), eq(trainingCourses.id, id))), what);
    return { institutionId: c.institutionId, status: c.status, title: `课程「${c.name}」` };
  }
  if (kind === 'package') {
    const p = found(await ctx.db.select().from(trainingPackages).where(and(scoped(ctx, trainingPackages, 'training.review'), eq(trainingPackages.id, id))), what);
    return { institutionId: p.institutionId, status: p.status, title: `课时包「${p.name}」` };
  }
  const m = found(await ctx.db.select().from(trainingMaterials).where(and(scoped(ctx, trainingMaterials, 'training.review'), eq(trainingMaterials.id, id))), what);
  return { institutionId: m.institutionId, status: m.status, title: `培训材料「${m.title}」` };
}

async function writeDecision(ctx: Ctx, tx: Queryable, kind: RegistryQueueItem['kind'], id: string, status: 'approved' | 'returned', note: string | null) {
  const d = ctx.user.districtId;
  const now = ctx.now();
  if (kind === 'profile')
    await tx.update(trainingProfiles).set({ filingStatus: status, reviewNote: note, reviewedAt: now, reviewedBy: ctx.user.id, updatedAt: now }).where(and(eq(trainingProfiles.districtId, d), eq(trainingProfiles.institutionId, id)));
  else if (kind === 'course') await tx.update(trainingCourses).set({ status, reviewNote: note, updatedAt: now }).where(and(eq(trainingCourses.districtId, d), eq(trainingCourses.id, id)));
  else if (kind === 'package') await tx.update(trainingPackages).set({ status, reviewNote: note, updatedAt: now }).where(and(eq(trainingPackages.districtId, d), eq(trainingPackages.id, id)));
  else await tx.update(trainingMaterials).set({ status, reviewNote: note, reviewedAt: now, reviewedBy: ctx.user.id, updatedAt: now }).where(and(eq(trainingMaterials.districtId, d), eq(trainingMaterials.id, id)));
}

/** Approve or send back a filing (退回 needs a reason). An approved registry file puts a 正常 institution on the white list. */
export async function reviewFiling(ctx: Ctx, input: z.output<typeof RegistryReviewInput>): Promise<RegistryFile> {
  requirePermission(ctx, 'training.review');
  const filing = await loadFiling(ctx, input.kind, input.id);
  if (filing.status !== 'submitted') throw conflict(`${filing.title}不在待审核状态`);
  const inst = await reachInstitution(ctx, filing.institutionId, 'training.review');
  if (input.kind === 'package' && input.decision === 'approve') {
    const [p] = await ctx.db.select({ courseStatus: trainingCourses.status }).from(trainingPackages)
      .innerJoin(trainingCourses, and(eq(trainingCourses.districtId, trainingPackages.districtId), eq(trainingCourses.id, trainingPackages.courseId)))
      .where(and(eq(trainingPackages.districtId, ctx.user.districtId), eq(trainingPackages.id, input.id)));
    if (p?.courseStatus !== 'approved') throw invalid('id', '课时包', '所属课程尚未备案，请先审核课程');
  }
  const status = input.decision === 'approve' ? 'approved' : 'returned';
  await ctx.db.transaction(async (tx) => {
    await writeDecision(ctx, tx, input.kind, input.id, status, input.note);
    await audit(tx, ctx.actor, { action: `training.${input.kind}.${input.decision}`, entity: `training_${input.kind}`, entityId: input.id, after: { institution: inst.name, title: filing.title, note: input.note } });
    if (input.kind === 'profile' && status === 'approved') await moveLists(ctx, tx, inst, inst.status, false, '备案审核通过');
    const verdict = status === 'approved' ? '已通过备案' : `被退回：${input.note}`;
    await notify(tx, ctx.user.districtId, await institutionAdmins(tx, ctx.user.districtId, inst.id), {
      kind: `training.filing.${status}`,
      title: `${filing.title}${verdict}`,
      link: '/training/registry',
    }, ctx.channels);
  });
  return getRegistryFile(ctx, inst.id);
}

/** Writes the status and the list the rule gives, with a history line; nothing when neither changes. */
async function moveLists(ctx: Ctx, tx: Queryable, inst: Institution, status: InstitutionStatus, serious: boolean, reason: string): Promise<boolean> {
  const now = found([await institutionStanding(tx, ctx.user.districtId, inst.id)].filter((x) => x !== null), '机构');
  const [p] = await tx.select({ s: trainingProfiles.filingStatus }).from(trainingProfiles).where(and(eq(trainingProfiles.districtId, now.districtId), eq(trainingProfiles.institutionId, now.id)));
  const listStatus = standingAfter(now.listStatus, status, { fileApproved: p?.s === 'approved', serious });
  if (status === now.status && listStatus === now.listStatus) return false;
  await setInstitutionStanding(tx, now.districtId, now.id, { status, listStatus });
  await tx.insert(trainingStatusHistory).values({
    districtId: now.districtId,
    institutionId: now.id,
    zoneId: now.zoneId,
    fromStatus: now.status,
    toStatus: status,
    fromList: now.listStatus,
    toList: listStatus,
    reason,
    byUserId: ctx.user.id,
    byName: ctx.user.name,
  });
  await audit(tx, ctx.actor, {
    action: 'training.institution.status',
    entity: 'institution',
    entityId: now.id,
    before: { status: now.status, listStatus: now.listStatus },
    after: { status, listStatus, reason, serious },
  });
  return true;
}

/** 正常 / 整改 / 暂停 / 注销, always with a reason; the lists follow; the institution's admins are told. */
export async function changeStatus(ctx: Ctx, institutionId: string, input: z.output<typeof RegistryStatusInput>): Promise<RegistryFile> {
  const inst = await reachInstitution(ctx, institutionId, 'training.review');
  await ctx.db.transaction(async (tx) => {
    const changed = await moveLists(ctx, tx, inst, input.status, input.serious, input.reason);
    if (!changed) throw conflict(`机构已是「${trainingStatusLabels[input.status]['zh-CN']}」状态`);
    const after = await institutionStanding(tx, ctx.user.districtId, inst.id);
    await notify(tx, ctx.user.districtId, await institutionAdmins(tx, ctx.user.districtId, inst.id), {
      kind: 'training.institution.status',
      title: `${inst.name}的办学状态调整为「${trainingStatusLabels[input.status]['zh-CN']}」（${listLabels[after!.listStatus]}）`,
      body: `原因：${input.reason}`,
      link: '/training/registry',
    }, ctx.channels);
  });
  return getRegistryFile(ctx, inst.id);
}
