/**
 * Demo 督导测评 of the demo district: last semester's assessment, published, with every school's frozen result (示范区
 * 第一初级中学 first with the 先进学校 award, 实验小学 also on the red list, 城西第二小学 on the yellow list), and this
 * semester's assessment open for scoring, the inspectors half-way: demo-inspector has scored 实验小学 and 第一初级中学,
 * the 城西 zone's inspector 城西第二小学 on one indicator, 九年一贯制学校 not yet. The published results are computed by
 * the same rules the close applies, from fixed figures, so the demo is the same every time.
 */
import type { IndicatorOutcome, MetricKey } from '@shuangjian/contracts';
import { addDays, type FormulaName, type LocalDate, listOf, ranks, schoolOutcome } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db';
import { districts, users } from '../platform/schema';
import { semesterAt, semestersOf } from '../modules/calendar';
import { schools } from '../modules/org/schema';
import { supervisionAssessments, supervisionIndicators, supervisionResults, supervisionScores } from '../modules/supervision/schema';

interface DemoIndicator {
  name: string;
  weight: number;
  metric?: MetricKey;
  formula?: FormulaName;
  target?: number;
  guidance?: string;
}

/** The district's sheet (测评细则): seven figures from the platform and two inspections, weights summing to 100. */
const SHEET: DemoIndicator[] = [
  { name: '作业时长达标率（家长反馈）', weight: 15, metric: 'homework.withinLimit', formula: 'target', target: 0.9 },
  { name: '作业超时班级日占比', weight: 10, metric: 'homework.overloadedDays', formula: 'inverse' },
  { name: '课后服务学生参与率', weight: 10, metric: 'afterSchool.students', formula: 'target', target: 0.9 },
  { name: '课后服务教师参与率', weight: 10, metric: 'afterSchool.teachers', formula: 'target', target: 0.8 },
  { name: '家访覆盖率', weight: 10, metric: 'homeSchool.visitCoverage', formula: 'rate' },
  { name: '五项管理自查整改完成率', weight: 5, metric: 'five.selfcheckRectified', formula: 'rate' },
  { name: '课表开齐开足（全部合规）', weight: 10, metric: 'timetable.compliant', formula: 'pass', target: 1 },
  { name: '实地督导：作业公示与统筹', weight: 15, guidance: '查阅各班作业公示记录与年级组统筹台账，抽查 2 个班级的作业本；看分层作业与总量控制是否落实。' },
  { name: '实地督导：课后服务质量与安全', weight: 15, guidance: '现场查看课后服务时段的活动安排、看护人员到岗、放学交接与安全台账；随机访谈学生和家长各 3 人。' },
];

type Figures = Partial<Record<MetricKey, [number, number]>>;

/** Last semester's figures and inspection scores per school (by code), as they stood at its close. */
const LAST: Record<string, { figures: Figures; inspections: [number, number] }> = {
  CZ01: {
    figures: { 'homework.withinLimit': [331, 350], 'homework.overloadedDays': [4, 270], 'afterSchool.students': [340, 362], 'afterSchool.teachers': [41, 45], 'homeSchool.visitCoverage': [352, 362], 'five.selfcheckRectified': [12, 12], 'timetable.compliant': [9, 9] },
    inspections: [95, 92],
  },
  SY01: {
    figures: { 'homework.withinLimit': [598, 680], 'homework.overloadedDays': [22, 540], 'afterSchool.students': [652, 718], 'afterSchool.teachers': [48, 58], 'homeSchool.visitCoverage': [640, 718], 'five.selfcheckRectified': [11, 12], 'timetable.compliant': [18, 18] },
    inspections: [88, 85],
  },
  JN01: {
    figures: { 'homework.withinLimit': [540, 660], 'homework.overloadedDays': [38, 500], 'afterSchool.students': [560, 715], 'afterSchool.teachers': [44, 62], 'homeSchool.visitCoverage': [530, 715], 'five.selfcheckRectified': [10, 12], 'timetable.compliant': [16, 18] },
    inspections: [80, 78],
  },
  CX02: {
    figures: { 'homework.withinLimit': [352, 470], 'homework.overloadedDays': [45, 360], 'afterSchool.students': [340, 478], 'afterSchool.teachers': [17, 41], 'homeSchool.visitCoverage': [300, 478], 'five.selfcheckRectified': [8, 12], 'timetable.compliant': [10, 12] },
    inspections: [70, 68],
  },
};
const LAST_EVIDENCE: [string, string] = ['查阅作业公示栏与年级组统筹台账，抽查班级作业本。', '现场查看课后服务活动与放学交接，访谈学生和家长。'];
const AWARD = { CZ01: '“双减”工作先进学校（新优质学校）' } as Record<string, string>;

/** This semester's scores so far: [school code, indicator (0 or 1 of the inspections), by whom, score, evidence, days ago]. */
const CURRENT_SCORES: [string, 0 | 1, 'demo-inspector' | 'zone-inspector', number, string, number][] = [
  ['SY01', 0, 'demo-inspector', 86, '各班作业公示栏按日更新，年级组每周统筹作业总量；抽查三年级(2)班、四年级(1)班作业本，分层作业设计落实。三、四年级个别班级周三作业量偏多，已当场反馈。', 6],
  ['SY01', 1, 'demo-inspector', 90, '课后服务 15:40 开始，社团与作业辅导分区开展，看护教师全部到岗；放学交接有签字台账。访谈学生 3 人、家长 3 人，满意度高。', 6],
  ['CZ01', 0, 'demo-inspector', 93, '作业公示与教研组统筹规范，周末作业控制在 90 分钟内；作业本批改及时、有分层。', 4],
  ['CZ01', 1, 'demo-inspector', 91, '晚托时段安排自主学习与答疑，安全台账完整；学生反映辅导有效。', 4],
  ['CX02', 0, 'zone-inspector', 74, '作业公示栏更新不及时（最近一次为上周五），年级组统筹记录缺两周；已要求学校整改并补齐台账。', 2],
];

const LAST_LISTS = { redMin: 90, yellowBelow: 75, blackBelow: 60 };

async function insertSheet(db: Queryable, districtId: string, assessmentId: string) {
  return db
    .insert(supervisionIndicators)
    .values(
      SHEET.map((ind, i) => ({
        districtId,
        assessmentId,
        position: i + 1,
        name: ind.name,
        weight: ind.weight,
        kind: ind.metric ? ('metric' as const) : ('inspector' as const),
        metric: ind.metric ?? null,
        formula: ind.formula ?? null,
        target: ind.target ?? null,
        guidance: ind.guidance ?? null,
      })),
    )
    .returning();
}

export async function seedSupervisionDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const semesters = await semestersOf(db, districtId);
  const current = semesterAt(semesters, today);
  if (!current) return;
  const last = semesters[semesters.findIndex((s) => s.id === current.id) - 1];
  const [district] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  const at = (date: LocalDate, time: string) => sql`((${date}::date + ${time}::time) at time zone ${district!.tz})`;
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.username, ['demo-district', 'demo-inspector', 'zone-inspector'])));
  const person = (u: string) => people.find((p) => p.username === u)!.id;
  const schoolRows = await db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.districtId, districtId)).orderBy(asc(schools.code));
  const admin = person('demo-district');

  if (last && addDays(last.endDate, 10) <= today) {
    const closeDate = addDays(last.endDate, 7);
    const [a] = await db
      .insert(supervisionAssessments)
      .values({
        districtId,
        name: `${last.name}“双减”工作督导测评`,
        semesterId: last.id,
        periodFrom: last.startDate,
        periodTo: last.endDate,
        closeDate,
        status: 'published',
        ...LAST_LISTS,
        createdBy: admin,
        createdAt: sql`${at(addDays(last.startDate, 14), '09:00')}`,
        closedAt: sql`${at(closeDate, '10:00')}`,
        closedBy: admin,
        publishedAt: sql`${at(addDays(closeDate, 3), '09:00')}`,
        publishedBy: admin,
      })
      .returning({ id: supervisionAssessments.id });
    const sheet = await insertSheet(db, districtId, a!.id);
    const inspections = sheet.filter((i) => i.kind === 'inspector');
    const known = schoolRows.filter((s) => LAST[s.code]);
    const outcomes = known.map((s) => {
      const d = LAST[s.code]!;
      const figures = Object.fromEntries(Object.entries(d.figures).map(([k, [num, den]]) => [k, { num, den }]));
      const scores = Object.fromEntries(inspections.map((ind, i) => [ind.id, d.inspections[i]!]));
      return { school: s, scores, ...schoolOutcome(sheet.map((r) => ({ ...r, formula: r.formula as FormulaName | null })), figures, scores) };
    });
    const rank = ranks(outcomes.map((o) => o.total));
    await db.insert(supervisionScores).values(
      outcomes.flatMap((o) =>
        inspections.map((ind, i) => ({
          districtId,
          assessmentId: a!.id,
          indicatorId: ind.id,
          schoolId: o.school.id,
          score: o.scores[ind.id]!,
          evidence: LAST_EVIDENCE[i]!,
          scoredBy: person(['CX02', 'JN01'].includes(o.school.code) ? 'zone-inspector' : 'demo-inspector'),
          scoredAt: sql`${at(addDays(last.endDate, -10 + i), '15:00')}`,
        })),
      ),
    );
    await db.insert(supervisionResults).values(
      outcomes.map((o, i) => ({
        districtId,
        assessmentId: a!.id,
        schoolId: o.school.id,
        total: o.total!,
        rank: rank[i]!,
        list: listOf(o.total, LAST_LISTS),
        detail: o.detail as Record<string, IndicatorOutcome>,
        award: AWARD[o.school.code] ?? null,
        computedAt: sql`${at(closeDate, '10:00')}`,
      })),
    );
  }

  const [b] = await db
    .insert(supervisionAssessments)
    .values({
      districtId,
      name: `${current.name}“双减”工作督导测评`,
      semesterId: current.id,
      periodFrom: current.startDate,
      periodTo: current.endDate,
      closeDate: addDays(current.endDate, 7),
      status: 'scoring',
      redMin: 90,
      yellowBelow: 75,
      blackBelow: 60,
      createdBy: admin,
      createdAt: sql`${at(addDays(current.startDate, 20), '09:00')}`,
    })
    .returning({ id: supervisionAssessments.id });
  const sheet = await insertSheet(db, districtId, b!.id);
  const inspections = sheet.filter((i) => i.kind === 'inspector');
  const byCode = new Map(schoolRows.map((s) => [s.code, s.id]));
  const rows = CURRENT_SCORES.filter(([code]) => byCode.has(code)).map(([code, ind, who, score, evidence, daysAgo]) => ({
    districtId,
    assessmentId: b!.id,
    indicatorId: inspections[ind]!.id,
    schoolId: byCode.get(code)!,
    score,
    evidence,
    scoredBy: person(who),
    scoredAt: sql`${at(addDays(today, -daysAgo), '16:30')}`,
  }));
  if (rows.length) await db.insert(supervisionScores).values(rows);
}
