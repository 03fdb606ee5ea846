/** The school calendar: semesters and dated entries, and what kind of day a date is for a school. */
import type { z } from 'zod';
import type { CalendarEntryInput, DayInfo, SemesterInput } from '@shuangjian/contracts';
import { classifyDay, dateRange, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { type Ctx, districtWide, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { atOnce, type Queryable } from '../../platform/db';
import { forbidden, found, invalid } from '../../platform/errors';
import { invalidate, onInvalidate } from '../../platform/invalidation';
import { getSchool, manageableSchool } from '../org';
import { calendarEntries, semesters } from './schema';


const semesterOut = (s: typeof semesters.$inferSelect) => ({
  id: s.id,
  name: s.name,
  schoolYear: s.schoolYear,
  term: s.term,
  startDate: s.startDate,
  endDate: s.endDate,
});
const entryOut = (e: typeof calendarEntries.$inferSelect) => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  startDate: e.startDate,
  endDate: e.endDate,
  schoolId: e.schoolId,
});

export async function listSemesters(ctx: Ctx) {
  requirePermission(ctx, 'org.read');
  const rows = await ctx.db.select().from(semesters).where(eq(semesters.districtId, ctx.user.districtId)).orderBy(asc(semesters.startDate));
  return rows.map(semesterOut);
}

async function assertNoOverlap(db: Queryable, districtId: string, input: { startDate: string; endDate: string }, exceptId?: string) {
  const overlapping = await db
    .select()
    .from(semesters)
    .where(and(eq(semesters.districtId, districtId), lte(semesters.startDate, input.endDate), gte(semesters.endDate, input.startDate)));
  const other = overlapping.find((s) => s.id !== exceptId);
  if (other) throw invalid('startDate', '开始日期', `与学期「${other.name}」的日期重叠`);
}

export async function saveSemester(ctx: Ctx, id: string | null, input: z.output<typeof SemesterInput>) {
  requirePermission(ctx, 'district.manage');
  const saved = await ctx.db.transaction(async (tx) => {
    if (!id) {
      await assertNoOverlap(tx, ctx.user.districtId, input);
      const [row] = await tx.insert(semesters).values({ districtId: ctx.user.districtId, ...input }).returning();
      await audit(tx, ctx.actor, { action: 'semester.create', entity: 'semester', entityId: row!.id, after: row });
      return semesterOut(row!);
    }
    const before = found(await tx.select().from(semesters).where(and(eq(semesters.districtId, ctx.user.districtId), eq(semesters.id, id))), '学期');
    await assertNoOverlap(tx, ctx.user.districtId, input, id);
    const [row] = await tx.update(semesters).set(input).where(and(eq(semesters.districtId, before.districtId), eq(semesters.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'semester.update', entity: 'semester', entityId: id, before, after: row });
    return semesterOut(row!);
  });
  await forgetDays(ctx.db);
  return saved;
}

export async function deleteSemester(ctx: Ctx, id: string) {
  requirePermission(ctx, 'district.manage');
  await ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(semesters).where(and(eq(semesters.districtId, ctx.user.districtId), eq(semesters.id, id))), '学期');
    await tx.delete(semesters).where(and(eq(semesters.districtId, before.districtId), eq(semesters.id, id)));
    await audit(tx, ctx.actor, { action: 'semester.delete', entity: 'semester', entityId: id, before });
  });
  await forgetDays(ctx.db);
}

/** District entries plus those of one school (or of every school the user sees when none is named). */
export async function listEntries(ctx: Ctx, schoolId?: string) {
  if (schoolId) await getSchool(ctx, schoolId);
  const rows = await ctx.db
    .select()
    .from(calendarEntries)
    .where(
      and(
        scoped(ctx, calendarEntries, 'org.read'),
        schoolId ? or(isNull(calendarEntries.schoolId), eq(calendarEntries.schoolId, schoolId)) : undefined,
      ),
    )
    .orderBy(asc(calendarEntries.startDate));
  return rows.map(entryOut);
}

async function assertMayEdit(ctx: Ctx, schoolId: string | null) {
  requirePermission(ctx, 'calendar.manage');
  if (schoolId === null) {
    if (!districtWide(ctx, 'calendar.manage')) throw forbidden('只有区教育局可以设置全区校历');
    return;
  }
  const school = await manageableSchool(ctx, schoolId, 'org.manage');
  requireAllowed(ctx, 'calendar.manage', { districtId: school.districtId, zone: school.zoneId, school: school.id });
}

export async function saveEntry(ctx: Ctx, id: string | null, input: z.output<typeof CalendarEntryInput>) {
  await assertMayEdit(ctx, input.schoolId);
  const saved = await ctx.db.transaction(async (tx) => {
    if (!id) {
      const [row] = await tx.insert(calendarEntries).values({ districtId: ctx.user.districtId, ...input }).returning();
      await audit(tx, ctx.actor, { action: 'calendar.create', entity: 'calendar_entry', entityId: row!.id, after: row });
      return entryOut(row!);
    }
    const before = found(
      await tx.select().from(calendarEntries).where(and(scoped(ctx, calendarEntries, 'org.read'), eq(calendarEntries.id, id))),
      '校历条目',
    );
    // inside the transaction: the school is read through it, not through ctx.db
    await assertMayEdit({ ...ctx, db: tx }, before.schoolId);
    const [row] = await tx
      .update(calendarEntries)
      .set(input)
      .where(and(eq(calendarEntries.districtId, before.districtId), eq(calendarEntries.id, id)))
      .returning();
    await audit(tx, ctx.actor, { action: 'calendar.update', entity: 'calendar_entry', entityId: id, before, after: row });
    return entryOut(row!);
  });
  await forgetDays(ctx.db);
  return saved;
}

export async function deleteEntry(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = found(
      await tx.select().from(calendarEntries).where(and(scoped(ctx, calendarEntries, 'org.read'), eq(calendarEntries.id, id))),
      '校历条目',
    );
    await assertMayEdit({ ...ctx, db: tx }, before.schoolId);
    await tx.delete(calendarEntries).where(and(eq(calendarEntries.districtId, before.districtId), eq(calendarEntries.id, id)));
    await audit(tx, ctx.actor, { action: 'calendar.delete', entity: 'calendar_entry', entityId: id, before });
  });
  await forgetDays(ctx.db);
}

/** Classified ranges, kept briefly: the homework load check asks for the same few days all day long. */
const dayCache = new Map<string, { at: number; days: z.output<typeof DayInfo>[] }>();
const DAY_CACHE_MS = 30_000;

onInvalidate('calendar', () => dayCache.clear());

/** Calendar writes drop the cache at once, here and (on commit) in every other server process. */
async function forgetDays(q: Queryable) {
  await invalidate(q, 'calendar', null);
}

/**
 * Classifies every date in [from, to] for a school (or for the district when schoolId is null). Two queries whatever
 * the range, none while cached; other modules call this rather than reading the calendar tables.
 */
export async function classifyDays(db: Queryable, districtId: string, schoolId: string | null, from: LocalDate, to: LocalDate): Promise<z.output<typeof DayInfo>[]> {
  const key = `${districtId}|${schoolId}|${from}|${to}`;
  const hit = dayCache.get(key);
  if (hit && Date.now() - hit.at < DAY_CACHE_MS) return hit.days;
  const days = await readDays(db, districtId, schoolId, from, to);
  if (dayCache.size > 5000) dayCache.clear();
  dayCache.set(key, { at: Date.now(), days });
  return days;
}

async function readDays(db: Queryable, districtId: string, schoolId: string | null, from: LocalDate, to: LocalDate): Promise<z.output<typeof DayInfo>[]> {
  const [terms, entries] = await atOnce(db,
    () => db.select().from(semesters).where(and(eq(semesters.districtId, districtId), lte(semesters.startDate, to), gte(semesters.endDate, from))),
    () => db
      .select()
      .from(calendarEntries)
      .where(
        and(
          eq(calendarEntries.districtId, districtId),
          lte(calendarEntries.startDate, to),
          gte(calendarEntries.endDate, from),
          schoolId ? or(isNull(calendarEntries.schoolId), eq(calendarEntries.schoolId, schoolId)) : isNull(calendarEntries.schoolId),
        ),
      ),
  );
  return dateRange(from, to).map((date) => classifyDay(date, terms, entries, schoolId));
}

export async function daysForSchool(ctx: Ctx, schoolId: string | undefined, from: LocalDate, to: LocalDate) {
  requirePermission(ctx, 'org.read');
  if (schoolId) await getSchool(ctx, schoolId);
  return classifyDays(ctx.db, ctx.user.districtId, schoolId ?? null, from, to);
}
