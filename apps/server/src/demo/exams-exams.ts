/**
 * Demo 考试管理: this semester's exam filings for every demo school — finals for grades 3–9, a mid-term for the
 * junior grades, a 游园闯关 non-paper assessment for grades 1–2 (seed 004 #18 "一二年级期末综合实践活动"), a unit check
 * in the primary grades, the district's sample test of grade 6 (seed 003), and one refused attempt (a monthly test at
 * 城西第二小学) kept as a violation with its real findings. Levels for the unit check and the mid-term once held (one
 * class of the demo teacher left to record), and the examsAccepted / examsRefused / resultsRecorded figures.
 * Runs in demo/five-managements.ts.
 */
import { randomUUID } from 'node:crypto';
import { addDays, checkExamFiling, type LevelValue, type LocalDate, NO_EXAM_COUNTS, schoolYearOf } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { EXAM_INDICATORS } from '@shuangjian/contracts';
import { auditMany, systemActor } from '../platform/audit';
import { bulkInsert, type Queryable } from '../platform/db';
import { semesterPeriod, setIndicators } from '../platform/indicators';
import { semesterAt, semestersOf } from '../modules/calendar';
import { examRulesAt } from '../modules/exams/exams-rules.service';
import { refreshResultsFigures } from '../modules/exams/exams-results.service';
import { examFilings, examResults } from '../modules/exams/exams.schema';
import { classes, roleAssignments, schools, students, subjects } from '../modules/org/schema';

type Filing = typeof examFilings.$inferInsert;

/** A deterministic 0–1 draw from a text: the demo is the same on every load. */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** Mostly 优秀 and 良好, some 合格, a few 待合格. */
function levelFor(key: string): LevelValue {
  const x = draw(key);
  return x < 0.36 ? 'excellent' : x < 0.72 ? 'good' : x < 0.93 ? 'pass' : 'not_yet';
}

const clamp = (date: LocalDate, from: LocalDate, to: LocalDate) => (date < from ? from : date > to ? to : date);

export async function seedExamsExamsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const d = districtId;
  const schoolYear = schoolYearOf(semester.startDate);
  const within = (date: LocalDate) => clamp(date, semester.startDate, semester.endDate);
  // one after another: the demo loads in one transaction, whose connection runs one statement at a time
  const schoolRows = await db.select().from(schools).where(eq(schools.districtId, d));
  const subjectRows = await db.select().from(subjects).where(eq(subjects.districtId, d));
  const classRows = await db.select().from(classes).where(eq(classes.districtId, d));
  const admins = await db.select().from(roleAssignments).where(and(eq(roleAssignments.districtId, d), inArray(roleAssignments.role, ['school_admin', 'district_admin'])));
  const subject = (code: string) => subjectRows.find((s) => s.code === code)!.id;
  const adminOf = (schoolId: string | null) => admins.find((a) => (schoolId ? a.schoolId === schoolId : a.role === 'district_admin'))?.userId ?? null;

  const dates = {
    unit: within(addDays(today, -20)),
    midterm: within(addDays(today, -14)),
    sample: within(addDays(today, 14)),
    final: within(addDays(semester.endDate, -8)),
    carnival: within(addDays(semester.endDate, -7)),
    monthly: within(addDays(today, -30)),
  };
  const filings: Filing[] = [];
  const add = (f: Omit<Filing, 'districtId' | 'semesterId' | 'schoolYear' | 'status' | 'id'> & { status?: Filing['status'] }) => {
    const row: Filing = { districtId: d, id: randomUUID(), semesterId: semester.id, schoolYear, status: 'accepted', findings: [], filedBy: adminOf(f.schoolId ?? null), ...f };
    filings.push(row);
    return row;
  };
  const { values, versions } = await examRulesAt(db, d, dates.monthly);

  for (const s of schoolRows) {
    const grades = [...s.grades].sort((a, b) => a - b);
    const place = { schoolId: s.id, zoneId: s.zoneId };
    const low = grades.filter((g) => g <= 2);
    const primaryUpper = grades.filter((g) => g >= 3 && g <= 6);
    const junior = grades.filter((g) => g >= 7);
    if (low.length)
      add({ ...place, name: '一二年级期末乐学嘉年华（游园闯关）', type: 'final', form: 'non_paper', grades: low, subjectIds: [subject('chinese'), subject('math')], date: dates.carnival, note: '以游园闯关形式进行非纸笔测评，结果以等级呈现' });
    if (primaryUpper.length) {
      add({ ...place, name: '期末学业质量评价', type: 'final', form: 'paper', grades: primaryUpper, subjectIds: [subject('chinese'), subject('math'), subject('english')], date: dates.final, note: null });
      add({ ...place, name: '第三单元学习检测', type: 'unit', form: 'paper', grades: primaryUpper, subjectIds: [subject('chinese'), subject('math')], date: dates.unit, note: '课堂内完成，不排名' });
    }
    if (junior.length) {
      add({ ...place, name: '期中学业质量评价', type: 'midterm', form: 'paper', grades: junior, subjectIds: [subject('chinese'), subject('math'), subject('english')], date: dates.midterm, note: null });
      add({ ...place, name: '期末考试', type: 'final', form: 'paper', grades: junior, subjectIds: [subject('chinese'), subject('math'), subject('english'), subject('physics')], date: dates.final, note: null });
    }
    if (s.code === 'CX02') {
      // a refused attempt: a monthly paper test, kept with the findings the rules gave
      const facts = { type: 'monthly' as const, form: 'paper' as const, grades: [5], filer: 'school' as const };
      const findings = checkExamFiling(facts, NO_EXAM_COUNTS, values['exams.limits'], versions['exams.limits']);
      add({ ...place, name: '五年级十月月考', ...facts, subjectIds: [subject('chinese'), subject('math')], date: dates.monthly, note: null, status: 'refused', findings });
    }
  }
  add({ schoolId: null, zoneId: null, name: `${schoolYear}学年区级学业质量抽测（六年级）`, type: 'district_sample', form: 'paper', grades: [6], subjectIds: [subject('chinese'), subject('math'), subject('science')], date: dates.sample, note: '抽测部分学生和部分学科，结果不排名、不通报学校名次' });
  await bulkInsert(db, examFilings, filings);

  // Levels of the exams already held: the unit check (chinese, math) and the junior mid-term; one class of the demo
  // teacher's math is left for the teacher to record.
  const held = filings.filter((f) => f.status === 'accepted' && f.schoolId && f.date <= today && (f.type === 'unit' || f.type === 'midterm'));
  const pupils = held.length
    ? await db.select({ id: students.id, classId: students.classId, schoolId: students.schoolId }).from(students).where(and(eq(students.districtId, d), eq(students.status, 'active')))
    : [];
  const classOf = new Map(classRows.map((c) => [c.id, c]));
  const sy01 = schoolRows.find((s) => s.code === 'SY01');
  const leftOpen = classRows.filter((c) => c.schoolId === sy01?.id && c.grade === 3).sort((a, b) => a.name.localeCompare(b.name))[2]?.id;
  const results: (typeof examResults.$inferInsert)[] = [];
  for (const exam of held) {
    for (const p of pupils) {
      const cls = classOf.get(p.classId);
      if (!cls || cls.schoolId !== exam.schoolId || !exam.grades.includes(cls.grade)) continue;
      for (const subjectId of exam.subjectIds) {
        if (cls.id === leftOpen && subjectId === subject('math')) continue;
        results.push({ districtId: d, examId: exam.id!, zoneId: exam.zoneId!, schoolId: cls.schoolId, classId: cls.id, studentId: p.id, subjectId, level: levelFor(`${exam.id}:${p.id}:${subjectId}`) });
      }
    }
  }
  await bulkInsert(db, examResults, results);
  await auditMany(db, systemActor(d, '演示数据'), filings.map((f) => ({ action: f.status === 'refused' ? 'exams.filing.refused' : 'exams.filing.create', entity: 'exam_filing', entityId: f.id, after: { name: f.name, type: f.type, status: f.status } })));

  const period = semesterPeriod(semester.id);
  const figures = schoolRows.flatMap((s) => {
    const own = filings.filter((f) => f.schoolId === s.id && f.status !== 'cancelled');
    const accepted = own.filter((f) => f.status === 'accepted').length;
    const refused = own.length - accepted;
    const base = { districtId: d, period, schoolId: s.id, classId: null };
    return [
      { ...base, indicator: EXAM_INDICATORS.examsAccepted, num: accepted, den: own.length },
      { ...base, indicator: EXAM_INDICATORS.examsRefused, num: refused, den: own.length },
    ];
  });
  await setIndicators(db, figures);
  await refreshResultsFigures(db, d, semester.id, today);
}
