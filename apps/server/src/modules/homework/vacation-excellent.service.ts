/**
 * 寒暑假作业优秀学生名单: after a vacation, academic affairs publishes per grade the students whose handed-in work was
 * marked 优秀 at least N times (N: the district's setting in force on the vacation's last day, cited on the list). The
 * list is a record: published once, never changed; the grade's families and the school's staff read it.
 */
import type { z } from 'zod';
import type { ExcellentInput, ExcellentList } from '@shuangjian/contracts';
import { homeworkSettings, type LocalDate, localDateTimeIn } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { allows, coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, forbidden, found, invalid } from '../../platform/errors';
import { policyValuesAt } from '../../platform/policy';
import { schoolDirectory, studentDirectory } from '../org';
import { homeworkExcellentLists, homeworkHandInReviews, homeworkHandIns } from './vacation.schema';
import { vacationAround } from './vacation.service';

type Vacation = { name: string; from: LocalDate; to: LocalDate };
type ListRow = typeof homeworkExcellentLists.$inferSelect;
type Listed = { studentId: string; name: string; className: string; excellent: number; handedIn: number };

const THRESHOLD = { 'homework.vacationExcellentMin': homeworkSettings['homework.vacationExcellentMin'] };

/** The threshold in force on the vacation's last day, and the version it came from. */
async function threshold(q: Queryable, districtId: string, vacation: Vacation) {
  const { values, versions } = await policyValuesAt(q, districtId, THRESHOLD, vacation.to);
  return { minExcellent: values['homework.vacationExcellentMin'], policyVersions: versions };
}

async function schoolOf(ctx: Ctx, schoolId: string) {
  return found(
    await ctx.db
      .select({ id: schoolDirectory.id, districtId: schoolDirectory.districtId, zoneId: schoolDirectory.zoneId, name: schoolDirectory.name })
      .from(schoolDirectory)
      .where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId))),
    '学校',
  );
}

async function vacationOf(q: Queryable, districtId: string, schoolId: string, date: LocalDate): Promise<Vacation> {
  const vacation = await vacationAround(q, districtId, schoolId, date);
  if (!vacation) throw invalid('date', '日期', '不在假期中：请选择假期里的一天');
  return vacation;
}

/** Students of the school's grade with their excellent marks and days handed in over the vacation, most first. */
async function tally(q: Queryable, districtId: string, schoolId: string, grade: number, vacation: Vacation): Promise<Listed[]> {
  const rows = await q
    .select({
      studentId: homeworkHandIns.studentId,
      handedIn: sql<number>`count(distinct ${homeworkHandIns.id})::int`,
      excellent: sql<number>`(count(${homeworkHandInReviews.id}) filter (where ${homeworkHandInReviews.excellent}))::int`,
    })
    .from(homeworkHandIns)
    .leftJoin(homeworkHandInReviews, and(eq(homeworkHandInReviews.districtId, homeworkHandIns.districtId), eq(homeworkHandInReviews.handInId, homeworkHandIns.id)))
    .where(
      and(
        eq(homeworkHandIns.districtId, districtId),
        eq(homeworkHandIns.schoolId, schoolId),
        eq(homeworkHandIns.grade, grade),
        gte(homeworkHandIns.date, vacation.from),
        lte(homeworkHandIns.date, vacation.to),
      ),
    )
    .groupBy(homeworkHandIns.studentId);
  if (!rows.length) return [];
  const names = await q
    .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className, studentNo: studentDirectory.studentNo })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, districtId), inArray(studentDirectory.id, rows.map((r) => r.studentId))));
  return rows
    .map((r) => {
      const n = names.find((x) => x.id === r.studentId);
      return { studentId: r.studentId, name: n?.name ?? '', className: n?.className ?? '', excellent: r.excellent, handedIn: r.handedIn, no: n?.studentNo ?? '' };
    })
    .sort((a, b) => b.excellent - a.excellent || a.no.localeCompare(b.no))
    .map(({ no: _no, ...r }) => r);
}

function listOut(r: ListRow, schoolName: string): z.output<typeof ExcellentList> {
  return {
    id: r.id,
    schoolId: r.schoolId,
    schoolName,
    grade: r.grade,
    vacation: { name: r.vacationName, from: r.vacationFrom, to: r.vacationTo },
    minExcellent: r.minExcellent,
    policyVersions: r.policyVersions,
    students: r.students as Listed[],
    publishedBy: r.publishedByName,
    publishedAt: r.publishedAt.toISOString(),
  };
}

const listOf = (q: Queryable, districtId: string, schoolId: string, grade: number, from: LocalDate) =>
  q
    .select()
    .from(homeworkExcellentLists)
    .where(
      and(
        eq(homeworkExcellentLists.districtId, districtId),
        eq(homeworkExcellentLists.schoolId, schoolId),
        eq(homeworkExcellentLists.grade, grade),
        eq(homeworkExcellentLists.vacationFrom, from),
      ),
    );

/** Who would be listed for the grade and vacation (any date inside it), and the list if it is out already. */
export async function excellentPreview(ctx: Ctx, schoolId: string, grade: number, date: LocalDate) {
  requirePermission(ctx, 'homework.read');
  const school = await schoolOf(ctx, schoolId);
  const vacation = await vacationOf(ctx.db, school.districtId, school.id, date);
  const [{ minExcellent, policyVersions }, students, [published]] = await atOnce(ctx.db,
    () => threshold(ctx.db, school.districtId, vacation),
    () => tally(ctx.db, school.districtId, school.id, grade, vacation),
    () => listOf(ctx.db, school.districtId, school.id, grade, vacation.from),
  );
  return {
    schoolId,
    grade,
    vacation,
    minExcellent,
    policyVersions,
    ended: today(ctx) > vacation.to,
    candidates: students.filter((s) => s.excellent >= minExcellent),
    published: published ? listOut(published, school.name) : null,
  };
}

/** 公示: academic affairs publishes the grade's list once the vacation is over. */
export async function publishExcellent(ctx: Ctx, input: z.output<typeof ExcellentInput>) {
  requirePermission(ctx, 'homework.approve');
  const school = await schoolOf(ctx, input.schoolId);
  if (!allows(ctx, 'homework.approve', { districtId: school.districtId, zone: school.zoneId, school: school.id })) throw forbidden('只有学校教务处可以公示优秀学生名单');
  const vacation = await vacationOf(ctx.db, school.districtId, school.id, input.date);
  if (today(ctx) <= vacation.to) throw conflict(`${vacation.name}到 ${vacation.to} 才结束：假期结束后再公示名单`);
  const { minExcellent, policyVersions } = await threshold(ctx.db, school.districtId, vacation);
  return ctx.db.transaction(async (tx) => {
    const [already] = await listOf(tx, school.districtId, school.id, input.grade, vacation.from);
    if (already) throw conflict(`${input.grade} 年级${vacation.name}作业优秀学生名单已于 ${localDateTimeIn(ctx.user.timeZone, already.publishedAt).date} 公示`);
    const students = (await tally(tx, school.districtId, school.id, input.grade, vacation)).filter((s) => s.excellent >= minExcellent);
    const [row] = await tx
      .insert(homeworkExcellentLists)
      .values({
        districtId: school.districtId,
        schoolId: school.id,
        grade: input.grade,
        vacationName: vacation.name,
        vacationFrom: vacation.from,
        vacationTo: vacation.to,
        minExcellent,
        policyVersions,
        students,
        publishedBy: ctx.user.id,
        publishedByName: ctx.user.name,
      })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'homework.excellent.publish',
      entity: 'school',
      entityId: school.id,
      after: { grade: input.grade, vacation, minExcellent, policyVersions, students: students.map((s) => s.studentId) },
    });
    return listOut(row!, school.name);
  });
}

/**
 * Published lists a reader may see: staff those of their schools (one school when named), a family those of their
 * children's grades (one child when named).
 */
export async function excellentLists(ctx: Ctx, query: { schoolId?: string; studentId?: string }) {
  requirePermission(ctx, 'homework.published.read');
  const branches: SQL[] = [];
  if (coveringGrants(ctx, 'homework.read', { districtId: ctx.user.districtId }).length && !query.studentId) branches.push(scoped(ctx, homeworkExcellentLists, 'homework.read'));
  const children = await ctx.db
    .select({ id: studentDirectory.id, schoolId: studentDirectory.schoolId, grade: studentDirectory.grade })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'homework.feedback'), query.studentId ? eq(studentDirectory.id, query.studentId) : undefined));
  if (query.studentId && !children.length) throw found([], '学生');
  for (const c of children) branches.push(and(eq(homeworkExcellentLists.schoolId, c.schoolId), eq(homeworkExcellentLists.grade, c.grade))!);
  if (!branches.length) return [];
  const rows = await ctx.db
    .select({ l: homeworkExcellentLists, schoolName: schoolDirectory.name })
    .from(homeworkExcellentLists)
    .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, homeworkExcellentLists.districtId), eq(schoolDirectory.id, homeworkExcellentLists.schoolId)))
    .where(and(eq(homeworkExcellentLists.districtId, ctx.user.districtId), or(...branches), query.schoolId ? eq(homeworkExcellentLists.schoolId, query.schoolId) : undefined))
    .orderBy(desc(homeworkExcellentLists.vacationFrom), asc(homeworkExcellentLists.grade));
  return rows.map((r) => listOut(r.l, r.schoolName));
}
