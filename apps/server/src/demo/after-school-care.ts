/**
 * Demo after-school data: the care area. 示范区实验小学's lunch and midday care this semester (two kitchens, ¥12 a
 * day) with about half of grades 1–3 taking it and the last week's marks; two summer sites from last summer (the
 * school's own and a community site the district ran) with their sessions, enrolments, rota and some attendance.
 * Runs inside the demo's one transaction (`db` is it), after the areas before it.
 */
import { addDays, dateRange, fen, isoWeekday, type LocalDate, summerFee } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { users } from '../platform/schema';
import { classifyDays } from '../modules/calendar';
import { roleHolders, schoolDirectory, studentDirectory } from '../modules/org';
import {
  afterSchoolLunchEnrolments,
  afterSchoolLunchMarks,
  afterSchoolLunchOffers,
  afterSchoolSummerEnrolments,
  afterSchoolSummerMarks,
  afterSchoolSummerRota,
  afterSchoolSummerSessions,
  afterSchoolSummerSites,
} from '../modules/after-school/care.schema';
import { semestersOf, semesterAt } from '../modules/after-school/semesters';
import { summerVacation } from '../modules/after-school/care-summer.service';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedAfterSchoolCareDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const d = districtId;
  const [school] = await db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), eq(schoolDirectory.name, '示范区实验小学')));
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.districtId, d), inArray(users.username, ['demo-principal', 'demo-district', 'demo-parent'])));
  const principal = people.find((p) => p.username === 'demo-principal')?.id;
  const officer = people.find((p) => p.username === 'demo-district')?.id;
  const semester = semesterAt(await semestersOf(db, d), today);
  if (!school || !principal || !officer || !semester) return;
  const rnd = random(20260701);
  const children = await db
    .select({ id: studentDirectory.id, name: studentDirectory.name, classId: studentDirectory.classId, className: studentDirectory.className, grade: studentDirectory.grade })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, d), eq(studentDirectory.schoolId, school.id), eq(studentDirectory.status, 'active')));

  // 午餐午托: two kitchens, ¥12 a day; about half of grades 1–3, demo-parent's 张小明 among them
  const kitchens = ['一号厨房（本部）', '二号厨房（东校区）'];
  const [offer] = await db
    .insert(afterSchoolLunchOffers)
    .values({ districtId: d, schoolId: school.id, semesterId: semester.id, kitchens, feeMode: 'daily', feeFen: fen(1200), note: '午餐 + 午休看护，11:40–13:50', createdBy: principal })
    .returning();
  const takers = children.filter((c) => c.grade <= 3 && (c.name === '张小明' || rnd() < 0.5));
  if (takers.length) {
    await db.insert(afterSchoolLunchEnrolments).values(
      takers.map((c) => ({
        districtId: d,
        offerId: offer!.id,
        schoolId: school.id,
        classId: c.classId,
        studentId: c.id,
        kitchen: c.className.includes('(1)') || c.className.includes('(3)') ? kitchens[1]! : kitchens[0]!,
        startedOn: semester.startDate,
        enrolledBy: principal,
      })),
    );
    const days = (await classifyDays(db, d, school.id, addDays(today, -9), addDays(today, -1))).filter((x) => x.schoolDay).map((x) => x.date);
    const marks = days.flatMap((date) =>
      takers.map((c) => {
        const r = rnd();
        return { districtId: d, offerId: offer!.id, studentId: c.id, schoolId: school.id, date, mark: r < 0.03 ? ('leave' as const) : r < 0.04 ? ('absent' as const) : ('present' as const), takenBy: principal };
      }),
    );
    for (let i = 0; i < marks.length; i += 1000) await db.insert(afterSchoolLunchMarks).values(marks.slice(i, i + 1000));
  }

  // 暑期托管 last summer: the school's own site and a community site the district ran
  const year = Number(today.slice(0, 4)) - (today.slice(5, 7) < '09' ? 1 : 0);
  const vacation = await summerVacation(db, d, year);
  if (!vacation) return;
  const start = dateRange(vacation.startDate, addDays(vacation.startDate, 6)).find((x) => isoWeekday(x) === 1)!;
  const sessions = [
    { name: '第一期', startDate: start, endDate: addDays(start, 11) },
    { name: '第二期', startDate: addDays(start, 14), endDate: addDays(start, 25) },
  ];
  const sites = await db
    .insert(afterSchoolSummerSites)
    .values([
      { districtId: d, year, schoolId: school.id, kind: 'school' as const, name: '示范区实验小学暑期托管点', address: '示范区实验小学 综合楼一层', capacity: 80, feeMode: 'session' as const, feeFen: fen(60000), createdBy: principal },
      { districtId: d, year, schoolId: null, kind: 'community' as const, name: '城东社区暑期托管点', address: '城东街道社区文化活动中心二楼', capacity: 40, feeMode: 'week' as const, feeFen: fen(25000), createdBy: officer },
    ])
    .returning();
  const teachers = (await roleHolders(db, d, 'teacher', { schoolId: school.id })).slice(0, 4);
  const pool = children.filter((c) => c.grade <= 4);
  let next = 0;
  for (const site of sites) {
    const made = await db
      .insert(afterSchoolSummerSessions)
      .values(sessions.map((s) => ({ districtId: d, siteId: site.id, ...s, capacity: site.capacity })))
      .returning();
    for (const session of made) {
      const size = Math.min(pool.length - next, Math.floor(site.capacity * (0.6 + rnd() * 0.3)));
      const kids = pool.slice(next, next + size);
      next += size;
      if (!kids.length) continue;
      await db.insert(afterSchoolSummerEnrolments).values(
        kids.map((c, n) => {
          const waived = n % 15 === 0;
          const fee = summerFee(site.feeMode, fen(site.feeFen), session.startDate, session.endDate, waived ? 10_000 : 0, 'half-up');
          return {
            districtId: d,
            sessionId: session.id,
            siteId: site.id,
            studentId: c.id,
            schoolId: school.id,
            waiverCode: waived ? 'low_income' : null,
            grossFen: fee.grossFen,
            waivedFen: fee.waivedFen,
            dueFen: fee.dueFen,
            enrolledBy: site.kind === 'school' ? principal : officer,
          };
        }),
      );
      await db.update(afterSchoolSummerSessions).set({ enrolled: kids.length }).where(and(eq(afterSchoolSummerSessions.districtId, d), eq(afterSchoolSummerSessions.id, session.id)));
      const weekdays = dateRange(session.startDate, session.endDate).filter((x) => isoWeekday(x) <= 5);
      if (teachers.length)
        await db.insert(afterSchoolSummerRota).values(weekdays.flatMap((date, i) => [teachers[i % teachers.length]!, teachers[(i + 1) % teachers.length]!].filter((u, k, a) => a.indexOf(u) === k).map((userId) => ({ districtId: d, siteId: site.id, date, userId }))));
      await db.insert(afterSchoolSummerMarks).values(
        weekdays.slice(0, 5).flatMap((date) => kids.map((c) => ({ districtId: d, sessionId: session.id, studentId: c.id, date, mark: rnd() < 0.05 ? ('leave' as const) : ('present' as const), takenBy: teachers[0] ?? principal }))),
      );
    }
  }
}
