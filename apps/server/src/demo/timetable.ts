/**
 * Demo 课程与课表: every class of the demo district gets this semester's timetable laid out from the curriculum plan
 * (语数英 in the morning, 音体美劳 later in the day, the grade's lab periods marked) and published by its school on the
 * semester's first day; one class of 城西第二小学 has a draft short of PE (折扣课表, not publishable); a few 巡课 records
 * of the past days, one of them differing from the timetable (an open 阴阳课表 finding) and one finding answered and
 * closed. The rollup figures are written set-based from what is seeded.
 */
import type { TimetableCell } from '@shuangjian/contracts';
import {
  addDays,
  checkTimetable,
  isoWeekday,
  LAB_SUBJECTS,
  type LocalDate,
  slotText,
  type TimetableSubject,
  timetableSettings,
  timetableSubjectNames,
} from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { bulkInsert, type Queryable } from '../platform/db';
import { type IndicatorFigure, semesterPeriod, setIndicators } from '../platform/indicators';
import { users } from '../platform/schema';
import { classifyDays, semesterAt, semestersOf } from '../modules/calendar';
import { classes, roleAssignments, schools } from '../modules/org/schema';
import { timetableDrafts, timetableFindingEvents, timetableFindings, timetablePatrols, timetableVersions } from '../modules/timetable/schema';
import { SHORT_KEYS, shortIndicator } from '../modules/timetable/timetable.repo';

const plan = timetableSettings['timetable.plan'].default;
const DAYS = timetableSettings['timetable.grid'].default.daysPerWeek;
/** The order subjects fill the week, period by period: the core subjects first, the others later in the day. */
const ORDER: TimetableSubject[] = ['chinese', 'math', 'english', 'morality', 'science', 'physics', 'chemistry', 'biology', 'history', 'geography', 'it', 'pe', 'music', 'art', 'labour', 'practice', 'local'];

/** A week holding the plan of the grade: filled period by period across the days. */
export function demoWeek(grade: number): TimetableCell[] {
  const g = plan.grades.find((x) => x.grade === grade)!;
  const list = ORDER.flatMap((s) => Array<TimetableSubject>(g.subjects[s] ?? 0).fill(s));
  const labAt = list.flatMap((s, i) => (LAB_SUBJECTS.includes(s) ? [i] : []));
  const labs = new Set(g.labPeriods ? labAt.slice(-g.labPeriods) : []);
  return list.map((subject, i) => ({ day: (i % DAYS) + 1, period: Math.floor(i / DAYS) + 1, subject, lab: labs.has(i), teacher: null, room: null }));
}

export async function seedTimetableDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const classRows = await db
    .select({ id: classes.id, name: classes.name, grade: classes.grade, schoolId: classes.schoolId, code: schools.code })
    .from(classes)
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .where(eq(classes.districtId, districtId));
  classRows.sort((a, b) => a.code.localeCompare(b.code) || a.grade - b.grade || a.name.localeCompare(b.name, 'zh-CN'));
  const admins = await db
    .select({ schoolId: roleAssignments.schoolId, userId: roleAssignments.userId, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.districtId, roleAssignments.districtId), eq(users.id, roleAssignments.userId)))
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.role, ['school_admin'])));
  const adminOf = new Map(admins.map((a) => [a.schoolId, a]));
  // the 折扣课表: 城西第二小学's first grade-4 class trades a PE period for math, kept as a draft
  const short = classRows.find((c) => c.code === 'CX02' && c.grade === 4)!;
  const drafts: (typeof timetableDrafts.$inferInsert)[] = [];
  const versions: (typeof timetableVersions.$inferInsert & { id: string })[] = [];
  const figures: IndicatorFigure[] = [];
  const publishedAt = new Date(`${addDays(semester.startDate, -3)}T02:00:00Z`);
  for (const c of classRows) {
    const admin = adminOf.get(c.schoolId)!;
    let cells = demoWeek(c.grade);
    const isShort = c.id === short.id;
    if (isShort) {
      const pe = cells.findLast((x) => x.subject === 'pe')!;
      cells = cells.map((x) => (x === pe ? { ...x, subject: 'math' as const } : x));
    }
    drafts.push({ districtId, schoolId: c.schoolId, classId: c.id, semesterId: semester.id, cells, updatedBy: admin.userId, updatedByName: admin.name, updatedAt: publishedAt });
    const check = checkTimetable(plan, c.grade, cells);
    if (!isShort) {
      versions.push({
        id: crypto.randomUUID(),
        districtId,
        schoolId: c.schoolId,
        classId: c.id,
        semesterId: semester.id,
        version: 1,
        cells,
        pePeriods: cells.filter((x) => x.subject === 'pe').length,
        effectiveFrom: semester.startDate,
        citation: { key: 'timetable.plan', version: 0, effectiveFrom: null },
        publishedBy: admin.userId,
        publishedByName: admin.name,
        publishedAt,
      });
    }
    const base = { districtId, schoolId: c.schoolId, classId: c.id, period: semesterPeriod(semester.id) };
    figures.push({ ...base, indicator: 'timetable.published', num: isShort ? 0 : 1, den: 1 }, { ...base, indicator: 'timetable.compliant', num: check.compliant ? 1 : 0, den: 1 });
    for (const k of SHORT_KEYS) {
      const f = check.findings.find((x) => x.severity === 'error' && (k === 'lab' ? x.kind === 'lab' : x.subject === k));
      figures.push({ ...base, indicator: shortIndicator(k), num: f ? f.required - f.actual : 0, den: 1 });
    }
  }
  await bulkInsert(db, timetableDrafts, drafts);
  await bulkInsert(db, timetableVersions, versions);

  // 巡课 of the past school days in the demo school's grade 3, by the inspector and the school
  const days = (await classifyDays(db, districtId, null, addDays(today, -14), addDays(today, -1))).filter((d) => d.schoolDay && d.semesterId === semester.id).map((d) => d.date);
  const [inspector] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), eq(users.username, 'demo-inspector')));
  const grade3 = classRows.filter((c) => c.code === 'SY01' && c.grade === 3);
  const junior = classRows.find((c) => c.code === 'CZ01' && c.grade === 8)!;
  const plans: { cls: (typeof classRows)[number]; date: LocalDate; period: number; swap?: TimetableSubject; closed?: boolean }[] = [
    { cls: grade3[0]!, date: days[days.length - 1]!, period: 1 },
    { cls: grade3[1]!, date: days[days.length - 1]!, period: 3 },
    { cls: grade3[2]!, date: days[days.length - 2]!, period: 2 },
    { cls: grade3[0]!, date: days[days.length - 3]!, period: 4 },
    // PE given to math: an open 阴阳课表 finding
    { cls: grade3[2]!, date: days[days.length - 1]!, period: 0, swap: 'math' },
    // music given to chinese a week earlier: explained by the school and closed
    { cls: junior, date: days[days.length - 6]!, period: 0, swap: 'chinese', closed: true },
  ];
  const versionOf = new Map(versions.map((v) => [v.classId, v]));
  const patrols: (typeof timetablePatrols.$inferInsert & { id: string })[] = [];
  const findings: (typeof timetableFindings.$inferInsert & { id: string })[] = [];
  const events: (typeof timetableFindingEvents.$inferInsert)[] = [];
  const perSchool = new Map<string, { patrols: number; conforming: number; opened: number; closed: number }>();
  for (const p of plans) {
    const v = versionOf.get(p.cls.id)!;
    const want: TimetableSubject = p.swap ? (p.closed ? 'music' : 'pe') : 'chinese';
    // a swap falls on the latest school day (not after the one planned) whose timetable holds the subject it displaced
    if (p.swap) p.date = [...days].reverse().find((d) => d <= p.date && v.cells.some((c) => c.day === isoWeekday(d) && c.subject === want)) ?? p.date;
    const weekday = isoWeekday(p.date);
    const cell = p.period
      ? v.cells.find((c) => c.day === weekday && c.period === p.period)
      : (v.cells.find((c) => c.day === weekday && c.subject === want) ?? v.cells.find((c) => c.day === weekday && c.subject !== p.swap));
    if (!cell) continue;
    const taught = p.swap ?? cell.subject;
    const conforming = taught === cell.subject;
    const at = new Date(`${p.date}T03:${String(10 + patrols.length).padStart(2, '0')}:00Z`);
    const id = crypto.randomUUID();
    const by = p.closed || !p.swap ? adminOf.get(p.cls.schoolId)! : { userId: inspector!.id, name: inspector!.name };
    patrols.push({ id, districtId, schoolId: p.cls.schoolId, classId: p.cls.id, date: p.date, period: cell.period, subject: taught, timetabled: cell.subject, versionId: v.id, conforming, note: conforming ? null : '随堂巡课发现', recordedBy: by.userId, recordedByName: by.name, recordedAt: at });
    const s = perSchool.get(p.cls.schoolId) ?? { patrols: 0, conforming: 0, opened: 0, closed: 0 };
    s.patrols += 1;
    if (conforming) s.conforming += 1;
    perSchool.set(p.cls.schoolId, s);
    if (!conforming) {
      const fid = crypto.randomUUID();
      const message = `${p.cls.name} ${p.date}（${slotText(weekday, cell.period)}）课表为 ${timetableSubjectNames[cell.subject]}，实际上 ${timetableSubjectNames[taught]}：阴阳课表（已公布第 1 版课表）`;
      findings.push({ id: fid, districtId, schoolId: p.cls.schoolId, classId: p.cls.id, patrolId: id, semesterId: semester.id, status: p.closed ? 'closed' : 'open', message, openedAt: at, updatedAt: at });
      events.push({ districtId, findingId: fid, schoolId: p.cls.schoolId, kind: 'opened', note: '随堂巡课发现', byUserId: by.userId, byName: by.name, at });
      s.opened += 1;
      if (p.closed) {
        const admin = adminOf.get(p.cls.schoolId)!;
        events.push({ districtId, findingId: fid, schoolId: p.cls.schoolId, kind: 'answered', note: '音乐教师外出培训，当日临时调课，已于次日补上音乐课', byUserId: admin.userId, byName: admin.name, at: new Date(at.getTime() + 86_400_000) });
        events.push({ districtId, findingId: fid, schoolId: p.cls.schoolId, kind: 'closed', note: '已核实补课记录', byUserId: inspector!.id, byName: inspector!.name, at: new Date(at.getTime() + 2 * 86_400_000) });
        s.closed += 1;
      }
    }
  }
  await bulkInsert(db, timetablePatrols, patrols);
  await bulkInsert(db, timetableFindings, findings);
  await bulkInsert(db, timetableFindingEvents, events);
  for (const [schoolId, s] of perSchool) {
    const base = { districtId, schoolId, period: semesterPeriod(semester.id) };
    figures.push({ ...base, indicator: 'timetable.patrols', num: s.conforming, den: s.patrols }, { ...base, indicator: 'timetable.findings', num: s.closed, den: s.opened });
  }
  await setIndicators(db, figures);
}
