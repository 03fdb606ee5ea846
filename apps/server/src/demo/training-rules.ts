/**
 * Demo rule checks (校外培训监管): the timetables the demo institutions filed for their courses, and violations the
 * checks recorded, each with its real finding and citation — 捷径升学补习班 running 学科类 on a Saturday (open),
 * 小科学家科技创新中心 selling a 72-lesson package (open), 博学学科辅导中心 finishing after 20:30 (resolved).
 * Runs after the registry demo (it needs the courses).
 */
import { addDays, isoWeekday, type LocalDate } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../platform/audit';
import type { Queryable } from '../platform/db';
import { users } from '../platform/schema';
import { institutions } from '../modules/org/schema';
import { trainingSchedules, trainingViolations } from '../modules/training/rules.schema';
import { checkLesson, checkPackage, checkWeeklyEntry, recordViolations } from '../modules/training/rules.service';
import { trainingCourses } from '../modules/training/schema';

const SCHEDULES: { course: string; weekday: number; start: string; end: string; venue: string }[] = [
  { course: '少儿国画', weekday: 3, start: '16:30', end: '17:15', venue: '国画教室' },
  { course: '少儿国画', weekday: 6, start: '09:00', end: '09:45', venue: '国画教室' },
  { course: '书法', weekday: 6, start: '10:00', end: '10:45', venue: '书法教室' },
  { course: '少儿篮球', weekday: 2, start: '17:00', end: '17:45', venue: '篮球馆' },
  { course: '少儿篮球', weekday: 4, start: '17:00', end: '17:45', venue: '篮球馆' },
  { course: '少儿篮球', weekday: 7, start: '09:00', end: '09:45', venue: '篮球馆' },
  { course: '机器人编程', weekday: 5, start: '18:00', end: '18:45', venue: '创客教室' },
  { course: '初中数学小班', weekday: 2, start: '19:00', end: '19:45', venue: '201 教室' },
  { course: '初中数学小班', weekday: 4, start: '19:00', end: '19:45', venue: '201 教室' },
];

/** The last Saturday before `today`. */
const lastSaturday = (today: LocalDate) => addDays(today, -(((isoWeekday(today) + 1) % 7) || 7));

export async function seedTrainingRulesDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const actor = systemActor(districtId, '规则检查');
  const courses = await db.select().from(trainingCourses).where(eq(trainingCourses.districtId, districtId));
  const insts = await db.select().from(institutions).where(eq(institutions.districtId, districtId));
  const inst = (name: string) => insts.find((i) => i.name === name);

  for (const s of SCHEDULES) {
    const course = courses.find((c) => c.name === s.course);
    if (!course) continue;
    const findings = await checkWeeklyEntry(db, districtId, { category: course.category, mode: course.mode, weekday: s.weekday, startTime: s.start, endTime: s.end }, today);
    if (findings.some((f) => f.severity === 'error')) continue;
    await db.insert(trainingSchedules).values({
      districtId,
      institutionId: course.institutionId,
      zoneId: course.zoneId,
      courseId: course.id,
      weekday: s.weekday,
      startTime: s.start,
      endTime: s.end,
      venueName: s.venue,
      findings,
    });
  }

  // 捷径升学补习班: a 90-minute 学科类 class on a Saturday, found by an inspector's visit (recorded as a lesson).
  const jiejing = inst('捷径升学补习班');
  const saturday = lastSaturday(today);
  if (jiejing) {
    const findings = await checkLesson(db, districtId, { category: 'subject', mode: 'offline', date: saturday, startTime: '09:00', endTime: '10:30' });
    await recordViolations(db, actor, {
      institutionId: jiejing.id,
      institutionName: jiejing.name,
      zoneId: jiejing.zoneId,
      subject: { kind: 'lesson', id: null, label: `初中数学冲刺班（未备案）${saturday} 09:00—10:30` },
      findings,
      occurredOn: saturday,
    });
  }

  // 小科学家科技创新中心: a 72-lesson package offered for sale.
  const science = inst('小科学家科技创新中心');
  if (science) {
    const findings = await checkPackage(db, districtId, { lessons: 72, months: 6, category: 'non_subject' }, addDays(today, -5));
    await recordViolations(db, actor, {
      institutionId: science.id,
      institutionName: science.name,
      zoneId: science.zoneId,
      subject: { kind: 'package', id: null, label: '机器人编程 72 课时年卡' },
      findings,
      occurredOn: addDays(today, -5),
    });
  }

  // 博学学科辅导中心: a weekday class ending at 21:00, since resolved.
  const boxue = inst('博学学科辅导中心');
  if (boxue) {
    const day = addDays(today, -16);
    const findings = await checkLesson(db, districtId, { category: 'subject', mode: 'offline', date: day, startTime: '20:15', endTime: '21:00' });
    await recordViolations(db, actor, {
      institutionId: boxue.id,
      institutionName: boxue.name,
      zoneId: boxue.zoneId,
      subject: { kind: 'schedule', id: null, label: `课程「初中数学小班」课表 ${day} 20:15—21:00` },
      findings,
      occurredOn: day,
    });
    const [admin] = await db.select({ id: users.id }).from(users).where(and(eq(users.districtId, districtId), eq(users.username, 'demo-district')));
    await db
      .update(trainingViolations)
      .set({ status: 'resolved', resolutionNote: '已约谈机构负责人，课表调整为 19:00—19:45', resolvedAt: new Date(`${addDays(today, -14)}T06:00:00Z`), resolvedBy: admin?.id ?? null })
      .where(and(eq(trainingViolations.districtId, districtId), eq(trainingViolations.institutionId, boxue.id), eq(trainingViolations.occurredOn, day)));
  }
}
