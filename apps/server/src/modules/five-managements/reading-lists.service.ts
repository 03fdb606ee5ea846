/**
 * 读物管理 · the district's lists: the recommended list (推荐书目) and the negative list (负面清单), kept by the district
 * ('five-managements.lists') and read by staff of every school ('five-managements.read') so a teacher can check a book
 * before buying it. Entries are typed one by one or imported from Excel (re-importing updates, never duplicates).
 */
import {
  type ReadingCheck,
  ReadingCheckInput,
  type ReadingList,
  type ReadingListEntry,
  ReadingListEntryInput,
  readingListLabels,
  type ReadingListImportResult,
  type ReadingListPage,
  type ReadingListQuery,
} from '@shuangjian/contracts';
import { checkReadingFiling, type ReadingListEntryFacts, readingEntryKey } from '@shuangjian/policy';
import { and, asc, count, desc, eq, gte, ilike, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit, auditMany } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, found } from '../../platform/errors';
import { buildWorkbook } from '../../platform/excel';
import { fiveReadingEntries } from './reading.schema';
import { listTemplateColumns, listTemplateInstructions, readListFile } from './reading-sheets.service';

type EntryRow = typeof fiveReadingEntries.$inferSelect;

export const entryOut = (r: EntryRow): ReadingListEntry => ({
  id: r.id,
  list: r.list,
  title: r.title,
  author: r.author,
  publisher: r.publisher,
  isbn: r.isbn,
  kind: r.kind,
  gradeFrom: r.gradeFrom,
  gradeTo: r.gradeTo,
  reason: r.reason,
  addedOn: r.addedOn,
  updatedAt: r.updatedAt.toISOString(),
});

/** Every entry of both lists of the district, as the matcher needs them (the lists are hundreds, not thousands). */
export async function listFacts(q: Queryable, districtId: string): Promise<ReadingListEntryFacts[]> {
  const e = fiveReadingEntries;
  return q
    .select({ id: e.id, list: e.list, title: e.title, publisher: e.publisher, isbn: e.isbn, reason: e.reason })
    .from(e)
    .where(eq(e.districtId, districtId))
    .orderBy(asc(e.addedOn), asc(e.id));
}

export async function listEntries(ctx: Ctx, q: z.output<typeof ReadingListQuery>): Promise<ReadingListPage> {
  requirePermission(ctx, 'five-managements.read');
  const e = fiveReadingEntries;
  const scope = scoped(ctx, e, 'five-managements.read');
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const digits = q.q?.replace(/[\s-]/g, '');
  const where = and(
    scope,
    q.list ? eq(e.list, q.list) : undefined,
    q.kind ? eq(e.kind, q.kind) : undefined,
    q.grade ? and(lte(e.gradeFrom, q.grade), gte(e.gradeTo, q.grade)) : undefined,
    like ? or(ilike(e.title, like), ilike(e.author, like), ilike(e.publisher, like), digits && /^\d{4,13}$/.test(digits) ? ilike(e.isbn, `%${digits}%`) : undefined) : undefined,
  );
  const [[total], rows, perList] = await atOnce(ctx.db,
    () => ctx.db.select({ n: count() }).from(e).where(where),
    () => ctx.db.select().from(e).where(where).orderBy(desc(e.addedOn), asc(e.title), asc(e.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    () => ctx.db.select({ list: e.list, n: count() }).from(e).where(scope).groupBy(e.list),
  );
  const counts = { recommended: 0, negative: 0 };
  for (const r of perList) counts[r.list] = r.n;
  return { items: rows.map(entryOut), total: total?.n ?? 0, counts };
}

/** The other list's entry with the same key, if any: a book is on one list at most. */
async function onOtherList(q: Queryable, districtId: string, list: ReadingList, key: string, exceptId?: string) {
  const e = fiveReadingEntries;
  const [row] = await q
    .select({ id: e.id })
    .from(e)
    .where(and(eq(e.districtId, districtId), eq(e.list, list === 'negative' ? 'recommended' : 'negative'), eq(e.matchKey, key)));
  return row && row.id !== exceptId ? row : null;
}

const otherListMessage = (list: ReadingList) =>
  `这本书已在${readingListLabels[list === 'negative' ? 'recommended' : 'negative']['zh-CN']}中，请先从那份清单删除`;

type EntryIn = z.output<typeof ReadingListEntryInput>;

export async function createEntry(ctx: Ctx, input: EntryIn): Promise<ReadingListEntry> {
  requirePermission(ctx, 'five-managements.lists');
  const d = ctx.user.districtId;
  const key = readingEntryKey(input);
  return ctx.db.transaction(async (tx) => {
    if (await onOtherList(tx, d, input.list, key)) throw conflict(otherListMessage(input.list), { field: 'title' });
    const [row] = await tx
      .insert(fiveReadingEntries)
      .values({ districtId: d, ...input, matchKey: key, addedOn: input.addedOn ?? today(ctx), updatedBy: ctx.user.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${readingListLabels[input.list]['zh-CN']}中已有这本书（ISBN 相同，或书名和出版社相同）`, { field: 'title' });
    await audit(tx, ctx.actor, { action: 'five-managements.reading.entry.create', entity: 'five_reading_entry', entityId: row.id, after: entryOut(row) });
    return entryOut(row);
  });
}

/** Edits an entry. Filings already checked keep the check they got (the entry as it then stood). */
export async function updateEntry(ctx: Ctx, id: string, input: EntryIn): Promise<ReadingListEntry> {
  requirePermission(ctx, 'five-managements.lists');
  const e = fiveReadingEntries;
  const key = readingEntryKey(input);
  return ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(e).where(and(scoped(ctx, e, 'five-managements.lists'), eq(e.id, id))), '清单条目');
    if (await onOtherList(tx, before.districtId, input.list, key, id)) throw conflict(otherListMessage(input.list), { field: 'title' });
    const [clash] = await tx
      .select({ id: e.id })
      .from(e)
      .where(and(eq(e.districtId, before.districtId), eq(e.list, input.list), eq(e.matchKey, key)));
    if (clash && clash.id !== id) throw conflict(`${readingListLabels[input.list]['zh-CN']}中已有这本书（ISBN 相同，或书名和出版社相同）`, { field: 'title' });
    const [row] = await tx
      .update(e)
      .set({ ...input, matchKey: key, addedOn: input.addedOn ?? before.addedOn, updatedBy: ctx.user.id, updatedAt: ctx.now() })
      .where(and(eq(e.districtId, before.districtId), eq(e.id, id)))
      .returning();
    await audit(tx, ctx.actor, { action: 'five-managements.reading.entry.update', entity: 'five_reading_entry', entityId: id, before: entryOut(before), after: entryOut(row!) });
    return entryOut(row!);
  });
}

/** Removes an entry. Past filings and the findings they raised stay as they were. */
export async function deleteEntry(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'five-managements.lists');
  const e = fiveReadingEntries;
  await ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(e).where(and(scoped(ctx, e, 'five-managements.lists'), eq(e.id, id))), '清单条目');
    await tx.delete(e).where(and(eq(e.districtId, before.districtId), eq(e.id, id)));
    await audit(tx, ctx.actor, { action: 'five-managements.reading.entry.delete', entity: 'five_reading_entry', entityId: id, before: entryOut(before) });
  });
}

export async function listTemplate(ctx: Ctx, list: ReadingList) {
  requirePermission(ctx, 'five-managements.lists');
  const buffer = await buildWorkbook({ name: readingListLabels[list]['zh-CN'], columns: listTemplateColumns(list), rows: [], instructions: listTemplateInstructions(list) });
  return { buffer, fileName: `${readingListLabels[list]['zh-CN']}-导入模板.xlsx` };
}

/** Imports a list from Excel: all rows or none; a book already on the list is updated in place (no duplicate). */
export async function importEntries(ctx: Ctx, list: ReadingList, readFile: () => Promise<{ buffer: Buffer; fileName: string }>): Promise<ReadingListImportResult> {
  requirePermission(ctx, 'five-managements.lists');
  const d = ctx.user.districtId;
  const e = fiveReadingEntries;
  const file = await readFile();
  const existing = await ctx.db.select().from(e).where(scoped(ctx, e, 'five-managements.lists'));
  const other = new Set(existing.filter((r) => r.list !== list).map((r) => r.matchKey));
  const mine = new Map(existing.filter((r) => r.list === list).map((r) => [r.matchKey, r]));
  const parsed = await readListFile(file.buffer, list, today(ctx), (key) => other.has(key));
  const same = (a: EntryRow, p: (typeof parsed)[number]) =>
    a.title === p.title && a.author === p.author && a.publisher === p.publisher && a.isbn === p.isbn && a.kind === p.kind && a.gradeFrom === p.gradeFrom && a.gradeTo === p.gradeTo && a.reason === p.reason && a.addedOn === p.addedOn;
  const fresh = parsed.filter((p) => !mine.has(p.key));
  const changed = parsed.filter((p) => mine.has(p.key) && !same(mine.get(p.key)!, p));
  return ctx.db.transaction(async (tx) => {
    const values = (p: (typeof parsed)[number]) => ({
      title: p.title,
      author: p.author,
      publisher: p.publisher,
      isbn: p.isbn,
      kind: p.kind,
      gradeFrom: p.gradeFrom,
      gradeTo: p.gradeTo,
      reason: p.reason,
      addedOn: p.addedOn,
      updatedBy: ctx.user.id,
    });
    for (let i = 0; i < fresh.length; i += 500)
      await tx.insert(e).values(fresh.slice(i, i + 500).map((p) => ({ districtId: d, list, matchKey: p.key, ...values(p) })));
    for (const p of changed)
      await tx
        .update(e)
        .set({ ...values(p), updatedAt: ctx.now() })
        .where(and(eq(e.districtId, d), eq(e.id, mine.get(p.key)!.id)));
    const result = { list, rows: parsed.length, added: fresh.length, updated: changed.length, unchanged: parsed.length - fresh.length - changed.length };
    await auditMany(tx, ctx.actor, [{ action: 'five-managements.reading.list.import', entity: 'five_reading_entry', after: { fileName: file.fileName.slice(0, 200), ...result } }]);
    return result;
  });
}

/** A teacher checks a book against both lists before buying it; nothing is recorded. */
export async function checkBook(ctx: Ctx, input: z.output<typeof ReadingCheckInput>): Promise<ReadingCheck> {
  requirePermission(ctx, 'five-managements.read');
  return checkReadingFiling(input, await listFacts(ctx.db, ctx.user.districtId));
}
