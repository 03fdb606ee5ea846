/**
 * Demo after-school data: the enrol area. 示范区实验小学's first enrolment window ran in the term's first week and a
 * second is open now (first come, two clubs a child); most of its children signed agreements in the first (paper forms the school recorded) and hold homework help of
 * their grade and often a club, leaving a few seats per club; demo-parent's 张小明 has not chosen yet, so a newcomer
 * can. Runs inside the demo's one transaction (`db` is it), after the plan area's courses.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, eq, sql } from 'drizzle-orm';
import { bulkInsert, type Db, rowsOf } from '../platform/db';
import { users } from '../platform/schema';
import { agreementMaker, nextPosition, recountServed } from '../modules/after-school/enrol.repo';
import { afterSchoolAgreements, afterSchoolCourses, afterSchoolEnrolments, afterSchoolWindows } from '../modules/after-school/schema';
import { semesterAt, semestersOf } from '../modules/calendar';
import { schools } from '../modules/org/schema';

/** Seats each club keeps free for families who have not chosen yet. */
const SEATS_KEPT = 3;

export async function seedAfterSchoolEnrolDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  const [school] = await db.select().from(schools).where(and(eq(schools.districtId, districtId), eq(schools.code, 'SY01')));
  if (!semester || !school) return;
  const maker = await agreementMaker(db, districtId, { schoolId: school.id, schoolName: school.name }, semester, today);
  if (!maker) return; // no plan in force: nothing to sign, nothing to choose
  const [principal] = await db.select({ id: users.id }).from(users).where(and(eq(users.districtId, districtId), eq(users.username, 'demo-principal')));
  // the term's first window, in its first week (most families chose then: a semester of attendance and bills),
  // and a second one open now for families who have not chosen or want another club
  const firstDay = semester.startDate < addDays(today, -10) ? semester.startDate : addDays(today, -10);
  const opensAt = new Date(`${firstDay}T08:00:00+08:00`);
  const [window] = await db
    .insert(afterSchoolWindows)
    .values([
      { districtId, schoolId: school.id, semesterId: semester.id, opensAt, closesAt: new Date(`${addDays(firstDay, 6)}T20:00:00+08:00`), mode: 'first_come', maxClubs: 2, createdBy: principal!.id },
      {
        districtId,
        schoolId: school.id,
        semesterId: semester.id,
        opensAt: new Date(`${addDays(today, -3)}T08:00:00+08:00`),
        closesAt: new Date(`${addDays(today, 7)}T20:00:00+08:00`),
        mode: 'first_come',
        maxClubs: 2,
        createdBy: principal!.id,
      },
    ])
    .returning();

  const courses = await db
    .select()
    .from(afterSchoolCourses)
    .where(and(eq(afterSchoolCourses.districtId, districtId), eq(afterSchoolCourses.schoolId, school.id), eq(afterSchoolCourses.semesterId, semester.id), eq(afterSchoolCourses.status, 'open')))
    .orderBy(afterSchoolCourses.name);
  // the school's children, demo-parent's aside (they choose in the demo themselves)
  const children = await rowsOf<{ id: string; name: string; class_id: string; grade: number; own: boolean }>(
    db,
    sql`select s.id, s.name, s.class_id, s.grade,
        exists (select 1 from guardian_links l join guardians g on g.district_id = l.district_id and g.id = l.guardian_id
          join users u on u.district_id = g.district_id and u.id = g.user_id where l.district_id = s.district_id and l.student_id = s.id and u.username = 'demo-parent') as own
      from student_directory s where s.district_id = ${districtId} and s.school_id = ${school.id} and s.status = 'active' order by s.student_no`,
  );
  const seats = new Map(courses.map((c) => [c.id, 0]));
  const agreements: (typeof afterSchoolAgreements.$inferInsert)[] = [];
  const places: { course: (typeof courses)[number]; child: (typeof children)[number]; at: Date }[] = [];
  children.forEach((child, i) => {
    if (child.own || i % 9 === 4) return; // voluntary: about one family in nine stays out
    const at = new Date(opensAt.getTime() + i * 47_000);
    agreements.push({ districtId, schoolId: school.id, classId: child.class_id, studentId: child.id, semesterId: semester.id, planId: maker.planId, signedBy: principal!.id, signedAt: at, textHash: maker.forChild(child.name).textHash });
    const eligible = courses.filter((c) => c.grades.includes(Number(child.grade)));
    const homework = eligible.find((c) => c.category === 'homework' && seats.get(c.id)! < c.capacity);
    if (homework) places.push({ course: homework, child, at });
    if (homework) seats.set(homework.id, seats.get(homework.id)! + 1);
    const clubs = eligible.filter((c) => c.category !== 'homework');
    const club = clubs.length && i % 3 !== 0 ? clubs[i % clubs.length]! : null;
    if (club && seats.get(club.id)! < club.capacity - SEATS_KEPT) {
      places.push({ course: club, child, at: new Date(at.getTime() + 5_000) });
      seats.set(club.id, seats.get(club.id)! + 1);
    }
  });
  await bulkInsert(db, afterSchoolAgreements, agreements);
  const positions = (await rowsOf<{ p: string }>(db, sql`select ${nextPosition} as p from generate_series(1, ${Math.max(places.length, 1)})`)).map((r) => Number(r.p));
  places.sort((a, b) => a.at.getTime() - b.at.getTime());
  await bulkInsert(
    db,
    afterSchoolEnrolments,
    places.map((p, i) => ({
      districtId,
      schoolId: school.id,
      classId: p.child.class_id,
      studentId: p.child.id,
      courseId: p.course.id,
      windowId: window!.id,
      status: 'enrolled' as const,
      position: positions[i]!,
      chosenBy: principal!.id,
      chosenAt: p.at,
      seatedAt: p.at,
    })),
  );
  for (const c of courses) {
    const n = seats.get(c.id)!;
    if (n) await db.update(afterSchoolCourses).set({ enrolled: n }).where(and(eq(afterSchoolCourses.districtId, districtId), eq(afterSchoolCourses.id, c.id)));
  }
  await recountServed(db, districtId, school.id, semester.id);
}
