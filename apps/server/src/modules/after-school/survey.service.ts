/**
 * 满意度调查: the district or a school builds a questionnaire, sends it to the families of chosen schools, grades or
 * courses (each child reached is one answer), and families answer on their phone, once, anonymously to the school.
 */
import { type FamilySurvey, roleHas, type Survey, type SurveyAnswerInput, type SurveyInput, type SurveyQuestion } from '@shuangjian/contracts';
import { answerProblemText, checkAnswers, normaliseAnswers, satisfactionOf, surveyPhase } from '@shuangjian/policy';
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, allows, districtWide, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { classifyDays } from '../calendar';
import { guardiansOfStudents, schoolDirectory, studentDirectory } from '../org';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolSchoolStats } from './schema';
import { afterSchoolSurveyAnswers, afterSchoolSurveyRecipients, afterSchoolSurveys } from './survey.schema';

type SurveyRow = typeof afterSchoolSurveys.$inferSelect;
const PERM = 'after-school.survey';

/** The schools the reader's survey grants reach: '*' for the district. */
export function surveySchools(ctx: Ctx): '*' | string[] {
  if (districtWide(ctx, PERM)) return '*';
  const out = new Set<string>();
  for (const g of ctx.grants) if (roleHas(g.role, PERM) && Array.isArray(g.school)) g.school.forEach((s) => out.add(s));
  return [...out];
}

/** Surveys the reader may see: their school's own, and the district's that reach their school. */
function visibleSurveys(ctx: Ctx): SQL {
  const mine = surveySchools(ctx);
  const s = afterSchoolSurveys;
  if (mine === '*') return scoped(ctx, s, PERM);
  const reach = mine.length
    ? sql`(${s.schoolId} is not null or cardinality(${s.audienceSchoolIds}) = 0 or ${s.audienceSchoolIds} && array[${sql.join(
        mine.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[])`
    : sql`${s.schoolId} is not null`;
  return and(scoped(ctx, s, PERM), reach) as SQL;
}

export function canEditSurvey(ctx: Ctx, row: Pick<SurveyRow, 'districtId' | 'schoolId'>): boolean {
  return row.schoolId ? allows(ctx, PERM, { districtId: row.districtId, school: row.schoolId }) : districtWide(ctx, PERM);
}

async function countsOf(q: Queryable, districtId: string, ids: string[], schools: '*' | string[]) {
  if (!ids.length) return new Map<string, { recipients: number; answered: number }>();
  const r = afterSchoolSurveyRecipients;
  const rows = await q
    .select({ id: r.surveyId, recipients: sql<number>`count(*)::int`, answered: sql<number>`count(*) filter (where ${r.answered})::int` })
    .from(r)
    .where(and(eq(r.districtId, districtId), inArray(r.surveyId, ids), schools === '*' ? undefined : inArray(r.schoolId, schools.length ? schools : [districtId])))
    .groupBy(r.surveyId);
  return new Map(rows.map((x) => [x.id, x]));
}

export function toSurvey(ctx: Ctx, row: SurveyRow, schoolName: string | null, counts?: { recipients: number; answered: number }): Survey {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    schoolId: row.schoolId,
    schoolName,
    audience: { schoolIds: row.audienceSchoolIds, grades: row.audienceGrades, courseIds: row.audienceCourseIds },
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    questions: row.questions as SurveyQuestion[],
    status: row.status,
    phase: surveyPhase({ sent: row.status === 'sent', opensOn: row.opensOn, closesOn: row.closesOn }, today(ctx)),
    recipients: counts?.recipients ?? 0,
    answered: counts?.answered ?? 0,
    createdAt: row.createdAt.toISOString(),
    canEdit: canEditSurvey(ctx, row),
  };
}

/** A survey the reader may see, or 404 (an unknown id and another school's survey answer the same). */
export async function loadSurvey(ctx: Ctx, id: string) {
  requirePermission(ctx, PERM);
  const [row] = await ctx.db
    .select({ s: afterSchoolSurveys, schoolName: schoolDirectory.name })
    .from(afterSchoolSurveys)
    .leftJoin(schoolDirectory, and(eq(schoolDirectory.districtId, afterSchoolSurveys.districtId), eq(schoolDirectory.id, afterSchoolSurveys.schoolId)))
    .where(and(visibleSurveys(ctx), eq(afterSchoolSurveys.id, id)));
  if (!row) throw notFound('调查');
  return row;
}

export async function getSurvey(ctx: Ctx, id: string): Promise<Survey> {
  const { s, schoolName } = await loadSurvey(ctx, id);
  return toSurvey(ctx, s, schoolName, (await countsOf(ctx.db, s.districtId, [s.id], surveySchools(ctx))).get(s.id));
}

export async function listSurveys(ctx: Ctx): Promise<{ items: Survey[] }> {
  requirePermission(ctx, PERM);
  const rows = await ctx.db
    .select({ s: afterSchoolSurveys, schoolName: schoolDirectory.name })
    .from(afterSchoolSurveys)
    .leftJoin(schoolDirectory, and(eq(schoolDirectory.districtId, afterSchoolSurveys.districtId), eq(schoolDirectory.id, afterSchoolSurveys.schoolId)))
    .where(visibleSurveys(ctx))
    .orderBy(desc(afterSchoolSurveys.opensOn), desc(afterSchoolSurveys.createdAt))
    .limit(200);
  const counts = await countsOf(ctx.db, ctx.user.districtId, rows.map((r) => r.s.id), surveySchools(ctx));
  return { items: rows.map((r) => toSurvey(ctx, r.s, r.schoolName, counts.get(r.s.id))) };
}

/** Checks owner, schools and courses of a survey being built; answers the columns to store. */
async function checkedInput(ctx: Ctx, input: SurveyInput) {
  const d = ctx.user.districtId;
  if (input.schoolId) {
    if (!allows(ctx, PERM, { districtId: d, school: input.schoolId })) throw notFound('学校');
    const own = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), eq(schoolDirectory.id, input.schoolId)));
    if (!own.length) throw notFound('学校');
    if (input.audience.schoolIds.some((id) => id !== input.schoolId)) throw invalid('audience.schoolIds', '调查对象学校', '学校只能调查本校的家长');
  } else {
    if (!districtWide(ctx, PERM)) throw forbidden('只有区教育局可以发起全区调查');
    const ids = [...new Set(input.audience.schoolIds)];
    if (ids.length) {
      const known = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), inArray(schoolDirectory.id, ids)));
      const bad = ids.findIndex((id) => !known.some((k) => k.id === id));
      if (bad >= 0) throw invalid(`audience.schoolIds.${bad}`, '调查对象学校', '学校不存在');
    }
  }
  const schoolIds = input.schoolId ? [input.schoolId] : [...new Set(input.audience.schoolIds)];
  const courseIds = [...new Set(input.audience.courseIds)];
  if (courseIds.length) {
    const known = await ctx.db
      .select({ id: afterSchoolCourses.id, schoolId: afterSchoolCourses.schoolId })
      .from(afterSchoolCourses)
      .where(and(eq(afterSchoolCourses.districtId, d), inArray(afterSchoolCourses.id, courseIds)));
    courseIds.forEach((id, n) => {
      const c = known.find((k) => k.id === id);
      if (!c || (schoolIds.length && !schoolIds.includes(c.schoolId))) throw invalid(`audience.courseIds.${n}`, '调查对象课程', '课程不存在或不属于所选学校');
    });
  }
  return {
    schoolId: input.schoolId,
    title: input.title,
    intro: input.intro,
    questions: input.questions,
    audienceSchoolIds: schoolIds,
    audienceGrades: [...new Set(input.audience.grades)].sort((a, b) => a - b),
    audienceCourseIds: courseIds,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  };
}

export async function createSurvey(ctx: Ctx, input: SurveyInput): Promise<Survey> {
  requirePermission(ctx, PERM);
  const values = await checkedInput(ctx, input);
  if (values.closesOn < today(ctx)) throw invalid('closesOn', '截止日期', '不能早于今天');
  const row = await ctx.db.transaction(async (tx) => {
    const [s] = await tx.insert(afterSchoolSurveys).values({ districtId: ctx.user.districtId, ...values, createdBy: ctx.user.id }).returning();
    await audit(tx, ctx.actor, { action: 'after-school.survey.create', entity: 'after_school_surveys', entityId: s!.id, after: values });
    return s!;
  });
  return getSurvey(ctx, row.id);
}

async function editable(ctx: Ctx, id: string) {
  const { s } = await loadSurvey(ctx, id);
  if (!canEditSurvey(ctx, s)) throw forbidden('只有发起调查的单位可以修改或发送');
  if (s.status !== 'draft') throw conflict('调查已发送，不能再修改');
  return s;
}

export async function updateSurvey(ctx: Ctx, id: string, input: SurveyInput): Promise<Survey> {
  const before = await editable(ctx, id);
  const values = await checkedInput(ctx, input);
  if ((values.schoolId ?? null) !== (before.schoolId ?? null)) throw invalid('schoolId', '发起单位', '不能更改');
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(afterSchoolSurveys)
      .set(values)
      .where(and(eq(afterSchoolSurveys.districtId, before.districtId), eq(afterSchoolSurveys.id, id), eq(afterSchoolSurveys.status, 'draft')))
      .returning({ id: afterSchoolSurveys.id });
    if (!done.length) throw conflict('调查已发送，不能再修改');
    await audit(tx, ctx.actor, { action: 'after-school.survey.update', entity: 'after_school_surveys', entityId: id, before, after: values });
  });
  return getSurvey(ctx, id);
}

/** The children a survey reaches, with the group keys their answers carry (a child in several courses: the first). */
async function audienceOf(q: Queryable, s: SurveyRow) {
  const dir = studentDirectory;
  const base = and(
    eq(dir.districtId, s.districtId),
    eq(dir.status, 'active'),
    s.audienceSchoolIds.length ? inArray(dir.schoolId, s.audienceSchoolIds) : undefined,
    s.audienceGrades.length ? inArray(dir.grade, s.audienceGrades) : undefined,
  );
  if (!s.audienceCourseIds.length) {
    const rows = await q.select({ studentId: dir.id, schoolId: dir.schoolId, grade: dir.grade }).from(dir).where(base);
    return rows.map((r) => ({ ...r, courseId: null as string | null }));
  }
  const e = afterSchoolEnrolments;
  const rows = await q
    .select({ studentId: dir.id, schoolId: dir.schoolId, grade: dir.grade, courseId: e.courseId })
    .from(e)
    .innerJoin(dir, and(eq(dir.districtId, e.districtId), eq(dir.id, e.studentId)))
    .where(and(base, eq(e.districtId, s.districtId), inArray(e.courseId, s.audienceCourseIds), eq(e.status, 'enrolled')))
    .orderBy(asc(e.courseId));
  const seen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!seen.has(r.studentId)) seen.set(r.studentId, r);
  return [...seen.values()];
}

/** Sends a draft: fixes whom it reaches and tells their families (the bell, and an SMS or WeChat where set up). */
export async function sendSurvey(ctx: Ctx, id: string): Promise<Survey> {
  const s = await editable(ctx, id);
  if (s.closesOn < today(ctx)) throw invalid('closesOn', '截止日期', '已过，请先修改日期');
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(afterSchoolSurveys)
      .set({ status: 'sent', sentAt: ctx.now() })
      .where(and(eq(afterSchoolSurveys.districtId, s.districtId), eq(afterSchoolSurveys.id, id), eq(afterSchoolSurveys.status, 'draft')))
      .returning({ id: afterSchoolSurveys.id });
    if (!done.length) throw conflict('调查已发送');
    const children = await audienceOf(tx, s);
    if (!children.length) throw conflict('没有符合条件的学生家长，调查无法发送');
    for (let i = 0; i < children.length; i += 2000)
      await tx.insert(afterSchoolSurveyRecipients).values(children.slice(i, i + 2000).map((c) => ({ districtId: s.districtId, surveyId: id, ...c })));
    const people: { userId: string | null; phone: string | null }[] = [];
    for (let i = 0; i < children.length; i += 5000)
      people.push(...(await guardiansOfStudents(tx, s.districtId, children.slice(i, i + 5000).map((c) => c.studentId))).map((g) => ({ userId: g.userId, phone: g.phone })));
    await notify(
      tx,
      s.districtId,
      people.filter((p) => p.userId),
      {
        kind: 'after-school.survey',
        title: `请填写问卷：${s.title}`,
        body: `${s.opensOn} 至 ${s.closesOn} 开放，匿名填写，学校看不到是谁填写的。`,
        link: '/after-school/surveys/family',
      },
      ctx.channels,
    );
    await audit(tx, ctx.actor, { action: 'after-school.survey.send', entity: 'after_school_surveys', entityId: id, after: { recipients: children.length } });
  });
  return getSurvey(ctx, id);
}

export async function deleteSurvey(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const s = await editable(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(afterSchoolSurveys).where(and(eq(afterSchoolSurveys.districtId, s.districtId), eq(afterSchoolSurveys.id, id), eq(afterSchoolSurveys.status, 'draft')));
    await audit(tx, ctx.actor, { action: 'after-school.survey.delete', entity: 'after_school_surveys', entityId: id, before: s });
  });
  return { ok: true };
}

/** The parent's own child, or 404 (another family's child answers the same as an unknown one). */
async function ownChild(ctx: Ctx, studentId: string) {
  requirePermission(ctx, 'after-school.family');
  const [c] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'after-school.family'), eq(studentDirectory.id, studentId)));
  if (!c) throw notFound('学生');
  return c;
}

/** The surveys sent to the family about a child: open ones to answer, and those already answered or closed. */
export async function familySurveys(ctx: Ctx, studentId: string): Promise<{ items: FamilySurvey[] }> {
  const child = await ownChild(ctx, studentId);
  const now = today(ctx);
  const r = afterSchoolSurveyRecipients;
  const rows = await ctx.db
    .select({ s: afterSchoolSurveys, answered: r.answered })
    .from(r)
    .innerJoin(afterSchoolSurveys, and(eq(afterSchoolSurveys.districtId, r.districtId), eq(afterSchoolSurveys.id, r.surveyId)))
    .where(and(eq(r.districtId, ctx.user.districtId), eq(r.studentId, child.id), isNotNull(afterSchoolSurveys.sentAt), sql`${afterSchoolSurveys.opensOn} <= ${now}`))
    .orderBy(desc(afterSchoolSurveys.closesOn))
    .limit(50);
  return {
    items: rows.map(({ s, answered }) => ({
      surveyId: s.id,
      studentId: child.id,
      studentName: child.name,
      title: s.title,
      intro: s.intro,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      open: surveyPhase({ sent: true, opensOn: s.opensOn, closesOn: s.closesOn }, now) === 'open',
      answered,
      questions: s.questions as SurveyQuestion[],
    })),
  };
}

/**
 * A family answers for a child, once: the recipient row flips to answered in the same statement that checks it was
 * not, and the sheet is stored with only its group keys. The overall satisfaction rating feeds the school's rollup.
 */
export async function answerSurvey(ctx: Ctx, surveyId: string, input: z.output<typeof SurveyAnswerInput>): Promise<{ ok: true }> {
  const child = await ownChild(ctx, input.studentId);
  const d = ctx.user.districtId;
  const r = afterSchoolSurveyRecipients;
  const [row] = await ctx.db
    .select({ s: afterSchoolSurveys })
    .from(r)
    .innerJoin(afterSchoolSurveys, and(eq(afterSchoolSurveys.districtId, r.districtId), eq(afterSchoolSurveys.id, r.surveyId)))
    .where(and(eq(r.districtId, d), eq(r.surveyId, surveyId), eq(r.studentId, child.id)));
  if (!row) throw notFound('调查');
  const s = row.s;
  const now = today(ctx);
  const phase = surveyPhase({ sent: s.status === 'sent', opensOn: s.opensOn, closesOn: s.closesOn }, now);
  if (phase === 'scheduled') throw conflict(`调查 ${s.opensOn} 才开始填写`);
  if (phase !== 'open') throw conflict('调查已截止');
  const questions = s.questions as SurveyQuestion[];
  const problems = checkAnswers(questions, input.answers);
  if (problems.length) {
    const p = problems[0]!;
    throw invalid(`answers.${p.question}`, `第 ${p.question + 1} 题`, answerProblemText[p.problem]);
  }
  const sheet = normaliseAnswers(questions, input.answers);
  const rating = satisfactionOf(questions, sheet);
  await ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .update(r)
      .set({ answered: true })
      .where(and(eq(r.districtId, d), eq(r.surveyId, surveyId), eq(r.studentId, child.id), eq(r.answered, false)))
      .returning({ schoolId: r.schoolId, grade: r.grade, courseId: r.courseId });
    if (!target) throw conflict('这份问卷已经填写过了，每个孩子只能填写一次');
    await tx.insert(afterSchoolSurveyAnswers).values({ districtId: d, surveyId, ...target, answers: sheet });
    if (rating !== null) {
      const semesterId = (await classifyDays(tx, d, target.schoolId, now, now))[0]?.semesterId;
      if (semesterId) {
        const st = afterSchoolSchoolStats;
        await tx
          .insert(st)
          .values({ districtId: d, schoolId: target.schoolId, semesterId, surveyAnswers: 1, satisfactionSum: rating })
          .onConflictDoUpdate({
            target: [st.districtId, st.schoolId, st.semesterId],
            set: { surveyAnswers: sql`${st.surveyAnswers} + 1`, satisfactionSum: sql`${st.satisfactionSum} + ${rating}`, refreshedAt: sql`now()` },
          });
      }
    }
    // the log says a family answered, never what: the sheet is anonymous
    await audit(tx, ctx.actor, { action: 'after-school.survey.answer', entity: 'after_school_surveys', entityId: surveyId });
  });
  return { ok: true };
}
