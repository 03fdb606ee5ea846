/**
 * Demo after-school data: the survey area. A closed satisfaction survey of 示范区实验小学's families earlier this
 * semester with enough answers for results, and the district's open survey that demo-parent can answer. Runs inside
 * the demo's one transaction (`db` is it), after the areas before it.
 */
import { addDays, type LocalDate, normaliseAnswers, satisfactionOf } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SurveyQuestion } from '@shuangjian/contracts';
import type { Db } from '../platform/db';
import { users } from '../platform/schema';
import { classifyDays } from '../modules/calendar';
import { afterSchoolSchoolStats } from '../modules/after-school/schema';
import { afterSchoolSurveyAnswers, afterSchoolSurveyRecipients, afterSchoolSurveys } from '../modules/after-school/survey.schema';
import { schoolDirectory, studentDirectory } from '../modules/org';

const q = (kind: SurveyQuestion['kind'], text: string, extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  kind,
  text,
  options: [],
  required: true,
  satisfaction: false,
  ...extra,
});

const SEMESTER_QUESTIONS: SurveyQuestion[] = [
  q('rating', '您对本学期学校课后服务的总体满意度', { satisfaction: true }),
  q('single', '孩子每天参加课后服务的时长是否合适', { options: ['合适', '偏长', '偏短'] }),
  q('multiple', '您希望增加哪些类型的课程', { options: ['体育', '艺术', '科技', '阅读', '劳动'] }),
  q('rating', '作业辅导时段对孩子完成作业的帮助'),
  q('text', '您对课后服务的其他意见和建议', { required: false }),
];
const OPEN_QUESTIONS: SurveyQuestion[] = [
  q('rating', '您对孩子学校课后服务的总体满意度', { satisfaction: true }),
  q('single', '孩子回家后还需要做多久书面作业', { options: ['基本不用', '30 分钟以内', '30–60 分钟', '60 分钟以上'] }),
  q('multiple', '您最看重课后服务的哪些方面', { options: ['作业辅导', '兴趣社团', '看护安全', '接送时间'] }),
  q('text', '意见和建议', { required: false }),
];
const TEXTS = ['老师很负责，孩子回家作业基本完成了', '希望增加足球和篮球社团', '接孩子的时间能否再灵活一些', '科技社团很受孩子欢迎'];

/** A small deterministic generator, so the demo is the same on every start. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedAfterSchoolSurveyDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const [school] = await db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, districtId), eq(schoolDirectory.name, '示范区实验小学')));
  if (!school) return;
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(and(eq(users.districtId, districtId), inArray(users.username, ['demo-principal', 'demo-district'])));
  const principal = people.find((p) => p.username === 'demo-principal')?.id;
  const officer = people.find((p) => p.username === 'demo-district')?.id;
  if (!principal || !officer) return;
  const semesterId = (await classifyDays(db, districtId, school.id, today, today))[0]?.semesterId;
  const children = await db
    .select({ studentId: studentDirectory.id, schoolId: studentDirectory.schoolId, grade: studentDirectory.grade })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, districtId), eq(studentDirectory.schoolId, school.id), eq(studentDirectory.status, 'active')));
  if (!children.length) return;
  const rnd = random(20261126);

  // closed: the school's mid-semester survey, answered by about two families in three
  const closesOn = addDays(today, -21);
  const [closed] = await db
    .insert(afterSchoolSurveys)
    .values({
      districtId,
      schoolId: school.id,
      title: '2026年秋季学期课后服务家长满意度调查',
      intro: '本问卷匿名填写，学校看不到是哪位家长填写的，请如实评价。',
      questions: SEMESTER_QUESTIONS,
      audienceSchoolIds: [school.id],
      opensOn: addDays(closesOn, -9),
      closesOn,
      status: 'sent',
      sentAt: sql`now() - interval '30 days'`,
      createdBy: principal,
    })
    .returning();
  const answered = children.filter(() => rnd() < 0.68);
  const takers = new Set(answered.map((c) => c.studentId));
  await db.insert(afterSchoolSurveyRecipients).values(children.map((c) => ({ districtId, surveyId: closed!.id, ...c, courseId: null, answered: takers.has(c.studentId) })));
  let satisfactionSum = 0;
  let rated = 0;
  const sheets = answered.map((c) => {
    const score = (r: number) => (r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : 2);
    const raw = [
      { rating: score(rnd()) },
      { choice: rnd() < 0.7 ? 0 : rnd() < 0.6 ? 2 : 1 },
      { choices: [0, 1, 2, 3, 4].filter(() => rnd() < 0.35).concat(rnd() < 0.5 ? [0] : [2]).filter((v, i, a) => a.indexOf(v) === i) },
      { rating: score(rnd()) },
      rnd() < 0.15 ? { text: TEXTS[Math.floor(rnd() * TEXTS.length)]! } : {},
    ];
    const sheet = normaliseAnswers(SEMESTER_QUESTIONS, raw);
    const rating = satisfactionOf(SEMESTER_QUESTIONS, sheet);
    if (rating !== null) {
      satisfactionSum += rating;
      rated++;
    }
    return { districtId, surveyId: closed!.id, schoolId: c.schoolId, grade: c.grade, courseId: null, answers: sheet };
  });
  for (let i = 0; i < sheets.length; i += 1000) await db.insert(afterSchoolSurveyAnswers).values(sheets.slice(i, i + 1000));
  if (semesterId && rated) {
    const st = afterSchoolSchoolStats;
    await db
      .insert(st)
      .values({ districtId, schoolId: school.id, semesterId, surveyAnswers: rated, satisfactionSum })
      .onConflictDoUpdate({
        target: [st.districtId, st.schoolId, st.semesterId],
        set: { surveyAnswers: sql`${st.surveyAnswers} + ${rated}`, satisfactionSum: sql`${st.satisfactionSum} + ${satisfactionSum}` },
      });
  }

  // open: the district's survey of grade 3 families, which demo-parent (张小明, 三年级(2)班) has not answered yet
  const grade3 = children.filter((c) => c.grade === 3);
  const [open] = await db
    .insert(afterSchoolSurveys)
    .values({
      districtId,
      schoolId: null,
      title: '全区三年级课后服务与作业负担问卷',
      intro: '区教育局开展的匿名问卷，约需 2 分钟。',
      questions: OPEN_QUESTIONS,
      audienceSchoolIds: [school.id],
      audienceGrades: [3],
      opensOn: addDays(today, -2),
      closesOn: addDays(today, 12),
      status: 'sent',
      sentAt: sql`now() - interval '2 days'`,
      createdBy: officer,
    })
    .returning();
  if (grade3.length) await db.insert(afterSchoolSurveyRecipients).values(grade3.map((c) => ({ districtId, surveyId: open!.id, ...c, courseId: null })));
}
