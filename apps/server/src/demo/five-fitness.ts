/**
 * Demo 五项管理, the fitness area (runs in demo/five-managements.ts): a month of daily activity records for every class
 * of the demo district up to yesterday (mostly compliant; some short 大课间, a missed eye exercise, a short activity
 * hour, a PE lesson not held), and the current semester's national fitness test for grades 3–9 (grades 1–2 are left
 * to import). The weekly and semester indicators are written set-based from what is seeded.
 */
import { FIVE_INDICATORS, type FitnessItemKey, type FitnessItemResult } from '@shuangjian/contracts';
import {
  addDays,
  fitnessDayFigures,
  fitnessLevelOf,
  fiveManagementsSettings,
  isoWeekday,
  type LocalDate,
  peLessonsRequired,
} from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { bulkInsert, type Queryable } from '../platform/db';
import { type IndicatorFigure, setIndicators, weekPeriod } from '../platform/indicators';
import { classifyDays, semesterAt, semestersOf } from '../modules/calendar';
import { classes, roleAssignments, schools, students } from '../modules/org/schema';
import { refreshFitnessPass } from '../modules/five-managements/fitness-tests.service';
import { fiveFitnessDays, fiveFitnessTestImports, fiveFitnessTests } from '../modules/five-managements/fitness.schema';

const DAYS_BACK = 30;
const TEST_GRADES = [3, 4, 5, 6, 7, 8, 9];

/** A deterministic 0–1 draw from a text: the demo is the same on every load. */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

const rules = fiveManagementsSettings['five-managements.fitness'].schema.parse(fiveManagementsSettings['five-managements.fitness'].default);

export async function seedFiveFitnessDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const classRows = await db
    .select({ id: classes.id, name: classes.name, grade: classes.grade, schoolId: classes.schoolId, code: schools.code })
    .from(classes)
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .where(eq(classes.districtId, districtId));
  const staff = await db
    .select({ role: roleAssignments.role, schoolId: roleAssignments.schoolId, classId: roleAssignments.classId, userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.role, ['class_teacher', 'school_admin'])));
  const teacherOf = new Map(staff.filter((t) => t.role === 'class_teacher').map((t) => [t.classId, t.userId]));
  const adminOf = new Map(staff.filter((t) => t.role === 'school_admin').map((t) => [t.schoolId, t.userId]));
  await seedDays(db, districtId, today, classRows, teacherOf);
  await seedTests(db, districtId, today, classRows, adminOf);
}

type ClassRow = { id: string; name: string; grade: number; schoolId: string; code: string };

async function seedDays(db: Queryable, districtId: string, today: LocalDate, classRows: ClassRow[], teacherOf: Map<string | null, string>) {
  const days = (await classifyDays(db, districtId, null, addDays(today, -DAYS_BACK), addDays(today, -1))).filter((d) => d.schoolDay);
  const rows: (typeof fiveFitnessDays.$inferInsert)[] = [];
  const figures = new Map<string, IndicatorFigure>();
  const add = (c: ClassRow, indicator: string, date: LocalDate, num: number, den: number) => {
    const key = `${indicator}|${c.id}|${weekPeriod(date)}`;
    const f = figures.get(key) ?? { districtId, indicator, period: weekPeriod(date), schoolId: c.schoolId, classId: c.id, num: 0, den: 0 };
    f.num += num;
    f.den += den;
    figures.set(key, f);
  };
  for (const c of classRows) {
    const recordedBy = teacherOf.get(c.id);
    if (!recordedBy) continue;
    // the class's PE days: as many weekdays as its grade's lessons, from Monday on with a class-specific offset
    const lessons = peLessonsRequired(rules, c.grade);
    const offset = Math.floor(draw(`pe|${c.code}|${c.name}`) * 5);
    const peDays = new Set(Array.from({ length: lessons }, (_, i) => ((offset + i * 2) % 5) + 1));
    for (const day of days) {
      const k = `${c.code}|${c.name}|${day.date}`;
      if (draw(`skip|${k}`) < 0.03) continue; // a day nobody recorded
      const x = draw(`bb|${k}`);
      const bigBreakMinutes = x < 0.07 ? 20 : x < 0.1 ? 25 : 30 + Math.floor(draw(`bb2|${k}`) * 3) * 5;
      const eyeExercises = draw(`eye|${k}`) < 0.05 ? 1 : 2;
      const y = draw(`act|${k}`);
      const activityMinutes = y < 0.06 ? 45 : y < 0.09 ? 50 : 60 + Math.floor(draw(`act2|${k}`) * 4) * 5;
      const peLesson = peDays.has(isoWeekday(day.date)) && draw(`pe|${k}`) >= 0.06;
      const facts = { bigBreakMinutes, eyeExercises, activityMinutes };
      const f = fitnessDayFigures(facts, rules);
      rows.push({ districtId, schoolId: c.schoolId, classId: c.id, date: day.date, ...facts, peLesson, note: null, ...f, policyVersion: 0, recordedBy });
      add(c, FIVE_INDICATORS.fitnessBigBreak, day.date, Number(f.bigBreakOk), 1);
      add(c, FIVE_INDICATORS.fitnessEye, day.date, f.eyeDone, f.eyeDue);
      add(c, FIVE_INDICATORS.fitnessActivity, day.date, Number(f.activityOk), 1);
    }
  }
  await bulkInsert(db, fiveFitnessDays, rows);
  await setIndicators(db, [...figures.values()]);
}

/** The items a pupil of a grade and gender is tested on (国家学生体质健康标准 2014). */
function itemsFor(grade: number, gender: 'M' | 'F'): FitnessItemKey[] {
  const base: FitnessItemKey[] = ['bmi', 'vitalCapacity', 'sprint50', 'sitReach'];
  if (grade <= 6) return [...base, 'ropeSkip', ...(grade >= 3 ? (['sitUps'] as const) : []), ...(grade >= 5 ? (['shuttle50x8'] as const) : [])];
  return [...base, 'standingJump', ...(gender === 'M' ? (['pullUps', 'run1000'] as const) : (['sitUps', 'run800'] as const))];
}

const levelName = (score: number) => (score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '及格' : '不及格');
const seconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}'${String(Math.round(s % 60)).padStart(2, '0')}"` : s.toFixed(1));

/** A plausible raw result for an item at a score (better score → better result). */
function rawResult(item: FitnessItemKey, grade: number, score: number, gender: 'M' | 'F'): string {
  const g = gender === 'M' ? 1 : 0.9;
  switch (item) {
    case 'vitalCapacity':
      return String(Math.round((700 + grade * 180 + score * 9) * g));
    case 'sprint50':
      return seconds(13.5 - grade * 0.3 - score * 0.025);
    case 'sitReach':
      return (score / 8 - 2 + (gender === 'F' ? 3 : 0)).toFixed(1);
    case 'ropeSkip':
      return String(Math.round(40 + grade * 12 + score));
    case 'sitUps':
      return String(Math.round(15 + grade * 2 + score / 3));
    case 'shuttle50x8':
      return seconds(135 - score * 0.35);
    case 'standingJump':
      return String(Math.round((140 + grade * 6 + score * 0.6) * g));
    case 'pullUps':
      return String(Math.max(0, Math.round((score - 50) / 4)));
    case 'run800':
      return seconds(290 - score * 0.9);
    case 'run1000':
      return seconds(300 - score * 0.9);
    default:
      return '';
  }
}

async function seedTests(db: Queryable, districtId: string, today: LocalDate, classRows: ClassRow[], adminOf: Map<string | null, string>) {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const tested = classRows.filter((c) => TEST_GRADES.includes(c.grade));
  const pupils = await db
    .select({ id: students.id, classId: students.classId, gender: students.gender, studentNo: students.studentNo })
    .from(students)
    .where(and(eq(students.districtId, districtId), eq(students.status, 'active')));
  const bySchool = new Map<string, ClassRow[]>();
  for (const c of tested) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
  const imports: (typeof fiveFitnessTestImports.$inferInsert & { id: string })[] = [];
  const rows: (typeof fiveFitnessTests.$inferInsert)[] = [];
  for (const [schoolId, list] of bySchool) {
    const importedBy = adminOf.get(schoolId);
    if (!importedBy) continue;
    const importId = crypto.randomUUID();
    let count = 0;
    for (const c of list) {
      for (const p of pupils.filter((x) => x.classId === c.id)) {
        const k = p.studentNo;
        const gender = p.gender === 'F' ? 'F' : 'M';
        // standard score around 78 with a spread; about one pupil in ten below 60
        const u = draw(`std|${k}`) + draw(`std2|${k}`) + draw(`std3|${k}`);
        const standard = Math.round(Math.min(98, Math.max(42, 78 + (u - 1.5) * 26)) * 10);
        const extra = standard >= 900 && draw(`extra|${k}`) < 0.4 ? Math.round(draw(`extra2|${k}`) * 40) : 0;
        const total = standard + extra;
        const heightTenths = Math.round((1150 + c.grade * 55 + draw(`h|${k}`) * 120) * (gender === 'M' ? 1.01 : 1));
        const bmi = 15 + draw(`bmi|${k}`) * 8;
        const weightTenths = Math.round(bmi * (heightTenths / 1000) ** 2 * 10);
        const items: FitnessItemResult[] = itemsFor(c.grade, gender).map((item) => {
          if (item === 'bmi') {
            const level = bmi < 15.5 ? '低体重' : bmi < 20.5 ? '正常' : bmi < 22 ? '超重' : '肥胖';
            return { item, result: bmi.toFixed(1), score: level === '正常' ? 100 : level === '肥胖' ? 60 : 80, level };
          }
          const score = Math.round(Math.min(100, Math.max(30, standard / 10 + (draw(`${item}|${k}`) - 0.5) * 30)));
          return { item, result: rawResult(item, c.grade, score, gender), score, level: levelName(score) };
        });
        rows.push({
          districtId,
          schoolId,
          classId: c.id,
          studentId: p.id,
          semesterId: semester.id,
          importId,
          grade: c.grade,
          gender,
          heightTenths,
          weightTenths,
          items,
          standardTenths: standard,
          extraTenths: extra,
          totalTenths: total,
          level: fitnessLevelOf(total),
        });
        count++;
      }
    }
    imports.push({ districtId, id: importId, schoolId, semesterId: semester.id, fileName: `${semester.name}体质健康测试成绩.xlsx`, rows: count, importedBy });
  }
  await bulkInsert(db, fiveFitnessTestImports, imports);
  await bulkInsert(db, fiveFitnessTests, rows);
  await refreshFitnessPass(db, districtId, [...bySchool.keys()], semester.id);
}
