/**
 * Demo after-school data: the daily area. The last month of sessions for every course with children seated in it
 * (about 95% present, a few late or absent, the families' leave days on leave), some leave requests (past and to
 * come), pick-ups for the last school days, five patrols a school day for the last three weeks, and last month's
 * assessment of every course. Today's sessions are left for the teachers to take (demo-teacher runs homework help
 * every school day). Runs inside the demo's one transaction (`db` is it), after the plan and enrol areas.
 */
import {
  addDays,
  countAttendance,
  courseMeets,
  dateRange,
  type LocalDate,
  localDateTimeIn,
  monthSpan,
  resolveAttendance,
  sessionMinutes,
  type AttendanceException,
} from '@shuangjian/policy';
import { and, eq, sql } from 'drizzle-orm';
import { bulkInsert, type Db, rowsOf } from '../platform/db';
import { districts } from '../platform/schema';
import { classifyDays } from '../modules/calendar';
import { guardiansOfStudents } from '../modules/org';
import { bumpSchoolStats, hhmm, rosterOn } from '../modules/after-school/daily.repo';
import { afterSchoolAssessments, afterSchoolPatrols, afterSchoolPickups } from '../modules/after-school/daily.schema';
import { afterSchoolAttendance, afterSchoolCourses, afterSchoolLeaves, afterSchoolSessions } from '../modules/after-school/schema';
import { semesterAt, semestersOf } from '../modules/after-school/semesters';

const DAYS_BACK = 30;
const PATROL_DAYS_BACK = 21;
const PATROLS_A_DAY = 5;

/** A deterministic 0–1 draw from a text: the demo is the same on every load. */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** The instant a local date and HH:MM fall on in a time zone. */
function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const local = localDateTimeIn(timeZone, new Date(guess));
  return new Date(guess - (Date.parse(`${local.date}T${local.time}:00Z`) - guess));
}

const FINDINGS = [
  '学生按时到位，教师组织有序，作业辅导认真',
  '课堂秩序良好，学生参与积极',
  '教师提前到岗，点名及时，安全提示到位',
  '活动内容丰富，学生兴趣浓厚',
  '场地器材摆放规范，安全措施落实',
];
const ISSUES = ['个别学生未按时到场', '教室窗户未关，已提醒', '器材收纳不及时', '放学时段门口家长聚集'];
const PLACES = ['东门接送区', '教学楼走廊', '操场'];
const COMMENTS = ['组织规范，学生满意度高', '内容充实，建议增加分层辅导', '安全管理到位，继续保持', '出勤稳定，活动形式可再丰富'];
const LEAVE_REASONS = ['看病', '家里有事', '参加校外比赛', '身体不适', '走亲戚'];

export async function seedAfterSchoolDailyDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const [district] = await db.select({ timeZone: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  const tz = district!.timeZone;
  const courses = await db
    .select()
    .from(afterSchoolCourses)
    .where(and(eq(afterSchoolCourses.districtId, districtId), eq(afterSchoolCourses.semesterId, semester.id), eq(afterSchoolCourses.status, 'open')));
  if (!courses.length) return;
  const from = addDays(today, -DAYS_BACK) < semester.startDate ? semester.startDate : addDays(today, -DAYS_BACK);
  const yesterday = addDays(today, -1);
  const schoolIds = [...new Set(courses.map((c) => c.schoolId))];
  const calendars = new Map<string, Awaited<ReturnType<typeof classifyDays>>>();
  for (const s of schoolIds) calendars.set(s, await classifyDays(db, districtId, s, from, addDays(today, 14)));
  const staffOf = async (schoolId: string, roles: string[]) =>
    (
      await rowsOf<{ user_id: string }>(
        db,
        sql`select distinct user_id from role_assignments where district_id = ${districtId} and school_id = ${schoolId} and role in (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}) order by user_id`,
      )
    ).map((r) => r.user_id);

  // leave: about one child-day in sixty, a day or two at a time; a few asked ahead for the coming days
  const seatedKids = await rowsOf<{ student_id: string; class_id: string; school_id: string; requested_by: string | null }>(
    db,
    sql`select distinct e.student_id, e.class_id, e.school_id,
        (select g.user_id from guardian_links l join guardians g on g.district_id = l.district_id and g.id = l.guardian_id
          where l.district_id = e.district_id and l.student_id = e.student_id and g.user_id is not null limit 1) as requested_by
      from after_school_enrolments e where e.district_id = ${districtId} and e.status = 'enrolled' and e.seated_at is not null order by e.student_id`,
  );
  const principalBySchool = new Map<string, string>();
  for (const s of schoolIds) principalBySchool.set(s, (await staffOf(s, ['school_admin']))[0] ?? '');
  const leaves: (typeof afterSchoolLeaves.$inferInsert)[] = [];
  for (const k of seatedKids) {
    const requestedBy = k.requested_by ?? principalBySchool.get(k.school_id);
    if (!requestedBy) continue;
    const schoolDays = calendars.get(k.school_id)!.filter((d) => d.schoolDay).map((d) => d.date);
    for (const day of schoolDays) {
      const r = draw(`leave|${k.student_id}|${day}`);
      if (r >= 1 / 60) continue;
      const len = r < 1 / 180 ? 2 : 1;
      const to = schoolDays[Math.min(schoolDays.indexOf(day) + len - 1, schoolDays.length - 1)]!;
      if (leaves.some((l) => l.studentId === k.student_id && l.toDate! >= day)) continue;
      leaves.push({
        districtId,
        schoolId: k.school_id,
        classId: k.class_id,
        studentId: k.student_id,
        fromDate: day,
        toDate: to,
        reason: LEAVE_REASONS[Math.floor(r * 60 * LEAVE_REASONS.length) % LEAVE_REASONS.length]!,
        requestedBy,
        requestedAt: instantAt(addDays(day, -1), '19:30', tz),
      });
    }
  }
  await bulkInsert(db, afterSchoolLeaves, leaves);

  // sessions of the past month, with their attendance, as the teachers took them
  const sessions: (typeof afterSchoolSessions.$inferInsert & { id: string })[] = [];
  const marks: (typeof afterSchoolAttendance.$inferInsert)[] = [];
  const came = new Map<string, { date: LocalDate; studentId: string; schoolId: string; end: string }>();
  const totals = new Map<string, { sessionsHeld: number; attendancePresent: number; attendanceExpected: number }>();
  for (const date of dateRange(from, yesterday)) {
    const meeting = courses.filter((c) => {
      const info = calendars.get(c.schoolId)!.find((d) => d.date === date);
      return !!info && courseMeets({ weekdays: c.weekdays, semesterId: c.semesterId }, info);
    });
    if (!meeting.length) continue;
    const rosters = await rosterOn(db, districtId, meeting.map((c) => c.id), date, tz);
    const onLeave = new Set(leaves.filter((l) => l.fromDate! <= date && date <= l.toDate!).map((l) => l.studentId!));
    for (const c of meeting) {
      const roster = rosters.get(c.id) ?? [];
      if (!roster.length) continue;
      const exceptions: AttendanceException[] = [];
      for (const r of roster) {
        const x = draw(`mark|${c.id}|${r.studentId}|${date}`);
        if (x < 0.015) exceptions.push({ studentId: r.studentId, status: 'absent', note: x < 0.005 ? '家长已电话说明' : null });
        else if (x < 0.035) exceptions.push({ studentId: r.studentId, status: 'late' });
      }
      const { lines } = resolveAttendance(roster.map((r) => r.studentId), onLeave, exceptions);
      const counts = countAttendance(lines);
      const id = crypto.randomUUID();
      const takenBy = c.teacherIds[0] ?? principalBySchool.get(c.schoolId) ?? null;
      sessions.push({
        districtId,
        id,
        schoolId: c.schoolId,
        courseId: c.id,
        date,
        status: 'held',
        minutes: sessionMinutes(c.startTime, c.endTime),
        teacherIds: c.teacherIds,
        ...counts,
        takenBy,
        takenAt: instantAt(date, hhmm(c.startTime), tz),
      });
      for (const l of lines) {
        marks.push({ districtId, sessionId: id, schoolId: c.schoolId, studentId: l.studentId, date, status: l.status, note: l.note });
        const key = `${date}|${l.studentId}`;
        if ((l.status === 'present' || l.status === 'late') && (came.get(key)?.end ?? '') < hhmm(c.endTime))
          came.set(key, { date, studentId: l.studentId, schoolId: c.schoolId, end: hhmm(c.endTime) });
      }
      const t = totals.get(c.schoolId) ?? { sessionsHeld: 0, attendancePresent: 0, attendanceExpected: 0 };
      t.sessionsHeld += 1;
      t.attendancePresent += counts.present;
      t.attendanceExpected += counts.expected;
      totals.set(c.schoolId, t);
    }
  }
  await bulkInsert(db, afterSchoolSessions, sessions);
  await bulkInsert(db, afterSchoolAttendance, marks);
  for (const [schoolId, t] of totals) await bumpSchoolStats(db, districtId, schoolId, semester.id, t);

  // pick-ups of the last five school days: a guardian of the child, a few minutes after the last session ended
  const recent = new Set(
    [...new Set([...came.values()].map((c) => c.date))]
      .sort()
      .slice(-5),
  );
  const collected = [...came.values()].filter((c) => recent.has(c.date));
  const guardians = await guardiansOfStudents(db, districtId, [...new Set(collected.map((c) => c.studentId))]);
  const pickups: (typeof afterSchoolPickups.$inferInsert)[] = [];
  for (const c of collected) {
    const own = guardians.filter((g) => g.studentId === c.studentId);
    const g = own[Math.floor(draw(`pick|${c.studentId}|${c.date}`) * own.length)];
    const recordedBy = principalBySchool.get(c.schoolId);
    if (!g || !recordedBy) continue;
    const [h, m] = c.end.split(':').map(Number) as [number, number];
    const after = h * 60 + m + 3 + Math.floor(draw(`late|${c.studentId}|${c.date}`) * 20);
    const at = `${String(Math.floor(after / 60)).padStart(2, '0')}:${String(after % 60).padStart(2, '0')}`;
    pickups.push({ districtId, schoolId: c.schoolId, studentId: c.studentId, date: c.date, collectorName: g.name, relation: g.relation, collectedAt: instantAt(c.date, at, tz), recordedBy });
  }
  await bulkInsert(db, afterSchoolPickups, pickups);

  // patrols: five staff a school day for the last three weeks, mostly on courses that met that day
  const patrols: (typeof afterSchoolPatrols.$inferInsert)[] = [];
  for (const schoolId of schoolIds) {
    const staff = await staffOf(schoolId, ['school_admin', 'grade_leader', 'subject_leader']);
    if (!staff.length) continue;
    const schoolCourses = courses.filter((c) => c.schoolId === schoolId);
    const days = calendars.get(schoolId)!.filter((d) => d.schoolDay && d.date >= addDays(today, -PATROL_DAYS_BACK) && d.date < today);
    for (const day of days) {
      const meeting = schoolCourses.filter((c) => courseMeets({ weekdays: c.weekdays, semesterId: c.semesterId }, day));
      if (!meeting.length) continue;
      for (let i = 0; i < Math.min(PATROLS_A_DAY, staff.length); i++) {
        const who = staff[(i + days.indexOf(day)) % staff.length]!;
        const x = draw(`patrol|${schoolId}|${day.date}|${i}`);
        const course = i < 4 ? meeting[Math.floor(x * meeting.length)] : undefined;
        const issue = x < 0.2 ? [ISSUES[Math.floor(x * 20) % ISSUES.length]!] : [];
        patrols.push({
          districtId,
          schoolId,
          date: day.date,
          courseId: course?.id ?? null,
          place: course ? null : PLACES[Math.floor(x * PLACES.length)]!,
          findings: FINDINGS[Math.floor(x * 100) % FINDINGS.length]!,
          rating: issue.length ? 3 + Math.floor(x * 10) % 2 : 4 + Math.floor(x * 10) % 2,
          issues: issue,
          patrolledBy: who,
          createdAt: instantAt(day.date, '17:10', tz),
        });
      }
    }
    const n = patrols.filter((p) => p.schoolId === schoolId).length;
    if (n) await bumpSchoolStats(db, districtId, schoolId, semester.id, { patrols: n });
  }
  await bulkInsert(db, afterSchoolPatrols, patrols);

  // last month's assessment of every course that ran in it
  const lastMonth = monthSpan(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7));
  const ran = await rowsOf<{ course_id: string }>(
    db,
    sql`select distinct course_id from after_school_sessions where district_id = ${districtId} and status = 'held' and date between ${lastMonth.from} and ${lastMonth.to}`,
  );
  const ranIds = new Set(ran.map((r) => r.course_id));
  const assessed = courses.filter((c) => ranIds.has(c.id) && principalBySchool.get(c.schoolId));
  await bulkInsert(
    db,
    afterSchoolAssessments,
    assessed.map((c) => {
      const x = draw(`assess|${c.id}|${lastMonth.from}`);
      return {
        districtId,
        schoolId: c.schoolId,
        courseId: c.id,
        month: lastMonth.from.slice(0, 7),
        score: 78 + Math.floor(x * 19),
        comment: COMMENTS[Math.floor(x * 100) % COMMENTS.length]!,
        assessedBy: principalBySchool.get(c.schoolId)!,
        assessedAt: instantAt(addDays(lastMonth.to, 1), '10:00', tz),
      };
    }),
  );
}
