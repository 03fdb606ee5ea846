/**
 * A school's self-check of a semester: read it (the school, its zone's inspector, the district), answer an item
 * 符合/不符合 with evidence (a 不符合 answer opens a rectification with the policy's deadline and a named person), and
 * submit once every item is answered with the evidence it requires (the refusal names the items).
 */
import type { SchoolSelfcheck, SchoolSelfcheckQuery, SelfcheckAnswerInput, SelfcheckSubmitInput } from '@shuangjian/contracts';
import { checkSubmission, describeGaps } from '@shuangjian/policy';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { attachmentsOf, claimAttachments } from '../../platform/attachments';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { conflict, invalid, notFound, ruleViolation } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { roleHolders } from '../org';
import { checklistOfSemester } from './selfcheck-checklists.service';
import { bumpSelfcheck, EVIDENCE_KIND, evidenceKind, loadRectifications, openingDeadline, ownSchoolId, reachableSchool, type SchoolRef, semesterOf } from './selfcheck.repo';
import { fiveSelfcheckAnswers, fiveSelfcheckChecklists, fiveSelfcheckEvents, fiveSelfcheckItems, fiveSelfcheckRectifications, fiveSelfchecks } from './selfcheck.schema';

export async function getSchoolSelfcheck(ctx: Ctx, query: z.output<typeof SchoolSelfcheckQuery>): Promise<SchoolSelfcheck> {
  requirePermission(ctx, 'five-managements.read');
  const schoolId = query.schoolId ?? ownSchoolId(ctx);
  if (!schoolId) throw invalid('schoolId', '学校（schoolId）', '请选择学校');
  const school = await reachableSchool(ctx, ctx.db, schoolId, 'five-managements.read');
  const semester = await semesterOf(ctx.db, ctx.user.districtId, query.semesterId, today(ctx));
  return readSelfcheck(ctx, ctx.db, school, semester);
}

async function readSelfcheck(ctx: Ctx, q: Queryable, school: SchoolRef, semester: { id: string; name: string }): Promise<SchoolSelfcheck> {
  const checklist = await checklistOfSemester(ctx, q, semester.id, true);
  const [sc] = checklist
    ? await q.select().from(fiveSelfchecks).where(and(eq(fiveSelfchecks.districtId, school.districtId), eq(fiveSelfchecks.checklistId, checklist.id), eq(fiveSelfchecks.schoolId, school.id)))
    : [];
  const answers = sc ? await q.select().from(fiveSelfcheckAnswers).where(and(eq(fiveSelfcheckAnswers.districtId, school.districtId), eq(fiveSelfcheckAnswers.selfcheckId, sc.id))) : [];
  const files = await attachmentsOf(q, school.districtId, EVIDENCE_KIND, answers.map((a) => a.id));
  const rectifications = await loadRectifications(
    q,
    school.districtId,
    and(scoped(ctx, fiveSelfcheckRectifications, 'five-managements.read'), eq(fiveSelfcheckRectifications.schoolId, school.id), eq(fiveSelfcheckRectifications.semesterId, semester.id)),
  );
  return {
    semesterId: semester.id,
    semesterName: semester.name,
    schoolId: school.id,
    schoolName: school.name,
    checklist,
    status: sc?.status ?? 'not_started',
    submittedAt: sc?.submittedAt?.toISOString() ?? null,
    submittedBy: sc?.submittedByName ?? null,
    answers: Object.fromEntries(
      answers.map((a) => [a.itemId, { result: a.result, text: a.text, responsible: a.responsible, files: files.get(a.id) ?? [], answeredBy: a.answeredByName, answeredAt: a.answeredAt.toISOString() }]),
    ),
    answered: answers.length,
    rectifications,
  };
}

/** The published checklist (404 otherwise) and the school's self-check of it, begun if need be; refused once submitted. */
async function openSelfcheck(ctx: Ctx, tx: Queryable, checklistId: string, school: SchoolRef) {
  const [checklist] = await tx
    .select()
    .from(fiveSelfcheckChecklists)
    .where(and(scoped(ctx, fiveSelfcheckChecklists, 'five-managements.read'), eq(fiveSelfcheckChecklists.id, checklistId), eq(fiveSelfcheckChecklists.status, 'published')));
  if (!checklist) throw notFound('自查清单');
  await tx.insert(fiveSelfchecks).values({ districtId: school.districtId, checklistId, semesterId: checklist.semesterId, schoolId: school.id }).onConflictDoNothing();
  const [sc] = await tx.select().from(fiveSelfchecks).where(and(eq(fiveSelfchecks.districtId, school.districtId), eq(fiveSelfchecks.checklistId, checklistId), eq(fiveSelfchecks.schoolId, school.id)));
  if (sc!.status === 'submitted') throw conflict('本学期自查已提交，不能再修改答案；整改情况请在整改事项中填写');
  return { checklist, sc: sc! };
}

export async function answerItem(ctx: Ctx, input: z.output<typeof SelfcheckAnswerInput>): Promise<SchoolSelfcheck> {
  const school = await reachableSchool(ctx, ctx.db, input.schoolId, 'five-managements.school');
  const day = today(ctx);
  const semesterId = await ctx.db.transaction(async (tx) => {
    const { checklist, sc } = await openSelfcheck(ctx, tx, input.checklistId, school);
    const [item] = await tx.select().from(fiveSelfcheckItems).where(and(eq(fiveSelfcheckItems.districtId, school.districtId), eq(fiveSelfcheckItems.checklistId, checklist.id), eq(fiveSelfcheckItems.id, input.itemId)));
    if (!item) throw notFound('自查项目');
    const [before] = await tx.select().from(fiveSelfcheckAnswers).where(and(eq(fiveSelfcheckAnswers.districtId, school.districtId), eq(fiveSelfcheckAnswers.selfcheckId, sc.id), eq(fiveSelfcheckAnswers.itemId, item.id)));
    const values = { result: input.result, text: input.text, responsible: input.responsible, answeredBy: ctx.user.id, answeredByName: ctx.user.name, answeredAt: ctx.now() };
    const [answer] = before
      ? await tx.update(fiveSelfcheckAnswers).set(values).where(and(eq(fiveSelfcheckAnswers.districtId, school.districtId), eq(fiveSelfcheckAnswers.id, before.id))).returning()
      : await tx.insert(fiveSelfcheckAnswers).values({ districtId: school.districtId, selfcheckId: sc.id, itemId: item.id, schoolId: school.id, ...values }).returning();
    const files = await claimAttachments(tx, ctx, evidenceKind, { ownerId: answer!.id, ids: input.fileIds, field: 'fileIds', replace: true });
    const at = { districtId: school.districtId, schoolId: school.id, semesterId: checklist.semesterId };
    if (!before) await bumpSelfcheck(tx, at, { answered: 1 });

    const t = fiveSelfcheckRectifications;
    const [open] = await tx.select().from(t).where(and(eq(t.districtId, school.districtId), eq(t.answerId, answer!.id), ne(t.status, 'closed')));
    let rectification: { id: string; deadline: string; change: 'opened' | 'updated' | 'withdrawn' } | null = null;
    if (input.result === 'fail' && !open) {
      const { deadline, citation } = await openingDeadline(tx, school.districtId, day);
      const [row] = await tx
        .insert(t)
        .values({ districtId: school.districtId, schoolId: school.id, semesterId: checklist.semesterId, management: item.management, origin: 'answer', itemId: item.id, answerId: answer!.id, title: item.text, detail: input.text, openedOn: day, deadline, citation, responsible: input.responsible })
        .returning();
      await tx.insert(fiveSelfcheckEvents).values({ districtId: school.districtId, rectificationId: row!.id, schoolId: school.id, kind: 'opened', note: input.text, deadline, byUserId: ctx.user.id, byName: ctx.user.name });
      await bumpSelfcheck(tx, at, { opened: 1 });
      rectification = { id: row!.id, deadline, change: 'opened' };
    } else if (input.result === 'fail' && open) {
      await tx.update(t).set({ detail: input.text, responsible: input.responsible, updatedAt: ctx.now() }).where(and(eq(t.districtId, open.districtId), eq(t.id, open.id)));
      rectification = { id: open.id, deadline: open.deadline, change: 'updated' };
    } else if (open) {
      // 不符合 changed to 符合 before submitting: the rectification it opened is withdrawn
      await tx.delete(t).where(and(eq(t.districtId, open.districtId), eq(t.id, open.id)));
      await bumpSelfcheck(tx, at, { opened: -1 });
      rectification = { id: open.id, deadline: open.deadline, change: 'withdrawn' };
    }
    await audit(tx, ctx.actor, {
      action: 'five-managements.selfcheck.answer',
      entity: 'five_selfcheck_answer',
      entityId: answer!.id,
      before: before ? { result: before.result, text: before.text, responsible: before.responsible } : undefined,
      after: { school: school.name, item: item.no, result: input.result, text: input.text, responsible: input.responsible, files: files.map((f) => f.name), rectification },
    });
    return checklist.semesterId;
  });
  return readSelfcheck(ctx, ctx.db, school, await semesterOf(ctx.db, school.districtId, semesterId, day));
}

/** Submits the school's self-check: refused (naming the items) until every item is answered with its evidence. */
export async function submitSelfcheck(ctx: Ctx, input: z.output<typeof SelfcheckSubmitInput>): Promise<SchoolSelfcheck> {
  const school = await reachableSchool(ctx, ctx.db, input.schoolId, 'five-managements.school');
  const semesterId = await ctx.db.transaction(async (tx) => {
    const { checklist, sc } = await openSelfcheck(ctx, tx, input.checklistId, school);
    const items = await tx.select().from(fiveSelfcheckItems).where(and(eq(fiveSelfcheckItems.districtId, school.districtId), eq(fiveSelfcheckItems.checklistId, checklist.id)));
    const answers = await tx.select().from(fiveSelfcheckAnswers).where(and(eq(fiveSelfcheckAnswers.districtId, school.districtId), eq(fiveSelfcheckAnswers.selfcheckId, sc.id)));
    const files = await attachmentsOf(tx, school.districtId, EVIDENCE_KIND, answers.map((a) => a.id));
    const check = checkSubmission(
      items.map((i) => ({ id: i.id, no: i.no, evidence: i.evidence })),
      new Map(answers.map((a) => [a.itemId, { result: a.result, text: a.text, responsible: a.responsible, fileCount: files.get(a.id)?.length ?? 0 }])),
    );
    if (!check.ok) throw ruleViolation(`自查尚不能提交：${describeGaps(check.missing.sort((a, b) => a.no - b.no))}`, check);
    await tx.update(fiveSelfchecks).set({ status: 'submitted', submittedAt: ctx.now(), submittedBy: ctx.user.id, submittedByName: ctx.user.name, updatedAt: ctx.now() }).where(and(eq(fiveSelfchecks.districtId, sc.districtId), eq(fiveSelfchecks.id, sc.id)));
    const failed = answers.filter((a) => a.result === 'fail').length;
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.submit', entity: 'five_selfcheck', entityId: sc.id, after: { school: school.name, checklist: checklist.title, items: items.length, failed, rule: check.rule } });
    const officers = await roleHolders(tx, school.districtId, 'district_admin', {});
    await notify(tx, school.districtId, officers, {
      kind: 'five-managements.selfcheck.submitted',
      title: `${school.name}提交了“五项管理”自查`,
      body: failed ? `${items.length} 项中 ${failed} 项不符合，已列入整改` : `${items.length} 项全部符合`,
      link: `/five/selfcheck/school/${school.id}`,
    });
    return checklist.semesterId;
  });
  return readSelfcheck(ctx, ctx.db, school, await semesterOf(ctx.db, school.districtId, semesterId, today(ctx)));
}
