/**
 * 考试管理 · filings: a school (教务处) files each exam, judged by the exam limits in force on the exam's date; a filing
 * that breaks a rule is refused with 422 and the findings, and the attempt is kept as a violation the district sees.
 * The district files its yearly sample test itself. A school changes (re-checked) or cancels a filing before its date.
 */
import type { ExamFiling, ExamFilingList } from '@shuangjian/contracts';
import { ExamFilingInput, ExamFilingQuery } from '@shuangjian/contracts';
import { type ExamFinding, schoolYearOf } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, districtWide, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, forbidden, found, invalid, notFound, recordedRefusal } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { semesterById } from '../calendar';
import { classDirectory, roleHolders, schoolDirectory } from '../org';
import { bumpFilingFigures, type FilingRow, filingsOut, subjectNames } from './exams-filings.repo';
import { judgeFiling } from './exams-rules.service';
import { examFilings } from './exams.schema';

type Input = z.output<typeof ExamFilingInput>;
/** Key space of the filing advisory locks: one filer's filings of a semester are judged one at a time. */
const FILING_LOCK = 731_013;

/** Who may change a row: the school's filer for a school's filing, a district-wide filer for the district's own. */
function mayFile(ctx: Ctx, r: Pick<FilingRow, 'districtId' | 'schoolId' | 'zoneId'>): boolean {
  if (!r.schoolId) return districtWide(ctx, 'exams.file');
  return allows(ctx, 'exams.file', { districtId: r.districtId, school: r.schoolId, zone: r.zoneId });
}

interface Checked {
  schoolId: string | null;
  zoneId: string | null;
  schoolYear: string;
  semesterName: string;
}

/** Field checks (400/404) before the rules: the school, the semester and the date in it, subjects, grades the school has. */
async function checkInput(ctx: Ctx, q: Queryable, input: Input, schoolId: string | null): Promise<Checked> {
  const d = ctx.user.districtId;
  let zoneId: string | null = null;
  if (schoolId) {
    const school = found(
      await q.select({ id: schoolDirectory.id, zoneId: schoolDirectory.zoneId }).from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'exams.file'), eq(schoolDirectory.id, schoolId))),
      '学校',
    );
    zoneId = school.zoneId;
  } else if (!districtWide(ctx, 'exams.file')) {
    throw invalid('schoolId', '学校', '请选择备案的学校');
  }
  const semester = await semesterById(q, d, input.semesterId);
  if (input.date < semester.startDate || input.date > semester.endDate)
    throw invalid('date', '考试日期', `不在${semester.name}（${semester.startDate}—${semester.endDate}）之内`);
  if (input.date <= today(ctx)) throw invalid('date', '考试日期', '应晚于今天：考试须在举行前备案');
  const subjects = await subjectNames(q, d, input.subjectIds);
  if (subjects.size !== new Set(input.subjectIds).size) throw notFound('学科');
  if (schoolId) {
    const have = await q.selectDistinct({ grade: classDirectory.grade }).from(classDirectory).where(and(eq(classDirectory.districtId, d), eq(classDirectory.schoolId, schoolId)));
    const missing = input.grades.filter((g) => !have.some((h) => h.grade === g));
    if (missing.length) throw invalid('grades', '年级', `学校没有${missing.join('、')}年级`);
  }
  return { schoolId, zoneId, schoolYear: schoolYearOf(semester.startDate), semesterName: semester.name };
}

const lockFor = (tx: Queryable, districtId: string, key: string) => tx.execute(sql`select pg_advisory_xact_lock(${FILING_LOCK}, hashtext(${`${districtId}:${key}`}))`);

function refusal(input: Input, findings: readonly ExamFinding[], filingId: string) {
  return recordedRefusal(
    new AppError(422, 'RULE_VIOLATION', `「${input.name}」不符合考试管理规定：${findings.map((f) => f.message).join('；')}`, { findings, filingId }),
  );
}

/** Records a refused attempt as a violation (kept, counted, audited) and tells the district. */
async function recordRefused(ctx: Ctx, tx: Queryable, input: Input, c: Checked, findings: readonly ExamFinding[], amendsId: string | null) {
  const [row] = await tx
    .insert(examFilings)
    .values({ districtId: ctx.user.districtId, ...values(input, c), status: 'refused', findings: [...findings], amendsId, filedBy: ctx.user.id })
    .returning();
  await bumpFilingFigures(tx, row!, { accepted: 0, refused: 1 });
  await audit(tx, ctx.actor, {
    action: 'exams.filing.refused',
    entity: 'exam_filing',
    entityId: row!.id,
    after: { ...input, amendsId, rules: findings.map((f) => f.rule), citations: findings.map((f) => f.citation) },
  });
  const district = await roleHolders(tx, ctx.user.districtId, 'district_admin', {});
  await notify(tx, ctx.user.districtId, district, {
    kind: 'exams.violation',
    title: `考试备案违规：${input.name}`,
    body: findings.map((f) => f.message).join('；'),
    link: '/exams/filings?status=refused',
  });
  return row!;
}

function values(input: Input, c: Checked) {
  return {
    schoolId: c.schoolId,
    zoneId: c.zoneId,
    semesterId: input.semesterId,
    schoolYear: c.schoolYear,
    name: input.name,
    type: input.type,
    form: input.form,
    grades: [...new Set(input.grades)].sort((a, b) => a - b),
    subjectIds: [...new Set(input.subjectIds)],
    date: input.date,
    note: input.note,
  };
}

async function one(ctx: Ctx, q: Queryable, row: FilingRow): Promise<ExamFiling> {
  return (await filingsOut(q, ctx.user.districtId, [row], today(ctx), (r) => mayFile(ctx, r)))[0]!;
}

/** Files an exam, or refuses it (422 with the findings; the attempt is kept as a violation). */
export async function fileExam(ctx: Ctx, input: Input): Promise<ExamFiling> {
  requirePermission(ctx, 'exams.file');
  const result = await ctx.db.transaction(async (tx) => {
    const c = await checkInput(ctx, tx, input, input.schoolId);
    await lockFor(tx, ctx.user.districtId, `${c.schoolId ?? 'district'}:${input.semesterId}`);
    const place = { districtId: ctx.user.districtId, schoolId: c.schoolId, semesterId: input.semesterId, schoolYear: c.schoolYear };
    const findings = await judgeFiling(tx, place, { ...input, filer: c.schoolId ? 'school' : 'district' }, null);
    if (findings.length) {
      const row = await recordRefused(ctx, tx, input, c, findings, null);
      return refusal(input, findings, row.id);
    }
    const [row] = await tx.insert(examFilings).values({ districtId: ctx.user.districtId, ...values(input, c), status: 'accepted', filedBy: ctx.user.id }).returning();
    await bumpFilingFigures(tx, row!, { accepted: 1, refused: 0 });
    await audit(tx, ctx.actor, { action: 'exams.filing.create', entity: 'exam_filing', entityId: row!.id, after: row });
    if (!c.schoolId) {
      // the district's sample test: every school's 教务处 prepares the sampled grade
      const admins = await roleHolders(tx, ctx.user.districtId, 'school_admin', {});
      await notify(tx, ctx.user.districtId, admins, { kind: 'exams.sample', title: `区级学业质量抽测：${row!.name}（${row!.date}）`, link: '/exams/filings' });
    }
    return one(ctx, tx, row!);
  });
  if (result instanceof AppError) throw result;
  return result;
}

/** A filing the person may change: visible under exams.file, theirs to file, accepted and not yet held. */
async function editableFiling(ctx: Ctx, tx: Queryable, id: string): Promise<FilingRow> {
  const row = found(await tx.select().from(examFilings).where(and(scoped(ctx, examFilings, 'exams.file'), eq(examFilings.id, id))), '考试备案');
  if (!mayFile(ctx, row)) throw forbidden('区县备案的考试只能由区县修改');
  if (row.status !== 'accepted') throw conflict(row.status === 'cancelled' ? '该考试已取消' : '未通过的备案不能修改，请重新备案');
  if (row.date <= today(ctx)) throw conflict('考试日期已到，不能再修改或取消');
  return row;
}

/** Changes a filing before its date; the change is judged again (a refused change is kept as a violation, the filing stays). */
export async function updateExam(ctx: Ctx, id: string, input: Input): Promise<ExamFiling> {
  requirePermission(ctx, 'exams.file');
  const result = await ctx.db.transaction(async (tx) => {
    const before = await editableFiling(ctx, tx, id);
    if (input.schoolId && input.schoolId !== before.schoolId) throw invalid('schoolId', '学校', '不能改到另一所学校，请取消后重新备案');
    const c = await checkInput(ctx, tx, input, before.schoolId);
    await lockFor(tx, ctx.user.districtId, `${c.schoolId ?? 'district'}:${input.semesterId}`);
    const place = { districtId: ctx.user.districtId, schoolId: c.schoolId, semesterId: input.semesterId, schoolYear: c.schoolYear };
    const findings = await judgeFiling(tx, place, { ...input, filer: c.schoolId ? 'school' : 'district' }, id);
    if (findings.length) {
      const row = await recordRefused(ctx, tx, input, c, findings, id);
      return refusal(input, findings, row.id);
    }
    const [after] = await tx
      .update(examFilings)
      .set({ ...values(input, c), updatedAt: ctx.now() })
      .where(and(eq(examFilings.districtId, before.districtId), eq(examFilings.id, id)))
      .returning();
    if (after!.semesterId !== before.semesterId) {
      await bumpFilingFigures(tx, before, { accepted: -1, refused: 0 });
      await bumpFilingFigures(tx, after!, { accepted: 1, refused: 0 });
    }
    await audit(tx, ctx.actor, { action: 'exams.filing.update', entity: 'exam_filing', entityId: id, before, after });
    return one(ctx, tx, after!);
  });
  if (result instanceof AppError) throw result;
  return result;
}

/** Cancels a filing before its date (it no longer counts). */
export async function cancelExam(ctx: Ctx, id: string): Promise<ExamFiling> {
  requirePermission(ctx, 'exams.file');
  return ctx.db.transaction(async (tx) => {
    const before = await editableFiling(ctx, tx, id);
    const [after] = await tx
      .update(examFilings)
      .set({ status: 'cancelled', cancelledAt: ctx.now(), updatedAt: ctx.now() })
      .where(and(eq(examFilings.districtId, before.districtId), eq(examFilings.id, id)))
      .returning();
    await bumpFilingFigures(tx, before, { accepted: -1, refused: 0 });
    await audit(tx, ctx.actor, { action: 'exams.filing.cancel', entity: 'exam_filing', entityId: id, before: { status: before.status }, after: { status: 'cancelled' } });
    return one(ctx, tx, after!);
  });
}

/** Filings the person may read (a school its own and the district's; the district all), by date. */
export async function listExams(ctx: Ctx, query: z.output<typeof ExamFilingQuery>): Promise<ExamFilingList> {
  requirePermission(ctx, 'exams.read');
  const rows = await ctx.db
    .select()
    .from(examFilings)
    .where(
      and(
        scoped(ctx, examFilings, 'exams.read'),
        query.semesterId ? eq(examFilings.semesterId, query.semesterId) : undefined,
        query.schoolId ? eq(examFilings.schoolId, query.schoolId) : undefined,
        query.status ? eq(examFilings.status, query.status) : inArray(examFilings.status, ['accepted', 'refused', 'cancelled']),
      ),
    )
    .orderBy(asc(examFilings.date), asc(examFilings.createdAt))
    .limit(2000);
  return { items: await filingsOut(ctx.db, ctx.user.districtId, rows, today(ctx), (r) => mayFile(ctx, r)) };
}

export async function getExam(ctx: Ctx, id: string): Promise<ExamFiling> {
  requirePermission(ctx, 'exams.read');
  const row = found(await ctx.db.select().from(examFilings).where(and(scoped(ctx, examFilings, 'exams.read'), eq(examFilings.id, id))), '考试备案');
  return one(ctx, ctx.db, row);
}
