/**
 * 读物管理 · reading the filings (a school its own, the district every school's, with their check results), the
 * district's per-school summary of a semester, and the Excel import of a school's filings with its template.
 */
import type { ReadingFilingImportResult, ReadingFilingPage, ReadingFilingQuery, ReadingSummary } from '@shuangjian/contracts';
import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { auditMany } from '../../platform/audit';
import { atOnce } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { users } from '../../platform/schema';
import { schoolDirectory } from '../org';
import { filingOut, filingSchool, filingSemester, recordFilings } from './reading-filings.service';
import { listFacts } from './reading-lists.service';
import { FILING_TEMPLATE_INSTRUCTIONS, filingTemplateColumns, readFilingFile } from './reading-sheets.service';
import { fiveReadingFilings } from './reading.schema';

export async function listFilings(ctx: Ctx, q: z.output<typeof ReadingFilingQuery>): Promise<ReadingFilingPage> {
  requirePermission(ctx, 'five-managements.read');
  const semester = await filingSemester(ctx, q.semesterId);
  const f = fiveReadingFilings;
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const base = and(
    scoped(ctx, f, 'five-managements.read'),
    eq(f.semesterId, semester.id),
    q.schoolId ? eq(f.schoolId, q.schoolId) : undefined,
    like ? or(ilike(f.title, like), ilike(f.publisher, like), ilike(f.isbn, like)) : undefined,
  );
  const where = and(base, q.status ? eq(f.status, q.status) : undefined);
  const [[total], perStatus, rows] = await atOnce(ctx.db,
    () => ctx.db.select({ n: count() }).from(f).where(where),
    () => ctx.db.select({ status: f.status, n: count() }).from(f).where(base).groupBy(f.status),
    () => ctx.db
      .select({ f, schoolName: schoolDirectory.name, by: users.name })
      .from(f)
      .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, f.districtId), eq(schoolDirectory.id, f.schoolId)))
      .leftJoin(users, and(eq(users.districtId, f.districtId), eq(users.id, f.filedBy)))
      .where(where)
      // flagged first, then warnings: what needs acting on
      .orderBy(sql`case ${f.status} when 'flagged' then 0 when 'warning' then 1 else 2 end`, desc(f.filedOn), asc(f.title), asc(f.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
  );
  const n = (s: string) => perStatus.find((r) => r.status === s)?.n ?? 0;
  return {
    items: rows.map((r) => filingOut(r.f, r.schoolName, r.by)),
    total: total?.n ?? 0,
    semesterId: semester.id,
    counts: { total: perStatus.reduce((a, r) => a + r.n, 0), flagged: n('flagged'), warning: n('warning') },
  };
}

/** Per school the user may see: filings, copies, flags and warnings of a semester (schools with none included). */
export async function readingSummary(ctx: Ctx, semesterId?: string): Promise<ReadingSummary> {
  requirePermission(ctx, 'five-managements.read');
  const semester = await filingSemester(ctx, semesterId);
  const f = fiveReadingFilings;
  const [schools, figures] = await atOnce(ctx.db,
    () => ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, code: schoolDirectory.code })
      .from(schoolDirectory)
      .where(scoped(ctx, schoolDirectory, 'five-managements.read'))
      .orderBy(asc(schoolDirectory.code)),
    () => ctx.db
      .select({
        schoolId: f.schoolId,
        filings: count(),
        copies: sql<number>`coalesce(sum(${f.copies}), 0)::int`,
        flagged: sql<number>`(count(*) filter (where ${f.status} = 'flagged'))::int`,
        warnings: sql<number>`(count(*) filter (where ${f.status} = 'warning'))::int`,
      })
      .from(f)
      .where(and(scoped(ctx, f, 'five-managements.read'), eq(f.semesterId, semester.id)))
      .groupBy(f.schoolId),
  );
  const by = new Map(figures.map((r) => [r.schoolId, r]));
  return {
    semesterId: semester.id,
    schools: schools.map((s) => {
      const r = by.get(s.id);
      return { schoolId: s.id, schoolName: s.name, filings: r?.filings ?? 0, copies: Number(r?.copies ?? 0), flagged: Number(r?.flagged ?? 0), warnings: Number(r?.warnings ?? 0) };
    }),
  };
}

export async function filingTemplate(ctx: Ctx) {
  requirePermission(ctx, 'five-managements.school');
  const buffer = await buildWorkbook({ name: '进校读物', columns: filingTemplateColumns(), rows: [], instructions: FILING_TEMPLATE_INSTRUCTIONS });
  return { buffer, fileName: '进校读物登记-导入模板.xlsx' };
}

/** A school's filings from Excel: all rows or none; a book already filed this semester (same source) is skipped. */
export async function importFilings(
  ctx: Ctx,
  q: { schoolId: string; semesterId?: string },
  readFile: () => Promise<{ buffer: Buffer; fileName: string }>,
): Promise<ReadingFilingImportResult> {
  const school = await filingSchool(ctx, q.schoolId);
  const semester = await filingSemester(ctx, q.semesterId);
  const file = await readFile();
  const parsed = await readFilingFile(file.buffer, school.grades);
  const entries = await listFacts(ctx.db, ctx.user.districtId);
  return ctx.db.transaction(async (tx) => {
    const rows = await recordFilings(ctx, tx, school, semester, parsed.map(({ row: _r, key: _k, ...b }) => b), entries);
    await auditMany(tx, ctx.actor, [
      {
        action: 'five-managements.reading.import',
        entity: 'five_reading_filing',
        after: { schoolId: school.id, semesterId: semester.id, fileName: file.fileName.slice(0, 200), rows: parsed.length, filed: rows.length, flagged: rows.filter((r) => r.status === 'flagged').map((r) => r.id) },
      },
    ]);
    return {
      rows: parsed.length,
      filed: rows.length,
      duplicates: parsed.length - rows.length,
      flagged: rows.filter((r) => r.status === 'flagged').map((r) => filingOut(r, school.name, ctx.user.name)),
      warnings: rows.filter((r) => r.status === 'warning').length,
    };
  });
}
