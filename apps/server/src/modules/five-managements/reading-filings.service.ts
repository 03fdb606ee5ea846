/**
 * 读物管理 · what a school brings into school each semester (征订, 捐赠, 图书室, 班级图书角), filed one by one or
 * imported from Excel by the school ('five-managements.school'). Each filing is checked against the district's two
 * lists when filed and when edited: a negative-list hit is recorded as flagged and raises a finding in the school's
 * self-check; a 教辅 not on the recommended list gets a warning to review (规范教辅使用, seed 004 #22). The figure
 * readingFlagged (school, semester) moves with every filing, edit and delete.
 */
import { FIVE_INDICATORS, type ReadingCheck, type ReadingFiling, ReadingFilingInput, ReadingFilingUpdate, readingSourceLabels } from '@shuangjian/contracts';
import { checkReadingFiling, formatIsbn, type LocalDate, type ReadingListEntryFacts, readingEntryKey } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { conflict, found, invalid, notFound } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { users } from '../../platform/schema';
import { semesterAt, semesterById, type SemesterRef, semestersOf } from '../calendar';
import { schoolDirectory } from '../org';
import { listFacts } from './reading-lists.service';
import { fiveReadingFilings } from './reading.schema';
import { raiseFinding } from './selfcheck-findings';

export type FilingRow = typeof fiveReadingFilings.$inferSelect;

export const filingOut = (r: FilingRow, schoolName: string, filedByName: string | null): ReadingFiling => ({
  id: r.id,
  schoolId: r.schoolId,
  schoolName,
  semesterId: r.semesterId,
  title: r.title,
  isbn: r.isbn,
  publisher: r.publisher,
  kind: r.kind,
  grades: r.grades,
  copies: r.copies,
  source: r.source,
  status: r.status,
  check: r.check,
  findingId: r.findingId,
  filedOn: r.filedOn,
  filedByName,
  updatedAt: r.updatedAt.toISOString(),
});

export interface FilingSchool {
  id: string;
  name: string;
  grades: number[];
}

const GRADES: Record<'primary' | 'junior' | 'nine_year', number[]> = { primary: [1, 2, 3, 4, 5, 6], junior: [7, 8, 9], nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9] };

/** A school the user files for (404 for one they cannot see, 403 for one they see but may not file for). */
export async function filingSchool(ctx: Ctx, schoolId: string): Promise<FilingSchool> {
  requirePermission(ctx, 'five-managements.school');
  const s = found(
    await ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, type: schoolDirectory.type })
      .from(schoolDirectory)
      .where(and(scoped(ctx, schoolDirectory, 'five-managements.school'), eq(schoolDirectory.id, schoolId))),
    '学校',
  );
  return { id: s.id, name: s.name, grades: GRADES[s.type] };
}

/** The semester asked for, or the one in force today. */
export async function filingSemester(ctx: Ctx, semesterId?: string): Promise<SemesterRef> {
  if (semesterId) return semesterById(ctx.db, ctx.user.districtId, semesterId);
  const s = semesterAt(await semestersOf(ctx.db, ctx.user.districtId), today(ctx));
  if (!s) throw notFound('学期');
  return s;
}

export interface FilingFacts {
  title: string;
  isbn: string | null;
  publisher: string | null;
  kind: FilingRow['kind'];
  grades: number[];
  copies: number;
  source: FilingRow['source'];
}

const sameBookMessage = '本学期已登记过这本书（同一来源），请修改原记录';

/** The finding a negative-list hit raises: the list entry and its reason named, with the rule. */
async function raiseFor(ctx: Ctx, tx: Queryable, row: FilingRow, check: ReadingCheck): Promise<string> {
  const hit = check.negative!;
  const how = hit.by === 'isbn' ? `ISBN ${row.isbn ? formatIsbn(row.isbn) : ''} 相同` : '书名与出版社相同';
  const finding = await raiseFinding(tx, {
    districtId: row.districtId,
    schoolId: row.schoolId,
    management: 'reading',
    source: { area: 'reading', refId: row.id },
    title: `进校读物命中负面清单：《${hit.title}》（${hit.reason ?? '负面清单'}）`,
    detail: `本校登记的《${row.title}》（${readingSourceLabels[row.source]['zh-CN']}，${row.copies} 册，${row.grades.join('、')} 年级）与区负面清单条目《${hit.title}》${how}。${check.rule?.text ?? ''}`,
    rule: { key: check.rule!.key, version: null },
    date: row.filedOn,
    actorId: ctx.user.id,
  });
  await tx
    .update(fiveReadingFilings)
    .set({ findingId: finding.id })
    .where(and(eq(fiveReadingFilings.districtId, row.districtId), eq(fiveReadingFilings.id, row.id)));
  return finding.id;
}

const flaggedFigure = (row: Pick<FilingRow, 'districtId' | 'schoolId' | 'semesterId'>, num: number, den: number) => ({
  districtId: row.districtId,
  indicator: FIVE_INDICATORS.readingFlagged,
  period: semesterPeriod(row.semesterId),
  schoolId: row.schoolId,
  num,
  den,
});

/**
 * Files books for a school and semester inside the caller's transaction: each checked against the lists, a book
 * already filed (same book and source) skipped, every flag raised as a finding, the figure moved once.
 */
export async function recordFilings(
  ctx: Ctx,
  tx: Queryable,
  school: FilingSchool,
  semester: SemesterRef,
  books: readonly FilingFacts[],
  entries: readonly ReadingListEntryFacts[],
): Promise<FilingRow[]> {
  const filedOn: LocalDate = today(ctx);
  const values = books.map((b) => {
    const check = checkReadingFiling(b, entries);
    return { districtId: ctx.user.districtId, schoolId: school.id, semesterId: semester.id, ...b, matchKey: readingEntryKey(b), status: check.status, check, filedOn, filedBy: ctx.user.id };
  });
  const inserted: FilingRow[] = [];
  for (let i = 0; i < values.length; i += 500) inserted.push(...(await tx.insert(fiveReadingFilings).values(values.slice(i, i + 500)).onConflictDoNothing().returning()));
  for (const row of inserted) if (row.status === 'flagged') row.findingId = await raiseFor(ctx, tx, row, row.check);
  if (inserted.length) await bumpIndicators(tx, [flaggedFigure(inserted[0]!, inserted.filter((r) => r.status === 'flagged').length, inserted.length)]);
  return inserted;
}

export async function fileReading(ctx: Ctx, input: z.output<typeof ReadingFilingInput>): Promise<ReadingFiling> {
  const school = await filingSchool(ctx, input.schoolId);
  const semester = await filingSemester(ctx, input.semesterId);
  const outside = input.grades.filter((g) => !school.grades.includes(g));
  if (outside.length) throw invalid('grades', '年级', `${school.name}没有 ${outside.join('、')} 年级`);
  const { schoolId: _s, semesterId: _m, ...book } = input;
  const entries = await listFacts(ctx.db, ctx.user.districtId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await recordFilings(ctx, tx, school, semester, [{ ...book, grades: [...new Set(book.grades)].sort((a, b) => a - b) }], entries);
    if (!row) throw conflict(sameBookMessage, { field: 'title' });
    await audit(tx, ctx.actor, { action: 'five-managements.reading.file', entity: 'five_reading_filing', entityId: row.id, after: filingOut(row, school.name, ctx.user.name) });
    return filingOut(row, school.name, ctx.user.name);
  });
}

async function ownFiling(ctx: Ctx, tx: Queryable, id: string): Promise<FilingRow> {
  const f = fiveReadingFilings;
  return found(await tx.select().from(f).where(and(scoped(ctx, f, 'five-managements.school'), eq(f.id, id))), '读物登记');
}

/**
 * Edits a filing and checks it again against the lists as they stand now. A new negative-list hit raises a finding;
 * a finding already raised stays with the school's self-check even when the edit clears the flag.
 */
export async function updateFiling(ctx: Ctx, id: string, input: z.output<typeof ReadingFilingUpdate>): Promise<ReadingFiling> {
  requirePermission(ctx, 'five-managements.school');
  const entries = await listFacts(ctx.db, ctx.user.districtId);
  const f = fiveReadingFilings;
  const school = await filingSchool(ctx, (await ownFiling(ctx, ctx.db, id)).schoolId);
  return ctx.db.transaction(async (tx) => {
    const before = await ownFiling(ctx, tx, id);
    const outside = input.grades.filter((g) => !school.grades.includes(g));
    if (outside.length) throw invalid('grades', '年级', `${school.name}没有 ${outside.join('、')} 年级`);
    const book = { ...input, grades: [...new Set(input.grades)].sort((a, b) => a - b) };
    const check = checkReadingFiling(book, entries);
    const matchKey = readingEntryKey(book);
    const [clash] = await tx
      .select({ id: f.id })
      .from(f)
      .where(and(eq(f.districtId, before.districtId), eq(f.schoolId, before.schoolId), eq(f.semesterId, before.semesterId), eq(f.matchKey, matchKey), eq(f.source, book.source)));
    if (clash && clash.id !== id) throw conflict(sameBookMessage, { field: 'title' });
    const [row] = await tx
      .update(f)
      .set({ ...book, matchKey, status: check.status, check, updatedAt: ctx.now() })
      .where(and(eq(f.districtId, before.districtId), eq(f.id, id)))
      .returning();
    if (row!.status === 'flagged' && !row!.findingId) row!.findingId = await raiseFor(ctx, tx, row!, check);
    const delta = (row!.status === 'flagged' ? 1 : 0) - (before.status === 'flagged' ? 1 : 0);
    await bumpIndicators(tx, [flaggedFigure(row!, delta, 0)]);
    const [by] = row!.filedBy ? await tx.select({ name: users.name }).from(users).where(and(eq(users.districtId, row!.districtId), eq(users.id, row!.filedBy))) : [];
    const out = filingOut(row!, school.name, by?.name ?? null);
    await audit(tx, ctx.actor, { action: 'five-managements.reading.update', entity: 'five_reading_filing', entityId: id, before: filingOut(before, school.name, null), after: out });
    return out;
  });
}

/** Deletes a filing (filed by mistake); the figure takes it back. A finding it raised stays with the self-check. */
export async function deleteFiling(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'five-managements.school');
  const f = fiveReadingFilings;
  await ctx.db.transaction(async (tx) => {
    const before = await ownFiling(ctx, tx, id);
    await tx.delete(f).where(and(eq(f.districtId, before.districtId), eq(f.id, id)));
    await bumpIndicators(tx, [flaggedFigure(before, before.status === 'flagged' ? -1 : 0, -1)]);
    await audit(tx, ctx.actor, { action: 'five-managements.reading.delete', entity: 'five_reading_filing', entityId: id, before: { ...before, check: before.check.status } });
  });
}
