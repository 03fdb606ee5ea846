/**
 * Demo after-school data: the plan area. The district's white list (启明's Chinese painting, 飞跃's basketball);
 * 示范区实验小学 with its plan approved and a catalogue of homework help per grade and seven clubs (one run by a provider,
 * one by parent volunteers); 城西第二小学's plan waiting for approval; the junior school's in draft; the nine-year school
 * with none. Runs inside the demo's one transaction (`db` is it), after the areas before it.
 */
import type { PlanCheckResult, ServicePlan } from '@shuangjian/contracts';
import { addDays, checkCatalogue, checkServicePlan, fen, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { users } from '../platform/schema';
import { classifyDays, semesterAt, semestersOf } from '../modules/calendar';
import { institutions, roleAssignments, schools } from '../modules/org/schema';
import { afterSchoolPolicy } from '../modules/after-school/after-school.policy';
import { upsertPlanStatus } from '../modules/after-school/plan.repo';
import { afterSchoolCourses, afterSchoolPlans, afterSchoolProviders } from '../modules/after-school/schema';

type CourseValues = Omit<typeof afterSchoolCourses.$inferInsert, 'districtId' | 'schoolId' | 'semesterId'>;

const GRADE_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const planBody = (ownTeachers: number, totalTeachers: number, serviceFeeFen: number, providers: number): ServicePlan => ({
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '15:40', end: '16:40', kind: 'homework' },
    { start: '16:50', end: '17:50', kind: 'club' },
  ],
  staffing: { ownTeachers, totalTeachers, volunteers: 6, providers, note: '教师实行弹性上下班，参与服务的教师次日可晚到校' },
  fees: { mode: 'monthly', serviceFeeFen: fen(serviceFeeFen), passThroughNote: providers ? '机构课程按区县白名单价格按实际上课节数代收，不另收费' : null },
  safetyPlan: '放学后各班教师清点人数交接给服务教师；校门 15:30–18:10 由保安和值周教师值守；突发情况按校园安全应急预案处置。',
  pickupPlan: '17:50 起按年级分批放学，家长在校门外指定区域凭接送卡接孩子；未接走的学生由值班教师在门卫室陪同等候。',
  principles: '家长自愿报名，签订服务协议；作业辅导在前、社团活动在后；不得开展学科类培训或集体补课。',
});

export async function seedAfterSchoolPlanDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const at = (days: number, hour = 9) => new Date(`${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.districtId, districtId), inArray(users.username, ['demo-district', 'demo-principal', 'demo-teacher', 'demo-classteacher'])));
  const idOf = (username: string) => people.find((p) => p.username === username)!.id;
  const schoolRows = await db.select().from(schools).where(eq(schools.districtId, districtId));
  const school = (code: string) => schoolRows.find((s) => s.code === code)!;

  // 白名单: items of white-listed institutions at their listed per-lesson prices
  const inst = await db.select().from(institutions).where(eq(institutions.districtId, districtId));
  const institution = (name: string) => inst.find((i) => i.name === name)!;
  await db.update(institutions).set({ listStatus: 'white' }).where(and(eq(institutions.districtId, districtId), eq(institutions.id, institution('启明文化艺术培训学校').id)));
  const [painting, basketball] = await db
    .insert(afterSchoolProviders)
    .values([
      { districtId, institutionId: institution('启明文化艺术培训学校').id, institutionName: '启明文化艺术培训学校', item: '少儿国画', category: 'arts', pricePerLessonFen: 3000, listedFrom: semester.startDate, panelNote: '专家评审通过（非学科类，艺术）', createdBy: idOf('demo-district') },
      { districtId, institutionId: institution('飞跃少儿体育俱乐部').id, institutionName: '飞跃少儿体育俱乐部', item: '少儿篮球', category: 'sports', pricePerLessonFen: 3500, listedFrom: semester.startDate, panelNote: '专家评审通过（非学科类，体育）', createdBy: idOf('demo-district') },
    ])
    .returning();

  async function teachersOf(schoolId: string) {
    const rows = await db
      .selectDistinct({ userId: roleAssignments.userId, grade: roleAssignments.grade, role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.districtId, districtId), eq(roleAssignments.schoolId, schoolId), inArray(roleAssignments.role, ['teacher', 'class_teacher'])));
    return [...new Set(rows.map((r) => r.userId))];
  }

  async function fileSchool(
    code: string,
    grades: number[],
    perGrade: number,
    clubs: (teachers: string[]) => CourseValues[],
    status: 'approved' | 'submitted' | 'draft',
    serviceFeeFen: number,
    homeworkTeachers: Record<number, string[]> = {},
  ) {
    const s = school(code);
    const teachers = await teachersOf(s.id);
    const homework: CourseValues[] = grades.map((g, i) => ({
      name: `${GRADE_NAMES[g]}年级作业辅导`,
      category: 'homework',
      description: g <= 2 ? '一二年级不布置家庭书面作业：在校完成阅读、动手实践与答疑' : '在校完成书面作业，教师答疑辅导、个别辅导学习困难学生',
      grades: [g],
      capacity: perGrade * 45,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '15:40',
      endTime: '16:40',
      room: '各班教室',
      staffing: 'teacher',
      teacherIds: homeworkTeachers[g] ?? teachers.slice((i * 2) % teachers.length, ((i * 2) % teachers.length) + 2),
    }));
    const values = [...homework, ...clubs(teachers)].map((c) => ({ districtId, schoolId: s.id, semesterId: semester!.id, ...c }));
    const courses = await db.insert(afterSchoolCourses).values(values).returning();
    const providerCount = new Set(courses.map((c) => c.providerId).filter(Boolean)).size;
    const body = planBody(Math.round(teachers.length * 0.9), teachers.length, serviceFeeFen, providerCount);
    const days = await classifyDays(db, districtId, s.id, semester!.startDate, semester!.endDate);
    const { values: policy, versions } = await afterSchoolPolicy(db, districtId, semester!.startDate);
    const result = checkServicePlan(body, days, policy['after-school.service'], versions);
    const providerName = (id: string | null) => (id === painting!.id ? painting!.institutionName : id === basketball!.id ? basketball!.institutionName : null);
    const findings = [...result.findings, ...checkCatalogue(courses, body, versions)];
    if (findings.length) throw new Error(`demo plan of ${s.name} breaks a rule: ${findings[0]!.message}`);
    const check: PlanCheckResult = { ...result, findings, ok: true };
    const snapshot = courses.map((c) => ({
      id: c.id, name: c.name, category: c.category, grades: c.grades, capacity: c.capacity, weekdays: c.weekdays, startTime: c.startTime.slice(0, 5),
      endTime: c.endTime.slice(0, 5), staffing: c.staffing, providerName: providerName(c.providerId), pricePerLessonFen: c.pricePerLessonFen,
    }));
    const submitted = status !== 'draft';
    const principal = code === 'SY01' ? idOf('demo-principal') : null;
    await db.insert(afterSchoolPlans).values({
      districtId,
      schoolId: s.id,
      semesterId: semester!.id,
      version: 1,
      status,
      body,
      courses: submitted ? snapshot : [],
      check: submitted ? check : null,
      policyVersions: submitted ? versions : null,
      submittedAt: submitted ? (status === 'approved' ? new Date(`${addDays(semester!.startDate, -10)}T10:00:00+08:00`) : at(-1, 16)) : null,
      submittedBy: submitted ? principal : null,
      reviewedAt: status === 'approved' ? new Date(`${addDays(semester!.startDate, -7)}T15:00:00+08:00`) : null,
      reviewedBy: status === 'approved' ? idOf('demo-district') : null,
      reviewNote: status === 'approved' ? '方案符合“5+2”要求，同意备案' : null,
      createdBy: principal,
    });
    await upsertPlanStatus(db, districtId, s.id, semester!.id);
  }

  const club = (name: string, category: CourseValues['category'], grades: number[], weekdays: number[], room: string, staffing: Partial<CourseValues>, capacity = 30): CourseValues => ({
    name, category, grades, capacity, weekdays, startTime: '16:50', endTime: '17:50', room, staffing: 'teacher', teacherIds: [], ...staffing,
  });
  await fileSchool(
    'SY01',
    [1, 2, 3, 4, 5, 6],
    3,
    (t) => [
      club('校园足球', 'sports', [3, 4, 5, 6], [1, 3], '足球场', { teacherIds: [idOf('demo-teacher')] }, 40),
      club('童声合唱', 'arts', [2, 3, 4], [2, 4], '音乐教室', { teacherIds: [t[3]!] }),
      club('趣味科学实验', 'science', [3, 4, 5, 6], [2, 5], '科学实验室', { teacherIds: [t[4]!] }, 24),
      club('硬笔书法', 'heritage', [1, 2, 3], [1, 4], '书法教室', { teacherIds: [idOf('demo-classteacher')] }),
      club('少儿国画', 'arts', [3, 4, 5], [3, 5], '美术教室', { staffing: 'provider', providerId: painting!.id, pricePerLessonFen: painting!.pricePerLessonFen, teacherIds: [t[5]!] }, 25),
      club('亲子绘本阅读', 'reading', [1, 2], [2, 4], '图书馆', { staffing: 'volunteer', volunteers: ['张小明妈妈', '李思源爸爸', '王一诺妈妈'], teacherIds: [t[6]!] }),
      club('小小种植园', 'labour', [4, 5, 6], [5], '劳动实践基地', { teacherIds: [t[7]!] }, 20),
    ],
    'approved',
    20_000,
    // 三年级: the class teacher of 三年级(2)班 and the grade's math teacher
    { 3: [idOf('demo-classteacher'), idOf('demo-teacher')] },
  );
  await fileSchool(
    'CX02',
    [1, 2, 3, 4, 5, 6],
    2,
    (t) => [
      club('篮球', 'sports', [4, 5, 6], [2, 4], '篮球场', { staffing: 'provider', providerId: basketball!.id, pricePerLessonFen: basketball!.pricePerLessonFen, teacherIds: [t[0]!] }),
      club('剪纸', 'heritage', [2, 3, 4], [1, 3], '美术教室', { teacherIds: [t[1]!] }),
      club('经典诵读', 'reading', [1, 2, 3], [5], '阅览室', { teacherIds: [t[2]!] }),
    ],
    'submitted',
    18_000,
  );
  await fileSchool(
    'CZ01',
    [7, 8, 9],
    3,
    (t) => [club('机器人编程', 'science', [7, 8], [2, 4], '创客教室', { teacherIds: [t[0]!] }), club('排球', 'sports', [7, 8, 9], [1, 3, 5], '体育馆', { teacherIds: [t[1]!] })],
    'draft',
    25_000,
  );
}
