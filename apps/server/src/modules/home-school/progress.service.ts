/**
 * Visit progress against the rule in force today: a teacher's (this week's visit done? pupils of my classes I have not
 * yet visited at home this semester; 重点关注 pupils short of the semester's minimum) and a class's (pupils visited by
 * the class teacher and by each subject teacher). Names are whole only for readers of special files (the class
 * teacher, care staff, the school, the district); everyone else sees 张*明 and 重点关注 without the reason.
 */
import type { ClassProgress, DuePupil, TeacherProgress } from '@shuangjian/contracts';
import { addDays, focusShort, homeVisitDue, isFocusPupil, weekDone, weekStart } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { classDirectory, roleHolders, specialStudents, studentDirectory, visibleClass } from '../org';
import { careStaffSchools, currentSemester, shownName, specialReader, taughtClasses, userNames } from './home-school.repo';
import { visitRuleAt } from './home-school.policy';
import { hsVisits } from './schema';

async function pupilsOf(q: Queryable, ctx: Ctx, classIds: readonly string[]) {
  if (!classIds.length) return [];
  const S = studentDirectory;
  return q
    .select({ studentId: S.id, districtId: S.districtId, name: S.name, classId: S.classId, className: S.className, schoolId: S.schoolId, zoneId: S.zoneId })
    .from(S)
    .where(and(scoped(ctx, S, 'home-school.read'), inArray(S.classId, [...classIds]), eq(S.status, 'active')))
    .orderBy(asc(S.grade), asc(S.className), asc(S.studentNo));
}

export async function teacherProgress(ctx: Ctx): Promise<TeacherProgress> {
  requirePermission(ctx, 'home-school.read');
  const day = today(ctx);
  const ws = weekStart(day);
  const [{ rule }, semester] = await atOnce(ctx.db, () => visitRuleAt(ctx.db, ctx.user.districtId, day), () => currentSemester(ctx.db, ctx.user.districtId, day));
  const taught = taughtClasses(ctx);
  const C = classDirectory;
  const S = studentDirectory;
  const V = hsVisits;
  // every read below depends only on the grants, the rule and the semester: side by side, one round trip's wait
  const [classes, pupils, [week], perPupil, specialRefs, careSchools] = await atOnce(ctx.db,
    () => taught.all.length
      ? ctx.db
          .select({ id: C.id, name: C.name, schoolName: C.schoolName })
          .from(C)
          .where(and(scoped(ctx, C, 'home-school.read'), inArray(C.id, taught.all)))
          .orderBy(asc(C.grade), asc(C.name))
      : Promise.resolve([]),
    () => pupilsOf(ctx.db, ctx, taught.all),
    () => ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(V)
      .where(and(eq(V.districtId, ctx.user.districtId), eq(V.teacherId, ctx.user.id), sql`${V.date} between ${ws} and ${addDays(ws, 6)}`, inArray(V.mode, rule.weeklyModes))),
    () => semester && taught.all.length
      ? ctx.db
          .select({
            studentId: V.studentId,
            visits: sql<number>`count(*)::int`,
            homeByMe: sql<number>`count(*) filter (where ${V.teacherId} = ${ctx.user.id} and ${V.mode} = 'home')::int`,
          })
          .from(V)
          .where(
            and(
              eq(V.districtId, ctx.user.districtId),
              eq(V.semesterId, semester.id),
              inArray(
                V.studentId,
                ctx.db
                  .select({ id: S.id })
                  .from(S)
                  .where(and(eq(S.districtId, ctx.user.districtId), inArray(S.classId, taught.all), eq(S.status, 'active'))),
              ),
            ),
          )
          .groupBy(V.studentId)
      : Promise.resolve([]),
    () => specialStudents(ctx.db, ctx.user.districtId, { classIds: taught.all }),
    () => careStaffSchools(ctx),
  );
  const byPupil = new Map(perPupil.map((r) => [r.studentId, r]));
  const special = new Set(specialRefs.filter((s) => isFocusPupil(s.flags)).map((s) => s.studentId));
  const due: DuePupil[] = [];
  let homeVisited = 0;
  let shortFocus = 0;
  for (const p of pupils) {
    const v = byPupil.get(p.studentId);
    const visits = Number(v?.visits ?? 0);
    const homeByMe = Number(v?.homeByMe ?? 0);
    const focus = special.has(p.studentId);
    const homeDue = homeVisitDue(homeByMe, rule);
    const short = focusShort(focus, visits, rule);
    if (!homeDue) homeVisited += 1;
    if (short) shortFocus += 1;
    if (homeDue || short)
      due.push({ studentId: p.studentId, classId: p.classId, className: p.className, name: shownName(p.name, specialReader(ctx, careSchools, p)), focus, visitsThisSemester: visits, homeVisitedByMe: !homeDue });
  }
  // 重点关注 first, then the fewest visits
  due.sort((a, b) => Number(b.focus) - Number(a.focus) || a.visitsThisSemester - b.visitsThisSemester);
  const weekVisits = Number(week?.n ?? 0);
  return {
    today: day,
    weekStart: ws,
    semester,
    rule,
    weekVisits,
    weekDone: weekDone(weekVisits, rule),
    pupils: pupils.length,
    homeVisited,
    due,
    focusShort: shortFocus,
    classes: classes.map((c) => ({ ...c, asClassTeacher: taught.asClassTeacher.has(c.id) })),
  };
}

export async function classProgress(ctx: Ctx, classId: string): Promise<ClassProgress> {
  requirePermission(ctx, 'home-school.read');
  const c = await visibleClass(ctx, classId, 'home-school.read');
  const day = today(ctx);
  const { rule } = await visitRuleAt(ctx.db, ctx.user.districtId, day);
  const semester = await currentSemester(ctx.db, ctx.user.districtId, day);
  const pupils = await pupilsOf(ctx.db, ctx, [c.id]);
  const V = hsVisits;
  const visits = semester
    ? await ctx.db
        .select({ studentId: V.studentId, teacherId: V.teacherId, mode: V.mode, asClassTeacher: V.asClassTeacher })
        .from(V)
        .where(and(eq(V.districtId, ctx.user.districtId), eq(V.classId, c.id), eq(V.semesterId, semester.id)))
    : [];
  const [classTeachers, subjectTeachers] = await atOnce(ctx.db,
    () => roleHolders(ctx.db, ctx.user.districtId, 'class_teacher', { classId: c.id }),
    () => roleHolders(ctx.db, ctx.user.districtId, 'teacher', { classId: c.id }),
  );
  const teacherIds = [...new Set([...classTeachers, ...subjectTeachers])];
  const names = await userNames(ctx.db, ctx.user.districtId, teacherIds);
  const special = new Set((await specialStudents(ctx.db, ctx.user.districtId, { classIds: [c.id] })).filter((s) => isFocusPupil(s.flags)).map((s) => s.studentId));
  const careSchools = await careStaffSchools(ctx);
  const rows = pupils.map((p) => {
    const mine = visits.filter((v) => v.studentId === p.studentId);
    return {
      studentId: p.studentId,
      name: shownName(p.name, specialReader(ctx, careSchools, p)),
      focus: special.has(p.studentId),
      visits: mine.length,
      homeVisitedBy: [...new Set(mine.filter((v) => v.mode === 'home').map((v) => v.teacherId))],
    };
  });
  return {
    classId: c.id,
    className: c.name,
    schoolName: c.schoolName,
    rule,
    pupils: pupils.length,
    visitedByAny: rows.filter((r) => r.visits > 0).length,
    teachers: teacherIds.map((id) => ({
      teacherId: id,
      name: names.get(id) ?? '',
      asClassTeacher: classTeachers.includes(id),
      pupilsHomeVisited: rows.filter((r) => r.homeVisitedBy.includes(id)).length,
    })),
    rows,
  };
}
