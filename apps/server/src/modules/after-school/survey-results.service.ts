/**
 * Survey results per school, grade or course, and their Excel export. A group with fewer answers than
 * 'after-school.surveyMinGroup' is withheld: its tallies and text answers never leave the server. The tallies come
 * whole; a text question's answers come a page at a time (the first page with the results, the rest from
 * `surveyTexts`); the workbook holds them all, up to SURVEY_EXPORT_MAX_ROWS lines.
 */
import {
  SURVEY_EXPORT_MAX_ROWS,
  SURVEY_TEXTS_PAGE,
  type SurveyGroupResult,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyTextPage,
  type SurveyTextsQuery,
} from '@shuangjian/contracts';
import { groupShown, type SurveyAnswerRule, tallySurvey } from '@shuangjian/policy';
import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { forbidden, invalid } from '../../platform/errors';
import { buildWorkbook } from '../../platform/excel';
import { pageTotal } from '../../platform/paging';
import { schoolDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { afterSchoolCourses } from './schema';
import { loadSurvey, surveySchools, toSurvey } from './survey.service';
import { afterSchoolSurveyAnswers, afterSchoolSurveyRecipients } from './survey.schema';

type GroupBy = SurveyResults['groupBy'];
type Sheet = (SurveyAnswerRule | null)[];

const keyOf = (groupBy: GroupBy, r: { schoolId: string; grade: number; courseId: string | null }) =>
  groupBy === 'school' ? r.schoolId : groupBy === 'grade' ? String(r.grade) : (r.courseId ?? 'none');

/** The schools whose answers the reader may see, as a condition on a school column (none: nothing matches). */
function inMineOf(ctx: Ctx, districtId: string) {
  const mine = surveySchools(ctx);
  return (col: typeof afterSchoolSurveyAnswers.schoolId | typeof afterSchoolSurveyRecipients.schoolId) => (mine === '*' ? undefined : inArray(col, mine.length ? mine : [districtId]));
}

/**
 * The results; `allTexts` (the workbook) keeps every text answer, otherwise each text question carries its first
 * SURVEY_TEXTS_PAGE answers (in the order `surveyTexts` pages them) and the count of all.
 */
export async function surveyResults(ctx: Ctx, id: string, groupBy: GroupBy, opts: { allTexts?: boolean } = {}): Promise<SurveyResults> {
  const { s, schoolName } = await loadSurvey(ctx, id);
  const d = s.districtId;
  const mine = surveySchools(ctx);
  const inMine = inMineOf(ctx, d);
  const a = afterSchoolSurveyAnswers;
  const r = afterSchoolSurveyRecipients;
  const [answers, recipients, { values, versions }] = await atOnce(ctx.db,
    () => ctx.db
      .select({ schoolId: a.schoolId, grade: a.grade, courseId: a.courseId, answers: a.answers })
      .from(a)
      .where(and(eq(a.districtId, d), eq(a.surveyId, id), inMine(a.schoolId)))
      .orderBy(asc(a.id)),
    () => ctx.db
      .select({ schoolId: r.schoolId, grade: r.grade, courseId: r.courseId, n: sql<number>`count(*)::int`, answered: sql<number>`count(*) filter (where ${r.answered})::int` })
      .from(r)
      .where(and(eq(r.districtId, d), eq(r.surveyId, id), inMine(r.schoolId)))
      .groupBy(r.schoolId, r.grade, r.courseId),
    () => afterSchoolPolicy(ctx.db, d, today(ctx)),
  );
  const minGroup = values['after-school.surveyMinGroup'];
  const questions = s.questions as SurveyQuestion[];

  const labels = new Map<string, string>();
  if (groupBy === 'school') {
    const ids = [...new Set(recipients.map((x) => x.schoolId))];
    if (ids.length)
      (await ctx.db.select({ id: schoolDirectory.id, name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), inArray(schoolDirectory.id, ids)))).forEach((x) =>
        labels.set(x.id, x.name),
      );
  } else if (groupBy === 'course') {
    const ids = [...new Set(recipients.map((x) => x.courseId).filter((x): x is string => !!x))];
    if (ids.length)
      (await ctx.db.select({ id: afterSchoolCourses.id, name: afterSchoolCourses.name }).from(afterSchoolCourses).where(and(eq(afterSchoolCourses.districtId, d), inArray(afterSchoolCourses.id, ids)))).forEach(
        (x) => labels.set(x.id, x.name),
      );
  }
  const label = (key: string) => (groupBy === 'grade' ? `${key}年级` : key === 'none' ? '未按课程' : (labels.get(key) ?? key));

  const result = (key: string, text: string, sheets: Sheet[], n: number): SurveyGroupResult => {
    const shown = groupShown(sheets.length, minGroup);
    const tallies = shown
      ? tallySurvey(questions, sheets).map((t) => ({ ...t, texts: opts.allTexts ? t.texts : t.texts.slice(0, SURVEY_TEXTS_PAGE), textsTotal: t.texts.length }))
      : null;
    return { key, label: text, recipients: n, answers: sheets.length, withheld: !shown, questions: tallies };
  };
  const groups = new Map<string, { sheets: Sheet[]; n: number }>();
  for (const x of recipients) {
    const g = groups.get(keyOf(groupBy, x)) ?? groups.set(keyOf(groupBy, x), { sheets: [], n: 0 }).get(keyOf(groupBy, x))!;
    g.n += x.n;
  }
  for (const x of answers) groups.get(keyOf(groupBy, x))?.sheets.push(x.answers as Sheet);
  const all = answers.map((x) => x.answers as Sheet);
  const total = recipients.reduce((t, x) => t + x.n, 0);
  const counts = { recipients: total, answered: recipients.reduce((t, x) => t + x.answered, 0) };
  return {
    survey: toSurvey(ctx, s, schoolName, counts),
    groupBy,
    minGroup,
    rule: 'after-school.surveyMinGroup',
    policyVersions: versions,
    overall: result('all', mine === '*' ? '全部' : '本校', all, total),
    groups: [...groups.entries()]
      .map(([key, g]) => result(key, label(key), g.sheets, g.n))
      .sort((x, y) => x.label.localeCompare(y.label, 'zh-CN', { numeric: true })),
  };
}

/** The group's answers as a condition: 'all' is everything the reader may see; a bad key is refused naming the field. */
function groupCondition(groupBy: GroupBy, key: string): SQL | undefined {
  const a = afterSchoolSurveyAnswers;
  const bad = () => invalid('group', '分组（group）', '不是这种分组方式的分组');
  if (key === 'all') return undefined;
  if (groupBy === 'grade') {
    if (!/^[1-9]$/.test(key)) throw bad();
    return eq(a.grade, Number(key));
  }
  if (groupBy === 'course' && key === 'none') return isNull(a.courseId);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) throw bad();
  return groupBy === 'school' ? eq(a.schoolId, key) : eq(a.courseId, key);
}

/**
 * One text question's answers in one group, a page at a time, with the count of all (in the answers' id order: they
 * are anonymous and carry no time). A group under the district's minimum is refused, as its results are withheld.
 */
export async function surveyTexts(ctx: Ctx, id: string, query: SurveyTextsQuery): Promise<SurveyTextPage> {
  const { s } = await loadSurvey(ctx, id);
  const d = s.districtId;
  const question = (s.questions as SurveyQuestion[])[query.question];
  if (!question || question.kind !== 'text') throw invalid('question', '题目（question）', '不是这份调查的文字题');
  const a = afterSchoolSurveyAnswers;
  const inGroup = and(eq(a.districtId, d), eq(a.surveyId, id), inMineOf(ctx, d)(a.schoolId), groupCondition(query.groupBy, query.group));
  const text = sql<string>`${a.answers} -> ${query.question}::int ->> 'text'`;
  const [sheets, page, { values }] = await atOnce(ctx.db,
    () => ctx.db.select({ n: count() }).from(a).where(inGroup),
    () => ctx.db
      .select({ text, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(a)
      .where(and(inGroup, sql`coalesce(${text}, '') <> ''`))
      .orderBy(asc(a.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    () => afterSchoolPolicy(ctx.db, d, today(ctx)),
  );
  const minGroup = values['after-school.surveyMinGroup'];
  if (!groupShown(sheets[0]?.n ?? 0, minGroup)) throw forbidden(`这个分组的答卷少于 ${minGroup} 份，不显示文字回答`);
  const total = await pageTotal(page, query.page, async () => (await ctx.db.select({ n: count() }).from(a).where(and(inGroup, sql`coalesce(${text}, '') <> ''`)))[0]?.n ?? 0);
  return { items: page.map((p) => p.text), total };
}

/** The results as a workbook: one line per group, question and option (or score) and every text answer; withheld groups say why. */
export async function surveyResultsWorkbook(ctx: Ctx, id: string, groupBy: GroupBy) {
  const res = await surveyResults(ctx, id, groupBy, { allTexts: true });
  const questions = res.survey.questions;
  const rows: Record<string, string | number | null>[] = [];
  for (const g of [res.overall, ...res.groups]) {
    if (g.withheld || !g.questions) {
      rows.push({ group: g.label, recipients: g.recipients, answers: g.answers, question: `答卷少于 ${res.minGroup} 份，不显示结果` });
      continue;
    }
    g.questions.forEach((t, qi) => {
      const q = questions[qi]!;
      const title = `${qi + 1}. ${q.text}`;
      const base = { group: g.label, recipients: g.recipients, answers: g.answers, question: title };
      if (t.kind === 'text') t.texts.forEach((text) => rows.push({ ...base, option: '文字回答', text }));
      else
        t.counts.forEach((n, oi) =>
          rows.push({
            ...base,
            option: t.kind === 'rating' ? `${oi + 1} 分` : q.options[oi]!,
            count: n,
            share: t.answered ? `${((n * 1000) / t.answered / 10).toFixed(1)}%` : '',
            average: t.averageX100 === null ? null : (t.averageX100 / 100).toFixed(2),
          }),
        );
    });
  }
  if (rows.length > SURVEY_EXPORT_MAX_ROWS)
    throw invalid('groupBy', '分组方式（groupBy）', `调查结果超过 ${SURVEY_EXPORT_MAX_ROWS} 行，一次最多导出 ${SURVEY_EXPORT_MAX_ROWS} 行，请换一种分组方式或在页面上分页查看文字回答`);
  const buffer = await buildWorkbook({
    name: '调查结果',
    columns: [
      { header: '分组', key: 'group', width: 20 },
      { header: '发放人数', key: 'recipients' },
      { header: '答卷数', key: 'answers' },
      { header: '题目', key: 'question', width: 40 },
      { header: '选项', key: 'option', width: 20 },
      { header: '人数', key: 'count' },
      { header: '占比', key: 'share' },
      { header: '平均分', key: 'average' },
      { header: '文字回答', key: 'text', width: 50 },
    ],
    rows,
  });
  return { buffer, fileName: `${res.survey.title}-调查结果.xlsx` };
}
