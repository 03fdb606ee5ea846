/**
 * Marking rates (批改率 = published items with a marking record ÷ published items): per week, teacher and class for the
 * school (a grade leader sees the grade's classes, a subject leader the subject), per school for the district.
 * "Published" is the latest published list of each class-day: what families were given.
 */
import type { z } from 'zod';
import type { DistrictMarkingRates, MarkingRates } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { classDirectory, schoolDirectory, subjectDirectory } from '../org';
import { homeworkMarkings } from './marking.schema';
import { atOnce, rowsOf } from '../../platform/db';
import { latestListsSql } from './marking.repo';
import { homeworkItems, homeworkPublished } from './schema';

type Count = { published: number; marked: number; faceToFace: number };
const zero = (): Count => ({ published: 0, marked: 0, faceToFace: 0 });
const add = (c: Count, r: Count) => {
  c.published += r.published;
  c.marked += r.marked;
  c.faceToFace += r.faceToFace;
};

/**
 * The part of a school the reader's grants reach, as a condition on homework_items: the whole school (教务处), the
 * grade's classes (年级组长), the subject (学科组长), a teacher's classes.
 */
function reachOf(ctx: Ctx, school: { districtId: string; zoneId: string; id: string }) {
  const grants = coveringGrants(ctx, 'homework.read', { districtId: school.districtId, zone: school.zoneId, school: school.id });
  let reach: 'school' | 'classes' | 'subject' = 'classes';
  const branches: SQL[] = [];
  for (const g of grants) {
    const parts: SQL[] = [];
    if (Array.isArray(g.class)) parts.push(g.class.length ? inArray(homeworkItems.classId, [...g.class]) : sql`false`);
    if (g.role === 'subject_leader' && g.subjectId) parts.push(eq(homeworkItems.subjectId, g.subjectId));
    if (!parts.length) {
      reach = 'school';
      branches.length = 0;
      break;
    }
    if (g.role === 'subject_leader') reach = 'subject';
    branches.push(and(...parts)!);
  }
  const condition = reach === 'school' ? sql`true` : branches.length ? or(...branches)! : sql`false`;
  return { reach, condition };
}

/** 批改率 of a school over [from, to]: per week, teacher and class, within the reader's reach. */
export async function schoolMarkingRates(ctx: Ctx, schoolId: string, from: LocalDate, to: LocalDate): Promise<z.output<typeof MarkingRates>> {
  requirePermission(ctx, 'homework.read');
  const school = found(
    await ctx.db
      .select({ id: schoolDirectory.id, districtId: schoolDirectory.districtId, zoneId: schoolDirectory.zoneId, name: schoolDirectory.name })
      .from(schoolDirectory)
      .where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId))),
    '学校',
  );
  const { reach, condition } = reachOf(ctx, school);
  const where = and(
    scoped(ctx, homeworkPublished, 'homework.read'),
    eq(homeworkPublished.schoolId, schoolId),
    gte(homeworkPublished.date, from),
    lte(homeworkPublished.date, to),
  )!;
  const groups = await rowsOf<{ class_id: string; week_start: string; teacher_id: string; subject_id: string } & Count>(
    ctx.db,
    sql`select l.class_id, to_char(date_trunc('week', l.date), 'YYYY-MM-DD') as week_start, ${homeworkItems.teacherId} as teacher_id,
          ${homeworkItems.subjectId} as subject_id, count(*)::int as published, count(${homeworkMarkings.id})::int as marked,
          (count(${homeworkMarkings.id}) filter (where ${homeworkMarkings.faceToFace} > 0))::int as "faceToFace"
        from ${latestListsSql(where)} l
        cross join lateral jsonb_array_elements(l.items) e
        join ${homeworkItems} on ${homeworkItems.districtId} = l.district_id and ${homeworkItems.id} = (e->>'itemId')::uuid
        left join ${homeworkMarkings} on ${homeworkMarkings.districtId} = l.district_id and ${homeworkMarkings.itemId} = ${homeworkItems.id}
        where ${condition}
        group by 1, 2, 3, 4`,
  );
  const teacherIds = [...new Set(groups.map((g) => g.teacher_id))];
  const classIds = [...new Set(groups.map((g) => g.class_id))];
  const [teacherNames, classRows, subjects] = await atOnce(ctx.db,
    () => teacherIds.length
      ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, school.districtId), inArray(users.id, teacherIds)))
      : Promise.resolve([]),
    () => classIds.length
      ? ctx.db
          .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade })
          .from(classDirectory)
          .where(and(eq(classDirectory.districtId, school.districtId), inArray(classDirectory.id, classIds)))
      : Promise.resolve([]),
    () => ctx.db.select({ id: subjectDirectory.id, name: subjectDirectory.name, sort: subjectDirectory.sort }).from(subjectDirectory).where(eq(subjectDirectory.districtId, school.districtId)).orderBy(asc(subjectDirectory.sort)),
  );
  const total = zero();
  const weeks = new Map<string, Count>();
  const teachers = new Map<string, Count & { subjects: Set<string> }>();
  const classes = new Map<string, Count>();
  for (const g of groups) {
    add(total, g);
    add(weeks.get(g.week_start) ?? weeks.set(g.week_start, zero()).get(g.week_start)!, g);
    const t = teachers.get(g.teacher_id) ?? teachers.set(g.teacher_id, { ...zero(), subjects: new Set() }).get(g.teacher_id)!;
    add(t, g);
    t.subjects.add(g.subject_id);
    add(classes.get(g.class_id) ?? classes.set(g.class_id, zero()).get(g.class_id)!, g);
  }
  const rate = (c: Count) => (c.published ? c.marked / c.published : 1);
  const subjectOrder = subjects.map((s) => s.id);
  return {
    schoolId,
    schoolName: school.name,
    from,
    to,
    reach,
    total,
    weeks: [...weeks].map(([weekStart, c]) => ({ weekStart, ...c })).sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
    // the least marked first: who the school follows up with
    teachers: [...teachers]
      .map(([teacherId, { subjects: ids, ...c }]) => ({
        teacherId,
        teacherName: teacherNames.find((u) => u.id === teacherId)?.name ?? '',
        subjects: [...ids].sort((a, b) => subjectOrder.indexOf(a) - subjectOrder.indexOf(b)).map((id) => subjects.find((s) => s.id === id)?.name ?? ''),
        ...c,
      }))
      .sort((a, b) => rate(a) - rate(b) || a.teacherName.localeCompare(b.teacherName, 'zh-CN')),
    classes: classRows
      .map((c) => ({ classId: c.id, className: c.name, grade: c.grade, ...classes.get(c.id)! }))
      .sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'zh-CN', { numeric: true })),
  };
}

/** 批改率 per school of the district (or the inspector's zone) over [from, to]. */
export async function districtMarkingRates(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<z.output<typeof DistrictMarkingRates>> {
  requirePermission(ctx, 'homework.district');
  const where = and(scoped(ctx, homeworkPublished, 'homework.district'), gte(homeworkPublished.date, from), lte(homeworkPublished.date, to))!;
  // published items per school from the lists' lengths; marked ones are markings of items on those lists
  const [counts, schools] = await atOnce(ctx.db,
    () => rowsOf<{ school_id: string } & Count>(
      ctx.db,
      sql`with l as ${latestListsSql(where)}
          select s.school_id, s.published, coalesce(k.marked, 0)::int as marked, coalesce(k.face, 0)::int as "faceToFace"
          from (select school_id, sum(jsonb_array_length(items))::int as published from l group by school_id) s
          left join (
            select l.school_id, count(*) as marked, count(*) filter (where m.face_to_face > 0) as face
            from l join homework_markings m on m.district_id = l.district_id and m.class_id = l.class_id and m.date = l.date
            where l.items @> jsonb_build_array(jsonb_build_object('itemId', m.item_id::text))
            group by l.school_id
          ) k on k.school_id = s.school_id`,
    ),
    () => ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneName: schoolDirectory.zoneName })
      .from(schoolDirectory)
      .where(scoped(ctx, schoolDirectory, 'homework.district'))
      .orderBy(asc(schoolDirectory.code)),
  );
  const total = zero();
  counts.forEach((c) => add(total, c));
  return {
    from,
    to,
    total,
    schools: schools.map((s) => {
      const c = counts.find((x) => x.school_id === s.id);
      return { schoolId: s.id, schoolName: s.name, zoneName: s.zoneName, published: c?.published ?? 0, marked: c?.marked ?? 0, faceToFace: c?.faceToFace ?? 0 };
    }),
  };
}
